// Every address of the app that code links to, redirects to or revalidates,
// written once. Each helper returns the path as Next serves it (no origin:
// emails prepend appOrigin()); query strings and fragments stay with the
// caller. Values are put in as given — a caller that needs a segment encoded
// encodes it. lib/routes.test.ts checks that each helper's path is a route in
// app/, and that no other file writes one of these paths as a literal.

const dashboardMeeting = (id: string) => {
  const base = `/dashboard/convocazioni/${id}`;
  return {
    page: () => base,
    edit: () => `${base}/modifica`,
    registrations: () => `${base}/iscrizioni`,
    newRegistration: () => `${base}/iscrizioni/nuova`,
    registrationsExport: () => `${base}/iscrizioni/esporta`,
    invitations: () => `${base}/inviti`,
    coverage: () => `${base}/copertura`,
    coverageProgress: () => `${base}/copertura/avanzamento`,
    joinLink: () => `${base}/link`,
    joinLinkProgress: () => `${base}/link/avanzamento`,
    messages: () => `${base}/messaggi`,
    messageRule: (ruleId: string) => `${base}/messaggi/${ruleId}`,
    attendance: () => `${base}/presenze`,
    attendanceUpload: () => `${base}/presenze/carica`,
    attendanceImport: (importId: string) => `${base}/presenze/importa/${importId}`,
    letterPreview: () => `${base}/lettera.pdf`,
    attendanceRegisterPdf: () => `${base}/presenze/registro.pdf`,
    attendanceRegisterXlsx: () => `${base}/presenze/registro.xlsx`,
    certificates: () => `${base}/attestati`,
    certificateCopy: (registrationId: string) => `${base}/attestati/${registrationId}/attestato.pdf`,
    /** "Invia convocazione": audiences, preview, confirmation, progress and the report by Comune. */
    dispatch: () => `${base}/invio`,
    dispatchProgress: () => `${base}/invio/avanzamento`,
    /** One PEC receipt of the meeting's dispatch, as .eml. */
    dispatchReceipt: (receiptId: string) => `${base}/invio/ricevute/${receiptId}`,
  };
};

