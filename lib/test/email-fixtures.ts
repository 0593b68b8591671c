// Template data as lib/registrations would build it, for email tests.
import type { EmailTemplateData } from "@/lib/email/schema";

export const JOIN_URL = "https://zoom.us/j/81234567890?pwd=SegretoDelCoordinamento";

export const ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ANCI Sicilia//Convoca//IT\r\nEND:VCALENDAR\r\n";

const meeting = {
  recipientName: "Maria",
  meetingTitle: "Tavolo tecnico del Coordinamento dei Comuni SAI",
  when: "giovedì 24 marzo 2022, ore 15:00–17:00",
  where: "Videoconferenza (Zoom)",
  meetingUrl: "http://localhost:3000/convocazioni/tavolo-tecnico-2022-03-24",
};

const personalUrl = "http://localhost:3000/iscrizione/Tok3nPersonaleDiProva";

export const SAMPLE_DATA: { [Name in keyof EmailTemplateData]: EmailTemplateData[Name] } = {
  "registration-confirmed": { ...meeting, personalUrl, joinUrl: JOIN_URL, ics: ICS },
  "registration-waitlisted": { ...meeting, personalUrl, waitlistPosition: 3, ics: ICS },
  "registration-promoted": { ...meeting, personalUrl, ics: ICS },
  "personal-link": { ...meeting, personalUrl, status: "CONFIRMED" },
  "registration-cancelled": { ...meeting },
  invitation: {
    ...meeting,
    recipientName: "Giuseppe",
    inviterName: "Anna Bianchi",
    inviterOrganisation: "Comune di Palermo",
    managingBodyName: "Cooperativa Sociale Esempio",
    invitationUrl: "http://localhost:3000/invito/Tok3nInvitoDiProva",
    expiresOn: "23 marzo 2022",
  },
  "invitation-answered": {
    ...meeting,
    inviteeName: "Giuseppe Verdi",
    managingBodyName: "Cooperativa Sociale Esempio",
    accepted: true,
  },
  "sign-in-link": {
    signInUrl: "http://localhost:3000/api/auth/callback/email?token=Tok3nAccessoDiProva&email=a%40b.it",
    expiresAt: "giovedì 26 novembre 2026, ore 14:05",
  },
  "user-invitation": {
    recipientName: "Maria Rossi",
    roleLabel: "Coordinatore",
    inviterName: "Anna Bianchi",
    signInUrl: "http://localhost:3000/accedi",
  },
  "coverage-reminder": {
    ...meeting,
    municipalityNames: ["Palermo", "Monreale"],
    registrationUrl: "http://localhost:3000/convocazioni/tavolo-tecnico-2022-03-24/iscrizione",
    closesAt: "mercoledì 23 marzo 2022, ore 12:00",
    invitesManagingBodies: true,
    unsubscribeUrl: "http://localhost:3000/comunicazioni/disiscrizione/Tok3nDisiscrizioneDiProva_0123456789abcdefg",
  },
  convocation: {
    ...meeting,
    meetingUrl: "http://localhost:3000/convocazioni/tavolo-tecnico-2022-03-24",
    subject: 'CONVOCAZIONE Tavolo tecnico del Coordinamento dei Comuni SAI - Progetto 3031 "COOPERA"',
    addressee: "Gentile Maria",
    protocol: "Prot. n. 0227/15/03/22",
    registrationUrl: "http://localhost:3000/convocazioni/tavolo-tecnico-2022-03-24/iscrizione",
    closesAt: "mercoledì 23 marzo 2022, ore 12:00",
    referentSheetUrl: "http://localhost:3000/scheda-referenti",
    attachmentNames: ["convocazione-tavolo-tecnico-2022-03-24.pdf", "scheda-referenti.pdf"],
    unsubscribeUrl: null,
  },
  "meeting-cancelled": { ...meeting, reason: "Il relatore non potrà essere presente." },
  "referent-sheet-received": {
    recipientName: "Maria Rossi",
    municipalityName: "Palermo",
    referents: [
      { name: "Anna Bianchi", role: "referente politico", office: "Assessora alle politiche sociali", email: "anna.bianchi@comune.palermo.it" },
      { name: "Luca Verdi", role: "referente tecnico", office: null, email: "luca.verdi@comune.palermo.it" },
    ],
    resubmitted: false,
    sheetUrl: "http://localhost:3000/scheda-referenti",
  },
  "referent-sheet-approved": {
    recipientName: "Maria Rossi",
    municipalityName: "Palermo",
    referents: [
      { name: "Anna Bianchi", role: "referente politico", office: "Assessora alle politiche sociali" },
      { name: "Luca Verdi", role: "referente tecnico", office: null },
    ],
    sheetUrl: "http://localhost:3000/scheda-referenti",
  },
  "referent-sheet-rejected": {
    recipientName: "Maria Rossi",
    municipalityName: "Palermo",
    reason: "Manca il referente tecnico del progetto SAI.",
    sheetUrl: "http://localhost:3000/scheda-referenti",
  },
  "referent-sheet-replaced": {
    recipientName: "Maria Rossi",
    municipalityName: "Palermo",
    replacedBy: "Mario Bianchi (Segretario comunale)",
    sheetUrl: "http://localhost:3000/scheda-referenti",
  },
  "referent-designated": {
    recipientName: "Anna Bianchi",
    municipalityName: "Palermo",
    roleLabel: "referente politico",
    office: "Assessora alle politiche sociali",
    siteUrl: "http://localhost:3000/",
    contactEmail: "coordinamento.sai@anci.sicilia.it",
  },
  "meeting-message": {
    ...meeting,
    subject: "Grazie per la partecipazione: Tavolo tecnico del Coordinamento dei Comuni SAI",
    body: "Gentile Maria,\n\ngrazie per aver partecipato. Trovi **le slide** qui: [materiali](https://www.progettocoopera.it/materiali).\n\n<script>alert(1)</script>",
    audience: "PRESENT",
  },
  certificate: {
    ...meeting,
    minutes: 110,
    code: "K7QF-2M9X-4HNC-8RTA-ZP3W",
    downloadUrl: "http://localhost:3000/attestati/K7QF-2M9X-4HNC-8RTA-ZP3W/attestato.pdf",
    verifyUrl: "http://localhost:3000/attestati/K7QF-2M9X-4HNC-8RTA-ZP3W",
    replacesPrevious: false,
  },
  "join-link": { ...meeting, meetingUrl: meeting.meetingUrl, joinUrl: JOIN_URL, updated: false },
};
