import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { readDelimited } from "@/lib/platform/files/delimited";
import { recogniseIndicePaHeaders } from "./columns";
import { MAX_INDICEPA_BYTES } from "./limits";
import { detectDelimiter, parseIndicePaFile, type IndicePaRow } from "./parse";

// A file in the layout of IndicePA's «Enti» list (./columns.ts), made for these
// tests: real Comuni with their real ISTAT and cadastral codes; tax codes,
// addresses, PECs and people invented in the published style.
const FIXTURE = path.join(import.meta.dirname, "../../test/fixtures/indicepa/enti-sicilia.csv");
const fixtureBytes = new Uint8Array(readFileSync(FIXTURE));
const BOM = "\uFEFF";
const fixtureText = new TextDecoder().decode(fixtureBytes).replace(/^\uFEFF/, "");

const encode = (text: string) => new TextEncoder().encode(text);

/** The text as an Italian Excel on Windows saves it: one byte a character, Windows-1252. */
function windows1252(text: string): Uint8Array {
  const high: Record<string, number> = { "€": 0x80, "‚": 0x82, "„": 0x84, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97 };
  return Uint8Array.from(Array.from(text), (character) => {
    const code = character.charCodeAt(0);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    if (high[character] !== undefined) return high[character];
    throw new Error(`not in Windows-1252: ${character}`);
  });
}

/** The fixture written again with another separator, quoting only what needs it, as a spreadsheet does. */
function resaved(delimiter: string, { lineEnd = "\n", transformHeader = (cell: string) => cell } = {}): string {
  const { records } = readDelimited(fixtureText, ",");
  const quote = (cell: string) => (cell.includes(delimiter) || cell.includes('"') || cell.includes("\n") ? `"${cell.replace(/"/g, '""')}"` : cell);
  return records.map((record, index) => record.map((cell) => quote(index === 0 ? transformHeader(cell) : cell)).join(delimiter)).join(lineEnd) + lineEnd;
}

const SICILIAN_COMUNI: IndicePaRow[] = [
  { line: 3, istatCode: "087002", taxCode: "00202990870", name: "Comune di Aci Castello", pec: "protocollo@pec.comune.acicastello.ct.it", ipaCode: "c_a027" },
  { line: 4, istatCode: "084001", taxCode: "00074260845", name: "Comune di Agrigento", pec: null, ipaCode: "c_a089" },
  { line: 5, istatCode: "085004", taxCode: "00138480850", name: "Comune di Caltanissetta", pec: "protocollo@pec.comune.caltanissetta.it", ipaCode: "c_b429" },
  { line: 6, istatCode: "086009", taxCode: "00100490861", name: "Comune di Enna", pec: "protocollo.pec.comune.enna.it", ipaCode: "c_c342" },
  { line: 7, istatCode: "087015", taxCode: "00137020871", name: "Comune di Catania", pec: "protocollo@pec.comune.catania.it", ipaCode: "c_c351" },
  { line: 8, istatCode: "082027", taxCode: "00110740826", name: "Comune di Cefalù", pec: "protocollo@pec.comune.cefalu.pa.it", ipaCode: "c_c421" },
  { line: 9, istatCode: "083048", taxCode: "00080270838", name: "Comune di Messina", pec: "protocollo@pec.comune.messina.it", ipaCode: "c_f158" },
  { line: 10, istatCode: "082053", taxCode: "80016350821", name: "Comune di Palermo", pec: "protocollo@cert.comune.palermo.it", ipaCode: "c_g273" },
  { line: 11, istatCode: "088009", taxCode: "00180270886", name: "Comune di Ragusa", pec: "protocollo@pec.comune.ragusa.gov.it", ipaCode: "c_h163" },
  { line: 14, istatCode: "085017", taxCode: "00146860853", name: "Comune di Santa Caterina Villarmosa", pec: "protocollo@pec.comune.santacaterinavillarmosa.cl.it", ipaCode: "c_i169" },
  { line: 15, istatCode: "089017", taxCode: "00079890895", name: "Comune di Siracusa", pec: "protocollo@pec.comune.siracusa.it", ipaCode: "c_i754" },
  { line: 16, istatCode: "081021", taxCode: "00119130813", name: "Comune di Trapani", pec: "protocollo@pec.comune.trapani.it", ipaCode: "c_l331" },
];

