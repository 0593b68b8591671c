/** Who runs the portal and how to reach them: shown in header, footer and legal pages. */
export const SITE = {
  name: "Convoca",
  title: "Coordinamento Comuni SAI",
  tagline: "Progetto COOPERA",
  owner: "ANCI Sicilia",
  ownerLongName: "ANCI Sicilia - Associazione dei Comuni Siciliani",
  ownerUrl: "https://www.anci.sicilia.it",
  ownerAddress: "Via Giacomo Cusmano 28, 90141 Palermo",
  /** The Coordinamento's mailbox: feedback, accessibility reports, privacy requests. */
  contactEmail: "coordinamento.sai@anci.sicilia.it",
  projectWebsite: "https://www.progettocoopera.it",
} as const;

/**
 * Absolute origin for links that leave the page (calendar files, emails).
 * APP_URL wins because behind a proxy the request's own origin is internal.
 */
export function publicOrigin(requestOrigin: string): string {
  const configured = process.env.APP_URL?.trim();
  return (configured || requestOrigin).replace(/\/+$/, "");
}

/** Origin of links in emails, sent from background work with no request at hand. */
export function appOrigin(): string {
  return (process.env.APP_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}

/**
 * The same path and query on our own origin. Links that carry a credential
 * (the sign-in link) are rebuilt on APP_URL, never on the origin a request
 * claimed with its Host or X-Forwarded-Host header, which a caller controls.
 */
export function onAppOrigin(url: string): string {
  const { pathname, search } = new URL(url);
  return `${appOrigin()}${pathname}${search}`;
}
