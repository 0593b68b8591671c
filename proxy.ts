// Three jobs, before Next routes the request. First, the requests Next
// itself would answer 500 (a path that does not decode, a server-action post
// it cannot read, a body over the limit, a write from another site) get a 4xx
// of ours (lib/platform/http/refusals.ts). Then plumbing, not a check: it tells
// dashboard pages which path was asked for, so the guard can send a
// signed-out visitor to sign in and back here. Every page, action and route
// handler still checks the session itself (lib/auth/guard.ts). And every
// response, a refusal included, gets its security headers (lib/platform/security/headers.ts).
import { NextResponse, type NextRequest } from "next/server";
import { judgeRequest } from "@/lib/platform/http/refusals";
import { responseSecurityHeaders } from "@/lib/platform/security/headers";
import { routes } from "@/lib/routes";

// Any path without a route: Next renders app/not-found.tsx with status 404.
const NOT_FOUND_PATH = "/_pagina-non-trovata";

export async function proxy(request: NextRequest) {
  // The path as sent, still percent-encoded.
  const pathname = new URL(request.url).pathname;
  const verdict = await judgeRequest(request, pathname);
  const security = responseSecurityHeaders(verdict && "notFound" in verdict ? NOT_FOUND_PATH : request.nextUrl.pathname);
  const headers = new Headers(request.headers);
  // Next reads the nonce from the request's policy and stamps it on its scripts.
  for (const [name, value] of security) if (name === "Content-Security-Policy") headers.set(name, value);
  let response: Response;
  if (verdict && "refuse" in verdict) response = verdict.refuse;
  else if (verdict) response = NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers } });
  else {
    if (pathname.startsWith(routes.dashboard.home())) headers.set("x-convoca-path", request.nextUrl.pathname + request.nextUrl.search);
    response = NextResponse.next({ request: { headers } });
  }
  for (const [name, value] of security) response.headers.set(name, value);
  return response;
}
