// The standard PDF fonts (Helvetica) with WinAnsi encoding: Italian accents
// (àèéìòù, À, È…), curly quotes, dashes and € are there; anything else
// (other scripts, emoji) would make pdf-lib throw, so text is made safe first.
import { StandardFonts, type PDFDocument, type PDFFont } from "pdf-lib";

export type Fonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont };

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  const [regular, bold, italic] = await Promise.all([
    doc.embedFont(StandardFonts.Helvetica),
    doc.embedFont(StandardFonts.HelveticaBold),
    doc.embedFont(StandardFonts.HelveticaOblique),
  ]);
  return { regular, bold, italic };
}

const characterSets = new WeakMap<PDFFont, Set<number>>();

function characterSet(font: PDFFont): Set<number> {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set;
}

/**
 * The text as the font can draw it: line breaks and tabs become spaces, a
 * letter outside the encoding loses its diacritics ("ő" → "o", "ł" stays
 * "?"), and whatever is left becomes "?". Never throws.
 */
export function drawableText(font: PDFFont, text: string): string {
  const supported = characterSet(font);
  let out = "";
  for (const char of text.normalize("NFC").replace(/[\r\n\t]+/g, " ")) {
    const code = char.codePointAt(0)!;
    if (supported.has(code)) {
      out += char;
      continue;
    }
    const base = char.normalize("NFD").replace(/\p{M}+/gu, "");
    out += base && [...base].every((c) => supported.has(c.codePointAt(0)!)) ? base : "?";
  }
  return out;
}
