// PEC receipts as a provider writes them (DM 2 novembre 2005), for tests:
// a multipart/signed message whose signed part holds the readable text, the
// daticert.xml with the certified data and, on a delivery receipt, the
// original message as postacert.eml; X-Ricevuta and X-Riferimento-Message-ID
// in the headers. The S/MIME signature part is a placeholder: Convoca keeps
// the receipt whole as evidence and does not verify the provider's signature.
import { randomUUID } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer/index.js";

export type TestReceiptKind = "accettazione" | "non-accettazione" | "avvenuta-consegna" | "errore-consegna" | "preavviso-errore-consegna";

export type TestReceipt = {
  kind: TestReceiptKind;
  /** The Message-ID of the message the receipt is about, with angle brackets. */
  reference: string;
  sender: string;
  recipient: string;
  subject?: string;
  /** Rome time as daticert writes it: giorno dd/mm/yyyy, ora hh:mm:ss, zona +0100. */
  giorno?: string;
  ora?: string;
  zona?: string;
  /** The receipt's own Message-ID; a new one when absent. */
  messageId?: string;
  /** For a delivery receipt: the original message, attached as postacert.eml. */
  original?: Buffer;
  errore?: string;
  erroreEsteso?: string;
  /** Leave X-Riferimento-Message-ID out: the match must come from daticert's msgid. */
  withoutReferenceHeader?: boolean;
};

const SUBJECT_PREFIX: Record<TestReceiptKind, string> = {
  accettazione: "ACCETTAZIONE",
  "non-accettazione": "AVVISO DI NON ACCETTAZIONE",
  "avvenuta-consegna": "CONSEGNA",
  "errore-consegna": "AVVISO DI MANCATA CONSEGNA",
  "preavviso-errore-consegna": "AVVISO DI MANCATA CONSEGNA PER SUP. TEMPO MASSIMO",
};

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function daticertXml(receipt: TestReceipt & { identificativo: string }): string {
  const consegna = receipt.kind === "accettazione" || receipt.kind === "non-accettazione" ? "" : `    <consegna>${escapeXml(receipt.recipient)}</consegna>\n`;
  const ricevuta = receipt.kind === "avvenuta-consegna" ? '    <ricevuta tipo="completa" />\n' : "";
  const esteso = receipt.erroreEsteso ? `    <errore-esteso>${escapeXml(receipt.erroreEsteso)}</errore-esteso>\n` : "";
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<!DOCTYPE postacert SYSTEM "Postacert.dtd">\n' +
    `<postacert tipo="${receipt.kind}" errore="${escapeXml(receipt.errore ?? "nessuno")}">\n` +
    "  <intestazione>\n" +
    `    <mittente>${escapeXml(receipt.sender)}</mittente>\n` +
    `    <destinatari tipo="certificato">${escapeXml(receipt.recipient)}</destinatari>\n` +
    `    <risposte>${escapeXml(receipt.sender)}</risposte>\n` +
    `    <oggetto>${escapeXml(receipt.subject ?? "Convocazione")}</oggetto>\n` +
    "  </intestazione>\n" +
    "  <dati>\n" +
    "    <gestore-emittente>Gestore PEC di prova S.p.A.</gestore-emittente>\n" +
    `    <data zona="${receipt.zona ?? "+0100"}">\n` +
    `      <giorno>${receipt.giorno ?? "15/03/2022"}</giorno>\n` +
    `      <ora>${receipt.ora ?? "10:31:05"}</ora>\n` +
    "    </data>\n" +
    `    <identificativo>${escapeXml(receipt.identificativo)}</identificativo>\n` +
    `    <msgid>${escapeXml(receipt.reference)}</msgid>\n` +
    ricevuta +
    consegna +
    esteso +
    "  </dati>\n" +
    "</postacert>\n"
  );
}

function build(composer: MailComposer): Promise<Buffer> {
  return new Promise((resolve, reject) => composer.compile().build((error, message) => (error ? reject(error) : resolve(message))));
}

/** The receipt's raw bytes, ready for IMAP APPEND. */
export async function buildPecReceipt(receipt: TestReceipt): Promise<Buffer> {
  const identificativo = `opec-prova.${Date.now()}.${randomUUID().slice(0, 8)}@pec.gestore.example.it`;
  const text = `Ricevuta di ${receipt.kind.replace(/-/g, " ")}\nIl messaggio "${receipt.subject ?? "Convocazione"}" inviato da "${receipt.sender}" e destinato a "${receipt.recipient}".\nIdentificativo messaggio: ${identificativo}\n`;
  // The signed part: the readable text, daticert.xml and, on a delivery, the original.
  const inner = await build(
    new MailComposer({
      text,
      html: `<p>${escapeXml(text).replace(/\n/g, "<br>")}</p>`,
      attachments: [
        ...(receipt.original && receipt.kind === "avvenuta-consegna"
          ? [{ filename: "postacert.eml", content: receipt.original, contentType: "message/rfc822" }]
          : []),
        { filename: "daticert.xml", content: daticertXml({ ...receipt, identificativo }), contentType: "application/xml" },
      ],
    }),
  );
  // MailComposer writes a full message; the signed part is its MIME body with the content headers.
  const split = inner.indexOf("\r\n\r\n");
  const innerHeaders = inner
    .subarray(0, split)
    .toString()
    .split(/\r\n(?![ \t])/)
    .filter((line) => /^content-/i.test(line))
    .join("\r\n");
  // Lines end in CRLF, as on the wire (MailComposer leaves the text's own LFs in a 7bit part).
  const innerPart = `${innerHeaders}\r\n\r\n${inner.subarray(split + 4).toString().replace(/\r?\n/g, "\r\n")}`;
  const boundary = `----=_firma_${randomUUID()}`;
  const headers = [
    `Return-Path: <posta-certificata@pec.gestore.example.it>`,
    `Message-ID: ${receipt.messageId ?? `<${identificativo}>`}`,
    `Date: Tue, 15 Mar 2022 10:31:05 +0100`,
    `From: "Per conto di: ${receipt.sender}" <posta-certificata@pec.gestore.example.it>`,
    `To: ${receipt.sender}`,
    `Subject: ${SUBJECT_PREFIX[receipt.kind]}: ${receipt.subject ?? "Convocazione"}`,
    `X-Ricevuta: ${receipt.kind}`,
    ...(receipt.withoutReferenceHeader ? [] : [`X-Riferimento-Message-ID: ${receipt.reference}`]),
    ...(receipt.kind === "avvenuta-consegna" ? ["X-TipoRicevuta: completa"] : []),
    "MIME-Version: 1.0",
    `Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary="${boundary}"`,
  ];
  const signature = Buffer.from("firma S/MIME segnaposto del gestore di prova").toString("base64");
  return Buffer.from(
    [
      headers.join("\r\n"),
      "",
      "This is an S/MIME signed message",
      "",
      `--${boundary}`,
      innerPart,
      `--${boundary}`,
      'Content-Type: application/pkcs7-signature; name="smime.p7s"',
      "Content-Transfer-Encoding: base64",
      'Content-Disposition: attachment; filename="smime.p7s"',
      "",
      signature,
      `--${boundary}--`,
      "",
    ].join("\r\n"),
  );
}
