import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDuration } from "./duration";
import { MAX_REPORT_BYTES, parseAttendanceReport, type ParsedReport } from "./parse";
import { combineSeconds } from "./sessions";
import { parseTimestamp } from "./timestamps";

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, "fixtures", name)));

function parsed(name: string, platform?: "ZOOM" | "TEAMS" | "MEET"): ParsedReport {
  const result = parseAttendanceReport(fixture(name), platform);
  if (!result.ok) throw new Error(`${name}: ${result.code}`);
  return result;
}

/** name → minutes, email, sessions: what the tests compare. */
const people = (report: ParsedReport) =>
  Object.fromEntries(report.participants.map((p) => [p.name, { minutes: p.minutes, email: p.email, sessions: p.sessions }]));

describe("durations and times", () => {
  it.each([
    ["45", 45 * 60],
    ["1 h 5 min", 65 * 60],
    ["1h 5m 3s", 3903],
    ["01:05:03", 3903],
    ["1 hr 2 min", 62 * 60],
    ["30 sec", 30],
    ["16m 2s", 962],
    ["2 h 7 min 28 s", 7648],
    ["1 ora e 5 minuti", 65 * 60],
    ["--", null],
    ["", null],
    ["soon", null],
    ["3 giorni", null],
  ])("%s is %s seconds", (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it("reads Zoom's US dates, Teams' day-first dates and times of day as wall-clock seconds", () => {
    const at = (y: number, mo: number, d: number, h: number, mi: number, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
    expect(parseTimestamp("03/24/2022 02:55:12 PM", "MDY")).toBe(at(2022, 3, 24, 14, 55, 12));
    expect(parseTimestamp("16/11/22, 09:21:08", "DMY")).toBe(at(2022, 11, 16, 9, 21, 8));
    expect(parseTimestamp("2/7/26, 10:00:05 AM", "MDY")).toBe(at(2026, 2, 7, 10, 0, 5));
    expect(parseTimestamp("Sep 24, 2025 09:02:11", "MDY")).toBe(at(2025, 9, 24, 9, 2, 11));
    expect(parseTimestamp("2025-09-24 12:00:00", "DMY")).toBe(at(2025, 9, 24, 12, 0));
    expect(parseTimestamp("3:45 PM", "MDY")).toBe(at(1970, 1, 1, 15, 45));
    expect(parseTimestamp("--", "MDY")).toBeNull();
  });

  it("adds rejoins, but counts overlapping sessions once", () => {
    expect(combineSeconds([{ seconds: 600, intervals: [[0, 600]] }, { seconds: 300, intervals: [[900, 1200]] }])).toBe(900);
    expect(combineSeconds([{ seconds: 3600, intervals: [[0, 3600]] }, { seconds: 2700, intervals: [[1800, 4500]] }])).toBe(4500);
    expect(combineSeconds([{ seconds: 600, intervals: null }, { seconds: 300, intervals: [[0, 300]] }])).toBe(900);
    expect(combineSeconds([{ seconds: null, intervals: null }])).toBeNull();
  });
});

describe("Zoom", () => {
  it("reads the English participants report after the meeting block: rejoins summed, overlaps once, host and renamed users", () => {
    const report = parsed("zoom-participants-en.csv");
    expect(report.platform).toBe("ZOOM");
    expect(report.sessions).toBe(7);
    expect(people(report)).toEqual({
      "Anna Coordinatrice": { minutes: 128, email: "coordinamento@anci.example.it", sessions: 1 },
      "Giuseppe Verdi": { minutes: 85, email: "g.verdi@comune.example.it", sessions: 2 },
      "Rossi Maria": { minutes: 60, email: null, sessions: 1 },
      // 15:00–16:00 and 15:30–16:15 overlap: 75 minutes, not 105.
      "Carla B": { minutes: 75, email: "c.bianchi@comune.example.it", sessions: 2 },
      "Lo Presti, Rosalia": { minutes: 25, email: null, sessions: 1 },
    });
    expect(report.participants.find((p) => p.name === "Carla B")?.altName).toBe("Carla Bianchi");
  });

  it("reads the Italian report: the blank line Excel filled with commas, waiting-room rows left out, accents kept", () => {
    const report = parsed("zoom-partecipanti-it.csv");
    expect(report.platform).toBe("ZOOM");
    expect(people(report)).toMatchObject({
      "Giuseppe Verdi": { minutes: 85, sessions: 2 },
      "Maria Rossì": { minutes: 60, email: null },
      "Carla Bianchi": { minutes: 75, sessions: 2 },
    });
  });

  it("reads the flat Italian export re-saved with semicolons in Windows-1252, taking the participant's duration, not the meeting's", () => {
    const report = parsed("zoom-partecipanti-it-piatto.csv");
    expect(report.platform).toBe("ZOOM");
    expect(people(report)).toEqual({
      "Giuseppe Verdi": { minutes: 85, email: "g.verdi@comune.example.it", sessions: 2 },
      "Maria Rossi": { minutes: 60, email: null, sessions: 1 },
    });
  });

  it("reads the webinar attendee report: every section's people, no-shows left out", () => {
    const report = parsed("zoom-webinar-attendee-en.csv");
    expect(report.platform).toBe("ZOOM");
    expect(people(report)).toEqual({
      "Anna Coordinatrice": { minutes: 125, email: "coordinamento@anci.example.it", sessions: 1 },
      "Giuseppe Verdi": { minutes: 85, email: "g.verdi@comune.example.it", sessions: 2 },
      "Maria Rossi": { minutes: 60, email: "m.rossi@comune.example.it", sessions: 1 },
      "Ospite senza iscrizione": { minutes: 15, email: null, sessions: 1 },
    });
  });
});

describe("Teams", () => {
  it("reads the English report in UTF-16LE with tabs from its in-meeting activities: rejoins summed, overlaps once, guests' suffix dropped", () => {
    const report = parsed("teams-attendance-en.csv");
    expect(report.platform).toBe("TEAMS");
    expect(people(report)).toEqual({
      "Anna Coordinatrice": { minutes: 127, email: "coordinamento@anci.example.it", sessions: 1 },
      "Giuseppe Verdi": { minutes: 85, email: "g.verdi@comune.example.it", sessions: 2 },
      "Maria Rossi": { minutes: 60, email: null, sessions: 1 },
      // The second session has no email: found by name in the participants section. 15:00–16:15 is 75 minutes.
      "Carla Bianchi": { minutes: 75, email: "c.bianchi@comune.example.it", sessions: 2 },
    });
  });

  it("reads the Italian report in UTF-16BE with AM/PM times and localised units", () => {
    const report = parsed("teams-presenze-it.csv");
    expect(report.platform).toBe("TEAMS");
    expect(people(report)).toEqual({
      "Anna Coordinatrice": { minutes: 127, email: "coordinamento@anci.example.it", sessions: 1 },
      "Giuseppe Verdi": { minutes: 85, email: "g.verdi@comune.example.it", sessions: 2 },
      "Maria Rossi": { minutes: 60, email: null, sessions: 1 },
    });
  });

  it("reads the 2020–21 event log: joined and left paired per person", () => {
    const report = parsed("teams-legacy-en.csv");
    expect(report.platform).toBe("TEAMS");
    expect(people(report)).toEqual({
      "Anna Coordinatrice": { minutes: 127, email: null, sessions: 1 },
      "Giuseppe Verdi": { minutes: 85, email: null, sessions: 2 },
      "Maria Rossi": { minutes: 60, email: null, sessions: 1 },
    });
  });
});

describe("Teams with headers nobody documented", () => {
  it("finds the table by its columns' shapes: an email and a duration", () => {
    const text = "Nominativo\tPosta\tTempo nella riunione\r\nGiuseppe Verdi\tg.verdi@comune.example.it\t1 h 25 min\r\nMaria Rossi\tm.rossi@comune.example.it\t59 min 30 s\r\n";
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
    const result = parseAttendanceReport(bytes);
    expect(result).toMatchObject({ ok: true, platform: "TEAMS" });
    expect(result.ok && people(result)).toEqual({
      "Giuseppe Verdi": { minutes: 85, email: "g.verdi@comune.example.it", sessions: 1 },
      "Maria Rossi": { minutes: 60, email: "m.rossi@comune.example.it", sessions: 1 },
    });
  });
});

describe("Meet", () => {
  it("reads the English attendance sheet: text durations, first and last name, rejoins summed", () => {
    const report = parsed("meet-attendance-en.csv");
    expect(report.platform).toBe("MEET");
    expect(people(report)).toEqual({
      "Anna Coordinatrice": { minutes: 127, email: "coordinamento@anci.example.it", sessions: 1 },
      "Giuseppe Verdi": { minutes: 85, email: "g.verdi@comune.example.it", sessions: 2 },
      "Maria Rossi": { minutes: 60, email: null, sessions: 1 },
      "Carla Bianchi": { minutes: 1, email: "c.bianchi@comune.example.it", sessions: 1 },
    });
  });

  it("reads the Italian variant after its preamble", () => {
    const report = parsed("meet-presenze-it.csv");
    expect(report.platform).toBe("MEET");
    expect(people(report)).toEqual({
      "Anna Coordinatrice": { minutes: 127, email: "coordinamento@anci.example.it", sessions: 1 },
      "Giuseppe Verdi": { minutes: 85, email: "g.verdi@comune.example.it", sessions: 1 },
      "Maria Rossi": { minutes: 59, email: null, sessions: 1 },
    });
  });
});

describe("platform and refusals", () => {
  it("takes the coordinator's choice over detection, and says when the file is not that platform's", () => {
    expect(parsed("meet-attendance-en.csv", "MEET").platform).toBe("MEET");
    expect(parseAttendanceReport(fixture("meet-attendance-en.csv"), "ZOOM")).toEqual({ ok: false, code: "WRONG_PLATFORM", platform: "ZOOM" });
  });

  it("refuses an empty file, a spreadsheet, a file too large and a CSV that is no participants report", () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(parseAttendanceReport(new Uint8Array())).toMatchObject({ code: "EMPTY" });
    expect(parseAttendanceReport(bytes(" \r\n"))).toMatchObject({ code: "EMPTY" });
    expect(parseAttendanceReport(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatchObject({ code: "FILE_TYPE" });
    expect(parseAttendanceReport(new Uint8Array(MAX_REPORT_BYTES + 1))).toMatchObject({ code: "TOO_LARGE" });
    expect(parseAttendanceReport(bytes("Comune;Provincia\nPalermo;PA\n"))).toMatchObject({ code: "UNRECOGNISED" });
    expect(parseAttendanceReport(bytes("Name (Original Name),User Email,Duration (Minutes)\n"))).toMatchObject({ code: "NO_PARTICIPANTS" });
  });
});
