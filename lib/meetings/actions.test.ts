import { describe, expect, it, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { IDLE } from "@/lib/platform/forms/action-state";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting as createMeetingRow, registrationInput } from "@/lib/test/factories";
import { redirectOf } from "@/lib/test/redirect";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const actions = await import("./actions");
const { register } = await import("@/lib/registrations/mutations");
const { sendJoinLinkNow } = await import("@/lib/join-link/mutations");
const { updatedJoinLinkRecipients } = await import("@/lib/join-link/queries");

async function user(role: DashboardUser["role"]): Promise<DashboardUser> {
  const row = await db.user.create({ data: { email: `${role.toLowerCase()}@azioni.test`, name: `Utente ${role}`, role } });
  return { id: row.id, email: row.email, name: row.name, role };
}
const coordinator = await user("COORDINATOR");
const observer = await user("OBSERVER");

/** The editor's form as a browser posts it (blank rows included). */
function meetingFormData(overrides: Record<string, string> = {}) {
  const fields: Record<string, string> = {
    title: "Tavolo tecnico d'autunno",
    slug: "",
    kind: "TAVOLO_TECNICO",
    protocolNumber: "0301/10/10/30",
    subject: "CONVOCAZIONE TAVOLO TECNICO",
    startsAt: "2030-10-24T15:00",
    endsAt: "2030-10-24T17:00",
    mode: "ONLINE",
    platform: "Zoom",
    venueName: "",
    venueAddress: "",
    joinUrl: "https://zoom.us/j/99999?pwd=riservato",
    capacity: "40",
    registrationOpensAt: "",
    registrationClosesAt: "",
    invitesManagingBodies: "on",
    salutation: "Gentilissimi,",
    body: "Vi invito a partecipare.",
    closing: "",
    signatoryName: "Mario Rossi",
    signatoryTitle: "Segretario Generale",
    fundingFund: "FAMI 2014-2020",
    fundingLine: "Fondo Asilo, Migrazione e Integrazione 2014-2020",
    projectCode: "3031",
    projectName: "COOPERA",
    "speakers.0.honorific": "dott.",
    "speakers.0.name": "Edoardo Barbarossa",
    "speakers.0.role": "Presidente",
    "speakers.0.affiliation": "Fondazione Ebbene",
    "speakers.0.talkTitle": "Co-progettazione",
    "speakers.1.honorific": "",
    "speakers.1.name": "",
    "speakers.1.role": "",
    "speakers.1.affiliation": "",
    "speakers.1.talkTitle": "",
    "agendaItems.0.title": "Il PNRR",
    "agendaItems.0.description": "",
    "agendaItems.1.title": "",
    "agendaItems.1.description": "",
    ...overrides,
  };
  const data = new FormData();
  data.set("$ACTION_ID_abc", "");
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("createMeetingAction", () => {
  it("lets a coordinator create a draft from the form and leads to its page", async () => {
    session.user = coordinator;
    const to = await redirectOf(() => actions.createMeetingAction(IDLE, meetingFormData()));
    const meeting = await db.meeting.findUniqueOrThrow({
      where: { slug: "tavolo-tecnico-d-autunno" },
      include: { speakers: true, agendaItems: true },
    });
    expect(to).toBe(`/dashboard/convocazioni/${meeting.id}?esito=creata`);
    expect(meeting).toMatchObject({ status: "DRAFT", capacity: 40, invitesManagingBodies: true, joinUrl: "https://zoom.us/j/99999?pwd=riservato" });
    expect(meeting.startsAt.toISOString()).toBe("2030-10-24T13:00:00.000Z"); // 15:00 in Rome, summer time
    expect(meeting.speakers.map((s) => s.name)).toEqual(["Edoardo Barbarossa"]);
    expect(meeting.agendaItems.map((a) => a.title)).toEqual(["Il PNRR"]);
    expect(await db.auditEntry.count({ where: { entityId: meeting.id, actorId: coordinator.id, action: "meeting.create" } })).toBe(1);
  });

  it("refuses an observer and a signed-out visitor, keeping what was typed and writing nothing", async () => {
    const count = await db.meeting.count();
    session.user = observer;
    const refused = await actions.createMeetingAction(IDLE, meetingFormData({ title: "Tentativo" }));
    expect(refused).toMatchObject({ status: "error", formError: "Il tuo profilo non consente questa operazione.", values: { title: "Tentativo" } });
    session.user = null;
    const signedOut = await actions.createMeetingAction(IDLE, meetingFormData({ title: "Tentativo" }));
    expect(signedOut).toMatchObject({ status: "error", formError: expect.stringContaining("accedi di nuovo") });
    expect(await db.meeting.count()).toBe(count);
  });

  it("answers bad input with Italian messages next to each field and keeps every value typed", async () => {
    session.user = coordinator;
    const count = await db.meeting.count();
    const form = meetingFormData({
      title: "",
      slug: "Non Valido!",
      endsAt: "2030-10-24T14:00",
      mode: "IN_PERSON",
      capacity: "-3",
      joinUrl: "http://insicuro.example",
      registrationOpensAt: "2030-10-20T10:00",
      registrationClosesAt: "2030-10-19T10:00",
      "speakers.1.affiliation": "Ente senza nome di relatore",
    });
    const state = await actions.createMeetingAction(IDLE, form);
    expect(state.status).toBe("error");
    if (state.status !== "error") return;
    expect(state.fieldErrors).toEqual({
      title: "Indica il titolo",
      slug: expect.stringContaining("Usa solo lettere minuscole"),
      endsAt: "La fine deve essere successiva all'inizio",
      venueName: "Indica il luogo dell'incontro",
      capacity: expect.stringContaining("Indica un numero intero"),
      joinUrl: "Inserisci il link completo, che inizi con https://",
      registrationClosesAt: "La chiusura delle iscrizioni deve seguire l'apertura",
      "speakers.1.name": "Indica il nome del relatore",
    });
    expect(state.values).toMatchObject({
      title: "",
      slug: "Non Valido!",
      capacity: "-3",
      joinUrl: "http://insicuro.example",
      invitesManagingBodies: true,
      speakers: [
        { name: "Edoardo Barbarossa", affiliation: "Fondazione Ebbene" },
        { name: "", affiliation: "Ente senza nome di relatore" },
      ],
      agendaItems: [{ title: "Il PNRR" }, { title: "" }],
    });
    expect(await db.meeting.count()).toBe(count);
  });

  it("says so next to the address when it is taken", async () => {
    session.user = coordinator;
    const existing = await createMeetingRow(db, { status: "DRAFT" });
    const state = await actions.createMeetingAction(IDLE, meetingFormData({ slug: existing.slug }));
    expect(state).toMatchObject({ status: "error", fieldErrors: { slug: expect.stringContaining("già usato") } });
  });
});

describe("the status actions", () => {
  it("publish, update, cancel and archive through the forms; refusals come back as Italian messages", async () => {
    session.user = coordinator;
    const draft = await createMeetingRow(db, { status: "DRAFT" });
    expect(await redirectOf(() => actions.publishMeetingAction(draft.id, IDLE, new FormData()))).toBe(
      `/dashboard/convocazioni/${draft.id}?esito=pubblicata`,
    );
    expect(await actions.publishMeetingAction(draft.id, IDLE, new FormData())).toMatchObject({
      status: "error",
      formError: "La convocazione è già pubblicata.",
    });

    const updated = await actions.updateMeetingAction(draft.id, IDLE, meetingFormData({ title: "Titolo nuovo" }));
    expect(updated).toMatchObject({ status: "success", message: "Modifiche salvate.", values: { slug: draft.slug, version: expect.any(String) } });
    // A form loaded before that save: refused, with what was typed kept and the current version to save over it knowingly.
    const outdated = await actions.updateMeetingAction(draft.id, IDLE, meetingFormData({ title: "Titolo di prima", version: "versione-di-prima" }));
    expect(outdated).toMatchObject({
      status: "error",
      formError: expect.stringContaining("qualcun altro ha modificato"),
      values: { title: "Titolo di prima", version: updated.status === "success" ? updated.values.version : "" },
    });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: draft.id } })).title).toBe("Titolo nuovo");
    if (outdated.status !== "error") return;
    const again = await actions.updateMeetingAction(draft.id, IDLE, meetingFormData({ title: "Titolo di prima", version: outdated.values.version }));
    expect(again).toMatchObject({ status: "success" });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: draft.id } })).title).toBe("Titolo di prima");

    await register(db, { slug: draft.slug, ...registrationInput() });
    expect(await actions.unpublishMeetingAction(draft.id, IDLE, new FormData())).toMatchObject({
      formError: expect.stringContaining("annulla la convocazione"),
    });

    const unconfirmed = await actions.cancelMeetingAction(draft.id, IDLE, formWith({ reason: "Maltempo" }));
    expect(unconfirmed).toMatchObject({ status: "error", fieldErrors: { confirm: expect.stringContaining("conferma") }, values: { reason: "Maltempo" } });
    // The dates typed above are in 2030: the meeting has not taken place.
    expect(await redirectOf(() => actions.cancelMeetingAction(draft.id, IDLE, formWith({ reason: "Maltempo", confirm: "on" })))).toBe(
      `/dashboard/convocazioni/${draft.id}?esito=annullata`,
    );
    expect(await db.emailMessage.count({ where: { meetingId: draft.id, template: "meeting-cancelled" } })).toBe(1);
    expect(await redirectOf(() => actions.archiveMeetingAction(draft.id, IDLE, new FormData()))).toBe(
      `/dashboard/convocazioni/${draft.id}?esito=archiviata`,
    );

    const copy = await redirectOf(() => actions.duplicateMeetingAction(draft.id, IDLE, new FormData()));
    expect(copy).toMatch(/^\/dashboard\/convocazioni\/[0-9a-f-]{36}\?esito=duplicata$/);
  });

  it("treats a forged meeting id as not found, and refuses an observer before reading anything", async () => {
    session.user = coordinator;
    expect(await actions.archiveMeetingAction("non-un-id", IDLE, new FormData())).toMatchObject({
      status: "error",
      formError: expect.stringContaining("non esiste"),
    });
    session.user = observer;
    const meeting = await createMeetingRow(db);
    expect(await actions.cancelMeetingAction(meeting.id, IDLE, formWith({ reason: "x", confirm: "on" }))).toMatchObject({
      formError: "Il tuo profilo non consente questa operazione.",
    });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe("PUBLISHED");
  });
});

