// Which registration each participant of a report is: by email first (any
// capitalisation), then by name — accents, capitals, punctuation and the
// order "Cognome Nome" / "Nome Cognome" do not count. A name that fits
// several registrations is ambiguous: the coordinator chooses.
import type { Participant } from "./sessions";
import { nameKey, normaliseEmail } from "./text";

export type Registrant = { id: string; firstName: string; lastName: string; email: string };

export type RowMatch =
  | { kind: "email"; registrationId: string }
  | { kind: "name"; registrationId: string }
  | { kind: "ambiguous"; candidates: string[] }
  | { kind: "unmatched" };

type Matchable = Pick<Participant, "name" | "altName" | "email">;

export function matchParticipants(participants: readonly Matchable[], registrants: readonly Registrant[]): RowMatch[] {
  const byEmail = new Map<string, string>();
  const byName = new Map<string, string[]>();
  for (const registrant of registrants) {
    const email = normaliseEmail(registrant.email);
    if (email) byEmail.set(email, registrant.id);
    const key = nameKey(`${registrant.firstName} ${registrant.lastName}`);
    if (!key) continue;
    const ids = byName.get(key);
    if (ids) ids.push(registrant.id);
    else byName.set(key, [registrant.id]);
  }
  return participants.map((participant): RowMatch => {
    const email = normaliseEmail(participant.email);
    const byMail = email ? byEmail.get(email) : undefined;
    if (byMail) return { kind: "email", registrationId: byMail };
    const candidates = [participant.name, participant.altName]
      .filter((name): name is string => Boolean(name))
      .flatMap((name) => byName.get(nameKey(name)) ?? []);
    const unique = [...new Set(candidates)];
    if (unique.length === 1) return { kind: "name", registrationId: unique[0] };
    if (unique.length > 1) return { kind: "ambiguous", candidates: unique };
    return { kind: "unmatched" };
  });
}
