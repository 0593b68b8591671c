// What the registration journey's forms say when a service refuses. Where a
// reason concerns one field, the message goes next to it; otherwise at the
// top of the form. None shows personal data.
import type { FieldErrors } from "@/lib/platform/forms/action-state";

export const ALREADY_REGISTERED_MESSAGE =
  "Risulti già tra gli iscritti: ti abbiamo inviato di nuovo il link personale per gestire l'iscrizione.";

export const HONEYPOT_MESSAGE = "Non è stato possibile inviare il modulo. Ricarica la pagina e riprova.";

export const LINK_MESSAGES = {
  LINK_INVALID: "Questo link non è valido: usa il link più recente che hai ricevuto per email.",
  LINK_EXPIRED: "Questo link è scaduto.",
} as const;

const FORM_MESSAGES: Record<string, string> = {
  ...LINK_MESSAGES,
  MEETING_NOT_FOUND: "Questa convocazione non è disponibile.",
  REGISTRATION_NOT_OPEN: "Le iscrizioni a questo incontro non sono ancora aperte.",
  REGISTRATION_CLOSED: "Le iscrizioni a questo incontro sono chiuse.",
  MEETING_CANCELLED: "La convocazione è stata annullata: non è più possibile iscriversi.",
  MEETING_OVER: "L'incontro si è già svolto: l'iscrizione non può più essere annullata.",
  ALREADY_ANSWERED: "Hai già risposto a questo invito.",
  ALREADY_CANCELLED: "L'iscrizione risulta già annullata.",
  CANCELLED: "L'iscrizione è stata annullata: non può più essere modificata.",
};

const FIELD_MESSAGES: Record<string, { field: string; message: string }> = {
  ALREADY_REGISTERED: { field: "email", message: ALREADY_REGISTERED_MESSAGE },
  UNKNOWN_MUNICIPALITY: { field: "municipalityId", message: "Seleziona il Comune dall'elenco" },
};

/** A service's refusal as form errors: next to its field when it has one. */
export function failureErrors(reason: string): { fieldErrors: FieldErrors; formError?: string } {
  const field = FIELD_MESSAGES[reason];
  if (field) return { fieldErrors: { [field.field]: field.message } };
  return { fieldErrors: {}, formError: FORM_MESSAGES[reason] ?? "Non è stato possibile completare l'operazione." };
}