const EXPECTED = { ok: true, rows: SICILIAN_COMUNI, skipped: { notComuni: 2, outsideSicily: 2, withoutIstatCode: 0 } };

describe("reading IndicePA's «Enti» list as published", () => {
  test("the Sicilian Comuni, in file order, with their ISTAT code, tax code, name and first PEC; the rest counted", () => {
    expect(parseIndicePaFile(fixtureBytes)).toEqual(EXPECTED);
  });

  test("the PEC is the first address marked «Pec», not the first address: Catania's Mail1 is «Altro», its Mail2 and Mail3 «Pec»", () => {
    const parsed = parseIndicePaFile(fixtureBytes);
    expect(parsed.ok && parsed.rows.find((row) => row.name === "Comune di Catania")?.pec).toBe("protocollo@pec.comune.catania.it");
  });

  test("a Comune with only «Altro» addresses has no PEC (Agrigento); a PEC is trimmed and lower-cased (Palermo)", () => {
    const parsed = parseIndicePaFile(fixtureBytes);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.rows.find((row) => row.istatCode === "084001")?.pec).toBeNull();
    expect(parsed.rows.find((row) => row.istatCode === "082053")?.pec).toBe("protocollo@cert.comune.palermo.it");
  });

  test("an address with commas and quotes inside its quoted field does not shift the columns after it (Siracusa)", () => {
    const parsed = parseIndicePaFile(fixtureBytes);
    expect(parsed.ok && parsed.rows.find((row) => row.istatCode === "089017")).toMatchObject({ name: "Comune di Siracusa", pec: "protocollo@pec.comune.siracusa.it", line: 15 });
  });

  test("left out: an ASP (category L7) and a consortium in L6; Roma Capitale (a Comune by its IPA code) and Reggio Calabria (080) as «fuori Sicilia»", () => {
    const parsed = parseIndicePaFile(fixtureBytes);
    if (!parsed.ok) throw new Error(parsed.message);
    const names = parsed.rows.map((row) => row.name);
    for (const name of ["Azienda Sanitaria Provinciale di Palermo", "Consorzio Intercomunale Servizi Sociali di Bagheria", "Roma Capitale", "Comune di Reggio Calabria"]) {
      expect(names).not.toContain(name);
    }
    expect(parsed.skipped).toEqual({ notComuni: 2, outsideSicily: 2, withoutIstatCode: 0 });
  });
});

describe("the same list saved another way", () => {
  test("without the BOM", () => {
    expect(parseIndicePaFile(encode(fixtureText))).toEqual(EXPECTED);
  });

  test("in Windows-1252, as an Italian Excel saves a CSV: «Cefalù» keeps its accent", () => {
    const bytes = windows1252(fixtureText);
    expect(bytes.includes(0xf9)).toBe(true);
    expect(parseIndicePaFile(bytes)).toEqual(EXPECTED);
  });

  test("with semicolons and CRLF, as an Italian spreadsheet saves it", () => {
    expect(parseIndicePaFile(encode(BOM + resaved(";", { lineEnd: "\r\n" })))).toEqual(EXPECTED);
  });

  test("with tabs (the datastore's «tsv» download)", () => {
    expect(parseIndicePaFile(encode(resaved("\t")))).toEqual(EXPECTED);
  });

  test("with the headers in another case and spelling: «CODICE COMUNE ISTAT», «tipo mail 1»", () => {
    const text = resaved(",", { transformHeader: (cell) => cell.toUpperCase().replace(/_/g, " ").replace(/MAIL(\d)/, "MAIL $1") });
    expect(parseIndicePaFile(encode(text))).toEqual(EXPECTED);
  });

  test("with the columns in another order and only those needed", () => {
    const text =
      "Tipo_Mail1,Mail1,Codice_comune_ISTAT,Denominazione_ente,Codice_Categoria\n" +
      "Pec,protocollo@cert.comune.palermo.it,082053,Comune di Palermo,L6\n";
    expect(parseIndicePaFile(encode(text))).toEqual({
      ok: true,
      rows: [{ line: 2, istatCode: "082053", taxCode: null, name: "Comune di Palermo", pec: "protocollo@cert.comune.palermo.it", ipaCode: "" }],
      skipped: { notComuni: 0, outsideSicily: 0, withoutIstatCode: 0 },
    });
  });
});

