import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { logError } from "@/lib/platform/logging/log";
import { clientIp, limitSignInRequest, rememberSignInNetwork } from "./limits";

// Auth.js decides whether a link is sent in its signIn callback, which sees
// the address but not the request. Every way into Auth.js (its route handler,
// the sign-in form's action) runs it inside withSignInRequest, so the
// callback knows who is asking.
type SignInRequest = { headers: Headers };

const globalForSignIn = globalThis as unknown as { convocaSignInRequest?: AsyncLocalStorage<SignInRequest> };
// One store per process, whichever bundle (route handler, server action) loaded this module.
const current = (globalForSignIn.convocaSignInRequest ??= new AsyncLocalStorage<SignInRequest>());

export function withSignInRequest<T>(headers: Headers, run: () => Promise<T>): Promise<T> {
  return current.run({ headers }, run);
}

/**
 * Whether a sign-in link may be sent to this address now (SIGN_IN_LIMITS in
 * limits.ts). Outside withSignInRequest nobody knows who asks: no link.
 */
export async function signInLinkAllowed(email: string): Promise<boolean> {
  const request = current.getStore();
  if (!request) {
    logError`sign-in: a link was asked for outside withSignInRequest; none is sent`;
    return false;
  }
  return (await limitSignInRequest({ ip: clientIp(request.headers), email })).ok;
}

/** A link was used: the network it was used from is one this address signs in from. */
export async function signInLinkUsed(email: string): Promise<void> {
  const request = current.getStore();
  if (request) await rememberSignInNetwork({ ip: clientIp(request.headers), email });
}
