import { describe, it, expect } from "vitest";
import { buildIcs, escapeText, foldLine, formatUtc, meetingIcs, type IcsMeeting } from "./ics";

const meeting: IcsMeeting = {
  id: "6f1c1d2e-1111-4a4a-9b9b-000000000001",
  status: "PUBLISHED",
  title: "Tavolo tecnico del Coordinamento",
  subject:
    'CONVOCAZIONE TAVOLO TECNICO tra i Referenti del Coordinamento dei Comuni siciliani aderenti al SAI - Progetto 3031 "COOPERA"; **giovedì 24 marzo 2022 ore 15:00-17.00**',
  // 15:00–17:00 in Rome on 24 March 2022 (CET, UTC+1)
  startsAt: new Date("2022-03-24T14:00:00Z"),
  endsAt: new Date("2022-03-24T16:00:00Z"),
  mode: "ONLINE",
  platform: "Zoom",
  venueName: null,
  venueAddress: null,
  updatedAt: new Date("2022-03-15T09:30:00Z"),
};
const pageUrl = "https://convoca.example.it/convocazioni/tavolo-tecnico-2022-03-24";
const now = new Date("2026-11-26T10:00:00.123Z");

/** Undoes RFC 5545 folding so properties can be read back whole. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, "").split("\r\n");
}

describe("escapeText", () => {
  it("escapes backslashes, semicolons, commas and newlines", () => {
    expect(escapeText("a\\b; c, d\ne\r\nf")).toBe("a\\\\b\\; c\\, d\\ne\\nf");
  });
});

describe("foldLine", () => {
  it("leaves a line of 75 octets alone", () => {
    const line = "X".repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it("folds longer lines so no physical line exceeds 75 octets", () => {
    const folded = foldLine("D".repeat(200));
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(1);
    for (const line of physical) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(physical.slice(1).every((line) => line.startsWith(" "))).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe("D".repeat(200));
  });

  it("never splits a multi-byte character", () => {
    const line = "SUMMARY:" + "è".repeat(100);
    const physical = foldLine(line).split("\r\n");
    for (const part of physical) {
      expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
      expect(part).not.toContain("\uFFFD");
    }
    expect(foldLine(line).replace(/\r\n /g, "")).toBe(line);
  });
});

describe("formatUtc", () => {
  it("writes UTC date-times in basic format with Z", () => {
    expect(formatUtc(new Date("2022-03-24T14:00:00.000Z"))).toBe("20220324T140000Z");
  });
});

describe("meetingIcs", () => {
  const ics = meetingIcs(meeting, pageUrl, now);
  const lines = unfold(ics);

  it("uses CRLF line endings throughout and ends with one", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("keeps every physical line within 75 octets", () => {
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  });

  it("describes one event with the meeting's id, times in UTC and the page URL", () => {
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(1);
    expect(lines).toContain(`UID:${meeting.id}@convoca`);
    expect(lines).toContain("DTSTAMP:20261126T100000Z");
    expect(lines).toContain("DTSTART:20220324T140000Z");
    expect(lines).toContain("DTEND:20220324T160000Z");
    expect(lines).toContain("SUMMARY:Tavolo tecnico del Coordinamento");
    expect(lines).toContain(`URL:${pageUrl}`);
    expect(lines).toContain("LOCATION:Videoconferenza");
    expect(lines).toContain("STATUS:CONFIRMED");
  });

  it("puts the subject, the Rome time and the page URL in the description, escaped", () => {
    const description = lines.find((line) => line.startsWith("DESCRIPTION:"));
    expect(description).toContain("Progetto 3031 \"COOPERA\"\\; giovedì 24 marzo 2022 ore 15:00-17.00");
    expect(description).not.toContain("**");
    expect(description).toContain("\\ngiovedì 24 marzo 2022\\, ore 15:00–17:00\\n");
    expect(description).toContain(`Convocazione: ${pageUrl}`);
  });

  it("never includes a join link, even if the caller passes one along", () => {
    const withSecret = { ...meeting, joinUrl: "https://zoom.example/j/123456789?pwd=secret" } as IcsMeeting;
    const output = meetingIcs(withSecret, pageUrl, now);
    expect(output).not.toContain("zoom.example");
    expect(output).not.toContain("secret");
  });

  it("a registration's file gives the personal page in the description; the public one gives none", () => {
    const personalUrl = "https://convoca.example/iscrizione/tokenPersonaleDiProva";
    const description = (output: string) => unfold(output).find((line) => line.startsWith("DESCRIPTION:"));
    expect(description(meetingIcs(meeting, pageUrl, now, { personalUrl }))).toContain(
      `La tua iscrizione\\, con il link di collegamento: ${personalUrl}`,
    );
    expect(meetingIcs(meeting, pageUrl, now)).not.toContain("/iscrizione/");
    const withSecret = { ...meeting, joinUrl: "https://zoom.example/j/123456789?pwd=secret" } as IcsMeeting;
    expect(meetingIcs(withSecret, pageUrl, now, { personalUrl })).not.toContain("zoom.example");
  });

  it("uses the venue as location for meetings in person", () => {
    const inPerson = meetingIcs(
      { ...meeting, mode: "IN_PERSON", venueName: "Sala delle Lapidi", venueAddress: "Piazza Pretoria 1, Palermo" },
      pageUrl,
      now,
    );
    expect(unfold(inPerson)).toContain("LOCATION:Sala delle Lapidi\\, Piazza Pretoria 1\\, Palermo");
  });

  it("marks a cancelled meeting as cancelled", () => {
    const cancelled = unfold(meetingIcs({ ...meeting, status: "CANCELLED" }, pageUrl, now));
    expect(cancelled).toContain("STATUS:CANCELLED");
    expect(cancelled).toContain("SUMMARY:ANNULLATO: Tavolo tecnico del Coordinamento");
  });
});

describe("buildIcs", () => {
  it("escapes the summary and location", () => {
    const ics = buildIcs({
      uid: "x@convoca",
      stamp: now,
      start: meeting.startsAt,
      end: meeting.endsAt,
      summary: "Uno, due; tre",
      description: "riga 1\nriga 2",
      location: "Videoconferenza",
      url: pageUrl,
    });
    expect(unfold(ics)).toContain("SUMMARY:Uno\\, due\\; tre");
    expect(unfold(ics)).toContain("DESCRIPTION:riga 1\\nriga 2");
  });
});
