// A report's bytes as text. Zoom and Meet write UTF-8 (Zoom with a BOM);
// Teams writes UTF-16 with a BOM, little- or big-endian; a file re-saved by
// an Italian Excel on Windows may be Windows-1252. The BOM decides; without
// one, NUL bytes give UTF-16 away, and text that is not valid UTF-8 is read
// as Windows-1252 rather than refused.

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

export function decodeReport(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const { encoding, skip } = sniff(bytes);
  const body = bytes.subarray(skip);
  if (encoding !== "utf-8") return { text: new TextDecoder(encoding).decode(body), encoding };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(body), encoding: "windows-1252" };
  }
}

/** A binary file (a spreadsheet, a PDF): NUL bytes in a text that is not UTF-16. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return true; // zip: xlsx
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return true; // %PDF
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return true; // old .xls
  return false;
}
