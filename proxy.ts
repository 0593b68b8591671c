// Plumbing, not a check: it tells dashboard pages which path was asked for,
// so the guard can send a signed-out visitor to sign in and back here. Every
// page, action and route handler still checks the session itself (lib/auth/guard.ts).
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-convoca-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/dashboard/:path*"] };
