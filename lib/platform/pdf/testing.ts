// For tests only (pdfjs-dist is a dev dependency): the text of each page of a
// PDF, as a reader or a screen reader would get it.
export async function pdfPagesText(bytes: Uint8Array | ArrayBuffer): Promise<string[]> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const data = bytes instanceof Uint8Array ? new Uint8Array(bytes) : new Uint8Array(bytes);
  const pdf = await getDocument({ data, disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const text = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : " ") : "")).join("");
    pages.push(text.replace(/[ \t]+/g, " "));
  }
  await pdf.destroy();
  return pages;
}

/** For tests only: the addresses of every page's link annotations, page by page. */
export async function pdfLinks(bytes: Uint8Array): Promise<string[][]> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[][] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const annotations: { subtype?: string; url?: string }[] = await (await pdf.getPage(number)).getAnnotations();
    pages.push(annotations.filter((a) => a.subtype === "Link" && a.url).map((a) => a.url!));
  }
  await pdf.destroy();
  return pages;
}
