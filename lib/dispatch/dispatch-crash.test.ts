// "Invia convocazione" to 400 SAI Comuni by PEC and 1,000 referents by email,
// delivered by an email worker in a child process that is killed with
// SIGKILL in the middle of the send, then by a survivor: every address gets
// exactly one message, counted where it arrives (a Resend stand-in and a
// local SMTP server standing for the PEC provider), every EmailMessage ends
// SENT and every DispatchRecipient has its message. A later dispatch reaches
// only the referent approved since.
//
// Where the kill lands: emails in the Resend stub's answer delay (accepted,
// not yet answered: the retry is absorbed by the idempotency key), PECs
// before the SMTP server accepted them (the server holds their MAIL FROM). A
// PEC the server accepted but whose SENT the worker had not written yet has
// no such protection (SMTP has no idempotency key) and would go out twice:
// the kill is placed after every accepted PEC is recorded.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ensureEmailQueue } from "@/lib/email/queue";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createUser } from "@/lib/test/factories";
import { freePort } from "@/lib/test/free-port";
import { startResendStub, type ResendStub } from "@/lib/test/resend-stub";
import { waitFor } from "@/lib/test/wait-for";
import { sendConvocation } from "./mutations";
import { getAudienceSummary } from "./queries";

const COMUNI = 400;
const REFERENTS = 1000;
const TOTAL = COMUNI + REFERENTS;
const AUDIENCES = ["SAI_PEC", "REFERENTS"] as const;
const PEC_FROM = "protocollo@pec.anci-sicilia.example.it";
/** Delivery slots of each worker process: 1,400 messages in seconds, not minutes. */
const CONCURRENCY = 16;
/** A job left active by the dead worker comes back after this long. */
const EXPIRE_SECONDS = 4;

const { url, db } = await createTestDatabase();

/** A PEC provider on a free local port: counts what it accepted, per recipient; can hold new messages. */
async function startSmtpCapture() {
  const accepted = new Map<string, number>();
  let firstRaw: Buffer | null = null;
  let holding = false;
  let held = 0;
  // Sessions past MAIL FROM whose message is neither accepted nor abandoned yet.
  const inFlight = new Set<string>();
  const waiting: (() => void)[] = [];
  const port = await freePort();
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onMailFrom(_address, session, callback) {
      if (!holding) {
        inFlight.add(session.id);
        return callback();
      }
      held++;
      waiting.push(() => {
        inFlight.add(session.id);
        callback();
      });
    },
    onClose(session) {
      inFlight.delete(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      // Only a message received in full ends; a client that dies mid-message destroys the stream.
      stream.on("end", () => {
        for (const rcpt of session.envelope.rcptTo) {
          const address = rcpt.address.toLowerCase();
          accepted.set(address, (accepted.get(address) ?? 0) + 1);
        }
        firstRaw ??= Buffer.concat(chunks);
        inFlight.delete(session.id);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    get messages() {
      return [...accepted.values()].reduce((sum, count) => sum + count, 0);
    },
    get held() {
      return held;
    },
    /** Messages between MAIL FROM and their acceptance (held ones not counted). */
    get inFlight() {
      return inFlight.size;
    },
    get firstRaw() {
      return firstRaw;
    },
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      for (const resume of waiting.splice(0)) resume();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}

let stub: ResendStub;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  await ensureEmailQueue(url, { retryLimit: 10, retryDelay: 1, retryBackoff: true, expireInSeconds: EXPIRE_SECONDS });
  stub = await startResendStub();
  smtp = await startSmtpCapture();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await stub?.close();
  await smtp?.close();
});

function startWorkerProcess(): Promise<ChildProcess> {
  const script = path.resolve(import.meta.dirname, "../test/email-worker-process.ts");
  const worker = spawn(process.execPath, ["--import", "tsx", script], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      RESEND_BASE_URL: stub.url,
      RESEND_API_KEY: "re_test_dummy",
      PEC_SMTP_URL: smtp.url,
      PEC_FROM,
      PEC_RATE_PER_SECOND: "1000",
      // The stub answers every request: the provider's shared rate (2/s by default, for single sends too) is not what is tested here.
      EMAIL_BATCH_RATE_PER_SECOND: "1000",
      EMAIL_WORKER_CONCURRENCY: String(CONCURRENCY),
      EMAIL_WORKER_MAINTENANCE_SECONDS: "1",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(worker);
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`worker process exited early (${code})`)));
    worker.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve(worker);
    });
  });
}