describe("changing the join link", () => {
  it("says before saving how many confirmed people will get the new link, and after saving how many it was queued for", async () => {
    session.user = coordinator;
    const meeting = await createMeetingRow(db, { joinUrl: "https://zoom.us/j/11111?pwd=primo" });
    const untouched = await createMeetingRow(db, { joinUrl: "https://zoom.us/j/22222?pwd=mai-inviato" });
    for (const slug of [meeting.slug, meeting.slug, untouched.slug]) await register(db, { slug, ...registrationInput() });
    // Before any send, a new link goes to nobody: it leaves with the scheduled sends.
    expect(await updatedJoinLinkRecipients(db, { meetingId: meeting.id, now: new Date() })).toBe(0);
    expect(await sendJoinLinkNow(db, { actor: { id: coordinator.id }, meetingId: meeting.id })).toMatchObject({ ok: true, recipients: 2 });
    expect(await updatedJoinLinkRecipients(db, { meetingId: meeting.id, now: new Date() })).toBe(2);

    const changed = await actions.updateMeetingAction(meeting.id, IDLE, meetingFormData({ joinUrl: "https://zoom.us/j/33333?pwd=nuovo" }));
    expect(changed).toMatchObject({ status: "success", message: "Modifiche salvate. Il nuovo link è in invio a 2 persone." });
    expect(await db.joinLinkSend.findFirst({ where: { meetingId: meeting.id, kind: "UPDATED" } })).toMatchObject({ recipients: 2 });

    const same = await actions.updateMeetingAction(meeting.id, IDLE, meetingFormData({ joinUrl: "https://zoom.us/j/33333?pwd=nuovo", title: "Solo il titolo" }));
    expect(same).toMatchObject({ status: "success", message: "Modifiche salvate." });

    expect(await updatedJoinLinkRecipients(db, { meetingId: untouched.id, now: new Date() })).toBe(0);
    const first = await actions.updateMeetingAction(untouched.id, IDLE, meetingFormData({ joinUrl: "https://zoom.us/j/44444?pwd=altro" }));
    expect(first).toMatchObject({ status: "success", message: "Modifiche salvate." });
  });

  it("one person is one person", async () => {
    session.user = coordinator;
    const meeting = await createMeetingRow(db, { joinUrl: "https://zoom.us/j/55555?pwd=uno" });
    await register(db, { slug: meeting.slug, ...registrationInput() });
    await sendJoinLinkNow(db, { actor: { id: coordinator.id }, meetingId: meeting.id });
    const changed = await actions.updateMeetingAction(meeting.id, IDLE, meetingFormData({ joinUrl: "https://zoom.us/j/66666?pwd=due" }));
    expect(changed).toMatchObject({ message: "Modifiche salvate. Il nuovo link è in invio a 1 persona." });
  });
});

function formWith(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}
