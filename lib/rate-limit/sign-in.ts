import "server-only";
import { clientIp, limitPublicWrite } from "./limits";

/**
 * A sign-in link request counts like any public write: per IP and per
 * address, so nobody can flood a coordinator's inbox or probe addresses.
 */
export async function signInRequestAllowed(headers: Headers, email: string | null): Promise<boolean> {
  const verdict = await limitPublicWrite({ ip: clientIp(headers), email });
  return verdict.ok;
}