export const routes = {
  /** The public home: the list of published meetings. */
  home: () => "/",
  signIn: () => "/accedi",
  /** Liveness and readiness, for the load balancer (README, "In produzione"). */
  health: () => "/api/health",
  ready: () => "/api/ready",
  checkEmail: () => "/accedi/controlla-email",
  privacy: () => "/privacy",
  accessibility: () => "/accessibilita",
  referentSheet: () => "/scheda-referenti",
  referentSheetSent: () => "/scheda-referenti/inviata",
  /** The blank scheda referenti the letter says is attached, as PDF. */
  referentSheetPdf: () => "/scheda-referenti/scheda.pdf",
  /** Where the satisfaction widget of every public page posts (a plain form, or the widget's fetch). */
  feedback: () => "/valutazione",
  public: {
    meeting: (slug: string) => ({
      page: () => `/convocazioni/${slug}`,
      calendar: () => `/convocazioni/${slug}/calendario.ics`,
      letter: () => `/convocazioni/${slug}/lettera.pdf`,
      registration: () => `/convocazioni/${slug}/iscrizione`,
    }),
  },
  /** A registration's personal link: the token is the credential. */
  personal: (token: string) => ({
    page: () => `/iscrizione/${token}`,
    calendar: () => `/iscrizione/${token}/calendario.ics`,
    confirmation: () => `/iscrizione/${token}/conferma`,
  }),
  invitation: (token: string) => ({
    page: () => `/invito/${token}`,
    decline: () => `/invito/${token}/rifiuta`,
  }),
  /** An email's unsubscribe link: the token is the credential; oneClick is where List-Unsubscribe points (RFC 8058). */
  unsubscribe: (token: string) => ({
    page: () => `/comunicazioni/disiscrizione/${token}`,
    /** Where the page's button posts (a plain form, no JavaScript needed). */
    confirm: () => `/comunicazioni/disiscrizione/${token}/conferma`,
    done: () => `/comunicazioni/disiscrizione/${token}/fatto`,
    oneClick: () => `/api/comunicazioni/disiscrizione/${token}`,
  }),
  certificate: (code: string) => ({
    page: () => `/attestati/${code}`,
    pdf: () => `/attestati/${code}/attestato.pdf`,
  }),
  dashboard: {
    home: () => "/dashboard",
    meetings: () => "/dashboard/convocazioni",
    newMeeting: () => "/dashboard/convocazioni/nuova",
    meeting: dashboardMeeting,
    municipalities: () => "/dashboard/comuni",
    municipality: (id: string) => `/dashboard/comuni/${id}`,
    referents: () => "/dashboard/referenti",
    referent: (id: string) => `/dashboard/referenti/${id}`,
    newReferent: () => "/dashboard/referenti/nuovo",
    referentSheet: (id: string) => `/dashboard/referenti/schede/${id}`,
    managingBodies: () => "/dashboard/enti-gestori",
    managingBody: (id: string) => `/dashboard/enti-gestori/${id}`,
    newManagingBody: () => "/dashboard/enti-gestori/nuovo",
    pecImports: () => "/dashboard/comuni/pec",
    pecImport: (id: string) => `/dashboard/comuni/pec/${id}`,
    pecImportUpload: () => "/dashboard/comuni/pec/carica",
    saiImports: () => "/dashboard/enti-gestori/importa",
    saiImport: (id: string) => `/dashboard/enti-gestori/importa/${id}`,
    saiImportUpload: () => "/dashboard/enti-gestori/importa/carica",
    people: () => "/dashboard/persone",
    person: (id: string) => `/dashboard/persone/${id}`,
    personExport: (id: string) => `/dashboard/persone/${id}/esporta`,
    invitations: () => "/dashboard/inviti",
    emails: () => "/dashboard/email",
    auditLog: () => "/dashboard/registro-attivita",
    users: () => "/dashboard/utenti",
    /** Retention: the periods, what the next daily run will anonymise or delete (a dry run), the runs so far. */
    retention: () => "/dashboard/conservazione",
    /** The public pages' satisfaction ratings: counts per page and per month. */
    feedback: () => "/dashboard/valutazioni",
  },
};

/** Where a section of the app starts, for matching the current path: no route of its own. */
export const routeSections = {
  publicMeetings: "/convocazioni",
} as const;

/**
 * Route patterns, for revalidatePath(pattern, "page") — which revalidates
 * every page of a dynamic route at once (a plain path revalidates one).
 */
export const routePatterns = {
  publicMeeting: "/convocazioni/[slug]",
  publicMeetingRegistration: "/convocazioni/[slug]/iscrizione",
  personal: "/iscrizione/[token]",
  invitation: "/invito/[token]",
  unsubscribe: "/comunicazioni/disiscrizione/[token]",
  dashboardMeeting: "/dashboard/convocazioni/[id]",
  dashboardMeetingRegistrations: "/dashboard/convocazioni/[id]/iscrizioni",
  attendanceUpload: "/dashboard/convocazioni/[id]/presenze/carica",
  saiImportUpload: "/dashboard/enti-gestori/importa/carica",
  pecImportUpload: "/dashboard/comuni/pec/carica",
} as const;

export type RoutePattern = (typeof routePatterns)[keyof typeof routePatterns];

/** The arguments of revalidatePath for every page of a dynamic route: revalidatePath(...everyPage(routePatterns.publicMeeting)). */
export function everyPage(pattern: RoutePattern): [RoutePattern, "page"] {
  return [pattern, "page"];
}

/** What matches a request's pathname for this route: each [segment] one non-empty segment, a trailing slash allowed. */
export function patternRegExp(pattern: RoutePattern): RegExp {
  const source = pattern
    .split("/")
    .map((segment) => (/^\[[^.\]]+\]$/.test(segment) ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("\\/");
  return new RegExp(`^${source}\\/?$`);
}
