import PgBoss from "pg-boss";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { JOIN_URL, SAMPLE_DATA } from "@/lib/test/email-fixtures";
import { waitFor } from "@/lib/test/wait-for";
import { enqueueEmail } from "./mutations";
import { REDACTED_LINK } from "../platform/email-transport/outbox-transport";
import { EMAIL_QUEUE, ensureEmailQueue } from "./queue";
import { startEmailWorker, type EmailWorker } from "./worker";

const { url, db } = await createTestDatabase();

// Everything the worker and the outbox print, whichever console method they use.
const printed: string[] = [];
let worker: EmailWorker;

beforeAll(async () => {
  vi.stubEnv("RESEND_API_KEY", "");
  for (const method of ["log", "info", "warn", "error"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(" ")));
  }
  await ensureEmailQueue(url, { retryDelay: 1 });
  worker = await startEmailWorker({ url, concurrency: 2, pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await worker?.stop();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function allSent(ids: string[]) {
  return async () => (await db.emailMessage.count({ where: { id: { in: ids }, status: "SENT" } })) === ids.length;
}

test("without RESEND_API_KEY the outbox delivers: SENT, provider id outbox:<id>, a console summary", async () => {
  expect(worker.transport).toBe("outbox");
  const { id } = await enqueueEmail(db, {
    template: "registration-waitlisted",
    toEmail: "maria.rossi@comune.example.it",
    toName: "Maria Rossi",
    data: SAMPLE_DATA["registration-waitlisted"],
  });
  await waitFor("the outbox to deliver", allSent([id]));

  const message = await db.emailMessage.findUniqueOrThrow({ where: { id } });
  expect(message).toMatchObject({ status: "SENT", transport: "outbox", providerId: `outbox:${id}`, attempts: 1, lastError: null });
  expect(message.sentAt).toBeInstanceOf(Date);

  const summary = printed.find((line) => line.startsWith(`[email] outbox ${id}`));
  expect(summary).toContain('"Maria Rossi" <maria.rossi@comune.example.it>');
  expect(summary).toContain("oggetto: Sei in lista d'attesa: Tavolo tecnico del Coordinamento dei Comuni SAI");
  expect(summary).toContain("link: http://localhost:3000/iscrizione/Tok3nPersonaleDiProva");
  expect(summary).toContain("allegato: convocazione.ics");
});

test("the console never shows a join link, not even from the outbox summary of a confirmed registration", async () => {
  const { id } = await enqueueEmail(db, {
    template: "registration-confirmed",
    toEmail: "giuseppe.verdi@comune.example.it",
    data: SAMPLE_DATA["registration-confirmed"],
  });
  await waitFor("the outbox to deliver", allSent([id]));

  const summary = printed.find((line) => line.startsWith(`[email] outbox ${id}`));
  expect(summary).toContain(`link: ${REDACTED_LINK}`);
  expect(summary).toContain("link: http://localhost:3000/iscrizione/Tok3nPersonaleDiProva");
  const everything = printed.join("\n");
  expect(everything).not.toContain(JOIN_URL);
  expect(everything).not.toContain("zoom.us");
  expect(everything).not.toContain("pwd=");
});

test("a job for a message already SENT is skipped: the message is never delivered twice", async () => {
  const { id } = await enqueueEmail(db, {
    template: "personal-link",
    toEmail: "anna.bianchi@comune.example.it",
    data: SAMPLE_DATA["personal-link"],
  });
  await waitFor("the first delivery", allSent([id]));

  // A stray second job for the same message, as a duplicated enqueue would leave.
  const boss = new PgBoss({ connectionString: url, schedule: false, supervise: false, max: 1 });
  await boss.start();
  const duplicateJob = await boss.send(EMAIL_QUEUE, { messageId: id });
  await waitFor("the duplicate job to finish", async () => (await boss.getJobById(EMAIL_QUEUE, duplicateJob!))?.state === "completed");
  await boss.stop({ graceful: false });

  expect(printed.filter((line) => line.startsWith(`[email] outbox ${id}`))).toHaveLength(1);
  expect(printed.some((line) => line.includes(`${id}: already sent`))).toBe(true);
  expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 1 });
});
