// One way out for every email: Resend when RESEND_API_KEY is set, otherwise
// the development outbox (the message stays in the database, readable at
// /dev/email, and a summary goes to the console).
import { createOutboxTransport } from "./outbox-transport";
import { createResendTransport } from "./resend-transport";

export { EmailDeliveryError } from "./delivery-error";
export { formatAddress } from "./address";

import type { EmailAttachment } from "./attachment";

export { attachmentBytes, type EmailAttachment } from "./attachment";

export type OutgoingEmail = {
  /** The EmailMessage id: also the provider's idempotency key. */
  id: string;
  to: string;
  toName?: string | null;
  subject: string;
  html: string;
  text: string;
  attachments?: EmailAttachment[];
  /** Extra header lines (List-Unsubscribe); names as RFC 5322 spells them. */
  headers?: Record<string, string>;
  /** Which way it travels: the worker hands a PEC message to the PEC transport. */
  channel?: "EMAIL" | "PEC";
  /** Addresses in the body that no log line may show (the join link). */
  privateUrls?: string[];
};

export type EmailTransport = {
  /** Stored on the EmailMessage as `transport`. */
  name: "resend" | "outbox" | "pec" | "pec-outbox";
  send(email: OutgoingEmail): Promise<{ providerId: string }>;
  /**
   * Up to 100 emails (no attachments) in one provider call, under one
   * idempotency key (the EmailBatch id): the provider ids come back in the
   * emails' order. Without it, the batch worker sends them one by one.
   */
  sendBatch?(emails: OutgoingEmail[], options: { idempotencyKey: string }): Promise<{ providerIds: string[] }>;
};

export const DEFAULT_EMAIL_FROM = "Convoca ANCI Sicilia <convoca@anci.sicilia.it>";

// RESEND_API_KEY and EMAIL_FROM; any other variable is ignored.
type TransportEnv = Record<string, string | undefined>;

export function createEmailTransport(env: TransportEnv = process.env): EmailTransport {
  const apiKey = env.RESEND_API_KEY?.trim();
  if (!apiKey) return createOutboxTransport();
  return createResendTransport({ apiKey, from: env.EMAIL_FROM?.trim() || DEFAULT_EMAIL_FROM });
}
