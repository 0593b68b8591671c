// Which registration each participant of a report is: by email first (any
// capitalisation), then by name — accents, capitals, punctuation and the
// order "Cognome Nome" / "Nome Cognome" do not count. A name that fits
// several registrations is ambiguous: the coordinator chooses.
import type { Participant } from "./sessions";
import { nameKey, nameWords, normaliseEmail } from "./text";

export type Registrant = { id: string; firstName: string; lastName: string; email: string };

export type RowMatch =
  | { kind: "email"; registrationId: string }
  | { kind: "name"; registrationId: string }
  | { kind: "ambiguous"; candidates: string[] }
  | { kind: "unmatched" };

type Matchable = Pick<Participant, "name" | "altName" | "email">;

/** Letters only, as written: "D'Amico Niccolò" → "damiconiccolo", so "Damico" and "Lo Presti"/"Lopresti" agree. */
const compact = (value: string) => nameWords(value).join("");

function registrantKeys(registrant: Registrant): string[] {
  const keys = [nameKey(`${registrant.firstName} ${registrant.lastName}`), compact(`${registrant.firstName} ${registrant.lastName}`), compact(`${registrant.lastName} ${registrant.firstName}`)];
  return [...new Set(keys.filter(Boolean))];
}

const participantKeys = (name: string) => [nameKey(name), compact(name)].filter(Boolean);

export function matchParticipants(participants: readonly Matchable[], registrants: readonly Registrant[]): RowMatch[] {
  const byEmail = new Map<string, string>();
  const byName = new Map<string, string[]>();
  for (const registrant of registrants) {
    const email = normaliseEmail(registrant.email);
    if (email) byEmail.set(email, registrant.id);
    for (const key of registrantKeys(registrant)) {
      const ids = byName.get(key);
      if (ids) ids.push(registrant.id);
      else byName.set(key, [registrant.id]);
    }
  }
  return participants.map((participant): RowMatch => {
    const email = normaliseEmail(participant.email);
    const byMail = email ? byEmail.get(email) : undefined;
    if (byMail) return { kind: "email", registrationId: byMail };
    const candidates = [participant.name, participant.altName]
      .filter((name): name is string => Boolean(name))
      .flatMap((name) => participantKeys(name).flatMap((key) => byName.get(key) ?? []));
    const unique = [...new Set(candidates)];
    if (unique.length === 1) return { kind: "name", registrationId: unique[0] };
    if (unique.length > 1) return { kind: "ambiguous", candidates: unique };
    return { kind: "unmatched" };
  });
}
