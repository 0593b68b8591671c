import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { IDLE } from "@/lib/platform/forms/action-state";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createRegistrationRecord } from "@/lib/test/factories";
import { redirectOf } from "@/lib/test/redirect";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const actions = await import("./actions");
const { POST } = await import("@/app/dashboard/convocazioni/[id]/presenze/carica/route");

async function user(role: DashboardUser["role"]): Promise<DashboardUser> {
  const row = await db.user.create({ data: { email: `${role.toLowerCase()}@presenze.test`, name: `Utente ${role}`, role } });
  return { id: row.id, email: row.email, name: row.name, role };
}
const coordinator = await user("COORDINATOR");
const observer = await user("OBSERVER");

const meeting = await createMeeting(db);
const verdi = await createRegistrationRecord(db, meeting.id, { firstName: "Giuseppe", lastName: "Verdi", email: "g.verdi@comune.example.it" });
const rossi = await createRegistrationRecord(db, meeting.id, { firstName: "Maria", lastName: "Rossi", email: `m.rossi.${meeting.slug}@comune.example.it` });
const neri = await createRegistrationRecord(db, meeting.id, { firstName: "Paolo", lastName: "Neri", email: `p.neri.${meeting.slug}@comune.example.it` });

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "import", "fixtures", name));

/** The upload as a browser posts it: a multipart body and its length (`withoutLength` leaves the length out). */
async function upload(file: Blob | null, fields: Record<string, string> = {}, headers: Record<string, string> = {}, withoutLength = false) {
  const data = form(fields);
  if (file) data.set("file", file, "partecipanti.csv");
  const posted = new Request(`http://localhost/dashboard/convocazioni/${meeting.id}/presenze/carica`, { method: "POST", body: data, headers });
  const length = String((await posted.clone().arrayBuffer()).byteLength);
  const request = withoutLength ? posted : new Request(posted, { headers: { ...Object.fromEntries(posted.headers), "content-length": length } });
  return POST(request, { params: Promise.resolve({ id: meeting.id }) });
}

describe("the upload route", () => {
  it("refuses a signed-out caller and an observer, storing nothing", async () => {
    session.user = null;
    expect((await upload(new Blob([fixture("zoom-participants-en.csv")]))).status).toBe(401);
    session.user = observer;
    expect((await upload(new Blob([fixture("zoom-participants-en.csv")]))).status).toBe(403);
    expect(await db.attendanceImport.count()).toBe(0);
  });

  it("refuses a form posted from another site", async () => {
    session.user = coordinator;
    const response = await upload(new Blob([fixture("zoom-participants-en.csv")]), {}, { origin: "https://altro.example.com", host: "localhost" });
    expect(response.status).toBe(403);
  });

  it("refuses a body without a stated length (411), as every upload does, storing nothing", async () => {
    session.user = coordinator;
    const before = await db.attendanceImport.count();
    expect((await upload(new Blob([fixture("zoom-participants-en.csv")]), {}, {}, true)).status).toBe(411);
    expect(await db.attendanceImport.count()).toBe(before);
  });

  it("sends an unrecognised file back with the reason, and a Teams report to its preview", async () => {
    session.user = coordinator;
    const refused = await upload(new Blob(["Comune;Provincia\nPalermo;PA\n"]));
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe(`/dashboard/convocazioni/${meeting.id}/presenze?errore=UNRECOGNISED#carica`);
    const wrong = await upload(new Blob([fixture("meet-attendance-en.csv")]), { piattaforma: "ZOOM" });
    expect(wrong.headers.get("location")).toBe(`/dashboard/convocazioni/${meeting.id}/presenze?errore=WRONG_PLATFORM&piattaforma=ZOOM#carica`);
    expect((await upload(null)).headers.get("location")).toContain("errore=NO_FILE");

    const accepted = await upload(new Blob([fixture("teams-attendance-en.csv")]));
    expect(accepted.status).toBe(303);
    const stored = await db.attendanceImport.findFirstOrThrow({ where: { meetingId: meeting.id } });
    expect(accepted.headers.get("location")).toBe(`/dashboard/convocazioni/${meeting.id}/presenze/importa/${stored.id}`);
    expect(stored).toMatchObject({ platform: "TEAMS", fileName: "partecipanti.csv", createdById: coordinator.id, appliedAt: null });
    expect(await db.auditEntry.count({ where: { action: "attendance-import.upload", entityId: meeting.id } })).toBe(1);
  });
});

