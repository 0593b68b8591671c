// The three platforms' participants reports: their header names in English
// and Italian, the markers that tell them apart, and how a row becomes a
// session. The layouts are those of the public sample reports in
// github.com/andrewpknight/zoomGroupStats and Lightbridge-KS/zoomclass (Zoom),
// dvaneynde/teams-attendance and ujjwalravi/msteams-simplify (Teams),
// usaussie/google-meet-attendance-tracker (Meet); fixtures/ holds ours.
import { cell, findTables, type Columns, type Synonyms, type Table } from "./columns";
import { parseDuration } from "./duration";
import type { Interval, Session } from "./sessions";
import { normaliseEmail } from "./text";
import { detectDateOrder, hasMeridiem, parseTimestamp, type DateOrder } from "./timestamps";

export type Platform = "ZOOM" | "TEAMS" | "MEET";

const EMAIL = ["user email", "email", "e-mail", "indirizzo email", "indirizzo e-mail", "email address", "email utente", "indirizzo di posta elettronica", "posta elettronica"];

const ZOOM: Synonyms = {
  name: ["name (original name)", "nome (nome originale)", "user name (original name)", "nome utente (nome originale)", "name", "nome", "participant", "partecipante"],
  firstName: ["first name", "nome"],
  lastName: ["last name", "cognome"],
  email: EMAIL,
  join: ["join time", "ora di ingresso", "ora di accesso", "ora ingresso"],
  leave: ["leave time", "ora di uscita", "ora uscita"],
  duration: ["duration (minutes)", "durata (minuti)", "total duration (minutes)", "durata totale (minuti)", "time in session (minutes)", "tempo nella sessione (minuti)", "tempo in sessione (minuti)"],
  attended: ["attended", "ha partecipato", "partecipato"],
  waitingRoom: ["in waiting room", "in sala d'attesa", "nella sala d'attesa"],
};

const TEAMS: Synonyms = {
  name: ["name", "nome", "full name", "nome completo", "display name", "nome visualizzato", "participant", "partecipante"],
  email: EMAIL,
  upn: ["participant id (upn)", "id partecipante (upn)", "upn"],
  join: ["first join", "join time", "primo accesso", "primo ingresso", "ora di ingresso", "ora di accesso", "ora di partecipazione"],
  leave: ["last leave", "leave time", "ultima uscita", "ora di uscita", "ora uscita"],
  duration: ["in-meeting duration", "duration", "durata nella riunione", "durata in riunione", "durata"],
  action: ["user action", "azione utente", "azione dell'utente"],
  timestamp: ["timestamp", "data e ora", "data/ora"],
};

const MEET: Synonyms = {
  name: ["name", "nome", "full name", "nome e cognome", "participant", "partecipante"],
  firstName: ["first name", "nome"],
  lastName: ["last name", "cognome"],
  email: EMAIL,
  duration: ["duration", "durata"],
  join: ["time joined", "joined", "ora di ingresso", "ora di accesso", "orario di accesso", "ora di partecipazione"],
  leave: ["time exited", "exited", "left", "ora di uscita", "orario di uscita"],
};

/** Header names (and section titles) only one platform writes: each found in the file counts for it. */
export const MARKERS: Record<Platform, readonly string[]> = {
  ZOOM: [
    "name (original name)", "nome (nome originale)", "user name (original name)", "nome utente (nome originale)",
    "duration (minutes)", "durata (minuti)", "total duration (minutes)", "time in session (minutes)", "tempo nella sessione (minuti)",
    "meeting id", "user email", "attendee report", "attendee details", "in waiting room", "in sala d'attesa", "recording consent",
    "recording disclaimer response", "risposta di esclusione di responsabilita per la registrazione", "organizzatore", "argomento",
  ],
  TEAMS: [
    "first join", "last leave", "in-meeting duration", "participant id (upn)", "id partecipante (upn)", "1. summary", "2. participants",
    "3. in-meeting activities", "1. riepilogo", "2. partecipanti", "3. attivita durante la riunione", "primo accesso", "ultima uscita",
    "durata nella riunione", "user action", "azione utente", "full name", "attended participants",
    "partecipanti presenti",
  ],
  // Meet's duration is text ("1 hr 2 min"): a plain "Duration" column, where Zoom says "(minutes)".
  MEET: ["time joined", "time exited", "orario di accesso", "orario di uscita", "duration", "durata"],
};

