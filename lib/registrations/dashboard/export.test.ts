import ExcelJS from "exceljs";
import { hasQuotePrefix } from "@/lib/test/xlsx";
import { describe, expect, it } from "vitest";
import {
  buildRegistrationsCsv,
  buildRegistrationsXlsx,
  EXPORT_COLUMNS,
  exportFilename,
  formatExportDate,
  neutraliseFormula,
  streamRegistrationsXlsx,
  type ExportRow,
} from "./export";

// 14:05 UTC on 24 March 2022 is 15:05 in Rome (CET); the test runs in Kiritimati.
const REGISTERED = new Date("2022-03-24T14:05:00Z");
// 22:30 UTC on 30 June 2022 is already 1 July in Rome (CEST).
const CHECKED_IN = new Date("2022-06-30T22:30:00Z");

function row(overrides: Partial<ExportRow> = {}): ExportRow {
  return {
    arrival: 7,
    firstName: "Maria",
    lastName: "Rossi",
    email: "maria.rossi@comune.example.it",
    phone: "+39 091 123 4567",
    roleTitle: 'Assessora; "politiche sociali"',
    organisationType: "COMUNE",
    municipality: "Palermo",
    province: "PA",
    organisationName: null,
    managingBody: null,
    status: "CONFIRMED",
    source: "INVITATION",
    registeredAt: REGISTERED,
    confirmedAt: REGISTERED,
    cancelledAt: null,
    privacyNoticeVersion: "2026-11-01",
    privacyConsentAt: REGISTERED,
    communicationsConsent: true,
    communicationsConsentAt: REGISTERED,
    attendanceStatus: "PRESENT",
    attendanceMethod: "CHECK_IN",
    checkedInAt: CHECKED_IN,
    invitedBy: { name: "Giuseppe Verdi", email: "g.verdi@comune.example.it", organisation: "Comune di Monreale (PA)" },
    nominees: [
      { name: "Anna Neri", email: "anna@coop.example.it", managingBody: "Cooperativa Alfa", status: "ACCEPTED" },
      { name: "Luca Blu", email: "luca@coop.example.it", managingBody: "Cooperativa Beta", status: "SENT" },
    ],
    ...overrides,
  };
}

