// The way out for certified mail (PEC): the PEC provider's SMTP server when
// PEC_SMTP_URL is set, otherwise the development outbox, each message marked
// PEC there and in the console.
import { createOutboxTransport } from "@/lib/platform/email-transport/outbox-transport";
import type { EmailTransport } from "@/lib/platform/email-transport/transport";

export function createPecTransport(): EmailTransport {
  const outbox = createOutboxTransport();
  return {
    name: "pec-outbox",
    // One by one: a PEC is one message with its own receipts, never a provider batch.
    send: (email) => outbox.send({ ...email, channel: "PEC" }),
  };
}
