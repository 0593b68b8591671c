// What the dashboard says after an operation on registrations: how many
// changed, how many were left as they were and why. Italian, no personal data.
import type { FieldErrors } from "@/lib/platform/forms/action-state";
import type { RegisterFailure } from "../mutations";
import type { BulkFailure, SkipReason, Skipped } from "./mutations";
import type { BulkIntent } from "./schema";
import { plural, pluralForm } from "@/lib/platform/format/plural";

const SKIP_REASONS: Record<SkipReason, [string, string]> = {
  NOT_FOUND: ["# non appartiene a questa convocazione", "# non appartengono a questa convocazione"],
  ALREADY_CANCELLED: ["# era già annullata", "# erano già annullate"],
  NOT_WAITLISTED: ["# non era in lista d'attesa", "# non erano in lista d'attesa"],
  CANCELLED: ["# è annullata", "# sono annullate"],
  UNCHANGED: ["# aveva già questa presenza", "# avevano già questa presenza"],
};

export function skippedSentence(skipped: readonly Skipped[]): string {
  if (skipped.length === 0) return "";
  const counts = new Map<SkipReason, number>();
  for (const { reason } of skipped) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const parts = [...counts].map(([reason, count]) => plural(count, ...SKIP_REASONS[reason]));
  return ` Non modificate: ${parts.join(", ")}.`;
}

export function bulkSuccessMessage(intent: BulkIntent, changed: number, skipped: readonly Skipped[], promoted = 0): string {
  const rows = plural(changed, "iscrizione", "iscrizioni");
  let text: string;
  if (changed === 0) text = "Nessuna iscrizione modificata.";
  else if (intent === "confirm") text = `${pluralForm(changed, { one: "Confermata", other: "Confermate" })} ${rows} dalla lista d'attesa: ${pluralForm(changed, { one: "la persona è stata avvisata", other: "le persone sono state avvisate" })} per email.`;
  else if (intent === "cancel") text = `${pluralForm(changed, { one: "Annullata", other: "Annullate" })} ${rows}: ${pluralForm(changed, { one: "la persona è stata avvisata", other: "le persone sono state avvisate" })} per email.`;
  else if (intent === "resend") text = `Nuovo link personale inviato per ${rows}: i link precedenti non funzionano più.`;
  else if (intent === "check-in") text = `Check-in registrato per ${rows}.`;
  else if (intent === "present") text = `Presenza registrata per ${rows}.`;
  else text = `Assenza registrata per ${rows}.`;
  if (promoted > 0) {
    text += ` ${plural(promoted, "persona in lista d'attesa è stata confermata al posto liberato e avvisata", "persone in lista d'attesa sono state confermate ai posti liberati e avvisate")} per email.`;
  }
  return text + skippedSentence(skipped);
}

export const BULK_FAILURES: Record<BulkFailure, string> = {
  MEETING_NOT_FOUND: "Questa convocazione non esiste più.",
  NOTHING_SELECTED: "Seleziona almeno un'iscrizione.",
  MEETING_OVER: "L'incontro si è già svolto: le iscrizioni non si possono più confermare né annullare. Puoi ancora registrare le presenze.",
  MEETING_CANCELLED: "La convocazione è annullata e gli iscritti sono già stati avvisati: non si possono confermare, annullare iscrizioni né reinviare link. Puoi ancora registrare le presenze.",
};

export function fullMessage(freeSeats: number, requested: number): string {
  const seats = freeSeats === 0 ? "Non ci sono posti liberi" : plural(freeSeats, "C'è # posto libero", "Ci sono # posti liberi");
  return `${seats} e hai selezionato ${plural(requested, "iscrizione", "iscrizioni")} in lista d'attesa: nessuna è stata confermata. Per confermarle comunque, spunta «Conferma anche oltre la capienza» e ripeti.`;
}

export const ALREADY_REGISTERED_BY_COORDINATOR =
  "Questa persona risulta già iscritta a questo incontro. Se non trova il link personale, usa «Reinvia link» nell'elenco delle iscrizioni.";

const ON_BEHALF_FAILURES: Partial<Record<RegisterFailure, string>> = {
  MEETING_NOT_FOUND: "La convocazione non è pubblicata: si possono aggiungere iscrizioni solo a una convocazione pubblicata.",
  MEETING_CANCELLED: "La convocazione è annullata: non si possono aggiungere iscrizioni.",
  REGISTRATION_CLOSED: "L'incontro si è già svolto o non è pubblicato: non si possono aggiungere iscrizioni.",
  REGISTRATION_NOT_OPEN: "Le iscrizioni non sono ancora aperte.",
};

export function onBehalfFailure(reason: RegisterFailure): { fieldErrors: FieldErrors; formError?: string } {
  if (reason === "ALREADY_REGISTERED") return { fieldErrors: { email: ALREADY_REGISTERED_BY_COORDINATOR } };
  if (reason === "UNKNOWN_MUNICIPALITY") return { fieldErrors: { municipalityId: "Seleziona il Comune dall'elenco" } };
  return { fieldErrors: {}, formError: ON_BEHALF_FAILURES[reason] ?? "Non è stato possibile registrare l'iscrizione." };
}
