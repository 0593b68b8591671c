// A small flowing layout over pdf-lib: paragraphs that wrap and break onto
// new pages, tables whose header repeats on each page, and a footer written
// on every page once the page count is known ("Pagina N di M").
import { PDFDocument, PDFString, rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import { drawableText, embedFonts, type Fonts } from "./fonts";

export const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
export const A4_PORTRAIT: [number, number] = [595.28, 841.89];

export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.36, 0.44, 0.51);
export const BLUE = rgb(0, 0.4, 0.8);
const RULE = rgb(0.7, 0.74, 0.78);
const HEADER_FILL = rgb(0.9, 0.94, 0.98);

export type FontName = keyof Fonts;

export type TextStyle = {
  size?: number;
  font?: FontName;
  color?: RGB;
  align?: "left" | "center" | "right";
  /** Extra space after the paragraph, in points. */
  after?: number;
  /** Narrower than the content width, from the left margin (or centred). */
  width?: number;
  indent?: number;
};

export type Column = { header: string; width: number; align?: "left" | "right" };

/** A stretch of a paragraph in one font; a link's text is also clickable. */
export type Run = { text: string; font?: FontName; link?: string };

type Piece = { text: string; font: PDFFont; link?: string; width: number };

export type DocumentInfo = { title: string; subject?: string; author?: string; keywords?: string[]; createdAt?: Date };

type Margins = { top: number; right: number; bottom: number; left: number };

const LINE_HEIGHT = 1.25;

/**
 * How wide the text is as drawText draws it: glyph by glyph. pdf-lib's
 * widthOfTextAtSize subtracts kerning ("AV", "VO") that drawText does not
 * apply, so a word placed after "TAVOLO" by that width would touch it.
 */
export function drawnWidth(font: PDFFont, text: string, size: number): number {
  let width = 0;
  for (const char of text) width += font.widthOfTextAtSize(char, size);
  return width;
}

