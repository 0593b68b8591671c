import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { zip } from "@/lib/test/zip";
import { parseCategory, recogniseHeaders } from "./columns";
import { parseImportFile, MAX_IMPORT_BYTES } from "./parse";

const encode = (text: string) => new TextEncoder().encode(text);
const BOM = "\uFEFF";

describe("reading a CSV", () => {
  test("semicolons, a BOM, quoted fields with separators and quotes inside, CRLF", async () => {
    const text = `${BOM}Codice ISTAT;Comune;Ente Gestore;Partita I.V.A.;CATEGORIA;Codice progetto;Posti\r\n` +
      `082053;Palermo;"Cooperativa ""Il Faro""; onlus";IT 00743110157;Ordinari;PROG-1;20\r\n` +
      `;;;;;;\r\n` +
      `;Caltagirone;Consorzio Sole;;msna;;\r\n`;
    const parsed = await parseImportFile("progetti.csv", encode(text));
    expect(parsed).toEqual({
      ok: true,
      rows: [
        { row: 2, istatCode: "082053", municipality: "Palermo", managingBody: 'Cooperativa "Il Faro"; onlus', taxCode: "IT 00743110157", category: "Ordinari", projectCode: "PROG-1", places: "20" },
        { row: 4, istatCode: "", municipality: "Caltagirone", managingBody: "Consorzio Sole", taxCode: "", category: "msna", projectCode: "", places: "" },
      ],
    });
  });

  test("commas without a BOM, other header spellings, a line break inside quotes", async () => {
    const text = `comune,  ENTE   gestore ,Codice fiscale,Tipologia,Cod. progetto,N. posti\n` +
      `Acate,"Associazione
Mare",80000160822,DM-DS,,5\n`;
    const parsed = await parseImportFile("elenco.CSV", encode(text));
    expect(parsed).toMatchObject({ ok: true, rows: [{ row: 2, municipality: "Acate", managingBody: "Associazione\nMare", taxCode: "80000160822", category: "DM-DS", places: "5" }] });
  });

  test("a quote opened and never closed is refused, not left to swallow the rows after it", async () => {
    const text = 'Comune;Ente gestore;Categoria\nCatania;"Coop B;MSNA\nEnna;Coop C;Ordinari\n';
    expect(await parseImportFile("progetti.csv", new TextEncoder().encode(text))).toEqual({ ok: false, code: "UNCLOSED_QUOTE" });
  });

  test("a file saved as CSV by an Italian Excel on Windows (Windows-1252, not UTF-8) is read, its accents and apostrophes as typed", async () => {
    // "Cefalù" (ù is 0xF9) and "Sant’Agata" (’ is 0x92, which Latin-1 has no letter for).
    const windows1252 = new Uint8Array([
      ...encode("Comune;Ente gestore;Categoria\r\nCefal"), 0xf9, ...encode(";Ente;MSNA\r\nSant"), 0x92, ...encode("Agata di Militello;Coop Nebrodi;Ordinari\r\n"),
    ]);
    expect(await parseImportFile("a.csv", windows1252)).toMatchObject({
      ok: true,
      rows: [
        { row: 2, municipality: "Cefalù", managingBody: "Ente", category: "MSNA" },
        { row: 3, municipality: "Sant’Agata di Militello", managingBody: "Coop Nebrodi", category: "Ordinari" },
      ],
    });
  });
});

