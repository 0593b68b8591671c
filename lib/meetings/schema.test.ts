import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { validMeetingForm } from "@/lib/test/meeting-form";
import { meetingSchema } from "./schema";

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
