// The minute scheduler lives in PostgreSQL (pg-boss's schedule and queue):
// stopping it and starting a new one, as a restart does, keeps the schedule
// and does the due work once.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createRegistrants } from "@/lib/test/factories";
import { waitFor } from "@/lib/test/wait-for";
import { ensureTickQueue, startTickWorker, TICK_CRON, TICK_QUEUE, type TickWorker } from "./tick";

const { url, db } = await createTestDatabase(6);
const HOUR = 3600_000;
let worker: TickWorker | undefined;

beforeAll(async () => {
  await ensureTickQueue(url);
  // Twice, as every start-up does: idempotent.
  await ensureTickQueue(url);
});

afterAll(async () => {
  await worker?.stop();
});

async function schedules() {
  return db.$queryRaw<{ name: string; cron: string }[]>`SELECT name, cron FROM pgboss.schedule`;
}

it("a restarted scheduler keeps the minute schedule and sends a due join link once", async () => {
  const startsAt = new Date(Date.now() + 12 * HOUR);
  const meeting = await createMeeting(db, { joinUrl: "https://zoom.us/j/777?pwd=riservato", startsAt, endsAt: new Date(startsAt.getTime() + HOUR) });
  await createRegistrants(db, meeting.id, 4);
  expect(await schedules()).toEqual([{ name: TICK_QUEUE, cron: TICK_CRON }]);

  // First process: its start-up catch-up finds the "24 ore prima" due.
  worker = await startTickWorker({ url, log: () => {}, pollingIntervalSeconds: 0.5 });
  await worker.caughtUp;
  expect(await db.joinLinkSend.count({ where: { meetingId: meeting.id } })).toBe(1);
  await worker.stop();

  // Second process, after the "restart": the schedule is still there, and its catch-up and a tick send nothing again.
  worker = await startTickWorker({ url, log: () => {}, pollingIntervalSeconds: 0.5 });
  await worker.caughtUp;
  expect(await schedules()).toEqual([{ name: TICK_QUEUE, cron: TICK_CRON }]);
  const [{ id: tickId }] = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO pgboss.job (name, data) VALUES (${TICK_QUEUE}, '{}'::jsonb) RETURNING id`;
  await waitFor(
    "the tick job to be done",
    async () => (await db.$queryRaw<{ state: string }[]>`SELECT state::text FROM pgboss.job WHERE id = ${tickId}::uuid`)[0]?.state === "completed",
    20_000,
  );
  const sends = await db.joinLinkSend.findMany({ where: { meetingId: meeting.id }, include: { _count: { select: { emails: true } } } });
  expect(sends.map((send) => [send.slot, send._count.emails])).toEqual([["before-1440", 4]]);
  expect(await db.emailMessage.count({ where: { meetingId: meeting.id, template: "join-link" } })).toBe(4);
});

it("a tick sends what became due while the scheduler was running", async () => {
  const startsAt = new Date(Date.now() + 30 * 24 * HOUR);
  const meeting = await createMeeting(db, { joinUrl: "https://zoom.us/j/778?pwd=riservato", startsAt, endsAt: new Date(startsAt.getTime() + HOUR) });
  await createRegistrants(db, meeting.id, 2);
  // Not due at start-up; then the coordinator moves the meeting to within a day.
  expect(await db.joinLinkSend.count({ where: { meetingId: meeting.id } })).toBe(0);
  const soon = new Date(Date.now() + 3 * HOUR);
  await db.meeting.update({ where: { id: meeting.id }, data: { startsAt: soon, endsAt: new Date(soon.getTime() + HOUR) } });
  await db.$executeRaw`INSERT INTO pgboss.job (name, data) VALUES (${TICK_QUEUE}, '{}'::jsonb)`;
  await waitFor("the due send", async () => (await db.joinLinkSend.count({ where: { meetingId: meeting.id } })) === 1, 20_000);
});