describe("reading an XLSX", () => {
  test("the first worksheet, numbers as their text, headers recognised", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Progetti");
    sheet.addRow(["Codice Istat", "Comune", "Ente gestore", "Codice Fiscale", "Categoria", "Codice progetto", "Posti"]);
    sheet.addRow([82053, "Palermo", "Cooperativa Faro", "00743110157", "DM DS", "PROG-X", 12]);
    sheet.addRow([]);
    sheet.addRow([null, "Sciacca", "Ente Due", null, "Minori", null, null]);
    workbook.addWorksheet("Altro").addRow(["ignorato"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const parsed = await parseImportFile("progetti.xlsx", bytes);
    expect(parsed).toEqual({
      ok: true,
      rows: [
        { row: 2, istatCode: "82053", municipality: "Palermo", managingBody: "Cooperativa Faro", taxCode: "00743110157", category: "DM DS", projectCode: "PROG-X", places: "12" },
        { row: 4, istatCode: "", municipality: "Sciacca", managingBody: "Ente Due", taxCode: "", category: "Minori", projectCode: "", places: "" },
      ],
    });
  });

  test("a tax code stored as a number gets its leading zeros back", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Progetti");
    sheet.addRow(["Comune", "Ente gestore", "Partita IVA", "Categoria"]);
    sheet.addRow(["Palermo", "Cooperativa Zero", 4884100019, "Ordinari"]);
    const parsed = await parseImportFile("progetti.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(parsed.ok && parsed.rows[0].taxCode).toBe("04884100019");
  });

  test("a workbook that would unpack to more than 64 MB is refused before exceljs opens it", async () => {
    // 2 MB of upload can deflate 2 GB of zeros: the server would hold it all in memory.
    const bomb = zip([{ name: "xl/worksheets/sheet1.xml", data: new Uint8Array(100 * 1024 * 1024), declaredSize: 4096 }]);
    expect(bomb.length).toBeLessThan(MAX_IMPORT_BYTES);
    expect(await parseImportFile("progetti.xlsx", bomb)).toEqual({ ok: false, code: "TOO_LARGE_UNPACKED" });
  });

  test("a file named .xlsx that is not a workbook is refused", async () => {
    expect(await parseImportFile("finto.xlsx", encode("Comune;Ente"))).toEqual({ ok: false, code: "FILE_TYPE" });
    expect(await parseImportFile("rotto.xlsx", new Uint8Array([0x50, 0x4b, 1, 2, 3]))).toEqual({ ok: false, code: "UNREADABLE" });
  });
});

describe("problems with the file as a whole", () => {
  test("empty, header only, wrong type, too large, missing columns", async () => {
    expect(await parseImportFile("vuoto.csv", new Uint8Array())).toEqual({ ok: false, code: "EMPTY" });
    expect(await parseImportFile("intestazione.csv", encode("Comune;Ente gestore;Categoria\n\n"))).toEqual({ ok: false, code: "EMPTY" });
    expect(await parseImportFile("progetti.pdf", encode("%PDF-1.4"))).toEqual({ ok: false, code: "FILE_TYPE" });
    expect(await parseImportFile("grande.csv", new Uint8Array(MAX_IMPORT_BYTES + 1))).toEqual({ ok: false, code: "TOO_LARGE" });
    expect(await parseImportFile("colonne.csv", encode("Provincia;Ente gestore\nPA;Ente\n"))).toEqual({ ok: false, code: "MISSING_COLUMNS", missing: ["comune", "categoria"] });
  });

  test("more than 5,000 rows are refused", async () => {
    const text = `Comune;Ente gestore;Categoria\n${"Palermo;Ente;Ordinari\n".repeat(5001)}`;
    expect(await parseImportFile("tante.csv", encode(text))).toEqual({ ok: false, code: "TOO_MANY_ROWS" });
  });
});

test("headers and categories are recognised whatever their case, accents and spacing", () => {
  expect(recogniseHeaders(["  CÒMUNE ", "Ente gestore", "P.IVA", "codice   progetto", "Posti finanziati", "Note"])).toEqual({
    municipality: 0,
    managingBody: 1,
    taxCode: 2,
    projectCode: 3,
    places: 4,
  });
  expect(["ordinari", "Ordinario", "MSNA", "minori stranieri non accompagnati", "DM-DS", "dm ds", "Disagio mentale", "disabilità", "boh", ""].map(parseCategory)).toEqual([
    "ORDINARI", "ORDINARI", "MSNA", "MSNA", "DM_DS", "DM_DS", "DM_DS", "DM_DS", null, null,
  ]);
});
