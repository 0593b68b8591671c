import fc from "fast-check";
import { beforeEach, describe, expect, test, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { IDLE } from "@/lib/platform/forms/action-state";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createMunicipalityIn, createReferent, createUser } from "@/lib/test/factories";
import { parseMunicipalityFilters } from "./filters";
import { setMunicipalitiesSaiFlag, setMunicipalityPec, setMunicipalitySaiFlag } from "./mutations";
import { getMunicipalityDetail, listDashboardMunicipalities } from "./queries";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { setMunicipalityPecAction, setSaiFlagAction, setSaiFlagBulkAction } = await import("./actions");

const coordinator = await createUser(db, "COORDINATOR");
const observer = await createUser(db, "OBSERVER");

// Alcamo (TP, SAI, active referent, a project), Bronte (CT, not SAI), Cefalù (PA, SAI, only a revoked referent, a pending scheda).
const alcamo = await createMunicipalityIn(db, { name: "Alcamo", province: "TP" });
const bronte = await createMunicipalityIn(db, { name: "Bronte", province: "CT", saiMember: false });
const cefalu = await createMunicipalityIn(db, { name: "Cefalù", province: "PA" });
const activeReferent = await createReferent(db, alcamo.id, { firstName: "Anna", lastName: "Attiva" });
await createReferent(db, cefalu.id, { status: "REVOKED", firstName: "Rino", lastName: "Revocato" });
const body = await db.managingBody.create({ data: { name: "Cooperativa Alba", taxCode: "01234567890" } });
await db.saiProject.create({ data: { municipalityId: alcamo.id, managingBodyId: body.id, category: "MSNA", projectCode: "PROG-1", places: 12 } });
await db.saiProject.create({ data: { municipalityId: alcamo.id, managingBodyId: body.id, category: "ORDINARI", projectCode: "PROG-2", places: 20 } });
const officer = await db.person.create({ data: { email: "ufficio@cefalu.example.it", firstName: "Olga", lastName: "Ufficio" } });
const sheet = await db.referentSheet.create({
  data: {
    municipalityId: cefalu.id,
    pec: "protocollo@pec.cefalu.example.it",
    officerPersonId: officer.id,
    officerFirstName: "Olga",
    officerLastName: "Ufficio",
    officerEmail: officer.email,
    privacyNoticeVersion: "2026-11-26",
    privacyConsentAt: new Date(),
  },
});

beforeEach(() => {
  session.user = null;
});

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

const names = async (params: Record<string, string>, pageSize?: number) =>
  (await listDashboardMunicipalities(db, { ...parseMunicipalityFilters(params), pageSize })).rows.map((row) => row.name);

describe("the municipality list", () => {
  test("filters by province, SAI membership, active referents, and name or ISTAT code", async () => {
    expect(await names({})).toEqual(["Alcamo", "Bronte", "Cefalù"]);
    expect(await names({ provincia: "PA" })).toEqual(["Cefalù"]);
    expect(await names({ sai: "si" })).toEqual(["Alcamo", "Cefalù"]);
    expect(await names({ sai: "no" })).toEqual(["Bronte"]);
    expect(await names({ referenti: "con" })).toEqual(["Alcamo"]);
    expect(await names({ referenti: "senza" })).toEqual(["Bronte", "Cefalù"]);
    expect(await names({ cerca: "CEF" })).toEqual(["Cefalù"]);
    expect(await names({ cerca: bronte.istatCode.slice(0, 6) })).toEqual(["Bronte"]);
    expect(await names({ sai: "si", referenti: "senza", provincia: "PA" })).toEqual(["Cefalù"]);
  });

  test("ignores values that are not the filter's own, never failing", async () => {
    expect(parseMunicipalityFilters({ provincia: "XX", sai: "forse", referenti: "boh", pagina: "-3" })).toEqual({ page: 1 });
    expect(await names({ provincia: "XX", sai: "forse" })).toHaveLength(3);
  });

  test("counts referents, projects, a pending scheda, and the matches over every page", async () => {
    const page = await listDashboardMunicipalities(db, { ...parseMunicipalityFilters({ pagina: "2" }), pageSize: 2 });
    expect(page).toMatchObject({ total: 3, saiMembers: 2, withReferents: 1, page: 2, pageCount: 2 });
    expect(page.rows).toEqual([expect.objectContaining({ name: "Cefalù", activeReferents: 0, saiProjects: 0, pendingSheet: true })]);
    const [first] = (await listDashboardMunicipalities(db, parseMunicipalityFilters({}))).rows;
    expect(first).toMatchObject({ name: "Alcamo", activeReferents: 1, saiProjects: 2, pendingSheet: false, saiMember: true });
  });
});

