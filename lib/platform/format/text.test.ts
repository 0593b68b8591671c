import { describe, it, expect } from "vitest";
import { formatShortDateWithArticle } from "./dates";
import { stripInlineMarkdown } from "./text";

describe("stripInlineMarkdown", () => {
  it("keeps the words of a letter's subject and drops the emphasis marks", () => {
    expect(stripInlineMarkdown('Progetto 3031 "COOPERA"; **giovedì 24 marzo 2022 ore 15:00-17.00**')).toBe(
      'Progetto 3031 "COOPERA"; giovedì 24 marzo 2022 ore 15:00-17.00',
    );
    expect(stripInlineMarkdown("un _corsivo_ e un `codice`")).toBe("un corsivo e un codice");
  });

  it("writes links as text followed by their address", () => {
    expect(stripInlineMarkdown("vedi [il sito](https://www.anci.sicilia.it) o <http://www.anci.sicilia.it/iscrizioni>")).toBe(
      "vedi il sito (https://www.anci.sicilia.it) o http://www.anci.sicilia.it/iscrizioni",
    );
  });

  it("leaves snake_case and arithmetic alone", () => {
    expect(stripInlineMarkdown("file_name_v2 e 2 * 3 * 4")).toBe("file_name_v2 e 2 * 3 * 4");
  });
});

describe("formatShortDateWithArticle", () => {
  it("uses the Rome calendar day with the right article", () => {
    // 23:30 UTC on 23 March is already 24 March in Rome.
    expect(formatShortDateWithArticle(new Date("2022-03-23T23:30:00Z"))).toBe("il 24 marzo 2022");
    expect(formatShortDateWithArticle(new Date("2022-03-24T10:00:00Z"), "a")).toBe("al 24 marzo 2022");
    expect(formatShortDateWithArticle(new Date("2022-03-24T10:00:00Z"), "da")).toBe("dal 24 marzo 2022");
  });

  it("elides the article before 1, 8 and 11", () => {
    expect(formatShortDateWithArticle(new Date("2026-12-08T10:00:00Z"))).toBe("l'8 dicembre 2026");
    expect(formatShortDateWithArticle(new Date("2027-04-11T10:00:00Z"), "a")).toBe("all'11 aprile 2027");
    expect(formatShortDateWithArticle(new Date("2027-06-01T10:00:00Z"), "da")).toBe("dall'1 giugno 2027");
  });
});