/** A minimal RFC 4180 reader with ";" as separator, enough to read our own output back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ";") {
      record.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += char;
  }
  return records;
}

describe("CSV export", () => {
  it("starts with a BOM, separates with ';', quotes where needed and reads back field by field", () => {
    const csv = buildRegistrationsCsv([row(), row({ arrival: 8, firstName: "Line\nbreak", nominees: [], invitedBy: null })]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, first, second] = parseCsv(csv.slice(1));
    expect(header).toEqual(EXPORT_COLUMNS.map((column) => column.header));
    const cell = (record: string[], name: string) => record[header.indexOf(name)];
    expect(cell(first, "N. arrivo")).toBe("7");
    expect(cell(first, "Ruolo o qualifica")).toBe('Assessora; "politiche sociali"');
    expect(cell(first, "Comune")).toBe("Palermo");
    expect(cell(first, "Stato")).toBe("Confermata");
    expect(cell(first, "Provenienza")).toBe("Su invito");
    expect(cell(first, "Iscrizione ricevuta il")).toBe("24/03/2022 15:05");
    expect(cell(first, "Check-in alle")).toBe("01/07/2022 00:30");
    expect(cell(first, "Consenso comunicazioni")).toBe("Sì");
    expect(cell(first, "Presenza")).toBe("Presente");
    expect(cell(first, "Invitato/a da")).toBe("Giuseppe Verdi");
    expect(cell(first, "Ente di chi ha invitato")).toBe("Comune di Monreale (PA)");
    expect(cell(first, "Rappresentanti invitati")).toBe(
      "Anna Neri <anna@coop.example.it>, Cooperativa Alfa: Ha accettato l'invito; Luca Blu <luca@coop.example.it>, Cooperativa Beta: Invito inviato, in attesa di risposta",
    );
    expect(cell(second, "Nome")).toBe("Line\nbreak");
    expect(cell(second, "Invitato/a da")).toBe("");
    expect(cell(second, "Annullata il")).toBe("");
  });

  it("neutralises cells that a spreadsheet would run as a formula", () => {
    expect(neutraliseFormula("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    for (const start of ["+", "-", "@", "\t"]) expect(neutraliseFormula(`${start}1`)).toBe(`'${start}1`);
    expect(neutraliseFormula("Maria")).toBe("Maria");
    const csv = buildRegistrationsCsv([row({ firstName: "=cmd|' /C calc'!A0", lastName: "@SUM(A1)" })]);
    const [header, record] = parseCsv(csv.slice(1));
    expect(record[header.indexOf("Nome")]).toBe("'=cmd|' /C calc'!A0");
    expect(record[header.indexOf("Cognome")]).toBe("'@SUM(A1)");
    expect(record[header.indexOf("Telefono")]).toBe("'+39 091 123 4567");
  });

  it("formats dates in Rome time whatever the server's zone", () => {
    expect(formatExportDate(new Date("2022-10-30T00:30:00Z"))).toBe("30/10/2022 02:30");
    expect(formatExportDate(new Date("2022-10-30T01:30:00Z"))).toBe("30/10/2022 02:30");
  });
});

describe("XLSX export", () => {
  it("has a frozen, filterable header row and real dates in Rome time", async () => {
    const bytes = await buildRegistrationsXlsx([row(), row({ arrival: 8, firstName: "=1+1", checkedInAt: null, nominees: [] })]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Iscrizioni");
    if (!sheet) throw new Error("missing sheet");
    const headers = EXPORT_COLUMNS.map((column) => column.header);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(3);

    const column = (name: string) => headers.indexOf(name) + 1;
    const first = sheet.getRow(2);
    expect(first.getCell(column("N. arrivo")).value).toBe(7);
    expect(first.getCell(column("Email")).value).toBe("maria.rossi@comune.example.it");
    const registered = first.getCell(column("Iscrizione ricevuta il"));
    expect(registered.value).toBeInstanceOf(Date);
    // A spreadsheet date is wall-clock time: Rome's 15:05 is stored as 15:05.
    expect((registered.value as Date).toISOString()).toBe("2022-03-24T15:05:00.000Z");
    expect(registered.numFmt).toBe("dd/mm/yyyy hh:mm");
    expect((first.getCell(column("Check-in alle")).value as Date).toISOString()).toBe("2022-07-01T00:30:00.000Z");
    expect(first.getCell(column("Invitato/a da")).value).toBe("Giuseppe Verdi");
    expect(String(first.getCell(column("Rappresentanti invitati")).value)).toContain("Anna Neri");

    const second = sheet.getRow(3);
    // A text cell, never a formula.
    expect(second.getCell(column("Nome")).value).toBe("=1+1");
    expect(second.getCell(column("Check-in alle")).value).toBeNull();
  });

  it("writes a value a spreadsheet would run as a formula as a quote-prefixed text cell, with no visible apostrophe", async () => {
    const formula = '=HYPERLINK("http://evil.example","clic")';
    const bytes = await buildRegistrationsXlsx([row({ firstName: formula, lastName: "@SUM(A1)" })]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Iscrizioni")!;
    const headers = EXPORT_COLUMNS.map((column) => column.header);
    for (const [header, text] of [["Nome", formula], ["Cognome", "@SUM(A1)"]]) {
      const cell = sheet.getRow(2).getCell(headers.indexOf(header) + 1);
      expect(cell.value).toBe(text);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(await hasQuotePrefix(bytes, cell)).toBe(true);
    }
    expect(await hasQuotePrefix(bytes, sheet.getRow(1).getCell(1))).toBe(false);
  });

  it("streams a workbook of many slices that reads back whole and in order, and stops quietly when the reader goes away", async () => {
    const rows = Array.from({ length: 2000 }, (_, index) => row({ arrival: index + 1, firstName: index % 500 === 0 ? "=1+1" : `Nome ${index}` }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await buildRegistrationsXlsx(rows)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Iscrizioni")!;
    expect(sheet.rowCount).toBe(2001);
    expect(sheet.getRow(2001).getCell(1).value).toBe(2000);
    expect(sheet.getRow(1003).getCell(2).value).toBe("Nome 1001");
    expect(sheet.getRow(1002).getCell(2).value).toBe("=1+1");
    expect((sheet.getRow(2001).getCell(14).value as Date).toISOString()).toBe("2022-03-24T15:05:00.000Z");

    const reader = streamRegistrationsXlsx(rows).getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

  it("an empty selection still gives the header row", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await buildRegistrationsXlsx([])) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("Iscrizioni")?.rowCount).toBe(1);
  });
});

describe("export filename", () => {
  it("names the meeting and today's date in Rome", () => {
    expect(exportFilename("tavolo-tecnico-2022", "csv", new Date("2026-11-26T23:30:00Z"))).toBe("iscrizioni-tavolo-tecnico-2022-2026-11-27.csv");
    expect(exportFilename("../Strano nome", "xlsx", new Date("2026-01-05T10:00:00Z"))).toBe("iscrizioni-strano-nome-2026-01-05.xlsx");
  });
});