describe("a municipality's page", () => {
  test("is not found for a bad or unknown id", async () => {
    expect(await getMunicipalityDetail(db, "non-un-id")).toBeNull();
    expect(await getMunicipalityDetail(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  test("has its referents, projects, distinct managing bodies, pending scheda and answers meeting by meeting", async () => {
    const older = await createMeeting(db, { title: "Primo tavolo", startsAt: new Date("2026-01-10T14:00:00Z"), endsAt: new Date("2026-01-10T16:00:00Z") });
    const newer = await createMeeting(db, { title: "Secondo tavolo", startsAt: new Date("2026-02-10T14:00:00Z"), endsAt: new Date("2026-02-10T16:00:00Z") });
    await createMeeting(db, { title: "Bozza", status: "DRAFT" });
    const registration = await db.registration.create({
      data: {
        meetingId: older.id,
        personId: activeReferent.personId,
        status: "CONFIRMED",
        organisationType: "COMUNE",
        municipalityId: alcamo.id,
        privacyNoticeVersion: "2026-11-26",
        privacyConsentAt: new Date(),
        tokenHash: "a".repeat(64),
        tokenExpiresAt: new Date(),
        attendance: { create: { status: "PRESENT", method: "MANUAL" } },
      },
    });
    await db.invitation.create({
      data: {
        meetingId: older.id,
        invitedByRegistrationId: registration.id,
        municipalityId: alcamo.id,
        email: "gestore@alba.example.it",
        firstName: "Gino",
        lastName: "Gestore",
        managingBodyName: "Cooperativa Alba",
        tokenHash: "b".repeat(64),
        tokenExpiresAt: new Date(),
      },
    });

    const detail = await getMunicipalityDetail(db, alcamo.id);
    expect(detail?.referents.map((r) => r.person.lastName)).toEqual(["Attiva"]);
    expect(detail?.saiProjects.map((p) => p.projectCode)).toEqual(["PROG-2", "PROG-1"]);
    expect(detail?.managingBodies).toEqual([{ id: body.id, name: "Cooperativa Alba", taxCode: "01234567890" }]);
    expect(detail?.pendingSheet).toBeNull();
    const meetings = detail!.meetings.filter((m) => [older.id, newer.id].includes(m.meeting.id));
    expect(detail!.meetings.some((m) => m.meeting.title === "Bozza")).toBe(false);
    expect(meetings.map((m) => [m.meeting.title, m.answered])).toEqual([
      ["Secondo tavolo", false],
      ["Primo tavolo", true],
    ]);
    expect(meetings[1].registrations).toEqual([expect.objectContaining({ status: "CONFIRMED", attendance: { status: "PRESENT" } })]);
    expect(meetings[1].invitations).toEqual([expect.objectContaining({ lastName: "Gestore", status: "SENT" })]);

    const withSheet = await getMunicipalityDetail(db, cefalu.id);
    expect(withSheet?.pendingSheet?.id).toBe(sheet.id);
    expect(withSheet?.referents).toEqual([expect.objectContaining({ status: "REVOKED" })]);
  });
});

describe("the SAI flag", () => {
  test("changes with the state before and after on the audit log, and setting the same value records nothing", async () => {
    const result = await setMunicipalitySaiFlag(db, { actor: coordinator, municipalityId: bronte.id, saiMember: true });
    expect(result).toMatchObject({ ok: true, changed: true, municipality: { saiMember: true } });
    expect((await db.municipality.findUniqueOrThrow({ where: { id: bronte.id } })).saiMember).toBe(true);
    const entries = await db.auditEntry.findMany({ where: { action: "municipality.sai-flag", entityId: bronte.id } });
    expect(entries).toEqual([
      expect.objectContaining({ actorId: coordinator.id, entityType: "Municipality", data: { before: { saiMember: false }, after: { saiMember: true } } }),
    ]);

    expect(await setMunicipalitySaiFlag(db, { actor: coordinator, municipalityId: bronte.id, saiMember: true })).toMatchObject({ ok: true, changed: false });
    expect(await db.auditEntry.count({ where: { action: "municipality.sai-flag", entityId: bronte.id } })).toBe(1);
    expect(await setMunicipalitySaiFlag(db, { actor: coordinator, municipalityId: "00000000-0000-4000-8000-000000000000", saiMember: true })).toEqual({
      ok: false,
      reason: "NOT_FOUND",
    });
  });

  test("the action refuses an observer and lets a coordinator unset it", async () => {
    session.user = observer;
    const refused = await setSaiFlagAction(alcamo.id, IDLE, form({ saiMember: "false" }));
    expect(refused).toMatchObject({ status: "error", formError: "Il tuo profilo non consente questa operazione." });
    expect((await db.municipality.findUniqueOrThrow({ where: { id: alcamo.id } })).saiMember).toBe(true);

    session.user = coordinator;
    expect(await setSaiFlagAction(alcamo.id, IDLE, form({ saiMember: "forse" }))).toMatchObject({ status: "error" });
    expect(await setSaiFlagAction(alcamo.id, IDLE, form({ saiMember: "false" }))).toMatchObject({
      status: "success",
      message: "Alcamo non è più segnato come aderente al SAI.",
    });
    expect((await db.municipality.findUniqueOrThrow({ where: { id: alcamo.id } })).saiMember).toBe(false);
    expect(await setSaiFlagAction("non-un-id", IDLE, form({ saiMember: "true" }))).toMatchObject({ status: "error", formError: "Comune non trovato: ricarica la pagina." });
  });
});

describe("the SAI flag for a selection", () => {
  const selection = (saiMember: string, ids: string[], extra: [string, string][] = []) => {
    const data = form({ saiMember });
    for (const id of ids) data.append("ids", id);
    for (const [name, value] of extra) data.append(name, value);
    return data;
  };

  test("sets the flag of every selected Comune at once, audited one by one like the single change; those already so are left alone", async () => {
    const enna = await createMunicipalityIn(db, { name: "Enna", province: "EN", saiMember: false });
    const gela = await createMunicipalityIn(db, { name: "Gela", province: "CL", saiMember: false });
    const noto = await createMunicipalityIn(db, { name: "Noto", province: "SR" });
    const result = await setMunicipalitiesSaiFlag(db, { actor: coordinator, municipalityIds: [gela.id, enna.id, noto.id], saiMember: true });
    expect(result).toEqual({ ok: true, changed: ["Enna", "Gela"], unchanged: 1, missing: 0 });
    const flags = await db.municipality.findMany({ where: { id: { in: [enna.id, gela.id, noto.id] } }, select: { name: true, saiMember: true }, orderBy: { name: "asc" } });
    expect(flags).toEqual([
      { name: "Enna", saiMember: true },
      { name: "Gela", saiMember: true },
      { name: "Noto", saiMember: true },
    ]);
    const entries = await db.auditEntry.findMany({ where: { action: "municipality.sai-flag", entityId: { in: [enna.id, gela.id, noto.id] } } });
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ actorId: coordinator.id, entityType: "Municipality", data: { before: { saiMember: false }, after: { saiMember: true } } });
  });

  test("the action refuses an observer and an empty selection, and says how many changed in Italian", async () => {
    const modica = await createMunicipalityIn(db, { name: "Modica", province: "RG", saiMember: false });
    const ragusa = await createMunicipalityIn(db, { name: "Ragusa", province: "RG", saiMember: false });
    session.user = observer;
    expect(await setSaiFlagBulkAction(IDLE, selection("true", [modica.id, ragusa.id]))).toMatchObject({ status: "error", formError: "Il tuo profilo non consente questa operazione." });
    expect((await db.municipality.findUniqueOrThrow({ where: { id: modica.id } })).saiMember).toBe(false);

    session.user = coordinator;
    expect(await setSaiFlagBulkAction(IDLE, selection("true", []))).toMatchObject({ status: "error", formError: "Seleziona almeno un Comune nella tabella." });
    expect(await setSaiFlagBulkAction(IDLE, selection("true", ["non-un-id"]))).toMatchObject({ status: "error" });
    expect(await setSaiFlagBulkAction(IDLE, selection("true", [modica.id, ragusa.id]))).toMatchObject({
      status: "success",
      message: "2 Comuni segnati come aderenti al SAI: Modica e Ragusa.",
    });
    expect(await setSaiFlagBulkAction(IDLE, selection("false", [ragusa.id]))).toMatchObject({
      status: "success",
      message: "1 Comune non più segnato come aderente al SAI: Ragusa.",
    });
    expect(await setSaiFlagBulkAction(IDLE, selection("false", [ragusa.id]))).toMatchObject({
      status: "success",
      message: "Nessuna modifica: i Comuni selezionati avevano già questo valore.",
    });
    // Without JavaScript the header checkbox stands for the page's rows.
    expect(await setSaiFlagBulkAction(IDLE, selection("true", [], [["selectAll", "on"], ["pageIds", modica.id], ["pageIds", ragusa.id]]))).toMatchObject({
      status: "success",
      message: "1 Comune segnato come aderente al SAI: Ragusa. 1 Comune aveva già questo valore.",
    });
  });
});

describe("the Comune's PEC", () => {
  test("is corrected with its before and after on the audit log, the same value again records nothing, empty makes it unknown", async () => {
    const enna = await createMunicipalityIn(db, { name: "Enna", province: "EN" });
    expect(await setMunicipalityPec(db, { actor: coordinator, municipalityId: enna.id, pec: "protocollo@pec.comune.enna.it" })).toMatchObject({ ok: true, changed: true });
    expect(await setMunicipalityPec(db, { actor: coordinator, municipalityId: enna.id, pec: "protocollo@pec.comune.enna.it" })).toMatchObject({ ok: true, changed: false });
    const entries = await db.auditEntry.findMany({ where: { action: "municipality.pec", entityId: enna.id } });
    expect(entries.map((entry) => entry.data)).toEqual([{ before: { pec: null }, after: { pec: "protocollo@pec.comune.enna.it" } }]);

    session.user = observer;
    expect(await setMunicipalityPecAction(enna.id, IDLE, form({ pec: "altra@pec.it" }))).toMatchObject({ status: "error", formError: "Il tuo profilo non consente questa operazione." });
    session.user = coordinator;
    expect(await setMunicipalityPecAction(enna.id, IDLE, form({ pec: " Protocollo@PEC.Enna.it " }))).toMatchObject({
      status: "success",
      message: "PEC di Enna salvata: protocollo@pec.enna.it.",
    });
    expect(await setMunicipalityPecAction(enna.id, IDLE, form({ pec: "" }))).toMatchObject({ status: "success", message: "PEC di Enna tolta: ora non è nota." });
    expect((await db.municipality.findUniqueOrThrow({ where: { id: enna.id } })).pec).toBeNull();
    expect(await setMunicipalityPecAction("non-un-id", IDLE, form({ pec: "a@pec.it" }))).toMatchObject({ status: "error", formError: "Comune non trovato: ricarica la pagina." });
  });

  test("refuses anything that is not an address with an Italian message, and writes nothing", async () => {
    const noto = await db.municipality.update({
      where: { id: (await createMunicipalityIn(db, { name: "Noto", province: "SR" })).id },
      data: { pec: "protocollo@pec.noto.it" },
    });
    session.user = coordinator;
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 300 }).filter((text) => text.trim() !== "" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim())),
        async (pec) => {
          const state = await setMunicipalityPecAction(noto.id, IDLE, form({ pec }));
          expect(state).toMatchObject({ status: "error" });
          expect(Object.values(state.status === "error" ? state.fieldErrors ?? {} : {}).flat().join(" ")).toMatch(/PEC|caratteri/);
        },
      ),
      { numRuns: 60 },
    );
    expect((await db.municipality.findUniqueOrThrow({ where: { id: noto.id } })).pec).toBe("protocollo@pec.noto.it");
    expect(await db.auditEntry.count({ where: { action: "municipality.pec", entityId: noto.id } })).toBe(0);
  });
});
