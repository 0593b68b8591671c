import { describe, expect, test } from "vitest";
import { decodeText, looksBinary } from "./decode";

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16 = (text: string, littleEndian: boolean) => {
  const bytes = new Uint8Array(text.length * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < text.length; index += 1) view.setUint16(index * 2, text.charCodeAt(index), littleEndian);
  return bytes;
};

describe("decodeText", () => {
  test("UTF-8 with or without a BOM, the BOM dropped", () => {
    expect(decodeText(utf8("\uFEFFComune;Città\n"))).toEqual({ text: "Comune;Città\n", encoding: "utf-8" });
    expect(decodeText(utf8("Comune;Città\n"))).toEqual({ text: "Comune;Città\n", encoding: "utf-8" });
  });

  test("UTF-16 by its BOM, either byte order, or by its NUL bytes without one", () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...utf16("Nome\tDurata", true)]))).toEqual({ text: "Nome\tDurata", encoding: "utf-16le" });
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...utf16("Nome\tDurata", false)]))).toEqual({ text: "Nome\tDurata", encoding: "utf-16be" });
    expect(decodeText(utf16("Nome\tDurata", true))).toEqual({ text: "Nome\tDurata", encoding: "utf-16le" });
  });

  test("what is not UTF-8 is Windows-1252, never refused", () => {
    const bytes = new Uint8Array([...utf8("Cefal"), 0xf9, ...utf8(";Sant"), 0x92, ...utf8("Agata;"), 0x80]);
    expect(decodeText(bytes)).toEqual({ text: "Cefalù;Sant’Agata;€", encoding: "windows-1252" });
  });

  test("Windows-1252's 0x80–0x9F are its letters and signs (as a browser reads them), whatever Node's own decoder does", () => {
    const bytes = new Uint8Array([0xe8, ...Array.from({ length: 32 }, (_, i) => 0x80 + i)]);
    expect(decodeText(bytes).text).toBe("è€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ");
  });
});

test("looksBinary: a workbook, a PDF or an old .xls, not a text", () => {
  expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe(true);
  expect(looksBinary(utf8("%PDF-1.7"))).toBe(true);
  expect(looksBinary(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toBe(true);
  expect(looksBinary(utf8("Nome,Durata"))).toBe(false);
});
