// The words of a convocation's dispatch: its audiences, the state of each
// recipient, and the refusals of "Invia convocazione".
import type { DispatchAudience } from "@/lib/generated/prisma/enums";
import { MEETING_NOT_FOUND } from "@/lib/meetings/labels";

export const AUDIENCE_LABELS: Record<DispatchAudience, string> = {
  SAI_PEC: "Comuni aderenti al SAI, via PEC",
  ALL_PEC: "Tutti i Comuni, via PEC",
  REFERENTS: "Referenti attivi dei Comuni, via email",
  CONSENTED: "Chi ha acconsentito alle comunicazioni del Coordinamento, via email",
};

/** Where one recipient stands, as the report says it. */
export type RecipientOutcome = "REACHED" | "NOT_REACHED" | "SENT" | "WAITING";

export const OUTCOME_LABELS: Record<RecipientOutcome, string> = {
  REACHED: "Raggiunto",
  NOT_REACHED: "Non raggiunto",
  /** Accepted by the provider or the PEC server, no delivery reported yet. */
  SENT: "Inviata, consegna non ancora confermata",
  WAITING: "In attesa di invio",
};

export const DISPATCH_REFUSALS = {
  MEETING_NOT_FOUND,
  NOT_PUBLISHED: "La convocazione non è pubblicata: pubblicala prima di inviarla.",
  MEETING_OVER: "L'incontro si è già concluso: la convocazione non può più essere inviata.",
  NO_AUDIENCE: "Scegli almeno un gruppo di destinatari.",
  COUNT_CHANGED: "I destinatari sono cambiati dall'anteprima: controlla il nuovo elenco e conferma di nuovo.",
} as const;

export type DispatchRefusal = keyof typeof DISPATCH_REFUSALS;
