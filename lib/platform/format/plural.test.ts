import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plural, pluralForm } from "./plural";

describe("plural", () => {
  it("agrees the noun with the count in Italian", () => {
    expect(plural(0, "Comune", "Comuni")).toBe("0 Comuni");
    expect(plural(1, "Comune", "Comuni")).toBe("1 Comune");
    expect(plural(2, "giorno", "giorni")).toBe("2 giorni");
    expect(plural(10_000, "iscrizione", "iscrizioni")).toBe("10.000 iscrizioni");
  });

  it("puts the number where # stands", () => {
    expect(plural(1, "ne manca #", "ne mancano #")).toBe("ne manca 1");
    expect(plural(4, "ne manca #", "ne mancano #")).toBe("ne mancano 4");
  });

  it("uses the singular form for exactly one and the plural otherwise", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (count) => {
        expect(pluralForm(count, { one: "a", other: "b" })).toBe(count === 1 ? "a" : "b");
      }),
    );
  });
});
