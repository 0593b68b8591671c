// The PEC mailbox over IMAP (PEC_IMAP_URL): where the provider leaves the
// receipts of what we sent. Only unseen messages that carry an X-Ricevuta
// header are read, so the rest of the mailbox (incoming PEC a person reads)
// is left alone; once a receipt is handled it is flagged \Seen, and the next
// minute's reading skips it. Handling must be idempotent all the same: a
// crash between storing and flagging reads it again.
import { ImapFlow } from "imapflow";

export type PecMailboxConfig = {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  mailbox: string;
};

/** imap://user:pass@host:143 or imaps://user:pass@host:993, optional `/MAILBOX` path (INBOX by default). */
export function parsePecImapUrl(url: string): PecMailboxConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("PEC_IMAP_URL is not a URL");
  }
  const secure = parsed.protocol === "imaps:";
  if (!secure && parsed.protocol !== "imap:") throw new Error("PEC_IMAP_URL must start with imap:// or imaps://");
  const user = decodeURIComponent(parsed.username);
  const pass = decodeURIComponent(parsed.password);
  if (!user || !pass || !parsed.hostname) throw new Error("PEC_IMAP_URL needs user, password and host");
  const mailbox = decodeURIComponent(parsed.pathname.replace(/^\/+/, "")) || "INBOX";
  return { host: parsed.hostname, port: parsed.port ? Number(parsed.port) : secure ? 993 : 143, secure, user, pass, mailbox };
}

export type MailboxReadResult = { seen: number; handled: number };

/**
 * Reads each unseen receipt of the mailbox as its raw bytes, hands it to
 * `handle`, and flags it \Seen when `handle` says so (true). A throw of
 * `handle` leaves that message unseen for the next reading and goes on.
 */
export async function readPecMailbox(
  config: PecMailboxConfig,
  handle: (eml: Buffer) => Promise<boolean>,
  { timeoutMs = 30_000, onError }: { timeoutMs?: number; onError?: (error: unknown) => void } = {},
): Promise<MailboxReadResult> {
  const client = new ImapFlow({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: { user: config.user, pass: config.pass },
    logger: false,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    // Plain imap:// upgrades with STARTTLS when the server offers it.
    socketTimeout: timeoutMs * 2,
  });
  // Without a listener an 'error' event (a dropped socket) would crash the tick process.
  client.on("error", (error: unknown) => onError?.(error));
  await client.connect();
  let seen = 0;
  let handled = 0;
  try {
    const lock = await client.getMailboxLock(config.mailbox);
    try {
      const uids = (await client.search({ seen: false, header: { "X-Ricevuta": true } }, { uid: true })) || [];
      for (const uid of uids) {
        seen++;
        const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (!message || !message.source) continue;
        try {
          if (await handle(message.source)) {
            await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
            handled++;
          }
        } catch (error) {
          onError?.(error);
        }
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return { seen, handled };
}
