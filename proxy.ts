// Plumbing, not a check: it tells dashboard pages which path was asked for,
// so the guard can send a signed-out visitor to sign in and back here. Every
// page, action and route handler still checks the session itself (lib/auth/guard.ts).
// It also gives every response its security headers (lib/security/headers.ts).
import { NextResponse, type NextRequest } from "next/server";
import { responseSecurityHeaders } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  if (request.nextUrl.pathname.startsWith("/dashboard")) {
    headers.set("x-convoca-path", request.nextUrl.pathname + request.nextUrl.search);
  }
  const security = responseSecurityHeaders(request.nextUrl.pathname);
  // Next reads the nonce from the request's policy and stamps it on its scripts.
  for (const [name, value] of security) if (name === "Content-Security-Policy") headers.set(name, value);
  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of security) response.headers.set(name, value);
  return response;
}
