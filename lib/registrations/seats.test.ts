import { describe, expect, it } from "vitest";
import { seatsLeftOf, seatsText, waitlistPositionText } from "./seats";

describe("seats as the public reads them", () => {
  it("says how many seats are left, agreeing with the number, and that a full meeting takes the waiting list", () => {
    expect(seatsText(seatsLeftOf(40, 28))).toBe("Posti disponibili: 12");
    expect(seatsText(seatsLeftOf(40, 39))).toBe("Posto disponibile: 1");
    expect(seatsText(seatsLeftOf(40, 40))).toBe("Posti esauriti: puoi iscriverti alla lista d'attesa");
    // More confirmed than seats (a coordinator lowered the capacity): still full, never negative.
    expect(seatsText(seatsLeftOf(10, 12))).toBe("Posti esauriti: puoi iscriverti alla lista d'attesa");
    expect(seatsText(seatsLeftOf(null, 500))).toBeNull();
  });

  it("gives the place in the waiting list", () => {
    expect(waitlistPositionText(3)).toBe("Posizione in lista d'attesa: 3");
  });
});
