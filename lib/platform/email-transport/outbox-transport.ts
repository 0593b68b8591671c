import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { appOrigin } from "@/lib/site";
import { formatAddress } from "./address";
import type { EmailTransport, OutgoingEmail } from "./transport";
import { logText, safeLine } from "@/lib/platform/logging/log";

export const REDACTED_LINK = "[link di collegamento riservato]";

const URL_PATTERN = /https?:\/\/[^\s<>"')\]]+/g;

function sameAddress(candidate: string, secret: string): boolean {
  if (candidate.includes(secret) || secret.includes(candidate)) return true;
  try {
    const a = new URL(candidate);
    const b = new URL(secret);
    return a.host === b.host && a.pathname.replace(/\/+$/, "") === b.pathname.replace(/\/+$/, "");
  } catch {
    return false;
  }
}

/** Replaces every private URL, and anything that looks like one of them, with a placeholder. */
export function redactPrivateUrls(text: string, privateUrls: readonly string[]): string {
  if (!privateUrls.length) return text;
  let result = text;
  for (const secret of privateUrls) result = result.split(secret).join(REDACTED_LINK);
  return result.replace(URL_PATTERN, (url) => (privateUrls.some((secret) => sameAddress(url, secret)) ? REDACTED_LINK : url));
}

/**
 * The console lines for one message: recipient, subject and the links a
 * developer needs to click. In production (the outbox standing in for a
 * missing RESEND_API_KEY) no link is printed: personal, invitation and
 * sign-in links are credentials, and logs are read by more people.
 */
export function outboxSummary(email: OutgoingEmail, showLinks = process.env.NODE_ENV !== "production"): string {
  const links = showLinks ? [...new Set(email.text.match(URL_PATTERN) ?? [])] : [];
  const lines = [
    `[email] outbox${email.channel === "PEC" ? " (PEC)" : ""} ${email.id} → ${formatAddress(email.to, email.toName)}`,
    `  oggetto: ${email.subject}`,
    ...links.map((link) => `  link: ${link}`),
    ...(email.attachments ?? []).map((attachment) => `  allegato: ${attachment.filename}`),
    `  anteprima: ${appOrigin()}/dev/email/${email.id}`,
  ];
  // Several lines on purpose, each escaped: a name or subject cannot add one.
  return redactPrivateUrls(lines.map(safeLine).join("\n"), email.privateUrls ?? []);
}

/**
 * Where the outbox "delivers" (EMAIL_OUTBOX_DIR: `npm run dev` sets
 * .data/outbox, the e2e suite a folder of its own): one JSON file per email,
 * as sent, because a sent message keeps no secret in the database (its links
 * are replaced there, see ./secrets). Unset (npm start), nothing is written.
 */
export function outboxDir(env: Record<string, string | undefined> = process.env): string | null {
  return env.EMAIL_OUTBOX_DIR?.trim() || null;
}

/** An email as the outbox delivered it. */
export type DeliveredEmail = Pick<OutgoingEmail, "id" | "to" | "toName" | "subject" | "html" | "text" | "attachments" | "headers"> & {
  /** PEC when the outbox stands in for the certified-mail server. */
  channel: "EMAIL" | "PEC";
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function writeDelivered(dir: string, email: OutgoingEmail): Promise<void> {
  if (!UUID.test(email.id)) throw new Error(`Not a message id: ${JSON.stringify(email.id)}`);
  const delivered: DeliveredEmail = {
    id: email.id,
    to: email.to,
    toName: email.toName ?? null,
    subject: email.subject,
    html: email.html,
    text: email.text,
    attachments: email.attachments ?? [],
    headers: email.headers ?? {},
    channel: email.channel ?? "EMAIL",
  };
  await mkdir(dir, { recursive: true });
  // Written aside, then renamed: a reader polling for the file (the e2e
  // helpers, /dev/email) sees it whole or not at all.
  const partial = path.join(dir, `.${email.id}.${randomBytes(6).toString("hex")}.partial`);
  await writeFile(partial, JSON.stringify(delivered), { mode: 0o600 });
  await rename(partial, path.join(dir, `${email.id}.json`));
}

/** The email the outbox delivered for message `id`, or null (not delivered yet, or no outbox folder). */
export async function readDeliveredEmail(id: string, dir = outboxDir()): Promise<DeliveredEmail | null> {
  if (!dir || !UUID.test(id)) return null;
  try {
    return JSON.parse(await readFile(path.join(dir, `${id}.json`), "utf8")) as DeliveredEmail;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * Development delivery: a summary goes to the console and, with an outbox
 * folder, the email to a file there. Nothing leaves the machine.
 */
export function createOutboxTransport(log: (line: string) => void = logText, dir = outboxDir()): EmailTransport {
  return {
    name: "outbox",
    async send(email) {
      if (dir) await writeDelivered(dir, email);
      log(outboxSummary(email));
      return { providerId: `outbox:${email.id}` };
    },
    async sendBatch(emails) {
      if (dir) for (const email of emails) await writeDelivered(dir, email);
      // One line per batch: a send to a thousand registrants must not flood the console.
      const [first] = emails;
      if (first) log(safeLine(redactPrivateUrls(`[email] outbox batch of ${emails.length}: ${first.subject}`, first.privateUrls ?? [])));
      return { providerIds: emails.map((email) => `outbox:${email.id}`) };
    },
  };
}
