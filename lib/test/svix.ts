// Signs a webhook as Svix (and so Resend) does, written out here rather than
// through the verifier's library, so the tests check the scheme and not the
// library against itself: HMAC-SHA256 of "<id>.<timestamp>.<body>" under the
// base64 key after "whsec_", sent as "v1,<base64>".
import { createHmac, randomBytes, randomUUID } from "node:crypto";

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export function svixSignature({ secret, id, timestamp, body }: { secret: string; id: string; timestamp: number; body: string }): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

/** The headers Resend sends with an event: a fresh id and the current time unless given. */
export function signedHeaders({
  secret,
  body,
  id = `msg_${randomUUID().replace(/-/g, "")}`,
  timestamp = Math.floor(Date.now() / 1000),
}: {
  secret: string;
  body: string;
  id?: string;
  timestamp?: number;
}): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": "Svix-Webhooks/1.0",
    "svix-id": id,
    "svix-timestamp": String(timestamp),
    "svix-signature": svixSignature({ secret, id, timestamp, body }),
  };
}

/** A Resend event about one email, in the shape of Resend's documentation. */
export function resendEvent({
  type,
  emailId,
  messageId,
  to = "referente@comune.example.it",
  createdAt = new Date().toISOString(),
  bounceType = "Permanent",
}: {
  type: string;
  emailId: string;
  messageId?: string;
  to?: string;
  createdAt?: string;
  bounceType?: string;
}): string {
  return JSON.stringify({
    type,
    created_at: createdAt,
    data: {
      created_at: "2026-12-02 10:00:00.000000+00",
      email_id: emailId,
      from: "Convoca ANCI Sicilia <convoca@anci.sicilia.it>",
      to: [to],
      subject: "Promemoria",
      ...(messageId ? { tags: { message: messageId } } : {}),
      ...(type === "email.bounced" ? { bounce: { message: "The recipient's mailbox does not exist.", subType: "General", type: bounceType } } : {}),
      ...(type === "email.failed" ? { failed: { reason: "reached_daily_quota" } } : {}),
    },
  });
}
