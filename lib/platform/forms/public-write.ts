import "server-only";
import { headers } from "next/headers";
import { clientIp, limitPublicWrite } from "@/lib/platform/rate-limit/limits";
import { HONEYPOT_FIELD } from "./action-state";

export function honeypotFilled(formData: FormData): boolean {
  const value = formData.get(HONEYPOT_FIELD);
  return typeof value === "string" && value.trim() !== "";
}

/** Counts a public write against the caller's address and the email it concerns. */
export async function publicWriteAllowed(email: string | null): Promise<boolean> {
  const verdict = await limitPublicWrite({ ip: clientIp(await headers()), email });
  return verdict.ok;
}
