// How the audit log names actions, records and fields in Italian. An action
// or field nobody has labelled yet is shown by its code, never hidden.
import { ROLE_LABELS } from "@/lib/auth/roles";
import { AUDIENCE_LABELS } from "@/lib/dispatch/labels";
import { EMAIL_STATUS_LABELS } from "@/lib/email/labels";
import { formatDateTime } from "@/lib/platform/format/dates";
import { JOIN_LINK_KIND_LABELS } from "@/lib/join-link/schema";
import { KIND_LABELS, MODE_LABELS, STATUS_LABELS } from "@/lib/meetings/labels";
import { REFERENT_SOURCE_LABELS, REFERENT_STATUS_LABELS, SHEET_STATUS_LABELS } from "@/lib/referents/labels";
import { ATTENDANCE_LABELS, ATTENDANCE_METHOD_LABELS, SOURCE_LABELS } from "@/lib/registrations/dashboard/labels";
import { INVITATION_STATUS_LABELS, ORGANISATION_TYPE_LABELS, REGISTRATION_STATUS_LABELS } from "@/lib/registrations/labels";
import { SAI_CATEGORY_LABELS } from "@/lib/sai-projects/labels";
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
  RetentionRun: "Conservazione dei dati",
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
  "meeting.unpublish": "Convocazione riportata in bozza",
  "meeting.coverage-reminders": "Promemoria inviati ai Comuni SAI che non hanno risposto",
  "meeting.convocation-dispatch": "Convocazione inviata (PEC ai Comuni, email ai referenti)",
  "registration.check-in": "Presenza registrata all'ingresso",
  "registration.confirm": "Iscrizioni confermate dal coordinamento",
  "registration.cancel": "Iscrizioni annullate dal coordinamento",
  "registration.promote": "Iscrizione confermata dalla lista d'attesa",
  "registration.create-on-behalf": "Iscrizione inserita dal coordinamento",
  "registration.resend-link": "Link personale inviato di nuovo",
  "registration.export": "Iscrizioni esportate",
  "invitation.create-on-behalf": "Ente gestore invitato per conto di un iscritto",
  "invitation.create-direct": "Ente gestore invitato dal coordinamento",
  "invitation.resend": "Invito inviato di nuovo",
  "invitation.revoke": "Invito revocato",
  "municipality.sai-flag": "Adesione al SAI di un Comune cambiata",
  "municipality.pec": "PEC di un Comune cambiata",
  "pec-import.upload": "Elenco IndicePA caricato per le PEC dei Comuni",
  "pec-import.apply": "PEC dei Comuni importate da IndicePA",
  "person.export": "Dati di una persona esportati",
  "person.erase": "Dati di una persona cancellati",
  "retention.run": "Conservazione dei dati: dati scaduti resi anonimi o cancellati",
  "person.communications-withdraw": "Consenso alle comunicazioni ritirato dal link dell'email",
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
  { value: "pec-import.", label: "Importazioni delle PEC da IndicePA" },
  { value: "person.", label: "Persone" },
  { value: "message-rule.", label: "Promemoria e messaggi" },
  { value: "attendance", label: "Presenze, report delle piattaforme e registro" },
  { value: "certificate.", label: "Attestati" },
  { value: "join-link.", label: "Link di collegamento" },
];

