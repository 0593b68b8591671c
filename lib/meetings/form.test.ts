import { describe, expect, it } from "vitest";
import { emptyMeetingForm, meetingFieldOrder, meetingForm, meetingToForm, padMeetingRows } from "./form";
import { meetingSchema } from "./schema";
import { validMeetingForm } from "@/lib/test/meeting-form";

describe("the convocation form", () => {
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

  it("lists every field the page shows once, in the error summary's order, the version aside", () => {
    const order = meetingFieldOrder(1, 1);
    expect(new Set(order).size).toBe(order.length);
    expect(order.filter((path) => !path.includes(".")).sort()).toEqual(
      [...meetingForm.text.filter((name) => name !== "version"), "invitesManagingBodies", "speakers", "agendaItems"].sort(),
    );
    expect(order.slice(0, 2)).toEqual(["title", "slug"]);
    expect(order.at(-1)).toBe("projectWebsite");
  });
});
