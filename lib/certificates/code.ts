// The code printed on an attestato and carried by its QR: 100 random bits in
// Crockford's base32 (no I, L, O, U: nothing to misread when typed from paper),
// in groups of four: "K7QF-2M9X-4HNC-8RTA-ZP3W". Only its SHA-256 is stored.
import { createHash, randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LENGTH = 20;
const GROUP = 4;

/** A new code, formatted for print and URLs. 256 is a multiple of 32, so each character is uniform. */
export function generateCertificateCode(): string {
  const bytes = randomBytes(LENGTH);
  return formatCertificateCode([...bytes].map((byte) => ALPHABET[byte & 31]).join(""));
}

function formatCertificateCode(canonical: string): string {
  return canonical.match(new RegExp(`.{1,${GROUP}}`, "g"))!.join("-");
}

/**
 * The code as typed or scanned, in canonical form (20 characters, no
 * hyphens), or null when it cannot be one: lower case, spaces and hyphens
 * are forgiven, and O → 0, I/L → 1 as Crockford's base32 reads them.
 */
export function canonicalCertificateCode(input: string): string | null {
  if (typeof input !== "string" || input.length > 64) return null;
  const canonical = input
    .toUpperCase()
    .replace(/[\s-]+/g, "")
    .replaceAll("O", "0")
    .replace(/[IL]/g, "1");
  return new RegExp(`^[${ALPHABET}]{${LENGTH}}$`).test(canonical) ? canonical : null;
}

/** The printed form of a code given in any accepted form, or null. */
export function displayCertificateCode(input: string): string | null {
  const canonical = canonicalCertificateCode(input);
  return canonical ? formatCertificateCode(canonical) : null;
}

/** What the database stores: the SHA-256 (hex) of the canonical code. */
export function hashCertificateCode(input: string): string | null {
  const canonical = canonicalCertificateCode(input);
  return canonical ? createHash("sha256").update(canonical, "utf8").digest("hex") : null;
}

export const CERTIFICATE_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/;