const FIELD_LABELS: Record<string, string> = {
  // People, users, referents
  role: "Profilo",
  active: "Attivo",
  name: "Nome",
  email: "Email",
  firstName: "Nome",
  lastName: "Cognome",
  phone: "Telefono",
  phoneChanged: "Telefono cambiato",
  office: "Ufficio o incarico",
  referentRole: "Ruolo del referente",
  revokedReason: "Motivo della revoca",
  sessionsEnded: "Sessioni chiuse",
  // Status and dates
  status: "Stato",
  createdAt: "Creato il",
  publishedAt: "Pubblicata il",
  cancelledAt: "Annullata il",
  cancellationReason: "Motivo dell'annullamento",
  issuedAt: "Rilasciato il",
  revokedAt: "Revocato il",
  checkedInAt: "Check-in alle",
  // Meetings
  slug: "Indirizzo della pagina",
  kind: "Tipo",
  title: "Titolo",
  subject: "Oggetto",
  protocolNumber: "Numero di protocollo",
  startsAt: "Inizio",
  endsAt: "Fine",
  mode: "Modalità",
  platform: "Piattaforma",
  venueName: "Luogo",
  venueAddress: "Indirizzo del luogo",
  capacity: "Posti",
  registrationOpensAt: "Apertura delle iscrizioni",
  registrationClosesAt: "Chiusura delle iscrizioni",
  invitesManagingBodies: "Invito agli enti gestori",
  salutation: "Formula di apertura",
  body: "Testo della lettera",
  closing: "Formula di chiusura",
  signatoryName: "Firmatario",
  signatoryTitle: "Qualifica del firmatario",
  fundingFund: "Fondo di finanziamento",
  fundingLine: "Linea di finanziamento",
  projectName: "Nome del progetto",
  projectWebsite: "Sito del progetto",
  placeAndDate: "Luogo e data della lettera",
  speakers: "Relatori",
  honorific: "Titolo di cortesia",
  talkTitle: "Titolo dell'intervento",
  affiliation: "Ente di appartenenza",
  agendaItems: "Ordine del giorno",
  description: "Descrizione",
  joinUrlChanged: "Link di collegamento cambiato",
  joinUrlVersion: "Versione del link di collegamento",
  joinLinkOffsetsMinutes: "Invii del link (minuti prima dell'inizio)",
  certificateMinMinutes: "Minuti minimi per l'attestato",
  promotedFromWaitingList: "Confermati dalla lista d'attesa",
  sourceMeetingId: "Convocazione di origine",
  sourceSlug: "Indirizzo della convocazione di origine",
  notified: "Iscritti avvisati",
  emailsWithdrawn: "Email ritirate",
  communicationsConsent: "Consenso alle comunicazioni",
  oneClick: "Dal pulsante del programma di posta (un clic)",
  // Registrations, invitations, attendance
  meetingId: "Convocazione",
  organisationType: "Tipo di ente",
  managingBodyName: "Ente gestore",
  invitedByRegistrationId: "Invitato da (iscrizione)",
  invitedByUserId: "Invitato da (utente)",
  municipalityId: "Comune",
  overCapacity: "Oltre i posti disponibili",
  selected: "Iscrizioni selezionate",
  cause: "Motivo",
  minutes: "Minuti",
  method: "Modo di registrazione",
  source: "Provenienza",
  format: "Formato",
  rows: "Righe",
  filters: "Filtri",
  participants: "Partecipanti",
  absent: "Assenti",
  present: "Presenti",
  keptManual: "Registrazioni a mano mantenute",
  overwritten: "Registrazioni a mano sostituite",
  unmatched: "Righe senza iscrizione corrispondente",
  unresolved: "Righe ambigue non risolte",
  importId: "Importazione",
  fileName: "Nome del file",
  fileHash: "Impronta del file",
  // Certificates
  certificateId: "Attestato",
  threshold: "Minuti minimi",
  wholeMeeting: "Presente per tutta la convocazione",
  previousCodeRevoked: "Codice precedente revocato",
  // Emails, messages, the join link
  attempts: "Tentativi",
  lastError: "Ultimo errore",
  when: "Quando",
  audience: "Destinatari",
  recipients: "Destinatari",
  manual: "Inviato a mano",
  ruleId: "Promemoria o messaggio",
  textChanged: "Testo cambiato",
  sendId: "Invio",
  slot: "Turno di invio",
  sent: "Inviati",
  skipped: "Saltati",
  invitationEmailId: "Email di invito",
  acknowledgementEmailId: "Email di conferma di ricezione",
  designationEmailId: "Email di designazione",
  rejectionEmailId: "Email di rifiuto",
  approvalEmailId: "Email di approvazione",
  // The convocation's dispatch
  dispatchId: "Invio della convocazione",
  audiences: "Gruppi di destinatari",
  byPec: "Inviate via PEC",
  byEmail: "Inviate via email",
  alreadyReached: "Già raggiunti da un invio precedente",
  // Municipalities, schede, managing bodies, SAI projects
  saiMember: "Aderente al SAI",
  municipality: "Comune",
  municipalities: "Comuni",
  municipalitiesMarked: "Comuni segnati come aderenti al SAI",
  pec: "PEC",
  referents: "Referenti",
  submissions: "Invii della scheda",
  sheetId: "Scheda referenti",
  replacedAnotherOfficer: "Inviata da un altro funzionario",
  activated: "Referenti attivati",
  revoked: "Referenti revocati",
  reason: "Motivo",
  taxCode: "Codice fiscale",
  projectCode: "Codice progetto",
  projectId: "Progetto SAI",
  managingBodyId: "Ente gestore del progetto",
  places: "Posti del progetto",
  category: "Categoria",
  saiProjects: "Progetti SAI",
  target: "Ente che resta",
  sourceId: "Ente unito (eliminato)",
  discardedCodes: "Codici progetto scartati",
  id: "Identificativo",
  created: "Creati",
  updated: "Aggiornati",
  unchanged: "Invariati",
  rejected: "Scartati",
  bodiesCreated: "Enti gestori creati",
  // A person's data
  counts: "Record per tipo",
  registrations: "Iscrizioni",
  attendances: "Presenze",
  nominations: "Enti gestori invitati",
  invitations: "Inviti",
  sheetsAsOfficer: "Schede inviate come funzionario",
  sheetEntries: "Righe di schede referenti",
  emails: "Email",
  auditEntries: "Voci del registro attività",
  // A retention run (the kinds of lib/retention/labels.ts not named above)
  day: "Giorno",
  revokedReferents: "Referenti revocati",
  sheets: "Schede referenti",
  attendanceImports: "Report di presenze importati",
  people: "Persone",
  dispatchEmails: "Email delle convocazioni",
  rateLimits: "Contatori dei limiti di frequenza",
  sessions: "Sessioni e codici di accesso",
};