describe("codes as a spreadsheet may leave them", () => {
  const header = "Codice_IPA,Denominazione_ente,Codice_fiscale_ente,Codice_Categoria,Codice_comune_ISTAT,Mail1,Tipo_Mail1\n";

  test("an ISTAT code and a tax code that lost their leading zeros get them back; a tax code that is not 11 digits is null", () => {
    const text = header + "c_c421,Comune di Cefalù,110740826,L6,82027,protocollo@pec.comune.cefalu.pa.it,PEC\n" + "c_g273,Comune di Palermo,ND,L6,082053,,Pec\n";
    const parsed = parseIndicePaFile(encode(text));
    expect(parsed).toMatchObject({
      ok: true,
      rows: [
        { istatCode: "082027", taxCode: "00110740826", pec: "protocollo@pec.comune.cefalu.pa.it" },
        { istatCode: "082053", taxCode: null, pec: null },
      ],
    });
  });

  test("a Comune without a six-digit ISTAT code is counted apart, not guessed", () => {
    const text = header + "c_g273,Comune di Palermo,80016350821,L6,,a@pec.it,Pec\nc_c351,Comune di Catania,00137020871,L6,87O15,b@pec.it,Pec\nc_h163,Comune di Ragusa,00180270886,L6,088009,c@pec.it,Pec\n";
    expect(parseIndicePaFile(encode(text))).toMatchObject({ ok: true, rows: [{ istatCode: "088009" }], skipped: { withoutIstatCode: 2 } });
  });

  test("without Codice_Categoria, a Comune is a «Pubbliche Amministrazioni» named «Comune di …»", () => {
    const text =
      "Denominazione_ente,Tipologia,Codice_comune_ISTAT,Mail1,Tipo_Mail1\n" +
      "Comune di Enna,Pubbliche Amministrazioni,086009,protocollo@pec.comune.enna.it,Pec\n" +
      "Unione dei Comuni Val d'Anapo,Pubbliche Amministrazioni,089002,unione@pec.it,Pec\n" +
      "Comune di Nicosia Servizi S.r.l.,Gestori di Pubblici Servizi,086012,servizi@pec.it,Pec\n";
    expect(parseIndicePaFile(encode(text))).toMatchObject({ ok: true, rows: [{ name: "Comune di Enna", istatCode: "086009" }], skipped: { notComuni: 2 } });
  });

  test("«Codice_ISTAT» (the entity's number in ISTAT's list) is not taken for the Comune's code", () => {
    expect(recogniseIndicePaHeaders(["Codice_ISTAT", "Codice_comune_ISTAT"])).toEqual({ istatCode: 1 });
    const text = "Denominazione_ente,Codice_Categoria,Codice_ISTAT,Mail1,Tipo_Mail1\nComune di Palermo,L6,11100009,a@pec.it,Pec\n";
    expect(parseIndicePaFile(encode(text))).toMatchObject({ ok: false, code: "MISSING_COLUMNS", missing: ["istatCode"] });
  });
});

