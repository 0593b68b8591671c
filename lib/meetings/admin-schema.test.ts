import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { emptyMeetingForm, meetingSchema, meetingToForm, padMeetingRows, slugify } from "./admin-schema";
import { validMeetingForm } from "@/lib/test/meeting-form";
import { previewMeeting } from "./sheet";

describe("the convocation form", () => {
  it("derives an address from a title: lower case, no accents, dashes", () => {
    expect(slugify("Tavolo tecnico - Società e Comuni: è l'ora!")).toBe("tavolo-tecnico-societa-e-comuni-e-l-ora");
    expect(slugify("???")).toBe("convocazione");
    expect(slugify("a".repeat(200)).length).toBe(80);
  });

  it("a stored meeting shows in the form as typed in Rome, and parses back to the same instants", () => {
    const stored = {
      ...meetingSchema.parse({
        ...validMeetingForm(),
        speakers: [{ honorific: "", name: "Anna", role: "", affiliation: "", talkTitle: "" }],
      }),
      slug: "webinar",
    };
    expect(stored.startsAt.toISOString()).toBe("2030-03-31T07:30:00.000Z"); // summer time from 31 March 2030
    const form = meetingToForm(stored);
    expect(form.startsAt).toBe("2030-03-31T09:30");
    expect(form.speakers.map((row) => row.name)).toEqual(["Anna", ""]); // the typed row, then a blank one
    expect(meetingSchema.parse(form)).toEqual(stored);
  });

  it("always offers one blank row more than those typed", () => {
    const padded = padMeetingRows({ ...emptyMeetingForm(), speakers: [], agendaItems: [] });
    expect([padded.speakers.length, padded.agendaItems.length]).toEqual([2, 3]);
  });
});

describe("the live preview", () => {
  it("shows a half-typed draft as the public will see it once published, without failing", () => {
    const preview = previewMeeting(
      { ...emptyMeetingForm(), startsAt: "2030-03-31T09:", capacity: "abc", speakers: [{ honorific: "", name: "", role: "", affiliation: "Ente", talkTitle: "" }] },
      "DRAFT",
    );
    expect(preview).toMatchObject({ status: "PUBLISHED", title: "Titolo della convocazione", startsAt: null, capacity: null });
    expect(preview.speakers).toEqual([{ id: "relatore-0", honorific: null, name: "", role: null, affiliation: "Ente", talkTitle: null }]);
    expect(preview.agendaItems).toEqual([]);
  });
});

describe("the convocation form's one-line fields", () => {
  const base = validMeetingForm();

  it("inputs are stored on one line, textareas keep their line breaks", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.constantFrom("\r\n", "\n", "\t", "  ")), { maxLength: 8 }), (parts) => {
        const value = `A${parts.join("")}Z`;
        const parsed = meetingSchema.safeParse({ ...base, title: value, signatoryName: value, venueName: value, salutation: value, body: `Riga\nriga` });
        if (!parsed.success) return;
        for (const field of [parsed.data.title, parsed.data.signatoryName, parsed.data.venueName, parsed.data.salutation]) {
          expect(field).toBe(value.replace(/\s+/g, " "));
        }
        expect(parsed.data.body).toBe("Riga\nriga");
      }),
      { numRuns: 300 },
    );
  });
});