export function hasAuditFieldLabel(field: string): boolean {
  return Object.hasOwn(FIELD_LABELS, field);
}

export function auditFieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

// Enum values by field; a status depends on the kind of record (CANCELLED is
// a meeting's "Annullata", PENDING a scheda's "Da verificare").
const VALUE_LABELS: Record<string, Record<string, string>> = {
  role: ROLE_LABELS,
  kind: { ...KIND_LABELS, ...JOIN_LINK_KIND_LABELS },
  mode: MODE_LABELS,
  method: ATTENDANCE_METHOD_LABELS,
  organisationType: ORGANISATION_TYPE_LABELS,
  category: SAI_CATEGORY_LABELS,
  source: { ...SOURCE_LABELS, ...REFERENT_SOURCE_LABELS },
  platform: { ZOOM: "Zoom", TEAMS: "Microsoft Teams", MEET: "Google Meet" },
  format: { csv: "CSV", xlsx: "Excel (XLSX)", pdf: "PDF" },
  audiences: AUDIENCE_LABELS,
  cause: { cancellation: "Un posto liberato da un annullamento", "capacity-increase": "Posti aumentati" },
};

const STATUS_BY_ENTITY: Record<string, Record<string, string>> = {
  Meeting: STATUS_LABELS,
  Registration: { ...ATTENDANCE_LABELS, ...REGISTRATION_STATUS_LABELS },
  Invitation: INVITATION_STATUS_LABELS,
  EmailMessage: EMAIL_STATUS_LABELS,
  Referent: REFERENT_STATUS_LABELS,
  ReferentSheet: SHEET_STATUS_LABELS,
};

const ALL_STATUSES: Record<string, string> = Object.assign({}, ...Object.values(STATUS_BY_ENTITY).reverse());

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** The Italian word for an enum value of this field, if it is one. */
export function auditValueLabel(field: string, value: string, entityType?: string): string | undefined {
  if (field === "status") return (entityType ? STATUS_BY_ENTITY[entityType]?.[value] : undefined) ?? ALL_STATUSES[value];
  const labels = VALUE_LABELS[field];
  return labels && Object.hasOwn(labels, value) ? labels[value] : undefined;
}

/**
 * A value as the log shows it: "sì"/"no", enum values and roles in Italian,
 * instants in Rome time ("giovedì 24 marzo 2022, ore 15:00"), lists and
 * objects with their fields labelled, "—" for nothing.
 */
export function formatAuditValue(field: string, value: unknown, entityType?: string): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "boolean") return value ? "sì" : "no";
  if (typeof value === "number") return value.toLocaleString("it-IT");
  if (typeof value === "string") {
    const label = auditValueLabel(field, value, entityType);
    if (label) return label;
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(new Date(value));
    return value;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? "nessuno" : value.map((item) => formatAuditValue(field, item, entityType)).join(" · ");
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return "—";
    return entries.map(([key, item]) => `${auditFieldLabel(key)}: ${formatAuditValue(key, item, entityType)}`).join("; ");
  }
  return String(value);
}

/** Who acted: the user's name and email, or the label of an actor that is not a user ("pubblico", the command line). */
export function auditActorName(entry: { actor: { email: string; name: string | null } | null; actorLabel: string | null }): string {
  if (entry.actor) return entry.actor.name ? `${entry.actor.name} (${entry.actor.email})` : entry.actor.email;
  return entry.actorLabel ?? "sistema";
}
