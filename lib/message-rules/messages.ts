// What the page says after each write (by the ?esito= code the actions
// redirect with) and why a write was refused.
import { routes } from "@/lib/routes";
import { MEETING_NOT_FOUND } from "@/lib/meetings/labels";

export const RULE_REFUSALS = {
  MEETING_NOT_FOUND,
  MEETING_CANCELLED: "La convocazione è annullata: i suoi messaggi non vengono inviati.",
  MEETING_DRAFT: "La convocazione è ancora in bozza: pubblicala prima di inviare messaggi.",
  RULE_NOT_FOUND: "Messaggio non trovato: forse è stato eliminato.",
  ALREADY_SENT: "Questo messaggio è già stato inviato: non si può più modificare né inviare di nuovo.",
  NO_ATTENDANCE:
    "Per questo incontro non è registrata nessuna presenza: registra le presenze prima di scrivere ai presenti o agli assenti.",
  NO_RECIPIENTS: "Nessuno rientra tra i destinatari scelti: il messaggio non è stato inviato.",
} as const;

export const RULE_OUTCOMES = {
  aggiunto: "Messaggio aggiunto.",
  modificato: "Modifiche salvate.",
  eliminato: "Messaggio eliminato.",
  disattivato: "Messaggio disattivato: non sarà inviato finché non lo riattivi.",
  riattivato: "Messaggio riattivato: sarà inviato al momento previsto.",
  inviato: "Messaggio in invio: i destinatari sono indicati nella tabella.",
} as const;

export type RuleOutcome = keyof typeof RULE_OUTCOMES;

export function ruleOutcomeMessage(code: string | string[] | undefined): string | null {
  return typeof code === "string" && Object.hasOwn(RULE_OUTCOMES, code) ? RULE_OUTCOMES[code as RuleOutcome] : null;
}

export function rulesPath(meetingId: string): string {
  return routes.dashboard.meeting(meetingId).messages();
}
