import type { DeliveryState, EmailStatus, EmailSuppressionReason } from "@/lib/generated/prisma/enums";
import type { EmailTemplateName } from "./schema";

export const EMAIL_STATUS_LABELS: Record<EmailStatus, string> = {
  PENDING: "In attesa di invio",
  SENDING: "In invio",
  SENT: "Inviato",
  FAILED: "Non inviato",
  CANCELLED: "Annullato",
};

/** Bootstrap Italia badge colour for each status. */
export const EMAIL_STATUS_BADGES: Record<EmailStatus, string> = {
  PENDING: "bg-secondary",
  SENDING: "bg-primary",
  SENT: "bg-success",
  FAILED: "bg-danger",
  CANCELLED: "bg-dark",
};

/** What the recipient's side reported (a Resend webhook, a PEC receipt). */
export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
  ACCEPTED: "accettata",
  DELAYED: "consegna ritardata",
  DELIVERED: "consegnata",
  BOUNCED: "rimbalzata",
  COMPLAINED: "segnalata come spam",
  FAILED: "non consegnata",
};

export const DELIVERY_STATE_BADGES: Record<DeliveryState, string> = {
  ACCEPTED: "bg-secondary",
  DELAYED: "bg-warning text-dark",
  DELIVERED: "bg-success",
  BOUNCED: "bg-danger",
  COMPLAINED: "bg-danger",
  FAILED: "bg-danger",
};

/** An address on the suppression list (lib/email/suppression). */
export const UNDELIVERABLE_LABEL = "email non recapitabile";

/** Why an address is on the suppression list: also the lastError of a message it stopped. */
export const SUPPRESSION_REASON_LABELS: Record<EmailSuppressionReason, string> = {
  BOUNCED: "indirizzo non raggiungibile",
  COMPLAINED: "segnalato come spam",
};

export const EMAIL_TEMPLATE_LABELS: Record<EmailTemplateName, string> = {
  "registration-confirmed": "Iscrizione confermata",
  "registration-waitlisted": "Iscrizione in lista d'attesa",
  "registration-promoted": "Iscrizione confermata dalla lista d'attesa",
  "personal-link": "Link personale (già iscritto/a)",
  "registration-cancelled": "Iscrizione annullata",
  invitation: "Invito a ente gestore",
  "invitation-answered": "Risposta all'invito di un ente gestore",
  "sign-in-link": "Link di accesso all'area riservata",
  "user-invitation": "Invito all'area riservata",
  "coverage-reminder": "Promemoria ai referenti dei Comuni non iscritti",
  convocation: "Convocazione (lettera e scheda referenti in allegato)",
  "meeting-cancelled": "Incontro annullato",
  "referent-sheet-received": "Scheda referenti ricevuta",
  "referent-sheet-approved": "Scheda referenti approvata",
  "referent-sheet-rejected": "Scheda referenti respinta",
  "referent-sheet-replaced": "Scheda referenti sostituita",
  "referent-designated": "Designazione a referente del Comune",
  "meeting-message": "Promemoria o messaggio sull'incontro",
  certificate: "Attestato di partecipazione",
  "join-link": "Link di collegamento all'incontro",
};

export function emailTemplateLabel(template: string): string {
  return (EMAIL_TEMPLATE_LABELS as Record<string, string>)[template] ?? template;
}

/** The development outbox pages exist outside production only. */
export function devOutboxEnabled(): boolean {
  return process.env.NODE_ENV !== "production";
}
