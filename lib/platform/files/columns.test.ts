import { describe, expect, test } from "vitest";
import { columnsNamed, isBlankRow, leftmostColumns } from "./columns";

describe("columnsNamed", () => {
  test("the most specific name's columns first, then left to right, each once", () => {
    const header = ["durata", "nome", "durata (minuti)", "durata"];
    expect(columnsNamed(header, ["durata (minuti)", "durata"])).toEqual([2, 0, 3]);
    expect(columnsNamed(header, ["email"])).toEqual([]);
    expect(columnsNamed(header, undefined)).toEqual([]);
  });
});

describe("leftmostColumns", () => {
  test("each field's leftmost column, whatever name it goes by; the first of two alike wins", () => {
    const synonyms = { body: ["ente gestore", "ente"], town: ["comune"] } as const;
    expect(leftmostColumns(["ente", "comune", "ente gestore", "comune"], synonyms)).toEqual({ body: 0, town: 1 });
    expect(leftmostColumns(["provincia"], synonyms)).toEqual({});
  });
});

test("isBlankRow: only blanks", () => {
  expect(isBlankRow(["", "  ", "\t"])).toBe(true);
  expect(isBlankRow([])).toBe(true);
  expect(isBlankRow(["", "x"])).toBe(false);
});
