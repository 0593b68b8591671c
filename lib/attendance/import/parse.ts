// A participants report from upload to participants: decode, split into
// cells, tell the platform (or take the coordinator's word for it), read
// its table, merge each person's rows. Refusals are codes the pages word.
import { z } from "zod";
import { decodeText, looksBinary } from "@/lib/platform/files/decode";
import { MAX_UPLOAD_BYTES } from "@/lib/platform/files/limits";
import { headerCells } from "./columns";
import { MARKERS, PARSERS, type Platform } from "./platforms";
import { mergeSessions, type Participant, type Session } from "./sessions";
import { detectDelimiter, parseDelimited } from "./table";
import { nameKey } from "./text";

export const PLATFORMS = ["ZOOM", "TEAMS", "MEET"] as const satisfies readonly Platform[];
export type { Platform } from "./platforms";

export const MAX_REPORT_BYTES = MAX_UPLOAD_BYTES;
/** Rows of the participants table: a meeting has hundreds of joins, not tens of thousands. */
export const MAX_REPORT_ROWS = 20_000;

export type ReportError =
  | { code: "EMPTY" }
  | { code: "TOO_LARGE" }
  | { code: "FILE_TYPE" }
  | { code: "TOO_MANY_ROWS" }
  | { code: "UNRECOGNISED" }
  | { code: "WRONG_PLATFORM"; platform: Platform }
  | { code: "NO_PARTICIPANTS" };

export type ParsedReport = { ok: true; platform: Platform; participants: Participant[]; sessions: number };

/** Each platform's count of its own header names in the file; Teams' tabs and UTF-16 count for it too. */
export function detectPlatform(rows: readonly string[][], hints: { tabs: boolean; utf16: boolean }): Platform | null {
  const cells = headerCells(rows);
  const scores = PLATFORMS.map((platform) => {
    let score = MARKERS[platform].filter((marker) => cells.has(marker)).length;
    if (platform === "TEAMS" && (hints.tabs || hints.utf16)) score += 2;
    return { platform, score };
  }).filter(({ platform, score }) => score > 0 && PARSERS[platform](rows).found);
  scores.sort((a, b) => b.score - a.score);
  return scores[0]?.platform ?? null;
}

const personKey = (session: Session) => (session.email ? `email:${session.email}` : `name:${nameKey(session.name)}`);

export function parseAttendanceReport(bytes: Uint8Array, chosen?: Platform | null): ParsedReport | ({ ok: false } & ReportError) {
  if (bytes.length > MAX_REPORT_BYTES) return { ok: false, code: "TOO_LARGE" };
  if (bytes.length === 0) return { ok: false, code: "EMPTY" };
  if (looksBinary(bytes)) return { ok: false, code: "FILE_TYPE" };
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === "") return { ok: false, code: "EMPTY" };
  const delimiter = detectDelimiter(text);
  const rows = parseDelimited(text, delimiter);
  if (rows.length > MAX_REPORT_ROWS) return { ok: false, code: "TOO_MANY_ROWS" };

  const platform = chosen ?? detectPlatform(rows, { tabs: delimiter === "\t", utf16: encoding.startsWith("utf-16") });
  if (!platform) return { ok: false, code: "UNRECOGNISED" };
  const { sessions, found } = PARSERS[platform](rows);
  if (!found) return chosen ? { ok: false, code: "WRONG_PLATFORM", platform } : { ok: false, code: "UNRECOGNISED" };
  if (sessions.length === 0) return { ok: false, code: "NO_PARTICIPANTS" };
  return { ok: true, platform, participants: mergeSessions(sessions, personKey), sessions: sessions.length };
}

const intervalSchema = z.tuple([z.number(), z.number()]);

/** The participants as stored on the import (AttendanceImport.rows), read back. */
export const participantsSchema = z.array(
  z.object({
    name: z.string(),
    altName: z.string().nullable(),
    email: z.string().nullable(),
    minutes: z.number().int().nullable(),
    seconds: z.number().nullable(),
    sessions: z.number().int(),
    intervals: z.array(intervalSchema).nullable(),
  }),
);
