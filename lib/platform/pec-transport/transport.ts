// The way out for certified mail (PEC): the PEC provider's SMTP server when
// PEC_SMTP_URL is set, otherwise the development outbox, each message marked
// PEC there and in the console.
//
// Over SMTP every message carries a Message-ID made of its EmailMessage id
// (`<id@domain of PEC_FROM>`): the provider's receipts name it in
// X-Riferimento-Message-ID, which is how ./receipt.ts matches them back.
// Retries are the email queue's (pg-boss), as for any email: this only says
// whether one is worth it (EmailDeliveryError.retryable).
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { parseConnectionUrl } from "nodemailer/lib/shared/index.js";
import { formatAddress } from "@/lib/platform/email-transport/address";
import { attachmentBytes } from "@/lib/platform/email-transport/attachment";
import { EmailDeliveryError } from "@/lib/platform/email-transport/delivery-error";
import { createOutboxTransport } from "@/lib/platform/email-transport/outbox-transport";
import type { EmailTransport, OutgoingEmail } from "@/lib/platform/email-transport/transport";
import { createRateLimiter, type RateLimiter } from "@/lib/platform/rate-limit/request-rate";

type PecEnv = Record<string, string | undefined>;

/** PEC_RATE_PER_SECOND, or 1: PEC providers throttle submissions hard. */
export function pecRateFromEnv(env: PecEnv = process.env): number {
  const value = Number(env.PEC_RATE_PER_SECOND);
  return Number.isFinite(value) && value >= 1 ? Math.floor(value) : 1;
}

/** The domain of an address (`protocollo@pec.anci.example.it` → `pec.anci.example.it`), for Message-IDs. */
function domainOf(address: string): string {
  const bare = /<([^>]+)>/.exec(address)?.[1] ?? address;
  const domain = bare.slice(bare.lastIndexOf("@") + 1).trim().toLowerCase();
  return /^[a-z0-9.-]+$/.test(domain) && domain.includes(".") ? domain : "convoca.invalid";
}

/** The Message-ID a PEC message goes out with: the receipts refer to it. */
export function pecMessageId(emailMessageId: string, from: string): string {
  return `<${emailMessageId}@${domainOf(from)}>`;
}

/** The EmailMessage id inside a Message-ID made by pecMessageId, or null. */
export function emailMessageIdOf(messageId: string | null | undefined): string | null {
  const match = /^\s*<?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^>\s]+>?\s*$/i.exec(messageId ?? "");
  return match ? match[1].toLowerCase() : null;
}

// Connection-level failures: the server may well be back in a minute.
const RETRYABLE_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "EPROTOCOL", "ECONNRESET", "ECONNREFUSED", "EAUTH", "ETLS"]);

type SmtpError = Error & { code?: string; responseCode?: number; response?: string; command?: string };

/**
 * Whether an SMTP failure may pass on a later attempt: a 4xx reply, no reply
 * at all (connection, timeout), or a refused login (an operator fixes the
 * credentials; failing now would lose the mail). A 5xx reply rejects this
 * very message, and no retry changes that.
 */
export function isRetryableSmtpError(error: Pick<SmtpError, "code" | "responseCode">): boolean {
  const status = error.responseCode;
  if (error.code === "EAUTH") return true;
  if (typeof status === "number" && status >= 500) return false;
  if (typeof status === "number" && status >= 400) return true;
  if (error.code && RETRYABLE_CODES.has(error.code)) return true;
  // An envelope or message nodemailer itself refused (EENVELOPE, EMESSAGE) without a reply: never passes.
  return status === undefined && !(error.code === "EENVELOPE" || error.code === "EMESSAGE");
}

