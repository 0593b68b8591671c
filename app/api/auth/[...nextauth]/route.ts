// Auth.js's own endpoints (CSRF token, sign-in request, the magic link's
// callback, sign-out). Public by nature: they are how a session starts. A
// sign-in request posted here directly is rate-limited like the form's.
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { RATE_LIMIT_MESSAGE } from "@/lib/rate-limit/limits";
import { signInRequestAllowed } from "@/lib/rate-limit/sign-in";
import { refuseCrossSite } from "@/lib/security/same-origin";

export const GET = handlers.GET;

export async function POST(request: NextRequest) {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  if (request.nextUrl.pathname.endsWith("/signin/email")) {
    const form = await request.clone().formData().catch(() => null);
    const email = form?.get("email");
    if (!(await signInRequestAllowed(request.headers, typeof email === "string" ? email : null))) {
      return Response.json({ ok: false, formError: RATE_LIMIT_MESSAGE }, { status: 429 });
    }
  }
  return handlers.POST(request);
}
