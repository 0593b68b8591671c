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
