import { describe, expect, it } from "vitest";
import { referenceMeeting } from "@/prisma/seed/reference-meeting";
import { fundingText } from "@/lib/platform/pdf/funding";
import { pdfPagesText } from "@/lib/platform/pdf/testing";
import { buildLetterPdf, type LetterMeeting } from "./letter-pdf";

const letter: LetterMeeting = referenceMeeting;
// Lines wrap and runs in other fonts come back as separate items: compare without whitespace.
const squash = (text: string) => text.replace(/\s+/g, "");

/** Where each phrase starts in the text, in order; -1 for one that is missing or out of order. */
function positions(text: string, phrases: readonly string[]): number[] {
  let from = 0;
  return phrases.map((phrase) => {
    const at = squash(text).indexOf(squash(phrase), from);
    if (at >= 0) from = at + squash(phrase).length;
    return at;
  });
}

describe("the convocation letter as PDF", () => {
  it("has every element of the reference letter, in the letter's order, as selectable text", async () => {
    const pages = await pdfPagesText(await buildLetterPdf(letter));
    const text = pages.join("\n");
    const paragraphs = letter.body.split("\n\n").map((paragraph) => paragraph.replace(/\*\*|<|>/g, ""));
    const elements = [
      "Progetto co-finanziato",
      "dall'Unione Europea",
      "Città di Palermo",
      "MINISTERO DELL'INTERNO",
      fundingText(letter.fundingFund, letter.fundingLine),
      'PROGETTO COOPERA - I Comuni migliorano PER Arginare le vulnerabilità (progetto n. 3031)',
      "Palermo, 15 marzo 2022",
      "Prot. n. 0227/15/03/22",
      'Oggetto: CONVOCAZIONE TAVOLO TECNICO tra i Referenti del Coordinamento dei Comuni siciliani aderenti al SAI - Progetto 3031 "COOPERA"; giovedì 24 marzo 2022 ore 15:00-17.00',
      "Gentilissimi,",
      ...paragraphs,
      "In attesa di incontrarvi, l'occasione è gradita per porgere cordiali saluti",
      "Mario Emanuele Alvano",
      "Segretario Generale ANCI Sicilia",
    ];
    expect(positions(text, elements).map((at, index) => (at < 0 ? elements[index] : "ok"))).toEqual(elements.map(() => "ok"));
    expect(text).not.toContain("**");
  });

  it("numbers its pages 'Pagina N di M' with ANCI Sicilia's foot on each", async () => {
    const long: LetterMeeting = { ...letter, body: Array.from({ length: 12 }, () => letter.body).join("\n\n") };
    const pages = await pdfPagesText(await buildLetterPdf(long));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain(`Pagina ${index + 1} di ${pages.length}`);
      expect(page).toContain("ANCI SICILIA - Associazione dei comuni siciliani - progettocoopera.it");
    });
  });

  it("marks a draft's preview as not yet published, on every page", async () => {
    const [page] = await pdfPagesText(await buildLetterPdf(letter, { preview: true }));
    expect(page).toContain("ANTEPRIMA, non ancora pubblicata");
    const [published] = await pdfPagesText(await buildLetterPdf(letter));
    expect(published).not.toContain("ANTEPRIMA");
  });

  it("draws text no standard font has without failing (Greek, emoji)", async () => {
    const [page] = await pdfPagesText(await buildLetterPdf({ ...letter, body: "Saluti da Αθήνα 🎉 e **Ragusa**" }));
    expect(page).toContain("Ragusa");
  });
});
