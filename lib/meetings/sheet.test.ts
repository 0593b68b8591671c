import { describe, expect, it } from "vitest";
import { emptyMeetingForm } from "./form";
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
});
