// What the scheda's forms (public and review) say when a service refuses.
import { plural } from "@/lib/platform/format/plural";
export const SHEET_HONEYPOT_MESSAGE = "Non è stato possibile inviare la scheda. Ricarica la pagina e riprova.";

export const UNKNOWN_MUNICIPALITY_MESSAGE = "Seleziona il Comune dall'elenco";

export const REVIEW_MESSAGES = {
  NOT_FOUND: "Questa scheda non esiste più. Torna all'elenco dei referenti.",
  ALREADY_REVIEWED: "Questa scheda è già stata esaminata da un altro coordinatore: ricarica la pagina per vederne l'esito.",
  CHANGED: "Il Comune ha inviato di nuovo la scheda mentre la stavi esaminando: ricarica la pagina e ricontrollala prima di decidere.",
  REASON_REQUIRED: "Indica il motivo (almeno 5 caratteri): sarà inviato a chi ha compilato la scheda",
} as const;

export function approvedMessage(activated: number, revoked: number): string {
  const active = plural(activated, "referente è ora attivo", "referenti sono ora attivi");
  const gone = revoked === 0 ? "" : `; ${plural(revoked, "referente non più indicato è stato revocato", "referenti non più indicati sono stati revocati")}`;
  return `Scheda approvata: ${active}${gone}. Ciascun referente riceve un'email.`;
}
