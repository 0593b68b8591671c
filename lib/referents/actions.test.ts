import { beforeEach, describe, expect, test, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { IDLE } from "@/lib/platform/forms/action-state";
import { createTestDatabase } from "@/lib/test/database";
import { createMunicipalityIn, createReferent, createUser } from "@/lib/test/factories";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.10" }) }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
process.env.RATE_LIMIT_PER_IP = "100000";
const { submitReferentSheetAction } = await import("./sheets/actions");
const { addReferentAction, approveSheetAction, rejectSheetAction } = await import("./actions");

const coordinator = await createUser(db, "COORDINATOR");
const observer = await createUser(db, "OBSERVER");

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

function sheetForm(municipalityId: string, overrides: Record<string, string> = {}) {
  return form({
    municipalityId,
    pec: "protocollo@pec.troina.example.it",
    "referents.0.firstName": "Anna",
    "referents.0.lastName": "Bianchi",
    "referents.0.role": "POLITICAL",
    "referents.0.office": "Sindaca",
    "referents.0.email": "anna.bianchi@troina.example.it",
    "referents.0.phone": "",
    "referents.1.firstName": "",
    "referents.1.lastName": "",
    "referents.1.office": "",
    "referents.1.email": "",
    "referents.1.phone": "",
    officerFirstName: "Maria",
    officerLastName: "Rossi",
    officerRoleTitle: "Funzionaria",
    officerEmail: "maria.rossi@troina.example.it",
    officerPhone: "",
    privacyConsent: "on",
    ...overrides,
  });
}

beforeEach(() => {
  session.user = null;
});

describe("the public scheda action", () => {
  test("the honeypot and bad input are refused with everything typed kept and nothing written; a good scheda redirects to the confirmation", async () => {
    const municipality = await createMunicipalityIn(db, { name: "Troina", province: "EN" });
    const bot = await submitReferentSheetAction(IDLE, sheetForm(municipality.id, { website: "https://spam.example" }));
    expect(bot).toMatchObject({ status: "error", formError: expect.stringContaining("Non è stato possibile inviare la scheda") });

    const bad = await submitReferentSheetAction(IDLE, sheetForm(municipality.id, { pec: "non-una-pec", "referents.1.firstName": "Luca" }));
    expect(bad).toMatchObject({
      status: "error",
      fieldErrors: { pec: expect.stringContaining("PEC"), "referents.1.email": "Inserisci l'indirizzo email" },
      values: { pec: "non-una-pec", officerEmail: "maria.rossi@troina.example.it", privacyConsent: true },
    });
    if (bad.status === "error") expect(bad.values.referents[1].firstName).toBe("Luca");
    expect(await db.referentSheet.count()).toBe(0);

    await expect(submitReferentSheetAction(IDLE, sheetForm(municipality.id))).rejects.toMatchObject({
      digest: expect.stringContaining("/scheda-referenti/inviata"),
    });
    expect(await db.referentSheet.count({ where: { municipalityId: municipality.id, status: "PENDING" } })).toBe(1);
  });
});

describe("the dashboard actions", () => {
  test("an observer cannot approve; a coordinator approves, then a second review says it was already examined", async () => {
    const municipality = await createMunicipalityIn(db, { name: "Valguarnera Caropepe", province: "EN" });
    await expect(submitReferentSheetAction(IDLE, sheetForm(municipality.id, { officerEmail: "ufficio@valguarnera.example.it" }))).rejects.toBeTruthy();
    const sheet = await db.referentSheet.findFirstOrThrow({ where: { municipalityId: municipality.id } });

    session.user = observer;
    expect(await approveSheetAction(sheet.id, 1, IDLE, form({}))).toMatchObject({ status: "error", formError: "Il tuo profilo non consente questa operazione." });
    session.user = coordinator;
    expect(await rejectSheetAction(sheet.id, 1, IDLE, form({ reason: "no" }))).toMatchObject({ status: "error", fieldErrors: { reason: expect.stringContaining("almeno 5 caratteri") } });
    expect(await approveSheetAction(sheet.id, 1, IDLE, form({}))).toMatchObject({ status: "success", message: expect.stringContaining("Scheda approvata") });
    expect(await rejectSheetAction(sheet.id, 1, IDLE, form({ reason: "Manca il tecnico" }))).toMatchObject({
      status: "error",
      formError: expect.stringContaining("già stata esaminata"),
    });
    expect(await approveSheetAction("non-un-id", 1, IDLE, form({}))).toMatchObject({ status: "error", formError: expect.stringContaining("non esiste") });
  });

  test("adding an already active referent puts the error next to the email, keeping what was typed", async () => {
    const municipality = await createMunicipalityIn(db, { name: "Villarosa", province: "EN" });
    const active = await createReferent(db, municipality.id);
    session.user = coordinator;
    const values = { municipalityId: municipality.id, firstName: "Rosa", lastName: "Referente", email: active.person.email, phone: "", role: "TECHNICAL", office: "Ufficio" };
    const result = await addReferentAction(IDLE, form(values));
    expect(result).toMatchObject({ status: "error", fieldErrors: { email: expect.stringContaining("già referente attivo") }, values });
  });
});
