// The convocation letter of 24 March 2022 (Prot. n. 0227/15/03/22 of the
// Città di Palermo's Progetto 3031 "COOPERA", FAMI 2014-2020), word for
// word: the first meeting the portal publishes and its demo data.
import type { Prisma } from "../../lib/generated/prisma/client";

export const REFERENCE_MEETING_SLUG = "tavolo-tecnico-2022-03-24";

export const referenceMeeting = {
  slug: REFERENCE_MEETING_SLUG,
  kind: "TAVOLO_TECNICO",
  status: "PUBLISHED",
  title: "Tavolo tecnico tra i Referenti del Coordinamento dei Comuni siciliani aderenti al SAI",
  subject:
    'CONVOCAZIONE TAVOLO TECNICO tra i Referenti del Coordinamento dei Comuni siciliani aderenti al SAI - Progetto 3031 "COOPERA"; **giovedì 24 marzo 2022 ore 15:00-17.00**',
  // The letter's date: the protocol number's 15/03/22.
  placeAndDate: "Palermo, 15 marzo 2022",
  protocolNumber: "0227/15/03/22",
  // 15:00–17:00 in Rome, which is UTC+1 until the last Sunday of March.
  startsAt: new Date("2022-03-24T14:00:00Z"),
  endsAt: new Date("2022-03-24T16:00:00Z"),
  mode: "ONLINE",
  registrationOpensAt: new Date("2022-03-14T23:00:00Z"),
  registrationClosesAt: new Date("2022-03-24T14:00:00Z"),
  invitesManagingBodies: true,
  salutation: "Gentilissimi,",
  body: [
    "Vi invito a partecipare al Tavolo Tecnico tra i Referenti del Coordinamento dei Comuni Siciliani aderenti al SAI che si svolgerà, **giovedì 24 marzo 2022, alle ore 15:00, in videoconferenza.**",
    'L\'incontro si aprirà con l\'intervento del dott. **Edoardo Barbarossa**, Presidente della Fondazione Ebbene, dal titolo "Co-programmazione e co-progettazione nelle politiche territoriali di accoglienza integrata (SAI)". Si parlerà delle occasioni offerte dal PNRR e dalla programmazione comunitaria e dell\'importanza del coinvolgimento del Terzo settore nei rapporti con la Pubblica amministrazione. Al termine dell\'intervento seguirà un momento di confronto tra i partecipanti e i relatori. A tal fine, ai fini di un proficuo confronto, si chiede ai rappresentanti degli enti locali di invitare i rappresentanti degli enti gestori.',
    "Vi informo che la richiesta di iscrizione dovrà avvenire previa registrazione al sito <http://www.anci.sicilia.it/iscrizioni>. Il link di collegamento alla piattaforma sarà inviato prima del webinar.",
    "Vi ricordo che tale attività si svolge nell'ambito del progetto 3031 COOPERA - I Comuni Migliorano PER Arginare le vulnerabilità, finanziato dal Ministero dell'interno. Il progetto, che attinge al **Fami 2014-2020 (Fondo asilo, migrazione e integrazione)**, si colloca all'interno dell'obiettivo nazionale accoglienza e asilo al fine di potenziare l'offerta dei servizi delle Amministrazioni locali ed aumentare le competenze degli operatori che lavorano con i cittadini dei Paesi Terzi.",
    "Al fine di poter ricevere informazioni utili sulle prossime iniziative informative/formative e di scambio di buone pratiche che verranno realizzate dall'ANCI Sicilia nell'ambito del Progetto COOPERA e più in generale, con riferimento all'accoglienza e all'integrazione dei migranti e partecipare ai lavori del Coordinamento, si ricorda, a chi non lo avesse ancora fatto, che è necessaria la compilazione dell'allegata scheda, indicando uno o più referenti dell'Ente.",
  ].join("\n\n"),
  closing: "In attesa di incontrarvi, l'occasione è gradita per porgere cordiali saluti",
  signatoryName: "Mario Emanuele Alvano",
  signatoryTitle: "Segretario Generale ANCI Sicilia",
  fundingFund: "Fondo Asilo, Migrazione e Integrazione 2014-2020",
  fundingLine:
    "Fondo Asilo, Migrazione e Integrazione 2014-2020 - Obiettivo Specifico 2. Integrazione/Migrazione legale - Obiettivo nazionale ON 3 Capacity building - lettera j) Governance dei servizi - Qualificazione del sistema di tutela sanitaria",
  projectCode: "3031",
  projectName: "COOPERA - I Comuni migliorano PER Arginare le vulnerabilità",
  projectWebsite: "https://www.progettocoopera.it",
  publishedAt: new Date("2022-03-15T09:00:00Z"),
  speakers: {
    create: [
      {
        position: 1,
        honorific: "dott.",
        name: "Edoardo Barbarossa",
        role: "Presidente",
        affiliation: "Fondazione Ebbene",
        talkTitle: "Co-programmazione e co-progettazione nelle politiche territoriali di accoglienza integrata (SAI)",
      },
    ],
  },
  agendaItems: {
    create: [
      {
        position: 1,
        title: "Co-programmazione e co-progettazione nelle politiche territoriali di accoglienza integrata (SAI)",
        description: "Intervento del dott. Edoardo Barbarossa, Presidente della Fondazione Ebbene",
      },
      { position: 2, title: "Le occasioni offerte dal PNRR e dalla programmazione comunitaria" },
      {
        position: 3,
        title: "L'importanza del coinvolgimento del Terzo settore nei rapporti con la Pubblica amministrazione",
      },
      { position: 4, title: "Confronto tra i partecipanti e i relatori" },
    ],
  },
} satisfies Prisma.MeetingCreateInput;

/** Demo dashboard users, one per role; sign in with the magic link from the development outbox. */
export const DEMO_ADMIN = { email: "admin@convoca.test", name: "Amministratore demo", role: "ADMIN" } as const;
export const DEMO_COORDINATOR = { email: "coordinatore@convoca.test", name: "Coordinatore demo", role: "COORDINATOR" } as const;
export const DEMO_OBSERVER = { email: "osservatore@convoca.test", name: "Osservatore demo", role: "OBSERVER" } as const;
export const DEMO_USERS = [DEMO_ADMIN, DEMO_COORDINATOR, DEMO_OBSERVER] as const;
