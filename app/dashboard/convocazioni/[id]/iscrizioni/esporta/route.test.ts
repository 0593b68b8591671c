import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { register } from "@/lib/registrations/mutations";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createUser, registrationInput } from "@/lib/test/factories";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { GET } = await import("./route");

const meeting = await createMeeting(db, { capacity: 1 });
await register(db, { slug: meeting.slug, ...registrationInput({ firstName: "Maria", lastName: "Rossi", email: "maria.rossi@ente.example.it" }) });
await register(db, { slug: meeting.slug, ...registrationInput({ firstName: "=Giuseppe", lastName: "Verdi", email: "g.verdi@ente.example.it" }) });
const observer = await createUser(db, "OBSERVER");

function get(query: string, id = meeting.id) {
  const request = new NextRequest(`http://localhost/dashboard/convocazioni/${id}/iscrizioni/esporta?${query}`);
  return GET(request, { params: Promise.resolve({ id }) });
}

describe("GET /dashboard/convocazioni/[id]/iscrizioni/esporta", () => {
  it("answers 401 to a signed-out caller, with nothing exported or logged", async () => {
    session.user = null;
    const response = await get("formato=csv");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-disposition")).toBeNull();
    expect(await db.auditEntry.count({ where: { action: "registration.export" } })).toBe(0);
  });

  it("gives an observer the CSV: BOM, ';', a filename with the slug, every row, formulas neutralised", async () => {
    session.user = { ...observer };
    const response = await get("formato=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="iscrizioni-${meeting.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    const header = lines[0].split(";");
    const first = lines[1].split(";");
    const second = lines[2].split(";");
    expect(first[header.indexOf("Email")]).toBe("maria.rossi@ente.example.it");
    expect(first[header.indexOf("Stato")]).toBe("Confermata");
    expect(second[header.indexOf("Nome")]).toBe("'=Giuseppe");
    expect(second[header.indexOf("Stato")]).toBe("In lista d'attesa");
    const [entry] = await db.auditEntry.findMany({ where: { action: "registration.export", actorId: observer.id } });
    expect(entry.data).toMatchObject({ details: { format: "csv", rows: 2 } });
  });

  it("gives the XLSX with the same filters as the table", async () => {
    session.user = { ...observer };
    const response = await get("formato=xlsx&stato=in-attesa&ordina=nome&pagina=7");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toMatch(/filename="iscrizioni-.*\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet("Iscrizioni")!;
    expect(sheet.rowCount).toBe(2);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (name: string) => sheet.getRow(2).getCell(headers.indexOf(name) + 1).value;
    expect(cell("Email")).toBe("g.verdi@ente.example.it");
    expect(cell("Nome")).toBe("=Giuseppe");
    expect(cell("Iscrizione ricevuta il")).toBeInstanceOf(Date);
  });

  it("streams the XLSX after the export is on the audit log; a HEAD logs nothing and builds no file", async () => {
    session.user = { ...observer };
    const logged = () => db.auditEntry.count({ where: { action: "registration.export", actorId: observer.id } });
    const before = await logged();
    const head = await GET(new NextRequest(`http://localhost/dashboard/convocazioni/${meeting.id}/iscrizioni/esporta?formato=xlsx`, { method: "HEAD" }), {
      params: Promise.resolve({ id: meeting.id }),
    });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-disposition")).toMatch(/\.xlsx"$/);
    expect(head.body).toBeNull();
    expect(await logged()).toBe(before);

    const response = await get("formato=xlsx");
    expect(response.body).toBeInstanceOf(ReadableStream);
    // The entry is written before a byte of the file is read.
    expect(await logged()).toBe(before + 1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.getWorksheet("Iscrizioni")!.rowCount).toBe(3);
    expect(workbook.title).toBe(`Iscrizioni - ${meeting.title}`);
  });

  it("answers 404 for an unknown or malformed meeting and 400 for an unknown format", async () => {
    session.user = { ...observer };
    expect((await get("formato=csv", "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await get("formato=csv", "non-un-id")).status).toBe(404);
    expect((await get("formato=pdf")).status).toBe(400);
  });
});