describe("applyAttendanceImportAction", () => {
  it("refuses an observer with nothing written; applies for a coordinator and goes back to the presenze page", async () => {
    session.user = coordinator;
    await upload(new Blob([fixture("zoom-participants-en.csv")]));
    const stored = await db.attendanceImport.findFirstOrThrow({ where: { meetingId: meeting.id, platform: "ZOOM" } });

    session.user = observer;
    const refused = await actions.applyAttendanceImportAction(meeting.id, stored.id, IDLE, form({ segnaAssenti: "on" }));
    expect(refused).toMatchObject({ status: "error", formError: "Il tuo profilo non consente questa operazione." });
    expect(await db.attendance.count()).toBe(0);

    session.user = coordinator;
    const to = await redirectOf(() => actions.applyAttendanceImportAction(meeting.id, stored.id, IDLE, form({ segnaAssenti: "on" })));
    expect(to).toBe(`/dashboard/convocazioni/${meeting.id}/presenze?applicata=${stored.id}`);
    const rows = await db.attendance.findMany({ where: { registrationId: { in: [verdi.id, rossi.id, neri.id] } } });
    const recorded = (id: string) => rows.find((row) => row.registrationId === id);
    expect(recorded(verdi.id)).toMatchObject({ status: "PRESENT", minutes: 85, method: "PLATFORM_REPORT" });
    expect(recorded(rossi.id)).toMatchObject({ status: "PRESENT", minutes: 60, method: "PLATFORM_REPORT" });
    expect(recorded(neri.id)).toMatchObject({ status: "ABSENT", minutes: null, method: "PLATFORM_REPORT" });

    const again = await actions.applyAttendanceImportAction(meeting.id, stored.id, IDLE, form({}));
    expect(again).toMatchObject({ status: "error", formError: "Questa importazione è già stata applicata." });
    const bad = await actions.applyAttendanceImportAction(meeting.id, "non-un-id", IDLE, form({}));
    expect(bad).toMatchObject({ status: "error", formError: expect.stringContaining("non trovata") });
  });
});

describe("correctAttendanceAction", () => {
  it("refuses an observer; saves a coordinator's correction as manual; keeps what was typed when the minutes are wrong", async () => {
    session.user = observer;
    expect(await actions.correctAttendanceAction(meeting.id, rossi.id, IDLE, form({ status: "PRESENT", minutes: "40" }))).toMatchObject({
      status: "error",
      formError: "Il tuo profilo non consente questa operazione.",
    });

    session.user = coordinator;
    const wrong = await actions.correctAttendanceAction(meeting.id, rossi.id, IDLE, form({ status: "PRESENT", minutes: "quaranta" }));
    expect(wrong).toMatchObject({ status: "error", fieldErrors: { minutes: expect.stringContaining("numero intero") }, values: { status: "PRESENT", minutes: "quaranta" } });

    const saved = await actions.correctAttendanceAction(meeting.id, rossi.id, IDLE, form({ status: "PRESENT", minutes: "40" }));
    expect(saved).toMatchObject({ status: "success", message: "Registrato: presente, 40 minuti." });
    expect(await db.attendance.findUniqueOrThrow({ where: { registrationId: rossi.id } })).toMatchObject({ status: "PRESENT", minutes: 40, method: "MANUAL", recordedById: coordinator.id });
  });
});
