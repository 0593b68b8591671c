// The security headers of every response, in one place: proxy.ts sets them
// on each request (the HSTS decision reads APP_URL at run time, and a page
// rendered on demand gets a nonce of its own).
//
// Scripts: no 'unsafe-inline', no 'unsafe-eval' (outside `next dev`, where
// React needs eval). Next's own external scripts come from 'self' (and carry
// Subresource Integrity hashes, experimental.sri in next.config.mjs). Its
// inline scripts (the bootstrap and the `self.__next_f.push` flight data) are
// allowed
//   - on a page rendered on demand, by the request's nonce: Next reads it
//     from the request's Content-Security-Policy header and stamps it on
//     every script it writes;
//   - on a page prerendered at build time (the HTML is served as built, no
//     nonce can be in it), by the SHA-256 hash of each of its inline scripts,
//     read once from the built HTML (see prerenderedScriptHashes).
// Styles keep 'unsafe-inline': Bootstrap Italia and React write style
// attributes (style="display:none", progress bars, the dev-email preview),
// which no nonce or hash can cover.
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type PolicyOptions = {
  /** A nonce for a page rendered on demand (base64). */
  nonce?: string;
  /** 'sha256-…' sources for the inline scripts of a prerendered page. */
  scriptHashes?: readonly string[];
  /** `next dev`: React rebuilds server error stacks with eval. */
  development?: boolean;
  /** APP_URL is https: browsers upgrade any http subresource. */
  https?: boolean;
};

export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const script = ["'self'"];
  if (options.nonce) script.push(`'nonce-${options.nonce}'`);
  for (const hash of options.scriptHashes ?? []) script.push(`'${hash}'`);
  if (options.development) script.push("'unsafe-eval'");
  const directives = [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    // data: for the SVG icons Bootstrap Italia's CSS embeds (select arrows, validation marks).
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // Server actions post to the page itself, the sign-in form to /api/auth.
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Powerful features the app never uses, off for it and for anything it embeds. */
export const PERMISSIONS_POLICY = [
  "accelerometer",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
  "browsing-topics",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/** Two years, the subdomains too: only once the site is served over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

export function isHttpsAppUrl(appUrl: string | undefined): boolean {
  try {
    return new URL(appUrl?.trim() ?? "").protocol === "https:";
  } catch {
    return false;
  }
}

export type SecurityHeaderOptions = PolicyOptions & { appUrl?: string };

/** Every header of a response, CSP included. */
export function securityHeaders(options: SecurityHeaderOptions = {}): [string, string][] {
  const https = isHttpsAppUrl(options.appUrl);
  const headers: [string, string][] = [
    ["Content-Security-Policy", contentSecurityPolicy({ ...options, https })],
    ["X-Content-Type-Options", "nosniff"],
    // For browsers that predate frame-ancestors.
    ["X-Frame-Options", "DENY"],
    ["Permissions-Policy", PERMISSIONS_POLICY],
  ];
  if (https) headers.push(["Strict-Transport-Security", STRICT_TRANSPORT_SECURITY]);
  return headers;
}

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/** The CSP hash source of an inline script's text, as a browser computes it. */
export function scriptHash(text: string): string {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

/** The hash sources of the inline scripts (a <script> without src) of an HTML document. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(match[1])) continue;
    if (/\stype\s*=\s*"?(application\/(ld\+)?json|text\/template)/i.test(match[1])) continue;
    hashes.add(scriptHash(match[2]));
  }
  return [...hashes];
}

export type PrerenderedHashes = {
  /** Path of a prerendered page ("/privacy") → the hashes of its inline scripts. */
  pages: Map<string, string[]>;
  /** The prerendered 404 and global error pages: Next may serve them for any path. */
  fallback: string[];
};

const FALLBACK_PAGES = new Set(["/_not-found", "/_global-error"]);

/**
 * The inline-script hashes of every page `next build` prerendered, read from
 * its HTML under `<distDir>/server/app` (where `next start` serves it from).
 * Nothing there (`next dev`, no build): no hashes, every page gets a nonce.
 */
export function readPrerenderedHashes(appDir: string): PrerenderedHashes {
  const pages = new Map<string, string[]>();
  const fallback = new Set<string>();
  let files: string[];
  try {
    files = readdirSync(appDir, { recursive: true, encoding: "utf8" });
  } catch {
    return { pages, fallback: [] };
  }
  for (const file of files) {
    if (!file.endsWith(".html")) continue;
    const route = "/" + file.slice(0, -".html".length).split(path.sep).join("/");
    const hashes = inlineScriptHashes(readFileSync(path.join(appDir, file), "utf8"));
    const pagePath = route === "/index" ? "/" : route;
    if (FALLBACK_PAGES.has(pagePath)) hashes.forEach((hash) => fallback.add(hash));
    else pages.set(pagePath, hashes);
  }
  return { pages, fallback: [...fallback] };
}

let prerendered: PrerenderedHashes | undefined;

/**
 * readPrerenderedHashes of this server's build, once per process (a build
 * never changes under a running server). `next dev` renders every page on
 * demand: it ignores what an earlier `next build` left in .next.
 */
export function prerenderedScriptHashes(): PrerenderedHashes {
  if (process.env.NODE_ENV === "development") return { pages: new Map(), fallback: [] };
  prerendered ??= readPrerenderedHashes(path.join(process.cwd(), ".next", "server", "app"));
  return prerendered;
}

/**
 * The script policy for a request path: a prerendered page's own hashes, or
 * (any other path, rendered on demand) a fresh nonce plus the hashes of the
 * prerendered 404, which Next serves for a path no route matches.
 */
export function scriptPolicyFor(pathname: string, hashes = prerenderedScriptHashes()): { nonce?: string; scriptHashes: string[] } {
  const page = hashes.pages.get(pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname);
  if (page) return { scriptHashes: [...page, ...hashes.fallback] };
  return { nonce: newNonce(), scriptHashes: hashes.fallback };
}

/** The security headers of the response to a request for `pathname`, as this server runs (APP_URL, NODE_ENV). */
export function responseSecurityHeaders(pathname: string): [string, string][] {
  return securityHeaders({
    ...scriptPolicyFor(pathname),
    appUrl: process.env.APP_URL,
    development: process.env.NODE_ENV === "development",
  });
}
