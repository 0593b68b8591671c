// The blank scheda referenti the convocation letter says is attached: the
// online form's fields on paper, under the letterhead, with the address of the
// form itself (clickable) for whoever can fill it in online instead.
import { drawFundingBlock, type Funding } from "@/lib/platform/pdf/funding";
import { A4_PORTRAIT, INK, MUTED, PdfWriter } from "@/lib/platform/pdf/writer";
import { REFERENT_ROLE_LABELS } from "../labels";

export const BLANK_SHEET_FILENAME = "scheda-referenti.pdf";
/** Referents on paper: the online form takes up to MAX_REFERENTS. */
const PAPER_REFERENTS = 3;

type Field = string | { label: string; choices: readonly string[] };

function drawField(writer: PdfWriter, field: Field): void {
  const size = 9.5;
  writer.ensure(26);
  const { regular } = writer.fonts;
  const baseline = writer.y - 16;
  if (typeof field === "string") {
    writer.page.drawText(field, { x: writer.left, y: baseline, size, font: regular, color: INK });
    const start = writer.left + regular.widthOfTextAtSize(field, size) + 6;
    writer.page.drawLine({ start: { x: start, y: baseline - 1 }, end: { x: writer.left + writer.contentWidth, y: baseline - 1 }, thickness: 0.5, color: MUTED });
  } else {
    let x = writer.left;
    writer.page.drawText(field.label, { x, y: baseline, size, font: regular, color: INK });
    x += regular.widthOfTextAtSize(field.label, size) + 10;
    for (const choice of field.choices) {
      writer.page.drawRectangle({ x, y: baseline - 1, width: 9, height: 9, borderColor: INK, borderWidth: 0.75 });
      writer.page.drawText(choice, { x: x + 13, y: baseline, size, font: regular, color: INK });
      x += 13 + regular.widthOfTextAtSize(choice, size) + 18;
    }
  }
  writer.y -= 24;
}

function drawCheck(writer: PdfWriter, label: string): void {
  writer.ensure(30);
  writer.page.drawRectangle({ x: writer.left, y: writer.y - 11, width: 9, height: 9, borderColor: INK, borderWidth: 0.75 });
  writer.paragraph(label, { size: 9.5, indent: 16, after: 8 });
}

/** A heading kept on one page with the `rows` fields under it. */
function section(writer: PdfWriter, heading: string, rows: number): void {
  writer.ensure(30 + rows * 24);
  writer.space(6);
  writer.paragraph(heading, { size: 11.5, font: "bold", after: 2 });
}

/**
 * The scheda on paper. `formUrl` is the online form's address, `privacyUrl`
 * the notice's; the letterhead is the latest convocation's, when there is one.
 */
export async function buildBlankSheetPdf({ formUrl, privacyUrl, letterhead }: { formUrl: string; privacyUrl: string; letterhead: Funding | null }): Promise<Uint8Array> {
  const writer = await PdfWriter.create(
    A4_PORTRAIT,
    { title: "Scheda referenti", subject: "Coordinamento dei Comuni siciliani aderenti al SAI", keywords: ["SAI", "scheda referenti"] },
    { top: 48, right: 56, bottom: 64, left: 56 },
  );
  if (letterhead) drawFundingBlock(writer, letterhead);
  writer.paragraph("Scheda referenti", { size: 18, font: "bold", align: "center", after: 2 });
  writer.paragraph("Coordinamento dei Comuni siciliani aderenti al SAI", { size: 11, align: "center", after: 12 });
  writer.richParagraph(
    [
      { text: "La scheda si compila e si invia anche online, senza stamparla: " },
      { text: formUrl, link: formUrl },
      { text: ". Ogni Comune indica uno o più referenti, politici o tecnici, che riceveranno le convocazioni del Coordinamento." },
    ],
    { size: 9.5, after: 6 },
  );

  section(writer, "Il Comune", 2);
  drawField(writer, "Comune");
  drawField(writer, "PEC del Comune");

  const roles = Object.values(REFERENT_ROLE_LABELS);
  for (let index = 1; index <= PAPER_REFERENTS; index += 1) {
    const fields = ["Nome", "Cognome", { label: "Ruolo", choices: roles }, "Ufficio o incarico", "Email", "Telefono (facoltativo)"] as const;
    section(writer, `Referente ${index}${index > 1 ? " (facoltativo)" : ""}`, fields.length);
    for (const field of fields) drawField(writer, field);
  }

  const officer = ["Nome", "Cognome", "Ruolo o qualifica", "Email", "Telefono (facoltativo)"];
  section(writer, "Chi compila la scheda", officer.length);
  for (const field of officer) drawField(writer, field);

  section(writer, "Privacy", 3);
  drawCheck(writer, `Ho preso visione dell'informativa privacy (${privacyUrl}) e l'ho portata a conoscenza dei referenti indicati`);
  drawCheck(writer, "Il Comune desidera ricevere le comunicazioni del Coordinamento sulle prossime iniziative (facoltativo)");
  writer.space(10);
  drawField(writer, "Data e firma");

  writer.footer((page, pages) => ({ left: "ANCI SICILIA - Scheda referenti del Coordinamento dei Comuni SAI", right: `Pagina ${page} di ${pages}` }));
  return writer.save();
}