function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGKILL");
  return exited;
}

/** The bare address of a "Name" <address> header value. */
const bare = (value: string) => (/<([^>]+)>/.exec(value)?.[1] ?? value).trim().toLowerCase();

/** Emails the Resend stub delivered, per recipient address. */
function emailDeliveries(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const delivery of stub.deliveries) {
    for (const to of delivery.to) counts.set(bare(to), (counts.get(bare(to)) ?? 0) + 1);
  }
  return counts;
}

// 400 SAI Comuni with a PEC and 1,000 active referents spread over them, written in bulk.
await db.municipality.createMany({
  data: Array.from({ length: COMUNI }, (_, index) => ({
    istatCode: `9${String(index).padStart(5, "0")}`,
    name: `Comune di prova ${index}`,
    province: "PA" as const,
    provinceName: "Palermo",
    saiMember: true,
    pec: `protocollo@pec.comune-${index}.example.it`,
  })),
});
const municipalities = await db.municipality.findMany({ where: { saiMember: true }, select: { id: true }, orderBy: { istatCode: "asc" } });
const persons = await db.person.createManyAndReturn({
  data: Array.from({ length: REFERENTS }, (_, index) => ({
    email: `referente-${index}@comune-${index % COMUNI}.example.it`,
    firstName: "Referente",
    lastName: `Numero ${index}`,
  })),
  select: { id: true },
});
await db.referent.createMany({
  data: persons.map((person, index) => ({
    municipalityId: municipalities[index % COMUNI].id,
    personId: person.id,
    role: "TECHNICAL" as const,
    source: "COORDINATOR" as const,
    status: "ACTIVE" as const,
  })),
});
const actor = await createUser(db);
const meeting = await createMeeting(db);

