// The dynamic segments of our addresses, checked at the edge: a page or route
// handler reads its params through one of these before any query, so a
// malformed value (a NUL, a control character, the wrong shape) is "not
// found", never a database error. One check per shape:
//   slug  /convocazioni/[slug], its .ics, /api/convocazioni/[slug]/iscrizioni
//   token /iscrizione/[token], /invito/[token], /comunicazioni/disiscrizione/[token] (43 base64url characters)
//   code  /attestati/[code] (an attestato's code, as typed or printed)
//   uuid  the dashboard's [id] segments
import { notFound } from "next/navigation";
import { z } from "zod";
import { canonicalCertificateCode } from "@/lib/certificates/code";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "@/lib/meetings/slug";
import { isWellFormedToken } from "@/lib/platform/security/tokens";

const uuid = z.uuid();

export function isMeetingSlug(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);
}

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && uuid.safeParse(value).success;
}

export function isToken(value: unknown): value is string {
  return typeof value === "string" && isWellFormedToken(value);
}

export function isCertificateCode(value: unknown): value is string {
  return typeof value === "string" && canonicalCertificateCode(value) !== null;
}

/** For a page: the segment when it has the shape, else the not-found page. */
export function slugSegment(value: string): string {
  if (!isMeetingSlug(value)) notFound();
  return value;
}

export function uuidSegment(value: string): string {
  if (!isUuid(value)) notFound();
  return value;
}

export function tokenSegment(value: string): string {
  if (!isToken(value)) notFound();
  return value;
}

export function certificateCodeSegment(value: string): string {
  if (!isCertificateCode(value)) notFound();
  return value;
}
