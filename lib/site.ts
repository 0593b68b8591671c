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

const fromEnv = (name: string) => process.env[name]?.trim() || undefined;

/**
 * Where the portal's source code is published (AGPL-3.0 §13: users of the
 * network service are offered its source). The intended public repository,
 * also the `url` of publiccode.yml; SOURCE_CODE_URL overrides it for a
 * deployment that runs a modified copy (read at `next build` for static pages).
 */
export const SOURCE_CODE_URL = "https://github.com/ancisicilia/convoca";

/** The SPDX identifier of the portal's licence, as in package.json and publiccode.yml. */
export const SOURCE_CODE_LICENSE = "AGPL-3.0-or-later";

/** The source code's address for this deployment: SOURCE_CODE_URL from the environment, else the project's repository. */
export function sourceCodeUrl(): string {
  const configured = fromEnv("SOURCE_CODE_URL");
  return configured && /^https?:\/\//.test(configured) ? configured : SOURCE_CODE_URL;
}

/** Shown, visibly, where a detail is not configured: nothing is made up in its place. */
export const NOT_CONFIGURED = "da configurare";

/**
 * The owner's legal details and the data protection officer's contact. They
 * are not in the repository's sources, so they come from the environment
 * (README, "Environment variables"); static pages read them at build time.
 * Server-side only: a client component would see them unset.
 */
export function ownerDetails() {
  const dpoEmail = fromEnv("DPO_EMAIL");
  return {
    pec: fromEnv("ANCI_PEC") ?? NOT_CONFIGURED,
    taxCode: fromEnv("ANCI_TAX_CODE") ?? NOT_CONFIGURED,
    dpo: {
      name: fromEnv("DPO_NAME") ?? `Responsabile della protezione dei dati (RPD) di ${SITE.owner}`,
      /** Until the DPO's own address is set, requests go to the Coordinamento's mailbox, for the DPO. */
      email: dpoEmail ?? SITE.contactEmail,
      ownEmail: dpoEmail !== undefined,
      pec: fromEnv("DPO_PEC"),
    },
  };
}

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
