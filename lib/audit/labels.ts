// How the audit log names actions, records and fields in Italian. An action
// or field nobody has labelled yet is shown by its code, never hidden.
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { AuditInput } from "./mutations";

export type AuditEntityType = AuditInput["entityType"];

export const AUDIT_ENTITY_LABELS: Record<AuditEntityType, string> = {
  Meeting: "Convocazione",
  Registration: "Iscrizione",
  Invitation: "Invito",
  User: "Utente",
  EmailMessage: "Email",
  Municipality: "Comune",
  Referent: "Referente",
  ManagingBody: "Ente gestore",
  Person: "Persona",
  ReferentSheet: "Scheda referenti",
};

export const AUDIT_ENTITY_TYPES = Object.keys(AUDIT_ENTITY_LABELS) as AuditEntityType[];

export function isAuditEntityType(value: string): value is AuditEntityType {
  return Object.hasOwn(AUDIT_ENTITY_LABELS, value);
}

export function auditEntityLabel(entityType: string): string {
  return isAuditEntityType(entityType) ? AUDIT_ENTITY_LABELS[entityType] : entityType;
}

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "user.create": "Utente creato",
  "user.update": "Utente aggiornato",
  "user.invite": "Utente invitato",
  "user.role": "Profilo di un utente cambiato",
  "user.deactivate": "Utente disattivato",
  "user.reactivate": "Utente riattivato",
  "email.retry": "Nuovo tentativo di invio di un'email",
  "meeting.create": "Convocazione creata",
  "meeting.update": "Convocazione modificata",
  "meeting.publish": "Convocazione pubblicata",
  "meeting.duplicate": "Convocazione duplicata",
  "meeting.cancel": "Convocazione annullata",
  "meeting.archive": "Convocazione archiviata",
  "registration.check-in": "Presenza registrata all'ingresso",
  "municipality.sai-flag": "Adesione al SAI di un Comune cambiata",
  "person.export": "Dati di una persona esportati",
  "person.erase": "Dati di una persona cancellati",
  "referent-sheet.submit": "Scheda referenti inviata",
  "referent-sheet.resubmit": "Scheda referenti inviata di nuovo",
  "referent-sheet.approve": "Scheda referenti approvata",
  "referent-sheet.reject": "Scheda referenti respinta",
  "referent.designate": "Referente designato dalla scheda",
  "referent.create": "Referente aggiunto",
  "referent.reactivate": "Referente riattivato",
  "referent.update": "Referente modificato",
  "referent.revoke": "Referente revocato",
  "managing-body.create": "Ente gestore creato",
  "managing-body.update": "Ente gestore modificato",
  "managing-body.merge": "Enti gestori uniti",
  "sai-project.create": "Progetto SAI aggiunto",
  "sai-project.update": "Progetto SAI modificato",
  "sai-project.delete": "Progetto SAI eliminato",
  "municipality.sai-mark": "Comune segnato come aderente al SAI (per un suo progetto)",
  "sai-import.upload": "Elenco dei progetti SAI caricato",
  "sai-import.apply": "Importazione dei progetti SAI applicata",
  "message-rule.create": "Promemoria o messaggio programmato aggiunto",
  "message-rule.update": "Promemoria o messaggio programmato modificato",
  "message-rule.delete": "Promemoria o messaggio programmato eliminato",
  "message-rule.deactivate": "Promemoria o messaggio programmato disattivato",
  "message-rule.activate": "Promemoria o messaggio programmato riattivato",
  "message-rule.send": "Promemoria o messaggio inviato ai destinatari",
  "registration.attendance": "Presenza registrata a mano",
  "attendance.import": "Presenza registrata dal report della piattaforma",
  "attendance-import.upload": "Report delle presenze caricato",
  "attendance-import.apply": "Importazione delle presenze applicata",
  "attendance.register-export": "Registro delle presenze scaricato",
  "meeting.certificate-threshold": "Minuti minimi per l'attestato cambiati",
  "certificate.issue": "Attestato di partecipazione rilasciato",
  "certificate.reissue": "Attestato rilasciato di nuovo (nuovo codice, il precedente non vale più)",
  "certificate.revoke": "Attestato di partecipazione revocato",
  "certificate.copy": "Copia d'archivio di un attestato scaricata",
  "join-link.send": "Link di collegamento inviato agli iscritti confermati",
  "join-link.offsets": "Orari di invio del link di collegamento modificati",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** The families of actions offered as suggestions in the filter ("user." = every user change). */
export const AUDIT_ACTION_PREFIXES: { value: string; label: string }[] = [
  { value: "user.", label: "Utenti" },
  { value: "email.", label: "Email" },
  { value: "meeting.", label: "Convocazioni" },
  { value: "registration.", label: "Iscrizioni" },
  { value: "invitation.", label: "Inviti" },
  { value: "referent.", label: "Referenti" },
  { value: "referent-sheet.", label: "Schede referenti" },
  { value: "managing-body.", label: "Enti gestori" },
  { value: "sai-project.", label: "Progetti SAI" },
  { value: "sai-import.", label: "Importazioni dei progetti SAI" },
  { value: "municipality.", label: "Comuni" },
  { value: "person.", label: "Persone" },
  { value: "message-rule.", label: "Promemoria e messaggi" },
  { value: "attendance", label: "Presenze, report delle piattaforme e registro" },
  { value: "certificate.", label: "Attestati" },
  { value: "join-link.", label: "Link di collegamento" },
];

const FIELD_LABELS: Record<string, string> = {
  role: "Profilo",
  active: "Attivo",
  name: "Nome",
  email: "Email",
  status: "Stato",
  title: "Titolo",
  attempts: "Tentativi",
  lastError: "Ultimo errore",
  capacity: "Posti",
  startsAt: "Inizio",
  endsAt: "Fine",
  saiMember: "Aderente al SAI",
  office: "Ufficio o incarico",
  revokedReason: "Motivo della revoca",
  firstName: "Nome",
  lastName: "Cognome",
  referentRole: "Ruolo del referente",
  municipality: "Comune",
  taxCode: "Codice fiscale",
  projectCode: "Codice progetto",
  places: "Posti del progetto",
  category: "Categoria",
  when: "Quando",
  audience: "Destinatari",
  subject: "Oggetto",
  minutes: "Minuti",
  method: "Modo di registrazione",
  certificateMinMinutes: "Minuti minimi per l'attestato",
  revokedAt: "Revocato il",
  joinLinkOffsetsMinutes: "Invii del link (minuti prima dell'inizio)",
};

export function auditFieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** A value as the log shows it: "sì"/"no", role names in Italian, "—" for nothing. */
export function formatAuditValue(field: string, value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "boolean") return value ? "sì" : "no";
  if (field === "role" && typeof value === "string" && Object.hasOwn(ROLE_LABELS, value)) {
    return ROLE_LABELS[value as keyof typeof ROLE_LABELS];
  }
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/** Who acted: the user's name and email, or the label of an actor that is not a user ("pubblico", the command line). */
export function auditActorName(entry: { actor: { email: string; name: string | null } | null; actorLabel: string | null }): string {
  if (entry.actor) return entry.actor.name ? `${entry.actor.name} (${entry.actor.email})` : entry.actor.email;
  return entry.actorLabel ?? "sistema";
}
