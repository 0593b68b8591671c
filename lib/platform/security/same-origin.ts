// One same-origin rule for every route handler that writes (POST, PUT, PATCH,
// DELETE). Browsers send Origin with every such request; an opaque one
// ("null": a sandboxed frame, a redirect) or another site's is not ours, and
// without one the fetch metadata must say the request comes from this site.
// A client that is no browser (an integration, curl) sends neither, and is
// judged by the route's own checks. Server actions are checked by Next itself.

export const CROSS_SITE_MESSAGE = "Richiesta non valida: proviene da un altro sito.";

/** The origins a request may come from: the host it was sent to (as the proxy says), and APP_URL's. */
function ownHosts(request: Request): string[] {
  const hosts: string[] = [];
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || request.headers.get("host");
  if (host) hosts.push(host.toLowerCase());
  const configured = process.env.APP_URL?.trim();
  if (configured) {
    try {
      hosts.push(new URL(configured).host.toLowerCase());
    } catch {
      // An unparsable APP_URL names no origin.
    }
  }
  return hosts;
}

/** Whether a writing request comes from another site (or from nowhere a browser would name). */
export function isCrossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) {
    const site = request.headers.get("sec-fetch-site");
    return site !== null && site !== "same-origin" && site !== "none";
  }
  if (origin === "null") return true;
  try {
    return !ownHosts(request).includes(new URL(origin).host.toLowerCase());
  } catch {
    return true;
  }
}

/** The 403 for a cross-site write, before anything is read or stored; null when the request may go on. */
export function refuseCrossSite(request: Request): Response | null {
  if (!isCrossSite(request)) return null;
  return Response.json(
    { ok: false, error: "CROSS_SITE", message: CROSS_SITE_MESSAGE, formError: CROSS_SITE_MESSAGE },
    { status: 403, headers: { "cache-control": "no-store" } },
  );
}
