import { describe, expect, it } from "vitest";
import { validMeetingForm } from "@/lib/test/meeting-form";
import { emptyMeetingForm } from "./form";
import { meetingSchema } from "./schema";
import { previewMeeting } from "./sheet";

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

  it("shows the programme's rows as saving will store them", () => {
    const values = {
      ...validMeetingForm(),
      speakers: [
        { honorific: " Dott.ssa ", name: " Anna Rossi ", role: "", affiliation: "Ente", talkTitle: "" },
        { honorific: "", name: "", role: "", affiliation: "", talkTitle: "" },
      ],
      agendaItems: [{ title: " Apertura ", description: "" }],
    };
    const stored = meetingSchema.parse(values);
    const preview = previewMeeting(values, "DRAFT");
    expect(preview.speakers).toEqual(stored.speakers.map((speaker, index) => ({ id: `relatore-${index}`, ...speaker })));
    expect(preview.agendaItems).toEqual(stored.agendaItems.map((item, index) => ({ id: `tema-${index}`, ...item })));
  });
});
