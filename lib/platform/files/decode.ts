// An uploaded text file's bytes as text, for every import. Zoom and Meet
// write UTF-8 (Zoom with a BOM); Teams writes UTF-16 with a BOM, little- or
// big-endian; a spreadsheet saved as CSV by an Italian Excel on Windows is
// Windows-1252 unless saved as «CSV UTF-8». The BOM decides; without one, NUL
// bytes give UTF-16 away, and text that is not valid UTF-8 is read as
// Windows-1252 rather than refused.

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

function sniff(bytes: Uint8Array): { encoding: Encoding; skip: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", skip: 2 };
  // No BOM: ASCII text in UTF-16 has a NUL in every other byte.
  const sample = bytes.subarray(0, 512);
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < sample.length; index += 1) {
    if (sample[index] === 0) {
      if (index % 2 === 0) evenNuls += 1;
      else oddNuls += 1;
    }
  }
  const half = sample.length / 4;
  if (oddNuls > half && oddNuls > evenNuls) return { encoding: "utf-16le", skip: 0 };
  if (evenNuls > half && evenNuls > oddNuls) return { encoding: "utf-16be", skip: 0 };
  return { encoding: "utf-8", skip: 0 };
}

/**
 * What Windows-1252 has at 0x80–0x9F (WHATWG Encoding Standard,
 * index-windows-1252; 0x81, 0x8D, 0x8F, 0x90 and 0x9D stay as they are).
 * Node's TextDecoder reads those bytes as Latin-1's control characters since
 * Node 20.18.3 and 22.13.0 (github.com/nodejs/node/issues/60888), so
 * "Sant’Agata" would lose its apostrophe: they are mapped here.
 */
const WINDOWS_1252_C1 = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252").decode(bytes).replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]);
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const { encoding, skip } = sniff(bytes);
  const body = bytes.subarray(skip);
  if (encoding !== "utf-8") return { text: new TextDecoder(encoding).decode(body), encoding };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding };
  } catch {
    return { text: decodeWindows1252(body), encoding: "windows-1252" };
  }
}

/** A binary file (a spreadsheet, a PDF): NUL bytes in a text that is not UTF-16. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return true; // zip: xlsx
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return true; // %PDF
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return true; // old .xls
  return false;
}
