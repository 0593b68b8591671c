// The suppression list at delivery time, through the real worker and the
// real Resend SDK against the local stub: an address that bounced for good
// (or complained) gets no coverage reminder or meeting message — the message
// ends CANCELLED with the reason, even when the bounce came after it was
// enqueued — while an email the person asked for (a sign-in link) still goes
// out. The bounce itself arrives as Resend reports it (parseResendEvent).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sendCoverageReminders } from "@/lib/coverage/mutations";
import { createTestDatabase } from "@/lib/test/database";
import { SAMPLE_DATA } from "@/lib/test/email-fixtures";
import { createMeeting, createMunicipalityIn, createReferent } from "@/lib/test/factories";
import { startResendStub, type ResendStub } from "@/lib/test/resend-stub";
import { resendEvent } from "@/lib/test/svix";
import { waitFor } from "@/lib/test/wait-for";
import { addUser } from "@/lib/users/mutations";
import { enqueueEmail } from "../mutations";
import { ensureEmailQueue } from "../queue";
import { recordResendEvent } from "../webhooks/mutations";
import { parseResendEvent } from "../webhooks/resend-event";
import { startEmailWorker, type EmailWorker } from "../worker";
import { NON_ESSENTIAL_TEMPLATES, skipsSuppressedAddress } from "./policy";
import { undeliverableAddresses } from "./queries";

const { url, db } = await createTestDatabase(20);
let stub: ResendStub;
const workers: EmailWorker[] = [];

async function startWorker() {
  const worker = await startEmailWorker({ url, concurrency: 2, pollingIntervalSeconds: 0.5, log: () => {} });
  workers.push(worker);
  return worker;
}

/** Resend reports an event about the message, as the webhook route would record it once verified. */
async function report(type: string, messageId: string, bounceType?: string) {
  const event = parseResendEvent(JSON.parse(resendEvent({ type, emailId: `re_${messageId}`, messageId, bounceType })));
  if (event?.kind !== "recorded") throw new Error("expected a recorded event");
  return recordResendEvent(db, { eventId: `msg_${type}_${messageId}`, event, now: new Date() });
}

const settled = (ids: string[]) => async () =>
  (await db.emailMessage.count({ where: { id: { in: ids }, status: { in: ["SENT", "FAILED", "CANCELLED"] } } })) === ids.length;

beforeAll(async () => {
  await ensureEmailQueue(url, { retryLimit: 3, retryDelay: 1, retryBackoff: false, expireInSeconds: 10 });
  stub = await startResendStub();
  vi.stubEnv("RESEND_BASE_URL", stub.url);
  vi.stubEnv("RESEND_API_KEY", "re_test_dummy");
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop({ timeoutMs: 2_000 })));
});

afterAll(async () => {
  await stub.close();
  vi.unstubAllEnvs();
});

