import { describe, expect, it, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { IDLE } from "@/lib/platform/forms/action-state";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createUser, registrationInput } from "@/lib/test/factories";
import { register } from "../mutations";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { registerOnBehalfAction, registrationsBulkAction } = await import("./actions");

const coordinator = await createUser(db, "COORDINATOR");
const observer = await createUser(db, "OBSERVER");

async function meetingWith(capacity: number, people: number) {
  const meeting = await createMeeting(db, { capacity });
  const ids: string[] = [];
  for (let i = 0; i < people; i++) {
    const result = await register(db, { slug: meeting.slug, ...registrationInput() });
    if (!result.ok) throw new Error(result.reason);
    ids.push(result.registrationId);
  }
  return { meeting, ids };
}

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const status = async (id: string) => (await db.registration.findUniqueOrThrow({ where: { id } })).status;

describe("registrationsBulkAction", () => {
  it("refuses an observer and a signed-out caller before touching anything", async () => {
    const { meeting, ids } = await meetingWith(1, 1);
    for (const user of [null, observer]) {
      session.user = user;
      const result = await registrationsBulkAction(meeting.id, IDLE, form([["intent", "cancel"], ["ids", ids[0]]]));
      expect(result.status).toBe("error");
      expect(await status(ids[0])).toBe("CONFIRMED");
    }
  });

  it("cancels the ticked rows and says who was promoted", async () => {
    session.user = coordinator;
    const { meeting, ids } = await meetingWith(1, 3);
    const result = await registrationsBulkAction(meeting.id, IDLE, form([["intent", "cancel"], ["ids", ids[0]], ["ids", "non-un-id"]]));
    expect(result).toMatchObject({ status: "success", message: expect.stringMatching(/^Annullata 1 iscrizione.*1 persona in lista d'attesa è stata confermata/) });
    expect(await status(ids[0])).toBe("CANCELLED");
    expect(await status(ids[1])).toBe("CONFIRMED");
  });

  it("acts on one row when its own button is pressed, ignoring the ticked ones", async () => {
    session.user = coordinator;
    const { meeting, ids } = await meetingWith(5, 2);
    const result = await registrationsBulkAction(meeting.id, IDLE, form([["intent", `check-in:${ids[1]}`], ["ids", ids[0]]]));
    expect(result).toMatchObject({ status: "success", message: "Check-in registrato per 1 iscrizione." });
    expect(await db.attendance.count({ where: { registrationId: ids[0] } })).toBe(0);
    expect(await db.attendance.findUniqueOrThrow({ where: { registrationId: ids[1] } })).toMatchObject({ method: "CHECK_IN", recordedById: coordinator.id });
  });

  it("says an operation that changed nothing as information, not as a success", async () => {
    session.user = coordinator;
    const { meeting, ids } = await meetingWith(5, 1);
    const first = await registrationsBulkAction(meeting.id, IDLE, form([["intent", `absent:${ids[0]}`]]));
    expect(first).toMatchObject({ status: "success", message: "Assenza registrata per 1 iscrizione." });
    expect(first).not.toHaveProperty("tone");
    const again = await registrationsBulkAction(meeting.id, IDLE, form([["intent", `absent:${ids[0]}`]]));
    expect(again).toMatchObject({ status: "success", message: expect.stringMatching(/^Nessuna iscrizione modificata\./), tone: "info" });
  });

  it("\"select all\" takes the page's rows, also without JavaScript", async () => {
    session.user = coordinator;
    const { meeting, ids } = await meetingWith(5, 3);
    const entries: [string, string][] = [["intent", "absent"], ["selectAll", "on"], ...ids.map((id): [string, string] => ["pageIds", id])];
    expect(await registrationsBulkAction(meeting.id, IDLE, form(entries))).toMatchObject({ message: "Assenza registrata per 3 iscrizioni." });
  });

  it("explains a full meeting, and confirms over capacity only when asked", async () => {
    session.user = coordinator;
    const { meeting, ids } = await meetingWith(1, 2);
    const refused = await registrationsBulkAction(meeting.id, IDLE, form([["intent", "confirm"], ["ids", ids[1]]]));
    expect(refused).toMatchObject({ status: "error", formError: expect.stringMatching(/^Non ci sono posti liberi.*oltre la capienza/) });
    expect(await status(ids[1])).toBe("WAITLISTED");
    const forced = await registrationsBulkAction(meeting.id, IDLE, form([["intent", "confirm"], ["ids", ids[1]], ["overCapacity", "on"]]));
    expect(forced).toMatchObject({ status: "success" });
    expect(await status(ids[1])).toBe("CONFIRMED");
  });

  it("asks for a selection and an operation, and never fails on junk", async () => {
    session.user = coordinator;
    const { meeting } = await meetingWith(1, 1);
    expect(await registrationsBulkAction(meeting.id, IDLE, form([["intent", "cancel"]]))).toMatchObject({ formError: "Seleziona almeno un'iscrizione." });
    expect(await registrationsBulkAction(meeting.id, IDLE, form([["intent", "drop-table"], ["ids", meeting.id]]))).toMatchObject({ formError: "Scegli un'operazione." });
    expect(await registrationsBulkAction("non-un-id", IDLE, form([["intent", "cancel"]]))).toMatchObject({ status: "error" });
  });
});

describe("registerOnBehalfAction", () => {
  const person = (email: string): [string, string][] => [
    ["firstName", "Rosa"],
    ["lastName", "Gialli"],
    ["email", email],
    ["phone", ""],
    ["roleTitle", "Funzionaria"],
    ["organisationType", "ALTRO_ENTE"],
    ["organisationName", "Prefettura di Palermo"],
    ["privacyConsent", "on"],
  ];

  it("registers, says so, empties the form; a second time points to the existing registration", async () => {
    session.user = coordinator;
    const meeting = await createMeeting(db);
    const result = await registerOnBehalfAction(meeting.id, IDLE, form(person("rosa.gialli@example.it")));
    expect(result).toMatchObject({ status: "success", message: expect.stringMatching(/^Iscrizione di Rosa Gialli registrata e confermata/), values: { email: "" } });
    expect(await db.registration.count({ where: { meetingId: meeting.id, source: "COORDINATOR" } })).toBe(1);
    const again = await registerOnBehalfAction(meeting.id, IDLE, form(person("rosa.gialli@example.it")));
    expect(again).toMatchObject({ status: "error", fieldErrors: { email: expect.stringMatching(/già iscritta/) }, values: { firstName: "Rosa" } });
    expect(await db.emailMessage.count({ where: { toEmail: "rosa.gialli@example.it" } })).toBe(1);
  });

  it("returns field errors in Italian and keeps what was typed; an observer is refused", async () => {
    session.user = coordinator;
    const meeting = await createMeeting(db);
    const bad = await registerOnBehalfAction(meeting.id, IDLE, form([["firstName", "Rosa"], ["email", "non-valida"]]));
    expect(bad).toMatchObject({ status: "error", fieldErrors: { email: expect.stringMatching(/email valido/), privacyConsent: expect.any(String) }, values: { firstName: "Rosa" } });
    session.user = observer;
    const refused = await registerOnBehalfAction(meeting.id, IDLE, form(person("altra@example.it")));
    expect(refused).toMatchObject({ status: "error", formError: "Il tuo profilo non consente questa operazione." });
    expect(await db.registration.count({ where: { meetingId: meeting.id } })).toBe(0);
  });
});
