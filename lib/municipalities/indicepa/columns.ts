// The columns of IndicePA's open-data list of entities (dataset «Enti»),
// recognised by their header whatever the case, spacing or punctuation:
// "Codice_comune_ISTAT", "codice comune istat" and "CODICE-COMUNE-ISTAT" are
// one column.
//
// The layout, as confirmed on 2 December 2026 (see README «PEC dei Comuni da IndicePA»):
// - The dataset's page is https://www.indicepa.gov.it/ipa-dati/dataset/enti
//   (AgID's CKAN portal, licence CC BY 4.0, updated daily); its CSV is the
//   datastore dump of resource d09adf99-dc10-4349-8c53-27b1e5aa97b6,
//   https://indicepa.gov.it/ipa-dati/datastore/dump/d09adf99-dc10-4349-8c53-27b1e5aa97b6?bom=True
//   (URL and resource id as used by github.com/ondata/openrndt
//   scripts/build_ipa_registry.py and github.com/mxmap-it/mxmap.it
//   scripts/fetch_indicepa.py; MonitoraPA downloads the same dump with &format=tsv).
// - Confirmed on a stored copy of that dump (github.com/mfortini/carbonEnti,
//   enti.csv, rows updated up to June 2024): comma-separated, UTF-8, fields
//   quoted with "" for a quote only when needed, one header line:
//     _id,Codice_IPA,Denominazione_ente,Codice_fiscale_ente,Tipologia,
//     Codice_Categoria,Codice_natura,Codice_ateco,Ente_in_liquidazione,
//     Codice_MIUR,Codice_ISTAT,Acronimo,Nome_responsabile,Cognome_responsabile,
//     Titolo_responsabile,Codice_comune_ISTAT,Codice_catastale_comune,CAP,
//     Indirizzo,Mail1,Tipo_Mail1,Mail2,Tipo_Mail2,Mail3,Tipo_Mail3,Mail4,
//     Tipo_Mail4,Mail5,Tipo_Mail5,Sito_istituzionale,Url_facebook,
//     Url_linkedin,Url_twitter,Url_youtube,Data_aggiornamento
//   A Comune reads: Codice_IPA "c_" and its cadastral code in lower case
//   (c_h269), Denominazione_ente "Comune di Ribera", Tipologia "Pubbliche
//   Amministrazioni", Codice_Categoria "L6", Codice_comune_ISTAT six digits
//   with their leading zero ("084033"), Tipo_MailN "Pec" or "Altro", accents
//   often written as apostrophes ("Ricco' del Golfo di Spezia").
// - "Codice_ISTAT" is another column (numbers like 11141533, seemingly the
//   entity's own ISTAT number, not the Comune's code): it is never read as one.
// - Category L6 holds Comuni and their consortia and associations: consortia and
//   other bodies sit in it beside the Comuni (ATS Madonie, code "atsms", has
//   082036: the mxmap.it fork fpietrosanti/mxmap.it, scripts/fetch_indicepa.py;
//   "Consorzio Progetto Solidarieta'" is L6 in the carbonEnti copy), so a row
//   is a Comune by its name or its IPA code as well (./parse.ts).
// - Sicily's codes are ISTAT's (Ribera 084033, Riesi 085015 in the copy above);
//   a public IPA↔ISTAT mapping note says they differ for Sardinia (Cagliari
//   118006 for 092006), which does not concern us.
// Assumed, not seen: that the ?bom=True download starts with a UTF-8 BOM (the
// readers above strip one), and that someone may save the file from a
// spreadsheet with ";" or tabs, or in Windows-1252: all of these are read.
import { leftmostColumns, type Synonyms } from "@/lib/platform/files/columns";
import { foldWords } from "@/lib/platform/files/fold";

/** How many Mail/Tipo_Mail pairs the list has (Mail1 … Mail5); a later file with more is read up to this. */
export const MAIL_PAIRS = 5;

const MAIL_NUMBERS = Array.from({ length: MAIL_PAIRS }, (_, index) => index + 1);

export type IndicePaColumn = "ipaCode" | "name" | "taxCode" | "tipologia" | "category" | "istatCode" | "cadastralCode" | `mail${number}` | `mailType${number}`;

const HEADERS: Synonyms<IndicePaColumn> = {
  ipaCode: ["codice ipa", "cod amm"],
  name: ["denominazione ente", "denominazione", "des amm"],
  taxCode: ["codice fiscale ente", "codice fiscale", "cf"],
  tipologia: ["tipologia"],
  category: ["codice categoria"],
  istatCode: ["codice comune istat"],
  cadastralCode: ["codice catastale comune"],
  ...Object.fromEntries(MAIL_NUMBERS.flatMap((n) => [[`mail${n}`, [`mail${n}`, `mail ${n}`]], [`mailType${n}`, [`tipo mail${n}`, `tipo mail ${n}`]]])),
};

export type IndicePaColumns = Partial<Record<IndicePaColumn, number>>;

/** Which column each header is, by position; unknown headers are ignored, the first of two alike wins. */
export function recogniseIndicePaHeaders(headers: readonly string[]): IndicePaColumns {
  return leftmostColumns(headers.map(foldWords), HEADERS);
}

/** The Mail/Tipo_Mail pairs the header has, in their order. */
export function mailPairs(columns: IndicePaColumns): { mail: number; type: number }[] {
  return MAIL_NUMBERS.flatMap((n) => {
    const mail = columns[`mail${n}`];
    const type = columns[`mailType${n}`];
    return mail === undefined || type === undefined ? [] : [{ mail, type }];
  });
}

export const REQUIRED_COLUMN_GROUPS = ["istatCode", "name", "category", "mail"] as const;
export type RequiredColumnGroup = (typeof REQUIRED_COLUMN_GROUPS)[number];

/** How the refusal names each missing column: as the published file spells it. */
export const REQUIRED_COLUMN_LABELS: Record<RequiredColumnGroup, string> = {
  istatCode: "«Codice_comune_ISTAT»",
  name: "«Denominazione_ente»",
  category: "«Codice_Categoria» (o «Tipologia»)",
  mail: "«Mail1» e «Tipo_Mail1»",
};

export function missingColumns(columns: IndicePaColumns): RequiredColumnGroup[] {
  const present: Record<RequiredColumnGroup, boolean> = {
    istatCode: columns.istatCode !== undefined,
    name: columns.name !== undefined,
    category: columns.category !== undefined || columns.tipologia !== undefined,
    mail: mailPairs(columns).length > 0,
  };
  return REQUIRED_COLUMN_GROUPS.filter((group) => !present[group]);
}