describe("the suppression list at delivery time", () => {
  it("a hard-bounced address gets no coverage reminder, the other referent does, and a sign-in link to it still goes out", async () => {
    const { user: coordinator } = await addUser(db, { actor: { label: "test" }, email: "coordinatrice@anci.example.it", role: "COORDINATOR" });
    const meeting = await createMeeting(db);
    const monreale = await createMunicipalityIn(db, { name: "Monreale", province: "PA" });
    await createReferent(db, monreale.id, { email: "Rimbalza@Monreale.example.it", firstName: "Rita" });
    await createReferent(db, monreale.id, { email: "arriva@monreale.example.it", firstName: "Aldo" });

    // An earlier email to the address bounced for good.
    const earlier = await enqueueEmail(db, { template: "personal-link", toEmail: "Rimbalza@Monreale.example.it", data: SAMPLE_DATA["personal-link"] });
    await db.emailMessage.update({ where: { id: earlier.id }, data: { status: "SENT", transport: "resend", providerId: `re_${earlier.id}` } });
    expect(await report("email.bounced", earlier.id, "Permanent")).toMatchObject({ outcome: "recorded", suppressed: true });
    expect(await undeliverableAddresses(db, ["rimbalza@monreale.example.it", "arriva@monreale.example.it"])).toEqual(
      new Map([["rimbalza@monreale.example.it", "BOUNCED"]]),
    );

    expect(await sendCoverageReminders(db, { actor: coordinator, meetingId: meeting.id })).toMatchObject({ ok: true, sent: 2 });
    const reminders = await db.emailMessage.findMany({ where: { meetingId: meeting.id, template: "coverage-reminder" } });
    const signIn = await enqueueEmail(db, { template: "sign-in-link", toEmail: "rimbalza@monreale.example.it", data: SAMPLE_DATA["sign-in-link"] });
    const ids = [...reminders.map((row) => row.id), signIn.id];

    await startWorker();
    await waitFor("the reminders and the sign-in link", settled(ids), 30_000);
    const rows = new Map((await db.emailMessage.findMany({ where: { id: { in: ids } } })).map((row) => [row.id, row]));
    const bounced = reminders.find((row) => row.toEmail === "Rimbalza@Monreale.example.it")!;
    const reached = reminders.find((row) => row.toEmail === "arriva@monreale.example.it")!;
    expect(rows.get(bounced.id)).toMatchObject({ status: "CANCELLED", lastError: "indirizzo non raggiungibile", providerId: null });
    expect(stub.deliveriesFor(bounced.id)).toBe(0);
    expect(rows.get(reached.id)).toMatchObject({ status: "SENT", lastError: null });
    expect(stub.deliveriesFor(reached.id)).toBe(1);
    // What the person asked for is still attempted.
    expect(rows.get(signIn.id)).toMatchObject({ status: "SENT" });
    expect(stub.deliveriesFor(signIn.id)).toBe(1);
  });

  it("a complaint after the message was enqueued still stops it ('segnalato come spam'); a soft bounce stops nothing", async () => {
    const first = await enqueueEmail(db, { template: "registration-confirmed", toEmail: "spam@comune.example.it", data: SAMPLE_DATA["registration-confirmed"] });
    const soft = await enqueueEmail(db, { template: "registration-confirmed", toEmail: "piena@comune.example.it", data: SAMPLE_DATA["registration-confirmed"] });
    await db.emailMessage.updateMany({ where: { id: { in: [first.id, soft.id] } }, data: { status: "SENT", transport: "resend" } });
    // Enqueued before the complaint arrives; the worker is not running yet.
    const message = await enqueueEmail(db, { template: "meeting-message", toEmail: "SPAM@comune.example.it", data: SAMPLE_DATA["meeting-message"] });
    const toSoft = await enqueueEmail(db, { template: "meeting-message", toEmail: "piena@comune.example.it", data: SAMPLE_DATA["meeting-message"] });
    expect(await report("email.complained", first.id)).toMatchObject({ suppressed: true });
    expect(await report("email.bounced", soft.id, "Transient")).toMatchObject({ outcome: "recorded", suppressed: false });

    await startWorker();
    await waitFor("the two meeting messages", settled([message.id, toSoft.id]), 30_000);
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "CANCELLED", lastError: "segnalato come spam" });
    expect(stub.deliveriesFor(message.id)).toBe(0);
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: toSoft.id } })).toMatchObject({ status: "SENT" });
  });
});

describe("which templates skip a suppressed address", () => {
  it("lists the ones sent unasked, the convocation included, and only on the EMAIL channel", () => {
    expect([...NON_ESSENTIAL_TEMPLATES]).toEqual(["coverage-reminder", "meeting-message", "convocation"]);
    expect(skipsSuppressedAddress({ template: "coverage-reminder", channel: "EMAIL" })).toBe(true);
    expect(skipsSuppressedAddress({ template: "convocation", channel: "EMAIL" })).toBe(true);
    expect(skipsSuppressedAddress({ template: "convocation", channel: "PEC" })).toBe(false);
    for (const template of ["sign-in-link", "personal-link", "registration-confirmed", "join-link", "certificate", "user-invitation"]) {
      expect(skipsSuppressedAddress({ template, channel: "EMAIL" }), template).toBe(false);
    }
  });
});
