// What a meeting's seats look like to the public, computed from its confirmed
// registrations against its capacity. Safe on the client: no query here.
import { plural } from "@/lib/platform/format/plural";

/** Seats still free: null when the meeting has no capacity (no limit), 0 when full. */
export type SeatsLeft = number | null;

export function seatsLeftOf(capacity: number | null, confirmed: number): SeatsLeft {
  return capacity === null ? null : Math.max(0, capacity - confirmed);
}

export const FULL_MESSAGE = "Posti esauriti: puoi iscriverti alla lista d'attesa";

/** "Posti disponibili: 12", "Posto disponibile: 1", "Posti esauriti: puoi iscriverti alla lista d'attesa"; nothing without a limit. */
export function seatsText(seats: SeatsLeft): string | null {
  if (seats === null) return null;
  if (seats === 0) return FULL_MESSAGE;
  return plural(seats, "Posto disponibile: #", "Posti disponibili: #");
}

/** "Posizione in lista d'attesa: 3" */
export function waitlistPositionText(position: number): string {
  return `Posizione in lista d'attesa: ${position.toLocaleString("it-IT")}`;
}
