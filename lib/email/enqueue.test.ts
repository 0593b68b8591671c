import { beforeAll, describe, expect, test } from "vitest";
import { SAMPLE_DATA } from "@/lib/test/email-fixtures";
import { createTestDatabase } from "@/lib/test/database";
import { enqueueEmail, enqueueEmailOnce, type EnqueueEmailInput } from "./mutations";
import { EMAIL_QUEUE, ensureEmailQueue } from "./queue";

const { url, db } = await createTestDatabase();

type JobRow = { id: string; data: { messageId: string }; start_after_epoch: number; retry_limit: number };

function jobs(): Promise<JobRow[]> {
  // Epoch seconds, not the timestamp: the comparison must not depend on the session's time zone.
  return db.$queryRawUnsafe<JobRow[]>(
    `SELECT id::text, data, extract(epoch FROM start_after)::float8 AS start_after_epoch, retry_limit
       FROM pgboss.job WHERE name = $1 ORDER BY created_on`,
    EMAIL_QUEUE,
  );
}

const confirmed = (toEmail: string): EnqueueEmailInput<"registration-confirmed"> => ({
  template: "registration-confirmed",
  toEmail,
  toName: "Maria Rossi",
  data: SAMPLE_DATA["registration-confirmed"],
});

class Rollback extends Error {}

test("without the queue an enqueue fails and leaves no message behind", async () => {
  // The test template already has pg-boss (global setup): remove it to see a server that skipped ensureEmailQueue.
  await db.$executeRawUnsafe("DROP SCHEMA IF EXISTS pgboss CASCADE");
  await expect(db.$transaction((tx) => enqueueEmail(tx, confirmed("early@example.it")))).rejects.toThrow();
  expect(await db.emailMessage.count()).toBe(0);
});

describe("with the queue", () => {
  beforeAll(async () => {
    await ensureEmailQueue(url);
    await ensureEmailQueue(url); // idempotent: a second start-up changes nothing
  });

  test("a transaction that throws after enqueueing leaves neither the message nor the job", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, confirmed("rolled-back@example.it"));
        throw new Rollback("the registration failed after the email was queued");
      }),
    ).rejects.toBeInstanceOf(Rollback);

    expect(await db.emailMessage.count({ where: { toEmail: "rolled-back@example.it" } })).toBe(0);
    expect(await jobs()).toEqual([]);
  });

  test("a committed transaction leaves a PENDING message and one job carrying only its id", async () => {
    const { id, jobId } = await db.$transaction((tx) => enqueueEmail(tx, confirmed("committed@example.it")));

    const message = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(message).toMatchObject({
      template: "registration-confirmed",
      toEmail: "committed@example.it",
      toName: "Maria Rossi",
      status: "PENDING",
      attempts: 0,
    });
    expect(message.data).toMatchObject({ meetingTitle: SAMPLE_DATA["registration-confirmed"].meetingTitle });
    const [job] = (await jobs()).filter((row) => row.id === jobId);
    expect(job.data).toEqual({ messageId: id });
    expect(job.retry_limit).toBe(10);
  });

  test("given the client instead of a transaction, it opens one of its own", async () => {
    const { id, jobId } = await enqueueEmail(db, confirmed("own-transaction@example.it"));
    expect(await db.emailMessage.count({ where: { id } })).toBe(1);
    expect((await jobs()).map((row) => row.id)).toContain(jobId);
  });

  test("sendAfter delays both the message and its job", async () => {
    const sendAfter = new Date(Date.now() + 60 * 60 * 1000);
    const { id, jobId } = await enqueueEmail(db, { ...confirmed("later@example.it"), sendAfter });
    const message = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(message.sendAfter.toISOString()).toBe(sendAfter.toISOString());
    const job = (await jobs()).find((row) => row.id === jobId);
    expect(job?.start_after_epoch).toBeCloseTo(sendAfter.getTime() / 1000, 2);
  });

  test("data that does not fit the template fails the caller's transaction", async () => {
    const bad = { ...confirmed("bad@example.it"), data: { ...SAMPLE_DATA["registration-confirmed"], personalUrl: null } };
    await expect(db.$transaction((tx) => enqueueEmail(tx, bad))).rejects.toThrow(/personalUrl/);
    expect(await db.emailMessage.count({ where: { toEmail: "bad@example.it" } })).toBe(0);
  });

  test("with a dedupe key, a second enqueue (even concurrent) writes neither a message nor a job", async () => {
    const once = { ...confirmed("once@example.it"), dedupeKey: "test:once" };
    const before = (await jobs()).length;
    const results = await Promise.all([1, 2, 3].map(() => db.$transaction((tx) => enqueueEmailOnce(tx, once))));
    expect(results.filter((result) => result !== null)).toHaveLength(1);
    // The later ones leave the caller's transaction usable: a unique violation would have aborted it.
    const again = await db.$transaction(async (tx) => {
      const skipped = await enqueueEmailOnce(tx, once);
      await tx.emailMessage.count();
      return skipped;
    });
    expect(again).toBeNull();
    expect(await db.emailMessage.count({ where: { dedupeKey: "test:once" } })).toBe(1);
    expect((await jobs()).length).toBe(before + 1);
  });
});
