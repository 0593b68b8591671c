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

describe("links and the footer", () => {
  it("keeps a PDF whole when a link's address holds brackets or a backslash", async () => {
    const { PdfWriter, A4_PORTRAIT } = await import("./writer");
    const { pdfLinks } = await import("./testing");
    const writer = await PdfWriter.create(A4_PORTRAIT, { title: "prova" });
    const address = "https://a.example.it/b)c(d\\e";
    writer.richParagraph([{ text: "qui", link: address }]);
    const bytes = await writer.save();
    await expect(PDFDocument.load(bytes)).resolves.toBeDefined();
    expect((await pdfLinks(bytes)).flat()).toHaveLength(1);
  });

  it("keeps '(' glued to a long link it opens, cut into line-wide chunks", async () => {
    const { PdfWriter, A4_PORTRAIT } = await import("./writer");
    const { pdfPagesText } = await import("./testing");
    const writer = await PdfWriter.create(A4_PORTRAIT, { title: "prova" });
    const address = `https://convoca.example.it/${"x".repeat(200)}`;
    writer.richParagraph([{ text: "vedi (" }, { text: address, link: address }, { text: ")." }], { size: 10 });
    const [page] = await pdfPagesText(await writer.save());
    expect(page).not.toMatch(/\(\s*\n/);
    expect(page.replace(/\s+/g, "")).toContain(`vedi(${address}).`);
  });

  it("cuts the footer's left text with an ellipsis before it reaches 'Pagina N di M'", async () => {
    const { PdfWriter, A4_PORTRAIT } = await import("./writer");
    const { pdfPagesText } = await import("./testing");
    const writer = await PdfWriter.create(A4_PORTRAIT, { title: "prova" });
    writer.footer(() => ({ left: "ANTEPRIMA - ".repeat(20), right: "Pagina 10 di 12" }));
    const [page] = await pdfPagesText(await writer.save());
    expect(page).toContain("…");
    expect(page).toContain("Pagina 10 di 12");
  });
});
