// Both register routes (PDF and XLSX): who may download, what the files say.
import ExcelJS from "exceljs";
import { hasQuotePrefix } from "@/lib/test/xlsx";
import { describe, expect, it, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { pdfPagesText } from "@/lib/platform/pdf/testing";
import { createTestDatabase } from "@/lib/test/database";
import { createRegistrationRecord, createManagingBodyRecord, createMeeting, createMunicipalityIn, createUser } from "@/lib/test/factories";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const pdfRoute = await import("./route");
const xlsxRoute = await import("../registro.xlsx/route");

const meeting = await createMeeting(db, {
  title: "Tavolo tecnico: co-progettazione e città",
  protocolNumber: "0227/15/03/22",
  startsAt: new Date("2022-03-24T14:00:00Z"),
  endsAt: new Date("2022-03-24T16:00:00Z"),
  platform: "Zoom",
});
const palermo = await createMunicipalityIn(db, { name: "Palermo", province: "PA" });
const caltagirone = await createMunicipalityIn(db, { name: "Caltagirone", province: "CT" });
const body = await createManagingBodyRecord(db, { name: "Cooperativa Àncora" });
await createRegistrationRecord(db, meeting.id, { firstName: "Nicolò", lastName: "Sciortino", organisationType: "COMUNE", municipalityId: palermo.id, roleTitle: "Assessore", attendance: { status: "PRESENT", minutes: 110, method: "PLATFORM_REPORT" } });
await createRegistrationRecord(db, meeting.id, { firstName: "Lucia", lastName: "Di Stefano", organisationType: "ENTE_GESTORE", managingBodyId: body.id, municipalityId: caltagirone.id, roleTitle: "Coordinatrice", attendance: { status: "PRESENT", minutes: 75 } });
await createRegistrationRecord(db, meeting.id, { firstName: "Pietro", lastName: "Assente", organisationType: "COMUNE", municipalityId: caltagirone.id, attendance: { status: "ABSENT" } });
await createRegistrationRecord(db, meeting.id, { firstName: "Anna", lastName: "Inattesa", status: "WAITLISTED", attendance: { status: "PRESENT", minutes: 30 } });
const observer = await createUser(db, "OBSERVER");

const call = (route: { GET: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response> }, id = meeting.id) =>
  route.GET(new Request(`http://localhost/dashboard/convocazioni/${id}/presenze/registro`), { params: Promise.resolve({ id }) });

describe("the attendance register routes", () => {
  it("answer 401 signed out, with nothing logged", async () => {
    session.user = null;
    expect((await call(pdfRoute)).status).toBe(401);
    expect((await call(xlsxRoute)).status).toBe(401);
    expect(await db.auditEntry.count({ where: { action: "attendance.register-export" } })).toBe(0);
  });

  it("give an observer the PDF: funding block, meeting in Rome time, participants, totals, absent, page numbers; audited", async () => {
    session.user = { ...observer };
    const response = await call(pdfRoute);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="registro-presenze-${meeting.slug}.pdf"`);
    const pages = await pdfPagesText(await response.arrayBuffer());
    const text = pages.join("\n");
    expect(text).toContain("Progetto co-finanziato");
    expect(text).toContain("Fondo Asilo, Migrazione e Integrazione 2014-2020");
    expect(text).toContain("COOPERA");
    expect(text).toContain("3031");
    expect(text).toContain("Registro delle presenze");
    expect(text).toContain("Tavolo tecnico: co-progettazione e città");
    expect(text).toContain("0227/15/03/22");
    expect(text).toContain("giovedì 24 marzo 2022, ore 15:00–17:00");
    expect(text).toContain("Videoconferenza (Zoom)");
    expect(text).toContain("Partecipanti presenti (2)");
    for (const word of ["Sciortino", "Nicolò", "Comune di Palermo", "Assessore", "110", "Di Stefano", "Cooperativa Àncora", "Caltagirone", "75"]) expect(text).toContain(word);
    expect(text).toContain("Palermo (PA)");
    expect(text).toContain("Catania (CT)");
    expect(text).toMatch(/Totale 2 185/);
    expect(text).toContain("Iscritti confermati assenti (1)");
    expect(text).toContain("Assente");
    expect(text).not.toContain("Inattesa");
    expect(text).toMatch(/Generato il \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(pages.at(-1)).toContain(`Pagina ${pages.length} di ${pages.length}`);
    const [entry] = await db.auditEntry.findMany({ where: { action: "attendance.register-export", actorId: observer.id } });
    expect(entry.data).toMatchObject({ details: { format: "pdf", participants: 2, absent: 1 } });
  });

  it("give the XLSX with the same rows, minutes as numbers, and the totals and absent on their own sheets", async () => {
    session.user = { ...observer };
    const response = await call(xlsxRoute);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="registro-presenze-${meeting.slug}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const present = workbook.getWorksheet("Presenti")!;
    const values = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    const rows = values(present);
    expect(rows[0][0]).toBe("Progetto co-finanziato dall'Unione Europea");
    expect(rows.flat()).toContain("0227/15/03/22");
    const headerIndex = rows.findIndex((row) => row[0] === "N.");
    expect(rows[headerIndex]).toEqual(["N.", "Cognome", "Nome", "Tipo di ente", "Ente", "Comune", "Provincia", "Ruolo o qualifica", "Minuti", "Rilevazione"]);
    expect(rows[headerIndex + 1]).toEqual([1, "Di Stefano", "Lucia", "Ente gestore", "Cooperativa Àncora", "Caltagirone", "CT", "Coordinatrice", 75, "Registrata a mano"]);
    expect(rows[headerIndex + 2]).toEqual([2, "Sciortino", "Nicolò", "Comune", "Comune di Palermo", "Palermo", "PA", "Assessore", 110, "Report della piattaforma"]);
    expect(rows).toHaveLength(headerIndex + 3);
    const totals = values(workbook.getWorksheet("Totali")!);
    expect(totals).toContainEqual(["Comune", 1, 110]);
    expect(totals).toContainEqual(["Ente gestore", 1, 75]);
    expect(totals).toContainEqual(["Catania (CT)", 1, 75]);
    expect(totals).toContainEqual(["Totale", 2, 185]);
    const absent = values(workbook.getWorksheet("Assenti")!);
    expect(absent).toContainEqual([1, "Assente", "Pietro", "Comune", "Comune di Caltagirone", "Caltagirone", "CT", "Assenza registrata"]);
  });

  it("write a name a spreadsheet would run as a formula as a quote-prefixed text cell, with no visible apostrophe", async () => {
    session.user = { ...observer };
    const other = await createMeeting(db, {});
    const formula = '=HYPERLINK("http://evil.example","clic")';
    await createRegistrationRecord(db, other.id, { firstName: "+39 Mario", lastName: formula, organisationType: "COMUNE", municipalityId: palermo.id, attendance: { status: "PRESENT", minutes: 60 } });
    const bytes = await (await call(xlsxRoute, other.id)).arrayBuffer();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    const cells: ExcelJS.Cell[] = [];
    workbook.getWorksheet("Presenti")!.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    for (const text of [formula, "+39 Mario"]) {
      const cell = cells.find((c) => typeof c.value === "string" && c.value.endsWith(text));
      expect(cell?.value).toBe(text);
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(await hasQuotePrefix(bytes, cell!)).toBe(true);
    }
    // Plain text keeps its plain style.
    expect(await hasQuotePrefix(bytes, cells.find((c) => c.value === "Palermo")!)).toBe(false);
  });

  it("answer 404 for an unknown or malformed meeting", async () => {
    session.user = { ...observer };
    expect((await call(pdfRoute, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await call(xlsxRoute, "non-un-id")).status).toBe(404);
  });
});