describe("files refused as a whole, each with its Italian message", () => {
  test("an empty file, blank lines, a header without rows", () => {
    for (const text of ["", "\n\n \r\n", "Codice_comune_ISTAT,Denominazione_ente,Codice_Categoria,Mail1,Tipo_Mail1\n,,,,\n"]) {
      expect(parseIndicePaFile(encode(text))).toMatchObject({ ok: false, code: "EMPTY", message: expect.stringContaining("vuoto") });
    }
  });

  test("missing columns are named as the published file spells them", () => {
    const parsed = parseIndicePaFile(encode("Comune;Codice ISTAT;PEC\nPalermo;082053;a@pec.it\n"));
    expect(parsed).toEqual({
      ok: false,
      code: "MISSING_COLUMNS",
      missing: ["istatCode", "name", "category", "mail"],
      message: "Mancano colonne necessarie: «Codice_comune_ISTAT», «Denominazione_ente», «Codice_Categoria» (o «Tipologia»), «Mail1» e «Tipo_Mail1». Il file deve essere l'elenco «Enti» di IndicePA, con la sua riga di intestazione.",
    });
  });

  test("an Excel workbook (.xlsx or .xls), a PDF or text with NUL bytes is not a CSV", () => {
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const pdf = encode("%PDF-1.7\n");
    const nul = encode("Codice_comune_ISTAT,Denominazione_ente,\u0000Codice_Categoria,Mail1,Tipo_Mail1\n");
    for (const bytes of [xlsx, xls, pdf, nul]) {
      expect(parseIndicePaFile(bytes)).toMatchObject({ ok: false, code: "FILE_TYPE", message: expect.stringContaining("CSV") });
    }
  });

  test("a quote opened and never closed", () => {
    const text = 'Codice_comune_ISTAT,Denominazione_ente,Codice_Categoria,Mail1,Tipo_Mail1\n082053,"Comune di Palermo,L6,a@pec.it,Pec\n';
    expect(parseIndicePaFile(encode(text))).toMatchObject({ ok: false, code: "UNCLOSED_QUOTE" });
  });

  test("a list with no Sicilian Comune (another dataset, or another region's extract)", () => {
    const text = "Codice_comune_ISTAT,Denominazione_ente,Codice_Categoria,Mail1,Tipo_Mail1\n058091,Roma Capitale,L6,a@pec.it,Pec\n082053,ASP Palermo,L7,b@pec.it,Pec\n";
    expect(parseIndicePaFile(encode(text))).toMatchObject({ ok: false, code: "NO_SICILIAN_COMUNI", message: expect.stringContaining("Comune siciliano") });
  });

  test("a file over the limit, refused before it is read", () => {
    expect(parseIndicePaFile(new Uint8Array(MAX_INDICEPA_BYTES + 1))).toMatchObject({ ok: false, code: "TOO_LARGE" });
  });
});

describe("the separator", () => {
  test("the header line's most frequent separator outside quotes; a comma on a tie", () => {
    expect(detectDelimiter('a,b;c,"d;e;f"\n;;;;')).toBe(",");
    expect(detectDelimiter("a;b;c,d\n")).toBe(";");
    expect(detectDelimiter("a\tb\tc;d\n")).toBe("\t");
    expect(detectDelimiter("abc")).toBe(",");
  });
});

describe("any bytes", () => {
  const isAnswer = (parsed: ReturnType<typeof parseIndicePaFile>) =>
    parsed.ok ? Array.isArray(parsed.rows) && parsed.rows.length > 0 : typeof parsed.message === "string" && parsed.message.length > 0;

  test("give rows or a refusal, never an exception", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => isAnswer(parseIndicePaFile(bytes))));
  });

  test("text under the right header, whatever its cells, gives rows or a refusal, and every row is a Sicilian Comune with six digits", () => {
    const header = "Codice_IPA,Denominazione_ente,Codice_fiscale_ente,Codice_Categoria,Codice_comune_ISTAT,Mail1,Tipo_Mail1,Mail2,Tipo_Mail2\n";
    const cell = fc.oneof(fc.string(), fc.constantFrom("L6", "L7", "Pec", "Altro", "Comune di Enna", "082053", "85017", '"', ",", "\n", ""));
    const line = fc.array(cell, { maxLength: 11 }).map((cells) => cells.join(","));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const parsed = parseIndicePaFile(encode(header + lines.join("\n")));
        if (!isAnswer(parsed)) return false;
        return !parsed.ok || parsed.rows.every((row) => /^08[1-9]\d{3}$/.test(row.istatCode) && (row.taxCode === null || /^\d{11}$/.test(row.taxCode)));
      }),
    );
  });
});