/** Lines of at most `width` points; a word longer than a line is cut. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const safe = drawableText(font, text).trim();
  if (safe === "") return [""];
  const lines: string[] = [];
  let line = "";
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= width;
  for (const word of safe.split(/ +/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    let rest = word;
    while (!fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

export class PdfWriter {
  page!: PDFPage;
  /** The baseline cursor: where the next line's top is. */
  y = 0;

  private constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly size: [number, number],
    readonly margins: Margins,
  ) {}

  static async create(size: [number, number], info: DocumentInfo, margins: Margins = { top: 40, right: 36, bottom: 48, left: 36 }) {
    const doc = await PDFDocument.create();
    doc.setTitle(info.title, { showInWindowTitleBar: true });
    if (info.subject) doc.setSubject(info.subject);
    doc.setAuthor(info.author ?? "ANCI Sicilia - Coordinamento dei Comuni siciliani aderenti al SAI");
    if (info.keywords) doc.setKeywords(info.keywords);
    doc.setCreator("Convoca");
    doc.setProducer("Convoca (pdf-lib)");
    doc.setLanguage("it-IT");
    const when = info.createdAt ?? new Date();
    doc.setCreationDate(when);
    doc.setModificationDate(when);
    const writer = new PdfWriter(doc, await embedFonts(doc), size, margins);
    writer.addPage();
    return writer;
  }

  get left(): number {
    return this.margins.left;
  }

  get contentWidth(): number {
    return this.size[0] - this.margins.left - this.margins.right;
  }

  addPage(): void {
    this.page = this.doc.addPage(this.size);
    this.y = this.size[1] - this.margins.top;
  }

  /** A new page unless `height` points still fit above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height < this.margins.bottom) this.addPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  /** Draws one line of already-safe text with its top at the cursor. */
  private line(text: string, x: number, size: number, font: PDFFont, color: RGB) {
    this.page.drawText(text, { x, y: this.y - size, size, font, color });
  }

  paragraph(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const font = this.fonts[style.font ?? "regular"];
    const width = style.width ?? this.contentWidth - (style.indent ?? 0);
    const lineHeight = size * LINE_HEIGHT;
    for (const line of wrapText(text, font, size, width)) {
      this.ensure(lineHeight);
      const lineWidth = font.widthOfTextAtSize(line, size);
      const x =
        style.align === "center"
          ? this.left + (this.contentWidth - lineWidth) / 2
          : style.align === "right"
            ? this.left + this.contentWidth - lineWidth
            : this.left + (style.indent ?? 0);
      this.line(line, x, size, font, style.color ?? INK);
      this.y -= lineHeight;
    }
    this.y -= style.after ?? 0;
  }

  /**
   * A paragraph of runs in different fonts (a letter's bold words), wrapped
   * at spaces: text glued across runs ("**24 marzo**,") stays on one line.
   */
  richParagraph(runs: readonly Run[], style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const lineHeight = size * LINE_HEIGHT;
    const width = style.width ?? this.contentWidth - (style.indent ?? 0);
    const space = this.fonts.regular.widthOfTextAtSize(" ", size);
    const words: Piece[][] = [];
    let glued = false;
    for (const run of runs) {
      const font = this.fonts[run.font ?? style.font ?? "regular"];
      for (const token of drawableText(font, run.text).split(/( +)/)) {
        if (token === "") continue;
        if (token.trim() === "") {
          glued = false;
          continue;
        }
        const piece = { text: token, font, link: run.link, width: drawnWidth(font, token, size) };
        if (glued && words.length > 0) words[words.length - 1].push(piece);
        else words.push([piece]);
        glued = true;
      }
    }
    const wordWidth = (word: Piece[]) => word.reduce((sum, piece) => sum + piece.width, 0);
    // A word wider than the line (a long address) is cut where the line ends, as wrapText cuts one.
    // Its runs stay glued: "(" and a long link are cut into line-wide chunks, not spaced apart.
    const cut = (word: Piece[]): Piece[][] => {
      if (wordWidth(word) <= width) return [word];
      const chunks: Piece[][] = [[]];
      let used = 0;
      for (const piece of word) {
        let text = "";
        const flush = () => {
          if (text) chunks[chunks.length - 1].push({ ...piece, text, width: drawnWidth(piece.font, text, size) });
          text = "";
        };
        for (const char of piece.text) {
          const advance = drawnWidth(piece.font, char, size);
          if (used > 0 && used + advance > width) {
            flush();
            chunks.push([]);
            used = 0;
          }
          text += char;
          used += advance;
        }
        flush();
      }
      return chunks.filter((chunk) => chunk.length > 0);
    };
    const lines: Piece[][][] = [];
    let lineWidth = 0;
    for (const word of words.flatMap(cut)) {
      const current = lines[lines.length - 1];
      if (current && lineWidth + space + wordWidth(word) <= width) {
        current.push(word);
        lineWidth += space + wordWidth(word);
      } else {
        lines.push([word]);
        lineWidth = wordWidth(word);
      }
    }
    for (const line of lines) {
      this.ensure(lineHeight);
      const total = line.reduce((sum, word) => sum + wordWidth(word), 0) + space * (line.length - 1);
      let x =
        style.align === "center"
          ? this.left + (this.contentWidth - total) / 2
          : style.align === "right"
            ? this.left + this.contentWidth - total
            : this.left + (style.indent ?? 0);
      line.forEach((word, index) => {
        if (index > 0) x += space;
        for (const piece of word) {
          this.line(piece.text, x, size, piece.font, piece.link ? BLUE : (style.color ?? INK));
          if (piece.link) this.linkArea(piece.link, x, this.y - size * 1.1, piece.width, size * 1.2);
          x += piece.width;
        }
      });
      this.y -= lineHeight;
    }
    this.y -= style.after ?? 0;
  }

  /** A clickable area on the page that opens `url`. */
  linkArea(url: string, x: number, y: number, width: number, height: number): void {
    const annotation = this.doc.context.register(
      this.doc.context.obj({
        Type: "Annot",
        Subtype: "Link",
        Rect: [x, y, x + width, y + height],
        Border: [0, 0, 0],
        // A literal string: its backslashes and brackets escaped, or a ")" in the address would end it.
        A: { Type: "Action", S: "URI", URI: PDFString.of(url.replace(/[\\()]/g, "\\$&")) },
      }),
    );
    this.page.node.addAnnot(annotation);
  }

  /** "Label: value" lines, the label in bold, values wrapping under themselves. */
  facts(rows: readonly (readonly [string, string])[], size = 10, labelWidth = 120): void {
    const lineHeight = size * LINE_HEIGHT;
    for (const [label, value] of rows) {
      const lines = wrapText(value, this.fonts.regular, size, this.contentWidth - labelWidth);
      this.ensure(lineHeight * Math.min(lines.length, 3));
      this.line(drawableText(this.fonts.bold, label), this.left, size, this.fonts.bold, INK);
      for (const line of lines) {
        this.ensure(lineHeight);
        this.line(line, this.left + labelWidth, size, this.fonts.regular, INK);
        this.y -= lineHeight;
      }
    }
  }

  rule(color: RGB = RULE, thickness = 0.75): void {
    this.page.drawLine({
      start: { x: this.left, y: this.y },
      end: { x: this.left + this.contentWidth, y: this.y },
      thickness,
      color,
    });
  }

  /**
   * A table: a shaded header row (repeated at the top of each new page),
   * cells that wrap, a rule under each row. Widths are in points.
   */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], size = 8): void {
    const padding = 3;
    const lineHeight = size * LINE_HEIGHT;
    const wrapRow = (cells: readonly string[], font: PDFFont) =>
      columns.map((column, index) => wrapText(cells[index] ?? "", font, size, column.width - 2 * padding));
    const header = wrapRow(
      columns.map((column) => column.header),
      this.fonts.bold,
    );
    const rowHeight = (wrapped: string[][]) => Math.max(...wrapped.map((lines) => lines.length)) * lineHeight + 2 * padding;

    const drawRow = (wrapped: string[][], font: PDFFont, fill?: RGB) => {
      const height = rowHeight(wrapped);
      const totalWidth = columns.reduce((sum, column) => sum + column.width, 0);
      if (fill) this.page.drawRectangle({ x: this.left, y: this.y - height, width: totalWidth, height, color: fill });
      let x = this.left;
      columns.forEach((column, index) => {
        wrapped[index].forEach((line, lineIndex) => {
          const lineWidth = font.widthOfTextAtSize(line, size);
          const lineX = column.align === "right" ? x + column.width - padding - lineWidth : x + padding;
          this.page.drawText(line, { x: lineX, y: this.y - padding - size - lineIndex * lineHeight + 1, size, font, color: INK });
        });
        x += column.width;
      });
      this.y -= height;
      this.page.drawLine({ start: { x: this.left, y: this.y }, end: { x: this.left + totalWidth, y: this.y }, thickness: 0.5, color: RULE });
    };

    const headerHeight = rowHeight(header);
    this.ensure(headerHeight + lineHeight + 2 * padding);
    drawRow(header, this.fonts.bold, HEADER_FILL);
    for (const row of rows) {
      const wrapped = wrapRow(row, this.fonts.regular);
      if (this.y - rowHeight(wrapped) < this.margins.bottom) {
        this.addPage();
        drawRow(header, this.fonts.bold, HEADER_FILL);
      }
      drawRow(wrapped, this.fonts.regular);
    }
  }

  /** Writes the footer on every page, left and right, once all pages exist. */
  footer(text: (pageNumber: number, pageCount: number) => { left: string; right: string }, size = 8): void {
    const pages = this.doc.getPages();
    const font = this.fonts.regular;
    pages.forEach((page, index) => {
      const { left, right } = text(index + 1, pages.length);
      const y = this.margins.bottom / 2;
      const safeRight = drawableText(font, right);
      // The left text gives way to the right one ("Pagina N di M"): cut, with an ellipsis.
      const room = this.contentWidth - font.widthOfTextAtSize(safeRight, size) - 12;
      let safeLeft = drawableText(font, left);
      if (drawnWidth(font, safeLeft, size) > room) {
        while (safeLeft && drawnWidth(font, `${safeLeft}…`, size) > room) safeLeft = safeLeft.slice(0, -1);
        safeLeft = `${safeLeft.trimEnd()}…`;
      }
      page.drawText(safeLeft, { x: this.left, y, size, font, color: MUTED });
      page.drawText(safeRight, { x: this.size[0] - this.margins.right - font.widthOfTextAtSize(safeRight, size), y, size, font, color: MUTED });
    });
  }

  async save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}
