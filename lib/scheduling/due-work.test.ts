// The minute tick's list of work: the reminders and follow-ups go with it,
// so a rule falls due without anyone pressing "Invia ora".
import { beforeAll, expect, test } from "vitest";
import { ensureEmailQueue } from "@/lib/email/queue";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createRegistrationRecord } from "@/lib/test/factories";
import { runDueWork } from "./due-work";

const { url, db } = await createTestDatabase();
const HOUR = 3600_000;

beforeAll(async () => {
  await ensureEmailQueue(url);
});

test("a due follow-up to those present is sent by the tick, once", async () => {
  const endsAt = new Date(Date.now() - 2 * HOUR);
  const meeting = await createMeeting(db, { startsAt: new Date(endsAt.getTime() - 2 * HOUR), endsAt });
  const present = await createRegistrationRecord(db, meeting.id, { attendance: "PRESENT" });
  await createRegistrationRecord(db, meeting.id, { attendance: "ABSENT" });
  await db.meetingMessageRule.create({
    data: { meetingId: meeting.id, anchor: "AFTER_END", offsetMinutes: 60, audience: "PRESENT", subject: "Grazie", body: "Grazie {nome}." },
  });

  await runDueWork(db, {});
  await runDueWork(db, {});

  const emails = await db.emailMessage.findMany({ where: { meetingId: meeting.id, template: "meeting-message" } });
  expect(emails.map((email) => email.toEmail)).toEqual([present.person.email]);
});
