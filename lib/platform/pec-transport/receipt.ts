// Reading a PEC receipt (ricevuta) as the provider puts it in the sender's
// mailbox, after the technical rules of DM 2 novembre 2005: the X-Ricevuta
// header says which receipt it is, X-Riferimento-Message-ID which message it
// is about, and the daticert.xml attachment carries the certified data (the
// time, the provider's identifier, the mailbox delivered to, the error).
// The header wins for the kind; daticert fills in what the headers lack.
import { createHash } from "node:crypto";
import { simpleParser, type ParsedMail } from "mailparser";

export const PEC_RECEIPT_KINDS = [
  "accettazione",
  "non-accettazione",
  "presa-in-carico",
  "avvenuta-consegna",
  "errore-consegna",
  "preavviso-errore-consegna",
  "rilevazione-virus",
] as const;

export type PecReceiptKind = (typeof PEC_RECEIPT_KINDS)[number];

export type PecReceipt = {
  kind: PecReceiptKind;
  /** The receipt's own Message-ID (or a hash of its bytes when it has none): reading it twice is one receipt. */
  receiptMessageId: string;
  /** The Message-ID of the message it is about, angle brackets included. */
  referenceMessageId: string | null;
  /** The mailbox delivered to (or not), for the delivery receipts; null for an acceptance. */
  recipient: string | null;
  /** When the provider certifies it happened (daticert), else the Date header. */
  at: Date | null;
  /** The provider's identifier of the transaction. */
  identifier: string | null;
  /** `errore` of daticert, and `errore-esteso` when given: why it failed. */
  error: string | null;
};

const KINDS = new Set<string>(PEC_RECEIPT_KINDS);

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, "&");
}

/** The text of the first `<name …>…</name>` (CDATA kept as is), trimmed; null when absent or empty. */
function element(xml: string, name: string): string | null {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}\\s*>`).exec(xml);
  if (!match) return null;
  const inner = match[1].replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, data: string) => data.replace(/&/g, "&amp;").replace(/</g, "&lt;"));
  const text = decodeEntities(inner.replace(/<[^>]*>/g, "")).trim();
  return text || null;
}

function attribute(xml: string, name: string, attr: string): string | null {
  const tag = new RegExp(`<${name}\\s[^>]*>`).exec(xml)?.[0];
  const value = tag ? new RegExp(`\\s${attr}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag) : null;
  return value ? decodeEntities(value[2] ?? value[3] ?? "").trim() || null : null;
}

/** `<giorno>15/03/2022</giorno><ora>10:31:05</ora>` in zone `+0100` → the instant. */
export function daticertTime(xml: string): Date | null {
  const data = /<data(?:\s[^>]*)?>[\s\S]*?<\/data\s*>/.exec(xml)?.[0];
  if (!data) return null;
  const day = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(element(data, "giorno") ?? "");
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(element(data, "ora") ?? "");
  if (!day || !time) return null;
  const zone = /^([+-])(\d{2}):?(\d{2})$/.exec(attribute(data, "data", "zona") ?? "+0000");
  const offsetMinutes = zone ? (zone[1] === "-" ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3])) : 0;
  const [, dd, mm, yyyy] = day.map(Number);
  const [, hh, mi, ss = 0] = time.map((part) => Number(part ?? 0));
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31 || hh > 23 || mi > 59 || ss > 60) return null;
  const utc = Date.UTC(yyyy, mm - 1, dd, hh, mi, ss) - offsetMinutes * 60_000;
  const at = new Date(utc);
  // 31/02 rolls over: not a date.
  return new Date(Date.UTC(yyyy, mm - 1, dd)).getUTCDate() === dd ? at : null;
}

export type Daticert = {
  kind: string | null;
  error: string | null;
  at: Date | null;
  identifier: string | null;
  msgid: string | null;
  delivery: string | null;
  recipients: string[];
};

export function parseDaticert(xml: string): Daticert {
  const errore = attribute(xml, "postacert", "errore");
  const extended = element(xml, "errore-esteso");
  const recipients = [...xml.matchAll(/<destinatari(?:\s[^>]*)?>([\s\S]*?)<\/destinatari\s*>/g)]
    .map((match) => decodeEntities(match[1]).trim())
    .filter(Boolean);
  return {
    kind: attribute(xml, "postacert", "tipo"),
    error: [errore && errore !== "nessuno" ? errore : null, extended].filter(Boolean).join(": ") || null,
    at: daticertTime(xml),
    identifier: element(xml, "identificativo"),
    msgid: element(xml, "msgid"),
    delivery: element(xml, "consegna"),
    recipients,
  };
}

function header(mail: ParsedMail, name: string): string | null {
  const value = mail.headers.get(name.toLowerCase());
  if (typeof value === "string") return value.trim() || null;
  if (Array.isArray(value) && typeof value[0] === "string") return value[0].trim() || null;
  return null;
}

function bareAddress(address: string | null): string | null {
  if (!address) return null;
  const bare = (/<([^>]+)>/.exec(address)?.[1] ?? address).trim().toLowerCase();
  return bare.includes("@") ? bare : null;
}

/** A Message-ID as headers write it: `<…>`. */
function messageIdOf(value: string | null): string | null {
  if (!value) return null;
  const inner = value.trim().replace(/^<|>$/g, "").trim();
  return inner ? `<${inner}>` : null;
}

/**
 * The receipt in a message from the PEC mailbox, or null when the message is
 * not one (an incoming PEC, an ordinary email): no X-Ricevuta among the kinds
 * above, nor a daticert.xml saying one.
 */
export async function parsePecReceipt(eml: Buffer): Promise<PecReceipt | null> {
  const mail = await simpleParser(eml, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
  const daticertFile = mail.attachments.find((attachment) => attachment.filename?.toLowerCase() === "daticert.xml");
  const daticert = daticertFile ? parseDaticert(daticertFile.content.toString("utf8")) : null;
  const headerKind = header(mail, "X-Ricevuta")?.toLowerCase() ?? null;
  const kind = headerKind && KINDS.has(headerKind) ? headerKind : daticert?.kind && KINDS.has(daticert.kind) ? daticert.kind : null;
  if (!kind) return null;
  const recipient =
    kind === "accettazione" || kind === "non-accettazione"
      ? null
      : bareAddress(daticert?.delivery ?? null) ?? (daticert?.recipients.length === 1 ? bareAddress(daticert.recipients[0]) : null);
  return {
    kind: kind as PecReceiptKind,
    receiptMessageId: messageIdOf(mail.messageId ?? null) ?? `<sha256-${createHash("sha256").update(eml).digest("hex")}@convoca.invalid>`,
    referenceMessageId: messageIdOf(header(mail, "X-Riferimento-Message-ID")) ?? messageIdOf(daticert?.msgid ?? null),
    recipient,
    at: daticert?.at ?? mail.date ?? null,
    identifier: daticert?.identifier ?? null,
    error: daticert?.error ?? null,
  };
}
