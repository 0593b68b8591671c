// Auth.js's own endpoints (CSRF token, sign-in request, the magic link's
// callback, sign-out). Public by nature: they are how a session starts. Run
// inside withSignInRequest, so a sign-in request posted here directly counts
// against the sign-in limits like the form's (and, over them, gets the same
// answer as a sent link), and a link that works remembers its network.
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { withSignInRequest } from "@/lib/platform/rate-limit/sign-in";
import { refuseCrossSite } from "@/lib/platform/security/same-origin";

export async function GET(request: NextRequest) {
  return withSignInRequest(request.headers, () => handlers.GET(request));
}

export async function POST(request: NextRequest) {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  return withSignInRequest(request.headers, () => handlers.POST(request));
}