test(
  "SIGKILL in the middle of a convocation to 1,400: each address gets exactly one message, all SENT, the PECs with both PDFs",
  async () => {
    const summary = await getAudienceSummary(db, { meetingId: meeting.id, audiences: AUDIENCES });
    expect(summary.toSend).toHaveLength(TOTAL);
    const expectedAddresses = summary.toSend.map((recipient) => recipient.address).sort();

    // Resend accepts each email at once and answers late: the kill lands between the two for some.
    stub.setResponseDelay(400);
    const first = await startWorkerProcess();
    const result = await sendConvocation(db, { actor, meetingId: meeting.id, audiences: AUDIENCES, expected: TOTAL });
    expect(result).toMatchObject({ ok: true, sent: { pec: COMUNI, email: REFERENTS }, alreadyReached: 0 });

    await waitFor(
      "the first worker to deliver part of the convocation",
      async () => stub.deliveries.length >= 150 && smtp.messages >= 60,
      60_000,
    );
    // No new PEC gets past MAIL FROM; those already past are accepted and get their SENT written, then the kill.
    smtp.hold();
    await waitFor(
      "every PEC the server accepted to be recorded SENT",
      async () =>
        smtp.inFlight === 0 &&
        (await db.emailMessage.count({ where: { meetingId: meeting.id, channel: "PEC", status: "SENT" } })) === smtp.messages,
      10_000,
      20,
    );
    await waitFor("a PEC held in the middle of its SMTP session", async () => smtp.held > 0, 10_000, 20);
    await kill(first);
    stub.setResponseDelay(0);
    smtp.release();

    const atKill = {
      emails: stub.deliveries.length,
      pecs: smtp.messages,
      heldPecs: smtp.held,
      sending: await db.emailMessage.count({ where: { meetingId: meeting.id, status: "SENDING" } }),
      unrecordedEmails: await db.emailMessage.count({ where: { meetingId: meeting.id, channel: "EMAIL", status: { not: "SENT" }, id: { in: stub.deliveries.map((delivery) => delivery.idempotencyKey!) } } }),
    };
    // Killed mid-send: some delivered, not all; emails accepted but unrecorded and PECs mid-session.
    expect(atKill.emails + atKill.pecs).toBeLessThan(TOTAL);
    expect(atKill.unrecordedEmails).toBeGreaterThan(0);
    expect(atKill.sending).toBeGreaterThan(0);

    const survivor = await startWorkerProcess();
    await waitFor(
      "the survivor to finish the convocation",
      async () => (await db.emailMessage.count({ where: { meetingId: meeting.id, status: "SENT" } })) === TOTAL,
      60_000,
      250,
    );

    // Exactly one message per address, counted where they arrived.
    const emails = emailDeliveries();
    const received = [...emails.keys(), ...smtp.accepted.keys()].sort();
    expect(received).toEqual(expectedAddresses);
    expect([...emails.values()].filter((count) => count !== 1)).toEqual([]);
    expect([...smtp.accepted.values()].filter((count) => count !== 1)).toEqual([]);
    expect(emails.size).toBe(REFERENTS);
    expect(smtp.accepted.size).toBe(COMUNI);
    // The retried emails reached Resend again and were answered from its idempotency keys.
    expect(stub.requests).toBeGreaterThan(REFERENTS);

    const messages = await db.emailMessage.findMany({ where: { meetingId: meeting.id }, select: { id: true, status: true, channel: true, toEmail: true, providerId: true } });
    expect(messages).toHaveLength(TOTAL);
    expect(messages.filter((message) => message.status !== "SENT")).toEqual([]);
    const byId = new Map(messages.map((message) => [message.id, message]));
    for (const message of messages.filter((row) => row.channel === "EMAIL")) {
      expect(message.providerId).toBe(stub.deliveries.find((delivery) => delivery.idempotencyKey === message.id)?.id);
    }
    const recipients = await db.dispatchRecipient.findMany({ where: { meetingId: meeting.id }, select: { address: true, channel: true, emailMessageId: true } });
    expect(recipients).toHaveLength(TOTAL);
    for (const recipient of recipients) {
      const message = byId.get(recipient.emailMessageId);
      expect(message, `the message of ${recipient.address}`).toBeDefined();
      expect(message).toMatchObject({ toEmail: recipient.address, channel: recipient.channel, status: "SENT" });
    }

    // A PEC as the Comune receives it: the letter and the blank scheda, both PDFs.
    const parsed = await simpleParser(smtp.firstRaw!);
    const pdfs = parsed.attachments.filter((attachment) => attachment.contentType === "application/pdf");
    expect(pdfs).toHaveLength(2);
    for (const pdf of pdfs) expect(pdf.content.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(new Set(pdfs.map((pdf) => pdf.filename)).size).toBe(2);
    // And an email through Resend carries the same two.
    expect(stub.deliveries[0].attachments.map((attachment) => attachment.filename).sort()).toEqual(pdfs.map((pdf) => pdf.filename!).sort());

    // Later: one more referent approved. The same audiences reach only them.
    const late = await db.person.create({ data: { email: "nuova.referente@comune-7.example.it", firstName: "Nuova", lastName: "Referente" } });
    await db.referent.create({ data: { municipalityId: municipalities[7].id, personId: late.id, role: "TECHNICAL", source: "COORDINATOR", status: "ACTIVE" } });
    const before = { emails: stub.deliveries.length, pecs: smtp.messages };
    expect(await sendConvocation(db, { actor, meetingId: meeting.id, audiences: AUDIENCES, expected: 0 })).toEqual({
      ok: false,
      reason: "COUNT_CHANGED",
      recipients: 1,
    });
    const second = await sendConvocation(db, { actor, meetingId: meeting.id, audiences: AUDIENCES, expected: 1 });
    expect(second).toMatchObject({ ok: true, sent: { pec: 0, email: 1 }, alreadyReached: TOTAL });
    await waitFor(
      "the late referent's convocation",
      async () => (await db.emailMessage.count({ where: { meetingId: meeting.id, status: "SENT" } })) === TOTAL + 1,
      30_000,
    );
    expect(stub.deliveries.slice(before.emails).map((delivery) => delivery.to.map(bare))).toEqual([["nuova.referente@comune-7.example.it"]]);
    expect(smtp.messages).toBe(before.pecs);

    // Everyone reached: a dispatch expecting 0 sends nothing.
    const third = await sendConvocation(db, { actor, meetingId: meeting.id, audiences: AUDIENCES, expected: 0 });
    expect(third).toEqual({ ok: true, dispatchId: null, sent: { pec: 0, email: 0 }, alreadyReached: TOTAL + 1 });
    // Long enough for a worker polling every 0.5 s to have picked up anything queued.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(stub.deliveries.length).toBe(before.emails + 1);
    expect(smtp.messages).toBe(before.pecs);
    expect(await db.emailMessage.count({ where: { meetingId: meeting.id } })).toBe(TOTAL + 1);
    expect(await db.dispatch.count({ where: { meetingId: meeting.id } })).toBe(2);

    await kill(survivor);
  },
  150_000,
);