export function smtpDeliveryError(error: unknown): EmailDeliveryError {
  const smtp = (error instanceof Error ? error : new Error(String(error))) as SmtpError;
  const reply = smtp.responseCode ? ` ${smtp.responseCode}` : "";
  return new EmailDeliveryError(
    `PEC SMTP ${smtp.code ?? "error"}${reply}: ${(smtp.response ?? smtp.message).replace(/\s+/g, " ")}`.slice(0, 500),
    isRetryableSmtpError(smtp),
    smtp.responseCode === 421 || smtp.responseCode === 451 || smtp.responseCode === 452,
  );
}

export type SmtpPecTransportOptions = {
  /** smtp://user:pass@host:587 (STARTTLS when offered; `?requireTLS=true` to insist) or smtps://user:pass@host:465. */
  url: string;
  from: string;
  /** Sends per second of this process (all workers of the process share it). */
  perSecond?: number;
  /** A hung server must not hold a worker slot: connection, greeting and socket inactivity, each. */
  timeoutMs?: number;
  limiter?: RateLimiter;
};

/** The message as nodemailer builds it: Message-ID, headers, attachments. */
export function smtpMessage(email: OutgoingEmail, from: string) {
  return {
    from,
    to: formatAddress(email.to, email.toName),
    subject: email.subject,
    html: email.html,
    text: email.text,
    messageId: pecMessageId(email.id, from),
    headers: email.headers ?? {},
    attachments: (email.attachments ?? []).map((attachment) => ({
      filename: attachment.filename,
      content: attachmentBytes(attachment),
      contentType: attachment.contentType,
    })),
  };
}

const limiters = new Map<number, RateLimiter>();

/** One limiter per rate for the process, apart from the email batch sender's: another provider. */
function pecLimiter(perSecond: number): RateLimiter {
  let limiter = limiters.get(perSecond);
  if (!limiter) {
    limiter = createRateLimiter(perSecond);
    limiters.set(perSecond, limiter);
  }
  return limiter;
}

export function createSmtpPecTransport({ url, from, perSecond = 1, timeoutMs = 30_000, limiter }: SmtpPecTransportOptions): EmailTransport {
  // Given a `url`, nodemailer would read nothing else (the timeouts): the URL is parsed here and merged.
  const options: SMTPTransport.Options = {
    ...(parseConnectionUrl(url) as SMTPTransport.Options),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  };
  const smtp = nodemailer.createTransport(options);
  const rate = limiter ?? pecLimiter(perSecond);
  return {
    name: "pec",
    // One by one: a PEC is one message with its own receipts, never a provider batch.
    async send(email) {
      const release = await rate.acquire();
      try {
        const info = await smtp.sendMail(smtpMessage(email, from));
        if (info.rejected?.length) {
          throw new EmailDeliveryError(`PEC SMTP: recipient refused (${info.rejected.map(String).join(", ")})`, false);
        }
        return { providerId: info.messageId || pecMessageId(email.id, from) };
      } catch (error) {
        if (error instanceof EmailDeliveryError) throw error;
        throw smtpDeliveryError(error);
      } finally {
        release();
      }
    },
  };
}

/** The sender: PEC_FROM, or the account of PEC_SMTP_URL when it is an address. */
function pecFrom(env: PecEnv, url: string): string {
  const from = env.PEC_FROM?.trim();
  if (from) return from;
  try {
    const user = decodeURIComponent(new URL(url).username);
    if (user.includes("@")) return user;
  } catch {
    // Reported below.
  }
  throw new Error("PEC_SMTP_URL is set but PEC_FROM is not: the PEC sender address is required");
}

export function createPecTransport(env: PecEnv = process.env): EmailTransport {
  const url = env.PEC_SMTP_URL?.trim();
  if (url) {
    if (!/^smtps?:\/\//i.test(url)) throw new Error("PEC_SMTP_URL must start with smtp:// or smtps://");
    return createSmtpPecTransport({ url, from: pecFrom(env, url), perSecond: pecRateFromEnv(env) });
  }
  const outbox = createOutboxTransport();
  return {
    name: "pec-outbox",
    send: (email) => outbox.send({ ...email, channel: "PEC" }),
  };
}
