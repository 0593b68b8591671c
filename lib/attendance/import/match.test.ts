import { describe, expect, it } from "vitest";
import { matchParticipants, type Registrant } from "./match";

const registrants: Registrant[] = [
  { id: "verdi", firstName: "Giuseppe", lastName: "Verdi", email: "g.verdi@comune.example.it" },
  { id: "rossi", firstName: "Maria", lastName: "Rossi", email: "maria.rossi@comune.example.it" },
  { id: "lopresti", firstName: "Rosalia", lastName: "Lo Presti", email: "r.lopresti@comune.example.it" },
  { id: "niccolo", firstName: "Niccolò", lastName: "D'Amico", email: "n.damico@comune.example.it" },
  { id: "russo-1", firstName: "Salvatore", lastName: "Russo", email: "s.russo@comune-a.example.it" },
  { id: "russo-2", firstName: "Salvatore", lastName: "Russo", email: "s.russo@comune-b.example.it" },
];

const row = (name: string, email: string | null = null, altName: string | null = null) => ({ name, email, altName });

describe("matchParticipants", () => {
  it("matches by email first, in any capitalisation, whatever the name says", () => {
    expect(matchParticipants([row("Peppe dal telefono", "G.Verdi@Comune.Example.IT")], registrants)).toEqual([{ kind: "email", registrationId: "verdi" }]);
  });

  it("then by name, in either order, without accents, capitals or punctuation", () => {
    const matches = matchParticipants(
      [row("Maria Rossi"), row("ROSSI MARIA"), row("Lo Presti, Rosalia"), row("Damico Niccolo"), row("niccolò d'amico", "other@example.it")],
      registrants,
    );
    expect(matches).toEqual([
      { kind: "name", registrationId: "rossi" },
      { kind: "name", registrationId: "rossi" },
      { kind: "name", registrationId: "lopresti" },
      // "Damico" written as one word, "D'Amico" in the registration.
      { kind: "name", registrationId: "niccolo" },
      { kind: "name", registrationId: "niccolo" },
    ]);
  });

  it("tries Zoom's original name when the display name was changed", () => {
    expect(matchParticipants([row("Mary", null, "Maria Rossi")], registrants)).toEqual([{ kind: "name", registrationId: "rossi" }]);
  });

  it("offers every registration of the same name as ambiguous", () => {
    expect(matchParticipants([row("Russo Salvatore")], registrants)).toEqual([{ kind: "ambiguous", candidates: ["russo-1", "russo-2"] }]);
    // An email settles it.
    expect(matchParticipants([row("Salvatore Russo", "s.russo@comune-b.example.it")], registrants)).toEqual([{ kind: "email", registrationId: "russo-2" }]);
  });

  it("leaves a row that fits nobody unmatched", () => {
    expect(matchParticipants([row("Ospite"), row(""), row("Mario Rossi", "mario@example.it"), row("Maria")], registrants)).toEqual([
      { kind: "unmatched" },
      { kind: "unmatched" },
      { kind: "unmatched" },
      { kind: "unmatched" },
    ]);
  });
});
