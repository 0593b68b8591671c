import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { embedFonts } from "./fonts";
import { drawnWidth } from "./writer";

describe("the width of drawn text", () => {
  it("counts every glyph's full advance, as drawText places them: no kerning taken off", async () => {
    const { bold } = await embedFonts(await PDFDocument.create());
    const glyphs = [..."TAVOLO"].reduce((sum, char) => sum + bold.widthOfTextAtSize(char, 10), 0);
    expect(drawnWidth(bold, "TAVOLO", 10)).toBeCloseTo(glyphs, 6);
    // pdf-lib's own measure kerns "AV" and "VO", which drawText does not: a word placed by it would touch the next.
    expect(bold.widthOfTextAtSize("TAVOLO", 10)).toBeLessThan(glyphs);
  });
});

describe("a paragraph of runs", () => {
  it("cuts a word wider than the line where the line ends, so no text runs past the margin", async () => {
    const { PdfWriter, A4_PORTRAIT } = await import("./writer");
    const { pdfPagesText } = await import("./testing");
    const writer = await PdfWriter.create(A4_PORTRAIT, { title: "prova" });
    const address = `https://convoca.example.it/${"percorso-molto-lungo-".repeat(12)}fine`;
    writer.richParagraph([{ text: "Vai a " }, { text: address, link: address }], { size: 10 });
    const lines = (await pdfPagesText(await writer.save()))[0].split("\n").filter((line) => line.trim());
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join("").replace(/\s+/g, "")).toContain(address);
    const { regular } = writer.fonts;
    for (const line of lines) expect(drawnWidth(regular, line.trim(), 10)).toBeLessThanOrEqual(writer.contentWidth + 1);
  });
});
