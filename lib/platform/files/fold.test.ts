import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { foldText, foldWords } from "./fold";

describe("foldText", () => {
  test("case, accents, spaces, BOM and every kind of apostrophe", () => {
    expect(foldText("\uFEFF  Sant’Agata  di   MILITELLO ")).toBe("sant'agata di militello");
    expect(foldText("DURATA (MINUTI) ")).toBe("durata (minuti)");
    for (const apostrophe of ["'", "\u2018", "\u2019", "\u02bc", "`", "\u00b4"]) expect(foldText(`In sala d${apostrophe}attesa`)).toBe("in sala d'attesa");
    expect(foldText("Città di Cefalù")).toBe("citta di cefalu");
  });

  test("folding twice changes nothing", () => {
    fc.assert(fc.property(fc.string(), (value) => foldText(foldText(value)) === foldText(value)));
  });
});

test("foldWords: letters and digits as words", () => {
  expect(foldWords("Partita I.V.A.")).toBe("partita i v a");
  expect(foldWords("D'Amico  Maria-Grazia")).toBe("d amico maria grazia");
});
