// How retention reads in Italian: each kind of record, what the run does to
// it, and for how long it is kept, written from the settings, so the privacy
// notice and the dashboard say what the run does.
import { formatIsoCalendarDate } from "@/lib/platform/format/dates";
import { plural } from "@/lib/platform/format/plural";
import type { RetentionSettings } from "./settings";

/** The kinds, in the order a run treats them (what retains a person goes before the people). */
export const RETENTION_KINDS = [
  "revokedReferents",
  "sheets",
  "invitations",
  "registrations",
  "attendanceImports",
  "people",
  "emails",
  "dispatchEmails",
  "auditEntries",
  "rateLimits",
  "sessions",
] as const;

export type RetentionKind = (typeof RETENTION_KINDS)[number];

export type RetentionOutcome = "anonymised" | "deleted";

type KindText = { label: string; outcome: RetentionOutcome; what: string; period: (s: RetentionSettings) => string };

const months = (n: number) => plural(n, "mese", "mesi");
const days = (n: number) => plural(n, "giorno", "giorni");

export function reportingPeriod(settings: RetentionSettings): string {
  const years = plural(settings.reportingYears, "anno", "anni");
  const base = `${years} dal 31 dicembre dell'anno dell'incontro`;
  return settings.reportingClosedOn
    ? `${base} e comunque ${years} dal 31 dicembre dell'anno di chiusura del progetto (${formatIsoCalendarDate(settings.reportingClosedOn)})`
    : base;
}

export const RETENTION_KIND_TEXT: Record<RetentionKind, KindText> = {
  revokedReferents: {
    label: "Referenti revocati",
    outcome: "deleted",
    what: "la designazione revocata è cancellata",
    period: (s) => `${months(s.revokedReferentMonths)} dalla revoca`,
  },
  sheets: {
    label: "Schede referenti respinte o sostituite",
    outcome: "deleted",
    what: "la scheda e i referenti che indicava sono cancellati",
    period: (s) => `${months(s.sheetMonths)} dall'esame (per una scheda approvata, dall'approvazione della scheda che l'ha sostituita)`,
  },
  invitations: {
    label: "Inviti senza risposta e inviti degli incontri rendicontati",
    outcome: "anonymised",
    what: "nome e indirizzo della persona invitata sono tolti; restano l'ente gestore e l'esito",
    period: (s) => `${days(s.expiredInvitationDays)} dalla scadenza del link, se nessuno ha risposto; altrimenti ${reportingPeriod(s)}`,
  },
  registrations: {
    label: "Iscrizioni e presenze",
    outcome: "anonymised",
    what: "sono tolti il ruolo, l'ente indicato a mano e il link personale; restano stato, presenza e minuti, quindi i totali del registro",
    period: reportingPeriod,
  },
  attendanceImports: {
    label: "Report di presenze importati",
    outcome: "anonymised",
    what: "l'elenco dei partecipanti letto dal report è tolto; restano i conteggi",
    period: reportingPeriod,
  },
  people: {
    label: "Persone",
    outcome: "anonymised",
    what: "come con «Persone → Cancella i dati»: nome, contatti e testi che le nominano diventano «Dato cancellato», i conteggi restano",
    period: () =>
      "quando di loro non resta da conservare alcuna iscrizione, invito, designazione o scheda e non hanno un consenso attivo alle comunicazioni",
  },
  emails: {
    label: "Registro email",
    outcome: "deleted",
    what: "il messaggio e i suoi esiti di consegna sono cancellati",
    period: (s) => `${months(s.emailLogMonths)} dall'invio`,
  },
  dispatchEmails: {
    label: "Email delle convocazioni",
    outcome: "anonymised",
    what: "il contenuto è tolto; restano destinatario, esito e ricevute, a prova della convocazione",
    period: (s) => `${months(s.emailLogMonths)} dall'invio`,
  },
  auditEntries: {
    label: "Registro attività",
    outcome: "deleted",
    what: "la voce è cancellata",
    period: (s) => months(s.auditLogMonths),
  },
  rateLimits: {
    label: "Contatori dei limiti di frequenza",
    outcome: "deleted",
    what: "il contatore (che contiene l'indirizzo IP) è cancellato",
    period: (s) => `${plural(s.rateLimitHours, "ora", "ore")} dalla scadenza`,
  },
  sessions: {
    label: "Sessioni e codici di accesso dell'area riservata",
    outcome: "deleted",
    what: "la sessione o il codice scaduto è cancellato",
    period: (s) => (s.sessionDays === 0 ? "fino alla scadenza" : `${days(s.sessionDays)} dalla scadenza`),
  },
};

export const OUTCOME_LABEL: Record<RetentionOutcome, string> = { anonymised: "Anonimizzazione", deleted: "Cancellazione" };
