import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createRegistrants, createUser } from "@/lib/test/factories";
import { IDLE } from "@/lib/platform/forms/action-state";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { url, db } = await createTestDatabase(6);
process.env.DATABASE_URL = url;
const { sendJoinLinkNowAction, updateJoinLinkOffsetsAction } = await import("./actions");

const coordinator = { ...(await createUser(db, "COORDINATOR")), active: undefined } as unknown as DashboardUser;
const observer = { ...(await createUser(db, "OBSERVER")), active: undefined } as unknown as DashboardUser;

function offsetsForm(rows: { amount: string; unit: string; remove?: string }[]) {
  const form = new FormData();
  rows.forEach((row, index) => {
    form.set(`offsets.${index}.amount`, row.amount);
    form.set(`offsets.${index}.unit`, row.unit);
    if (row.remove) form.set(`offsets.${index}.remove`, row.remove);
  });
  return form;
}

let meeting: Awaited<ReturnType<typeof createMeeting>>;
beforeEach(async () => {
  meeting = await createMeeting(db, { joinUrl: "https://zoom.us/j/1?pwd=riservato", platform: "Zoom" });
  await createRegistrants(db, meeting.id, 3);
  await createRegistrants(db, meeting.id, 1, { status: "WAITLISTED" });
});

describe("sendJoinLinkNowAction", () => {
  it("refuses an observer and a signed-out caller, writing nothing", async () => {
    for (const user of [observer, null]) {
      session.user = user;
      const state = await sendJoinLinkNowAction(meeting.id, IDLE, new FormData());
      expect(state.status).toBe("error");
    }
    expect(await db.joinLinkSend.count({ where: { meetingId: meeting.id } })).toBe(0);
    expect(await db.emailMessage.count({ where: { meetingId: meeting.id, template: "join-link" } })).toBe(0);
  });

  it("sends to the confirmed registrants for a coordinator, audited without the link", async () => {
    session.user = coordinator;
    const state = await sendJoinLinkNowAction(meeting.id, IDLE, new FormData());
    expect(state).toMatchObject({ status: "success", message: "Link in invio a 3 iscritti confermati." });
    const send = await db.joinLinkSend.findFirstOrThrow({ where: { meetingId: meeting.id } });
    expect(send).toMatchObject({ kind: "MANUAL", recipients: 3, createdById: coordinator.id });
    expect(send.slot).toMatch(/^manual-[0-9a-f-]{36}$/);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: meeting.id, action: "join-link.send" } });
    expect(audit.actorId).toBe(coordinator.id);
    expect(JSON.stringify(audit.data)).not.toContain("zoom.us");
    // A second click while it is going out: refused, nothing doubled.
    expect(await sendJoinLinkNowAction(meeting.id, IDLE, new FormData())).toMatchObject({
      status: "error",
      formError: expect.stringContaining("ancora in corso"),
    });
    expect(await db.emailMessage.count({ where: { meetingId: meeting.id, template: "join-link" } })).toBe(3);
  });

  it("says why a meeting in person cannot receive a link, and answers a bad id without a server error", async () => {
    session.user = coordinator;
    const inPerson = await createMeeting(db, { mode: "IN_PERSON", venueName: "Sala Gialla" });
    expect(await sendJoinLinkNowAction(inPerson.id, IDLE, new FormData())).toMatchObject({
      status: "error",
      formError: expect.stringContaining("in presenza"),
    });
    expect(await sendJoinLinkNowAction("non-un-id", IDLE, new FormData())).toMatchObject({ status: "error", formError: "Convocazione non trovata." });
  });
});

describe("updateJoinLinkOffsetsAction", () => {
  it("saves the offsets, latest first, dropping removed and blank rows, and audits the change", async () => {
    session.user = coordinator;
    const state = await updateJoinLinkOffsetsAction(
      meeting.id,
      IDLE,
      offsetsForm([
        { amount: "24", unit: "ore", remove: "1" },
        { amount: "1", unit: "ore" },
        { amount: "2", unit: "giorni" },
        { amount: "", unit: "ore" },
        { amount: "15", unit: "minuti" },
      ]),
    );
    expect(state).toMatchObject({ status: "success", message: "Invii programmati: 2 giorni prima, 1 ora prima, 15 minuti prima." });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).joinLinkOffsetsMinutes).toEqual([2880, 60, 15]);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: meeting.id, action: "join-link.offsets" } });
    expect(audit.data).toEqual({ before: { joinLinkOffsetsMinutes: [1440, 60] }, after: { joinLinkOffsetsMinutes: [2880, 60, 15] } });
  });

  it("refuses bad and duplicate offsets next to their row, keeping what was typed and saving nothing", async () => {
    session.user = coordinator;
    const state = await updateJoinLinkOffsetsAction(
      meeting.id,
      IDLE,
      offsetsForm([
        { amount: "1", unit: "giorni" },
        { amount: "24", unit: "ore" },
        { amount: "tre", unit: "ore" },
        { amount: "31", unit: "giorni" },
        { amount: "2", unit: "settimane" },
      ]),
    );
    expect(state.status).toBe("error");
    if (state.status !== "error") return;
    expect(state.fieldErrors).toEqual({
      "offsets.1.amount": expect.stringContaining("già nell'elenco"),
      "offsets.2.amount": "Indica un numero intero, ad esempio 24.",
      "offsets.3.amount": "Al massimo 30 giorni prima dell'inizio.",
      "offsets.4.unit": "Scegli minuti, ore o giorni.",
    });
    expect(state.values.offsets[2].amount).toBe("tre");
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).joinLinkOffsetsMinutes).toEqual([1440, 60]);
  });

  it("refuses an observer, changing nothing", async () => {
    session.user = observer;
    const state = await updateJoinLinkOffsetsAction(meeting.id, IDLE, offsetsForm([{ amount: "3", unit: "ore" }]));
    expect(state.status).toBe("error");
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).joinLinkOffsetsMinutes).toEqual([1440, 60]);
    expect(await db.auditEntry.count({ where: { entityId: meeting.id } })).toBe(0);
  });
});
