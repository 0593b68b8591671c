// Two jobs, both before Next routes the request. First, the requests Next
// itself would answer 500 (a path that does not decode, a server-action post
// it cannot read, a body over the limit, a write from another site) get a 4xx
// of ours (lib/http/refusals.ts). Then plumbing, not a check: it tells
// dashboard pages which path was asked for, so the guard can send a
// signed-out visitor to sign in and back here. Every page, action and route
// handler still checks the session itself (lib/auth/guard.ts).
import { NextResponse, type NextRequest } from "next/server";
import { judgeRequest } from "@/lib/http/refusals";

// Any path without a route: Next renders app/not-found.tsx with status 404.
const NOT_FOUND_PATH = "/_pagina-non-trovata";

export async function proxy(request: NextRequest) {
  // The path as sent, still percent-encoded.
  const pathname = new URL(request.url).pathname;
  const verdict = await judgeRequest(request, pathname);
  if (verdict && "refuse" in verdict) return verdict.refuse;
  if (verdict) return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url));
  if (!pathname.startsWith("/dashboard")) return NextResponse.next();
  const headers = new Headers(request.headers);
  headers.set("x-convoca-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

// Only what may need refusing: a page GET without "%" never runs the proxy,
// so static pages stay static and fast. A request with a body (or one that
// says it is a server action) does; so does every dashboard path.
export const config = {
  matcher: [
    "/dashboard/:path*",
    "/(.*%.*)",
    { source: "/:path*", has: [{ type: "header", key: "content-type" }] },
    { source: "/:path*", has: [{ type: "header", key: "content-length" }] },
    { source: "/:path*", has: [{ type: "header", key: "transfer-encoding" }] },
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
