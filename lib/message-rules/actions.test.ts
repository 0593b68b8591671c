import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { IDLE } from "@/lib/platform/forms/action-state";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createRegistrationRecord, createUser } from "@/lib/test/factories";
import { redirectOf } from "@/lib/test/redirect";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const actions = await import("./actions");

const coordinator = await createUser(db, "COORDINATOR");
const observer = await createUser(db, "OBSERVER");
const HOUR = 3600_000;
const startsAt = new Date(Date.now() - 4 * HOUR);
const meeting = await createMeeting(db, { startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR) });
await createRegistrationRecord(db, meeting.id, { attendance: "PRESENT" });
await createRegistrationRecord(db, meeting.id, { attendance: "PRESENT" });
await createRegistrationRecord(db, meeting.id, { attendance: "ABSENT" });

beforeEach(() => {
  session.user = null;
});

function ruleForm(overrides: Record<string, string> = {}): FormData {
  const data = new FormData();
  const fields = {
    anchor: "AFTER_END",
    offsetValue: "2",
    offsetUnit: "HOURS",
    audience: "PRESENT",
    subject: "Grazie {nome}",
    body: "Grazie per aver partecipato a {incontro}.",
    active: "on",
    ...overrides,
  };
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const page = `/dashboard/convocazioni/${meeting.id}/messaggi`;

describe("message rule actions", () => {
  it("refuse an observer and a signed-out visitor, writing nothing", async () => {
    const existing = await db.meetingMessageRule.create({
      data: { meetingId: meeting.id, anchor: "AFTER_END", offsetMinutes: 60, audience: "PRESENT", subject: "x", body: "y" },
    });
    for (const user of [observer, null]) {
      session.user = user;
      const calls = [
        actions.createMessageRuleAction(meeting.id, IDLE, ruleForm()),
        actions.updateMessageRuleAction(meeting.id, existing.id, IDLE, ruleForm()),
        actions.deleteMessageRuleAction(meeting.id, existing.id, IDLE, new FormData()),
        actions.setMessageRuleActiveAction(meeting.id, existing.id, IDLE, new FormData()),
        actions.sendMessageRuleNowAction(meeting.id, existing.id, IDLE, new FormData()),
      ];
      for (const state of await Promise.all(calls)) {
        expect(state).toMatchObject({ status: "error", formError: user ? "Il tuo profilo non consente questa operazione." : expect.stringContaining("accedi di nuovo") });
      }
    }
    expect(await db.meetingMessageRule.findMany({ where: { meetingId: meeting.id } })).toEqual([existing]);
    expect(await db.emailMessage.count({ where: { meetingId: meeting.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { entityId: meeting.id } })).toBe(0);
    await db.meetingMessageRule.delete({ where: { id: existing.id } });
  });

  it("give the form's errors back next to the fields, keeping what was typed", async () => {
    session.user = coordinator;
    const state = await actions.createMessageRuleAction(meeting.id, IDLE, ruleForm({ anchor: "BEFORE_START", subject: "" }));
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: { subject: "Scrivi l'oggetto del messaggio" },
      values: { anchor: "BEFORE_START", body: "Grazie per aver partecipato a {incontro}.", active: true },
    });
    const audience = await actions.createMessageRuleAction(meeting.id, IDLE, ruleForm({ anchor: "BEFORE_START" }));
    expect(audience).toMatchObject({ status: "error", fieldErrors: { audience: expect.stringContaining("Presenti e assenti") } });
  });

  it("let a coordinator add a rule and send it now, then refuse to edit or send it again", async () => {
    session.user = coordinator;
    expect(await redirectOf(() => actions.createMessageRuleAction(meeting.id, IDLE, ruleForm()))).toBe(`${page}?esito=aggiunto`);
    const rule = await db.meetingMessageRule.findFirstOrThrow({ where: { meetingId: meeting.id } });
    expect(rule).toMatchObject({ offsetMinutes: 120, audience: "PRESENT", active: true, createdById: coordinator.id });

    expect(await redirectOf(() => actions.sendMessageRuleNowAction(meeting.id, rule.id, IDLE, new FormData()))).toBe(`${page}?esito=inviato`);
    expect(await db.emailMessage.count({ where: { meetingId: meeting.id, template: "meeting-message" } })).toBe(2);
    expect(await actions.sendMessageRuleNowAction(meeting.id, rule.id, IDLE, new FormData())).toMatchObject({
      status: "error",
      formError: expect.stringContaining("già stato inviato"),
    });
    expect(await actions.updateMessageRuleAction(meeting.id, rule.id, IDLE, ruleForm())).toMatchObject({
      status: "error",
      formError: expect.stringContaining("già stato inviato"),
    });
    expect(await actions.deleteMessageRuleAction(meeting.id, "not-a-uuid", IDLE, new FormData())).toMatchObject({
      status: "error",
      formError: "Messaggio non trovato: forse è stato eliminato.",
    });
  });

  it("deactivate, reactivate and delete an unsent rule", async () => {
    session.user = coordinator;
    await redirectOf(() => actions.createMessageRuleAction(meeting.id, IDLE, ruleForm({ audience: "ABSENT" })));
    const rule = await db.meetingMessageRule.findFirstOrThrow({ where: { meetingId: meeting.id, audience: "ABSENT" } });
    const off = new FormData();
    off.set("active", "false");
    expect(await redirectOf(() => actions.setMessageRuleActiveAction(meeting.id, rule.id, IDLE, off))).toBe(`${page}?esito=disattivato`);
    expect((await db.meetingMessageRule.findUniqueOrThrow({ where: { id: rule.id } })).active).toBe(false);
    const on = new FormData();
    on.set("active", "true");
    expect(await redirectOf(() => actions.setMessageRuleActiveAction(meeting.id, rule.id, IDLE, on))).toBe(`${page}?esito=riattivato`);
    expect(await redirectOf(() => actions.updateMessageRuleAction(meeting.id, rule.id, IDLE, ruleForm({ audience: "ABSENT", subject: "Ci sei mancato" })))).toBe(
      `${page}?esito=modificato`,
    );
    expect((await db.meetingMessageRule.findUniqueOrThrow({ where: { id: rule.id } })).subject).toBe("Ci sei mancato");
    expect(await redirectOf(() => actions.deleteMessageRuleAction(meeting.id, rule.id, IDLE, new FormData()))).toBe(`${page}?esito=eliminato`);
    expect(await db.meetingMessageRule.count({ where: { id: rule.id } })).toBe(0);
  });
});
