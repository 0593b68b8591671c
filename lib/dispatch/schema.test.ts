// The preview's ?destinatari=… comes from the URL: whatever it holds, it
// names only known audiences, in the dashboard's order, and never throws.
import fc from "fast-check";
import { expect, test } from "vitest";
import { anyString } from "@/lib/test/fuzz";
import { AUDIENCES } from "./audiences";
import { audiencesField, audiencesFromParam, sendConvocationSchema } from "./schema";

test("any value of the query parameter gives known audiences only, in order, once each", () => {
  const value = fc.oneof(fc.constant(undefined), anyString, fc.array(fc.oneof(anyString, fc.constantFrom(...AUDIENCES)), { maxLength: 8 }));
  fc.assert(
    fc.property(value, (param) => {
      const audiences = audiencesFromParam(param);
      expect(audiences).toEqual(AUDIENCES.filter((audience) => audiences.includes(audience)));
    }),
  );
  expect(audiencesFromParam(["REFERENTS", "SAI_PEC", "REFERENTS", "sai_pec"])).toEqual(["SAI_PEC", "REFERENTS"]);
  expect(audiencesFromParam("CONSENTED,ALL_PEC")).toEqual(["ALL_PEC", "CONSENTED"]);
});

test("the confirmation's hidden field reads back as the audiences it was written from", () => {
  fc.assert(
    fc.property(fc.subarray([...AUDIENCES], { minLength: 1 }), fc.nat({ max: 5000 }), (audiences, expected) => {
      expect(sendConvocationSchema.parse({ audiences: audiencesField(audiences), expected: String(expected) })).toEqual({ audiences, expected });
    }),
  );
});