const hasName = (columns: Columns) => columns.name !== undefined || columns.lastName !== undefined;
const isYes = (value: string) => /^(yes|si|sì|true|1|y)$/i.test(value.trim());
const isNo = (value: string) => /^(no|false|0|n)$/i.test(value.trim());

/** "Maria Rossi (Host)", "Maria Rossi (Guest)", "Maria Rossi (Ospite)" → Maria Rossi. */
export function withoutRole(raw: string): string {
  return raw.replace(/\s*\((?:host|co-host|cohost|organizer|organizzatore|co-organizzatore|guest|ospite|external|esterno|me|io)\)\s*$/i, "").trim();
}

/** "Maria Rossi (Host)" → Maria Rossi; "Mary (Maria Rossi)" → Mary, originally Maria Rossi. */
export function splitZoomName(raw: string): { name: string; altName: string | null } {
  const name = withoutRole(raw);
  const renamed = /^(.+?)\s*\(([^()]+)\)$/.exec(name);
  if (renamed && renamed[2].trim().toLowerCase() !== renamed[1].trim().toLowerCase()) return { name: renamed[1].trim(), altName: renamed[2].trim() };
  return { name: renamed ? renamed[1].trim() : name, altName: null };
}

function personName(row: readonly string[], columns: Columns): string {
  const full = cell(row, columns.name);
  if (full) return full;
  return [cell(row, columns.firstName), cell(row, columns.lastName)].filter(Boolean).join(" ");
}

function interval(row: readonly string[], columns: Columns, order: DateOrder): Interval | null {
  const join = parseTimestamp(cell(row, columns.join), order);
  const leave = parseTimestamp(cell(row, columns.leave), order);
  if (join === null || leave === null) return null;
  // A time of day alone (Meet) that crosses midnight.
  const end = leave < join && leave < 86_400 ? leave + 86_400 : leave;
  return end >= join ? [join, end] : null;
}

function timeValues(tables: readonly Table[]): string[] {
  return tables.flatMap((table) => table.rows.flatMap((row) => [cell(row, table.columns.join), cell(row, table.columns.leave), cell(row, table.columns.timestamp)]));
}

function sessionOf(row: readonly string[], columns: Columns, order: DateOrder, split = false): Session | null {
  const raw = personName(row, columns);
  const { name, altName } = split ? splitZoomName(raw) : { name: withoutRole(raw), altName: null };
  const email = normaliseEmail(cell(row, columns.email)) ?? normaliseEmail(cell(row, columns.upn));
  if (!name && !email) return null;
  return { name, altName, email, seconds: parseDuration(cell(row, columns.duration)), interval: interval(row, columns, order) };
}

export type PlatformParse = { sessions: Session[]; found: boolean };

export function parseZoom(rows: readonly string[][]): PlatformParse {
  const tables = findTables(rows, ZOOM, (columns) => hasName(columns) && (columns.duration !== undefined || columns.join !== undefined));
  const order = detectDateOrder(timeValues(tables), "MDY");
  const sessions: Session[] = [];
  for (const table of tables) {
    for (const row of table.rows) {
      if (table.columns.attended !== undefined && isNo(cell(row, table.columns.attended))) continue;
      if (table.columns.waitingRoom !== undefined && isYes(cell(row, table.columns.waitingRoom))) continue;
      const session = sessionOf(row, table.columns, order, true);
      if (session) sessions.push(session);
    }
  }
  return { sessions, found: tables.length > 0 };
}

const JOINED = /join|partecip|entrat|accesso|aggiunt/i;
const LEFT = /left|leave|uscit|lasciat|abbandon/i;

