import { appOrigin } from "@/lib/site";
import { formatAddress } from "./address";
import type { EmailTransport, OutgoingEmail } from "./transport";
import { safeLine } from "@/lib/logging/log";

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
    `[email] outbox ${email.id} → ${formatAddress(email.to, email.toName)}`,
    `  oggetto: ${email.subject}`,
    ...links.map((link) => `  link: ${link}`),
    ...(email.attachments ?? []).map((attachment) => `  allegato: ${attachment.filename}`),
    `  anteprima: ${appOrigin()}/dev/email/${email.id}`,
  ];
  // Several lines on purpose, each escaped: a name or subject cannot add one.
  return redactPrivateUrls(lines.map(safeLine).join("\n"), email.privateUrls ?? []);
}

/**
 * Development delivery: the message is already stored, so delivering it means
 * telling the developer it is there. Nothing leaves the machine.
 */
export function createOutboxTransport(log: (line: string) => void = console.log): EmailTransport {
  return {
    name: "outbox",
    async send(email) {
      log(outboxSummary(email));
      return { providerId: `outbox:${email.id}` };
    },
    async sendBatch(emails) {
      // One line per batch: a send to a thousand registrants must not flood the console.
      const [first] = emails;
      if (first) log(safeLine(redactPrivateUrls(`[email] outbox batch of ${emails.length}: ${first.subject}`, first.privateUrls ?? [])));
      return { providerIds: emails.map((email) => `outbox:${email.id}`) };
    },
  };
}
