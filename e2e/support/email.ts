import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";
import { E2E_OUTBOX_DIR } from "./environment";

/** An email as the server's outbox delivered it (lib/platform/email-transport/outbox-transport.ts). */
export type DeliveredEmail = { id: string; to: string; subject: string; html: string; text: string };

async function readDelivered(messageId: string): Promise<DeliveredEmail | null> {
  try {
    return JSON.parse(await readFile(path.join(E2E_OUTBOX_DIR, `${messageId}.json`), "utf8")) as DeliveredEmail;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * The email of EmailMessage `messageId` once the worker delivered it. The
 * links are read from here, as a person reads them: a sent message keeps no
 * link in the database.
 */
export async function deliveredEmail(messageId: string): Promise<DeliveredEmail> {
  let delivered: DeliveredEmail | null = null;
  await expect
    .poll(async () => (delivered = await readDelivered(messageId)) !== null, { message: `the delivery of email ${messageId}`, timeout: 20_000 })
    .toBe(true);
  return delivered!;
}

/** The first address in the delivered email's text that matches `pattern` (e.g. /\/invito\//). */
export async function deliveredLink(messageId: string, pattern: RegExp): Promise<string> {
  const { text } = await deliveredEmail(messageId);
  const link = (text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? []).find((url) => pattern.test(url));
  expect(link, `a link matching ${pattern} in email ${messageId}`).toBeDefined();
  return link!;
}