/** Teams 2020–21: one row per "Joined" / "Joined before" / "Left" event; an unclosed join lasts to the file's last event. */
function teamsEvents(table: Table, order: DateOrder): Session[] {
  const events = table.rows
    .map((row) => ({ name: cell(row, table.columns.name), action: cell(row, table.columns.action), at: parseTimestamp(cell(row, table.columns.timestamp), order) }))
    .filter((event): event is { name: string; action: string; at: number } => event.name !== "" && event.at !== null)
    .sort((a, b) => a.at - b.at);
  const end = events.at(-1)?.at ?? 0;
  const open = new Map<string, number>();
  const sessions: Session[] = [];
  const close = (name: string, at: number) => {
    const from = open.get(name);
    if (from === undefined) return;
    open.delete(name);
    sessions.push({ name, altName: null, email: null, seconds: at - from, interval: [from, at] });
  };
  for (const event of events) {
    if (LEFT.test(event.action)) close(event.name, event.at);
    else if (JOINED.test(event.action) && !open.has(event.name)) open.set(event.name, event.at);
  }
  for (const name of [...open.keys()]) close(name, end);
  return sessions;
}

/** Without a recognised header (Italian Teams): the row before the first with an email and a duration is the header. */
function teamsByShape(rows: readonly string[][]): Table | null {
  const start = rows.findIndex((row) => row.some((value) => normaliseEmail(value)) && row.some((value) => /[a-z]/i.test(value) && parseDuration(value) !== null));
  if (start < 1) return null;
  const sample = rows[start];
  const columns: Columns = {
    name: 0,
    email: sample.findIndex((value) => normaliseEmail(value) !== null),
    duration: sample.findIndex((value) => /[a-z]/i.test(value) && parseDuration(value) !== null),
  };
  const tableRows: string[][] = [];
  for (const row of rows.slice(start)) {
    if (row.every((value) => value === "") || /^\d+\.\s/.test(row[0] ?? "")) break;
    tableRows.push([...row]);
  }
  return { columns, rows: tableRows };
}

export function parseTeams(rows: readonly string[][]): PlatformParse {
  const tables = findTables(rows, TEAMS, (columns) =>
    hasName(columns) && (columns.duration !== undefined || columns.join !== undefined || columns.email !== undefined || columns.action !== undefined),
  );
  if (tables.length === 0) {
    const byShape = teamsByShape(rows);
    if (!byShape) return { sessions: [], found: false };
    tables.push(byShape);
  }
  const values = timeValues(tables);
  const order = detectDateOrder(values, values.some(hasMeridiem) ? "MDY" : "DMY");
  const events = tables.find((table) => table.columns.action !== undefined && table.columns.timestamp !== undefined);
  if (events) return { sessions: teamsEvents(events, order), found: true };

  // "In-Meeting activities" (one row per session) when it has times or durations, else "Participants".
  const timed = (table: Table) => table.columns.duration !== undefined || (table.columns.join !== undefined && table.columns.leave !== undefined);
  const chosen = [...tables].reverse().find(timed) ?? tables[0];
  const emails = new Map<string, string>();
  for (const table of tables) {
    for (const row of table.rows) {
      const session = sessionOf(row, table.columns, order);
      if (session?.email && session.name) emails.set(session.name.toLowerCase(), session.email);
    }
  }
  const sessions = chosen.rows
    .map((row) => sessionOf(row, chosen.columns, order))
    .filter((session): session is Session => session !== null)
    .map((session) => (session.email ? session : { ...session, email: emails.get(session.name.toLowerCase()) ?? null }));
  return { sessions, found: true };
}

export function parseMeet(rows: readonly string[][]): PlatformParse {
  const tables = findTables(rows, MEET, (columns) => hasName(columns) && (columns.duration !== undefined || columns.join !== undefined));
  const sessions = tables.flatMap((table) =>
    table.rows.map((row) => sessionOf(row, table.columns, "DMY")).filter((session): session is Session => session !== null),
  );
  return { sessions, found: tables.length > 0 };
}

export const PARSERS: Record<Platform, (rows: readonly string[][]) => PlatformParse> = { ZOOM: parseZoom, TEAMS: parseTeams, MEET: parseMeet };
