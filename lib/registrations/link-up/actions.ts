"use server";
// Public on purpose (listed in the guard coverage test): the registration
// form asks, once the registrant has given their email, whether it belongs to
// a Comune's active referent. It answers only the fields the form pre-fills,
// or null; it is rate-limited per address and per email, and writes nothing.
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { clientIp } from "@/lib/platform/rate-limit/limits";
import type { KnownReferent } from "./known";
import { lookupKnownReferent } from "./lookup";

export async function lookupReferentAction(input: unknown): Promise<KnownReferent | null> {
  return lookupKnownReferent(db(), { input, ip: clientIp(await headers()) });
}
