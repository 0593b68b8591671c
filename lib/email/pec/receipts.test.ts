// PEC receipts end to end against real peers: the message goes out through
// the PEC transport to a local SMTP server (smtp-server), the provider's
// receipts (built in the layout of DM 2 novembre 2005) are put in a real
// IMAP mailbox (dovecot) by APPEND, and the minute tick's reading matches,
// stores and records them.
import { ImapFlow } from "imapflow";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createSmtpPecTransport, pecMessageId } from "@/lib/platform/pec-transport/transport";
import { createRateLimiter } from "@/lib/platform/rate-limit/request-rate";
import { DUE_WORK, runDueWork } from "@/lib/scheduling/due-work";
import { createTestDatabase } from "@/lib/test/database";
import { startDovecot, type Dovecot } from "@/lib/test/dovecot";
import { createMeeting, createMunicipalityIn } from "@/lib/test/factories";
import { freePort } from "@/lib/test/free-port";
import { buildPecReceipt, type TestReceipt } from "@/lib/test/pec-receipts";
import { receiptFileName } from "./file-name";
import { readPecReceipts, storePecReceipt } from "./mutations";
import { getMeetingPecReceipt, pecReceiptsOf } from "./queries";

const { db } = await createTestDatabase();
const FROM = "protocollo@pec.anci-sicilia.example.it";
const quiet = () => {};

let dovecot: Dovecot;
let smtp: { server: SMTPServer; port: number; captured: Buffer[] };

async function append(eml: Buffer, flags: string[] = []) {
  const client = new ImapFlow({ host: "127.0.0.1", port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.pass }, logger: false });
  await client.connect();
  try {
    await client.append("INBOX", eml, flags).catch((error: { responseText?: string; response?: string }) => {
      throw new Error(`APPEND refused: ${error.responseText ?? error.response ?? String(error)}`);
    });
  } finally {
    await client.logout();
  }
}

async function unseeAll() {
  const client = new ImapFlow({ host: "127.0.0.1", port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.pass }, logger: false });
  await client.connect();
  const lock = await client.getMailboxLock("INBOX");
  try {
    await client.messageFlagsRemove("1:*", ["\\Seen"]);
  } finally {
    lock.release();
    await client.logout();
  }
}

async function unseenCount(): Promise<number> {
  const client = new ImapFlow({ host: "127.0.0.1", port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.pass }, logger: false });
  await client.connect();
  try {
    const status = await client.status("INBOX", { unseen: true });
    return status ? (status.unseen ?? 0) : -1;
  } finally {
    await client.logout();
  }
}

/** A PEC EmailMessage dispatched for a meeting to a Comune's PEC, as the dispatch writes it. */
async function dispatchedPec(meetingId: string, municipality: { id: string }, address: string) {
  const message = await db.emailMessage.create({
    data: { template: "convocation", toEmail: address, data: {}, channel: "PEC", status: "SENT", meetingId },
  });
  const dispatch = await db.dispatch.create({ data: { meetingId, audiences: [], letterPdf: new Uint8Array([1]), sheetPdf: new Uint8Array([2]) } });
  await db.dispatchRecipient.create({
    data: { dispatchId: dispatch.id, meetingId, channel: "PEC", address, municipalityId: municipality.id, emailMessageId: message.id },
  });
  return message;
}

const receiptFor = (messageId: string, recipient: string, kind: TestReceipt["kind"], extra: Partial<TestReceipt> = {}) =>
  buildPecReceipt({ kind, reference: pecMessageId(messageId, FROM), sender: FROM, recipient, ...extra });

beforeAll(async () => {
  dovecot = await startDovecot();
  const captured: Buffer[] = [];
  const port = await freePort();
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: "pec" }),
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        captured.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  smtp = { server, port, captured };
}, 120_000);

afterAll(async () => {
  await dovecot?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.server.close(() => resolve()) : resolve()));
}, 60_000);

