// The attestato di partecipazione, A4 portrait: the funding block, who took
// part in what, for how long, who organised it, and at the bottom the code
// with a QR that opens the public verification page.
import QRCode from "qrcode";
import { durationMinutes } from "@/lib/attendance/register/meeting";
import { formatDateTimeRange, formatShortDate } from "@/lib/platform/format/dates";
import { stripInlineMarkdown } from "@/lib/platform/format/text";
import { describeMode } from "@/lib/meetings/labels";
import { drawableText } from "@/lib/platform/pdf/fonts";
import { drawFundingBlock, projectHeading } from "@/lib/platform/pdf/funding";
import { A4_PORTRAIT, BLUE, INK, MUTED, PdfWriter } from "@/lib/platform/pdf/writer";
import { SITE } from "@/lib/site";
import type { CertificateDocument } from "./queries";
import { plural } from "@/lib/platform/format/plural";

export const CERTIFICATE_TITLE = "Attestato di partecipazione";

export type CertificateVerification = { code: string; verifyUrl: string } | { archiveCopy: true };

export const ORGANISER = `${SITE.ownerLongName} - Coordinamento dei Comuni siciliani aderenti al SAI`;

export async function buildCertificatePdf(document: CertificateDocument, verification: CertificateVerification): Promise<Uint8Array> {
  const { meeting } = document;
  const name = `${document.firstName} ${document.lastName}`;
  const writer = await PdfWriter.create(
    A4_PORTRAIT,
    { title: `${CERTIFICATE_TITLE} - ${name} - ${meeting.title}`, subject: meeting.title, keywords: ["FAMI", "attestato", meeting.projectCode], createdAt: document.issuedAt },
    { top: 48, right: 56, bottom: 56, left: 56 },
  );
  drawFundingBlock(writer, meeting);
  writer.space(36);
  writer.paragraph(CERTIFICATE_TITLE, { size: 26, font: "bold", align: "center", color: BLUE, after: 28 });
  writer.paragraph("Si attesta che", { size: 12, align: "center", after: 10 });
  writer.paragraph(name, { size: 22, font: "bold", align: "center", after: 10 });
  writer.paragraph("ha partecipato all'incontro", { size: 12, align: "center", after: 10 });
  writer.paragraph(meeting.title, { size: 15, font: "bold", align: "center", after: 6 });
  if (meeting.subject.trim() && meeting.subject.trim() !== meeting.title.trim()) {
    writer.paragraph(stripInlineMarkdown(meeting.subject), { size: 10, font: "italic", align: "center", color: MUTED, after: 10 });
  }
  const where = [describeMode(meeting), meeting.venueAddress].filter(Boolean).join(", ");
  writer.paragraph(`tenutosi ${formatDateTimeRange(meeting.startsAt, meeting.endsAt)} (ora italiana), ${where},`, { size: 11.5, align: "center", after: 4 });
  writer.paragraph(`per ${plural(document.minutes, "minuto", "minuti")} di presenza su una durata prevista di ${plural(durationMinutes(meeting), "minuto", "minuti")}.`, {
    size: 11.5,
    font: "bold",
    align: "center",
    after: 18,
  });
  writer.paragraph(`Incontro organizzato da ${ORGANISER}, nell'ambito del ${projectHeading(meeting)}.`, { size: 10.5, align: "center", after: 28 });

  writer.paragraph(`Palermo, ${formatShortDate(document.issuedAt)}`, { size: 11, after: 6 });
  writer.paragraph(meeting.signatoryTitle, { size: 11, align: "right", after: 2 });
  writer.paragraph(meeting.signatoryName, { size: 11, font: "bold", align: "right", after: 6 });
  writer.paragraph("Documento generato elettronicamente dal portale Convoca: la sua validità si verifica con il codice qui sotto.", {
    size: 8.5,
    align: "right",
    color: MUTED,
  });

  await drawVerification(writer, verification);
  return writer.save();
}

async function qrPng(url: string): Promise<string> {
  return QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 1, width: 300, color: { dark: "#000000", light: "#ffffff" } });
}

/** At the foot of the page (a new one if the text reached that far). */
async function drawVerification(writer: PdfWriter, verification: CertificateVerification): Promise<void> {
  const size = 96;
  const bottom = writer.margins.bottom;
  if (writer.y < bottom + size + 30) writer.addPage();
  const { page, fonts } = writer;
  const textX = writer.left + size + 16;
  const line = (text: string, y: number, fontSize: number, font = fonts.regular, color = INK) =>
    page.drawText(drawableText(font, text), { x: textX, y, size: fontSize, font, color });
  page.drawLine({
    start: { x: writer.left, y: bottom + size + 14 },
    end: { x: writer.left + writer.contentWidth, y: bottom + size + 14 },
    thickness: 0.75,
    color: MUTED,
  });
  if ("archiveCopy" in verification) {
    line("Copia d'archivio per la Segreteria del Coordinamento", bottom + size - 12, 11, fonts.bold);
    line("Il codice di verifica e il codice QR sono stati inviati soltanto al partecipante:", bottom + size - 30, 9);
    line("il portale ne conserva solo un'impronta e non può riprodurli.", bottom + size - 43, 9);
    return;
  }
  const image = await writer.doc.embedPng(await qrPng(verification.verifyUrl));
  page.drawImage(image, { x: writer.left, y: bottom, width: size, height: size });
  line("Codice dell'attestato", bottom + size - 12, 9, fonts.regular, MUTED);
  line(verification.code, bottom + size - 32, 16, fonts.bold);
  line("Per verificarne la validità inquadra il codice QR o visita:", bottom + size - 54, 9);
  line(verification.verifyUrl, bottom + size - 68, 9, fonts.regular, BLUE);
}
