// The meeting's row lock on a real PostgreSQL: every writer that takes it
// waits as long as a registration does (Prisma's default, 2 s to start and
// 5 s in all, would fail behind a burst of registrations), and inside a
// caller's transaction it locks there, so the caller's writes commit with it.
import { afterEach, describe, expect, it, vi } from "vitest";
import { sendCoverageReminders } from "@/lib/coverage/mutations";
import { inviteOnBehalf } from "@/lib/invitations/dashboard/mutations";
import { sendJoinLinkNow, updateJoinLinkOffsets } from "@/lib/join-link/mutations";
import { confirmFromWaitingList } from "@/lib/registrations/dashboard/mutations";
import { register } from "@/lib/registrations/mutations";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createUser, registrationInput } from "@/lib/test/factories";
import { withLockedMeeting } from "./lock";
import { cancelMeeting, publishMeeting } from "./mutations";

const { db } = await createTestDatabase(4);
const coordinator = await createUser(db, "COORDINATOR");

afterEach(() => vi.restoreAllMocks());

describe("withLockedMeeting", () => {
  it("gives every writer that locks a meeting the same long wait", async () => {
    const meeting = await createMeeting(db, { joinUrl: "https://zoom.us/j/5550002", platform: "Zoom" });
    const transaction = vi.spyOn(db, "$transaction");
    const writes: [string, () => Promise<unknown>][] = [
      ["updateJoinLinkOffsets", () => updateJoinLinkOffsets(db, { actor: coordinator, meetingId: meeting.id, offsets: [60, 1440] })],
      ["register", () => register(db, { slug: meeting.slug, ...registrationInput({ email: "lock@example.it" }) })],
      ["sendCoverageReminders", () => sendCoverageReminders(db, { actor: coordinator, meetingId: meeting.id })],
      ["inviteOnBehalf", () => inviteOnBehalf(db, { actor: coordinator, meetingId: meeting.id, registrationId: null, nominee: nominee() })],
      ["confirmFromWaitingList", () => confirmFromWaitingList(db, { actor: coordinator, meetingId: meeting.id, ids: [crypto.randomUUID()] })],
      ["sendJoinLinkNow", () => sendJoinLinkNow(db, { actor: coordinator, meetingId: meeting.id })],
      ["publishMeeting", () => publishMeeting(db, { actor: coordinator, id: meeting.id })],
      ["cancelMeeting", () => cancelMeeting(db, { actor: coordinator, id: meeting.id, reason: "Rinviato" })],
    ];
    const options: Record<string, unknown> = {};
    for (const [name, write] of writes) {
      transaction.mockClear();
      await write();
      options[name] = transaction.mock.calls.map((call) => call[1] ?? "Prisma's default");
    }
    const expected = Object.fromEntries(writes.map(([name]) => [name, [{ maxWait: 30_000, timeout: 60_000 }]]));
    expect(options).toEqual(expected);
  });

  it("locks inside the caller's transaction: what the caller writes commits or rolls back with it", async () => {
    const meeting = await createMeeting(db);
    const failed = db.$transaction(async (tx) => {
      await withLockedMeeting(tx, { id: meeting.id }, async (inner, locked) => {
        expect(locked?.slug).toBe(meeting.slug);
        await inner.meeting.update({ where: { id: meeting.id }, data: { title: "Cambiato sotto il lock" } });
      });
      throw new Error("il chiamante annulla");
    });
    await expect(failed).rejects.toThrow("il chiamante annulla");
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).title).toBe(meeting.title);
    expect(await withLockedMeeting(db, { slug: "nessun-incontro" }, async (_tx, locked) => locked)).toBeNull();
  });
});

function nominee() {
  return { firstName: "Nadia", lastName: "Rossi", email: "nadia.rossi@example.it", managingBodyName: "Cooperativa Prova" };
}