describe("PEC receipts over IMAP", () => {
  test("sent, accepted, delivered: receipts matched, stored whole, states recorded; read twice, stored once", async () => {
    const meeting = await createMeeting(db);
    const palermo = await createMunicipalityIn(db, { name: "Palermo", province: "PA" });
    const address = "protocollo@pec.comune.palermo.example.it";
    const message = await dispatchedPec(meeting.id, palermo, address);

    // Sent through the real transport: the captured message carries the Message-ID the receipts will name.
    const transport = createSmtpPecTransport({ url: `smtp://u:p@127.0.0.1:${smtp.port}`, from: FROM, limiter: createRateLimiter(10) });
    const { providerId } = await transport.send({ id: message.id, to: address, subject: "Convocazione", html: "<p>Vi invito</p>", text: "Vi invito", channel: "PEC" });
    expect(providerId).toBe(pecMessageId(message.id, FROM));
    const original = smtp.captured.at(-1)!;
    expect(original.toString().replace(/\r\n[ \t]+/g, " ")).toContain(`Message-ID: ${pecMessageId(message.id, FROM)}`);

    const acceptance = await receiptFor(message.id, address, "accettazione", { ora: "10:30:00" });
    const delivery = await receiptFor(message.id, address, "avvenuta-consegna", { original, ora: "10:31:05" });
    await append(acceptance);
    await append(delivery);
    // Not a receipt: an incoming PEC someone reads. Left alone.
    await append(Buffer.from(`From: qualcuno@pec.example.it\r\nTo: ${FROM}\r\nSubject: Richiesta\r\nMessage-ID: <altro@pec.example.it>\r\n\r\nBuongiorno\r\n`));

    const first = await readPecReceipts(db, { imapUrl: dovecot.url, log: quiet });
    expect(first).toEqual({ read: "done", seen: 2, stored: 2, duplicates: 0, unmatched: 0, failed: 0 });

    const receipts = await db.pecReceipt.findMany({ where: { emailMessageId: message.id }, orderBy: { at: "asc" } });
    expect(receipts.map((receipt) => receipt.kind)).toEqual(["ACCETTAZIONE", "AVVENUTA_CONSEGNA"]);
    // daticert's time: 15/03/2022 10:31:05 at +0100.
    expect(receipts[1].at.toISOString()).toBe("2022-03-15T09:31:05.000Z");
    expect(receipts[1].recipient).toBe(address);
    expect(receipts[0].recipient).toBeNull();
    expect(receipts[1].identifier).toMatch(/^opec-prova\./);
    expect(Buffer.from(receipts[1].eml).equals(delivery)).toBe(true);
    expect(Buffer.from(receipts[1].eml).toString()).toContain("postacert.eml");

    const after = await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(after.deliveryState).toBe("DELIVERED");
    expect(after.deliveredAt?.toISOString()).toBe("2022-03-15T09:31:05.000Z");

    // Flagged seen: the next minute reads nothing; the incoming PEC is still unseen.
    expect(await readPecReceipts(db, { imapUrl: dovecot.url, log: quiet })).toMatchObject({ read: "done", seen: 0, stored: 0 });
    expect(await unseenCount()).toBe(1);
    // Read again all the same (a crash before flagging): stored once.
    await unseeAll();
    expect(await readPecReceipts(db, { imapUrl: dovecot.url, log: quiet })).toMatchObject({ read: "done", seen: 2, stored: 0, duplicates: 2 });
    expect(await db.pecReceipt.count({ where: { emailMessageId: message.id } })).toBe(2);

    // What the dispatch page lists, and the download through the meeting.
    const listed = await pecReceiptsOf(db, [message.id, "not-a-uuid"]);
    expect(listed.map((receipt) => receipt.kind)).toEqual(["ACCETTAZIONE", "AVVENUTA_CONSEGNA"]);
    const download = await getMeetingPecReceipt(db, { meetingId: meeting.id, receiptId: listed[1].id });
    expect(download?.recipientName).toBe("Palermo");
    expect(receiptFileName(download!)).toBe("ricevuta-avvenuta-consegna-palermo.eml");
    const other = await createMeeting(db);
    expect(await getMeetingPecReceipt(db, { meetingId: other.id, receiptId: listed[1].id })).toBeNull();
  }, 120_000);

  test("a mancata consegna marks the message FAILED; a preavviso before it DELAYED; a late acceptance changes nothing", async () => {
    const meeting = await createMeeting(db);
    const comune = await createMunicipalityIn(db, { name: "Caltagirone", province: "CT" });
    const address = "protocollo@pec.comune.caltagirone.example.it";
    const message = await dispatchedPec(meeting.id, comune, address);

    await append(await receiptFor(message.id, address, "preavviso-errore-consegna", { giorno: "15/03/2022", ora: "22:31:05" }));
    await readPecReceipts(db, { imapUrl: dovecot.url, log: quiet });
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).deliveryState).toBe("DELAYED");

    await append(
      await receiptFor(message.id, address, "errore-consegna", {
        giorno: "16/03/2022",
        ora: "10:31:05",
        errore: "no-dest",
        erroreEsteso: "5.1.1 - Casella di posta inesistente",
        // The match comes from daticert's msgid when the header is missing.
        withoutReferenceHeader: true,
      }),
    );
    await append(await receiptFor(message.id, address, "accettazione", { giorno: "15/03/2022", ora: "10:30:00" }));
    const reading = await readPecReceipts(db, { imapUrl: dovecot.url, log: quiet });
    expect(reading).toMatchObject({ read: "done", stored: 2, unmatched: 0 });

    const after = await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(after.deliveryState).toBe("FAILED");
    const failure = await db.pecReceipt.findFirstOrThrow({ where: { emailMessageId: message.id, kind: "ERRORE_CONSEGNA" } });
    expect(failure.error).toBe("no-dest: 5.1.1 - Casella di posta inesistente");
    expect(failure.recipient).toBe(address);
    expect(failure.at.toISOString()).toBe("2022-03-16T09:31:05.000Z");
  }, 120_000);

  test("a receipt about no message of ours is kept without one, and said in the log", async () => {
    const lines: string[] = [];
    const reference = "<opec-altro.20220315@pec.altro-mittente.example.it>";
    await append(await buildPecReceipt({ kind: "avvenuta-consegna", reference, sender: FROM, recipient: "x@pec.example.it" }));
    const reading = await readPecReceipts(db, { imapUrl: dovecot.url, log: (line) => lines.push(line) });
    expect(reading).toMatchObject({ read: "done", stored: 1, unmatched: 1 });
    expect(await db.pecReceipt.count({ where: { referenceMessageId: reference, emailMessageId: null } })).toBe(1);
    expect(lines.some((line) => line.includes("refers to no message of ours"))).toBe(true);
  }, 120_000);

  test("a mailbox that cannot be reached, or refuses the login, is logged and the tick goes on", async () => {
    const lines: string[] = [];
    const closed = `imap://u:p@127.0.0.1:${await freePort()}`;
    expect(await readPecReceipts(db, { imapUrl: closed, log: (line) => lines.push(line), timeoutMs: 5_000 })).toMatchObject({ read: "unreachable" });
    const wrong = dovecot.url.replace(encodeURIComponent(dovecot.pass), "sbagliata");
    expect(await readPecReceipts(db, { imapUrl: wrong, log: (line) => lines.push(line), timeoutMs: 5_000 })).toMatchObject({ read: "unreachable" });
    expect(await readPecReceipts(db, { imapUrl: "ftp://x", log: quiet })).toMatchObject({ read: "unreachable" });
    expect(await readPecReceipts(db, { imapUrl: "", log: quiet })).toEqual({ read: "off" });
    expect(lines.filter((line) => line.includes("cannot be read now"))).toHaveLength(2);

    // Through the tick's own list: PEC_IMAP_URL down does not fail the tick.
    vi.stubEnv("PEC_IMAP_URL", closed);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const results = await runDueWork(db, { work: DUE_WORK.filter((item) => item.name === "pec-receipts") });
      expect(results["pec-receipts"]).toMatchObject({ read: "unreachable" });
    } finally {
      log.mockRestore();
      vi.unstubAllEnvs();
    }
  }, 120_000);

  test("a message that is not a receipt stores nothing; the same bytes twice store once", async () => {
    expect(await storePecReceipt(db, { eml: Buffer.from("Subject: ciao\r\n\r\nciao\r\n") })).toEqual({ outcome: "not-a-receipt" });
    const eml = await buildPecReceipt({ kind: "accettazione", reference: "<nessuno@pec.example.it>", sender: FROM, recipient: "y@pec.example.it" });
    const [a, b] = await Promise.all([storePecReceipt(db, { eml }), storePecReceipt(db, { eml })]);
    expect([a.outcome, b.outcome].sort()).toEqual(["duplicate", "stored"]);
  });
});
