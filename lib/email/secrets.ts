// The one list of what in an email's data is a secret: a personal link, an
// invitation link, a sign-in link, an attestato's code and its addresses, an
// unsubscribe link, and
// anything that carries one (the calendar file quotes the personal link).
// Their tokens are stored elsewhere only as hashes, so once a message is final
// (SENT or CANCELLED) these values are replaced by a marker, in the statement
// that records the final state (markEmailSent, markBatchSent,
// cancelQueuedEmails). Until then only the delivery worker reads them.
import type { EmailTemplateData, EmailTemplateName } from "./schema";

/** What a secret becomes in the data of a final message. */
export const EMAIL_SECRET_MARKER = "[rimosso dopo l'invio]";

type SecretKeys = { [Name in EmailTemplateName]: readonly Extract<keyof EmailTemplateData[Name], string>[] };

/**
 * Per template, the data keys that carry a secret. Every template is listed,
 * so a new one has to say; the join link (joinUrl) is the meeting's own
 * setting, stored with the meeting, and not a token of ours.
 */
export const EMAIL_SECRET_KEYS: SecretKeys = {
  "registration-confirmed": ["personalUrl", "ics"],
  "registration-waitlisted": ["personalUrl", "ics"],
  "registration-promoted": ["personalUrl", "ics"],
  "personal-link": ["personalUrl"],
  "registration-cancelled": [],
  invitation: ["invitationUrl"],
  "invitation-answered": [],
  "sign-in-link": ["signInUrl"],
  "user-invitation": [],
  "coverage-reminder": ["unsubscribeUrl"],
  convocation: ["unsubscribeUrl"],
  "meeting-cancelled": [],
  "referent-sheet-received": [],
  "referent-sheet-replaced": [],
  "referent-sheet-approved": [],
  "referent-sheet-rejected": [],
  "referent-designated": [],
  "meeting-message": [],
  certificate: ["code", "downloadUrl", "verifyUrl"],
  "join-link": [],
};

function secretKeysOf(template: string): readonly string[] {
  return Object.hasOwn(EMAIL_SECRET_KEYS, template) ? EMAIL_SECRET_KEYS[template as EmailTemplateName] : [];
}

/** The data with each secret that is present replaced by the marker (for a final message, or an export). */
export function redactEmailSecrets(template: string, data: unknown): unknown {
  if (!data || typeof data !== "object" || Array.isArray(data)) return data;
  const keys = secretKeysOf(template);
  const entries = Object.entries(data as Record<string, unknown>);
  if (!entries.some(([key, value]) => keys.includes(key) && value !== null && value !== undefined)) return data;
  return Object.fromEntries(
    entries.map(([key, value]) => [key, keys.includes(key) && value !== null && value !== undefined ? EMAIL_SECRET_MARKER : value]),
  );
}

/** The data without its secrets at all, whatever the message's state (a person's export). */
export function omitEmailSecrets(template: string, data: unknown): unknown {
  if (!data || typeof data !== "object" || Array.isArray(data)) return data;
  const keys = secretKeysOf(template);
  return Object.fromEntries(Object.entries(data as Record<string, unknown>).filter(([key]) => !keys.includes(key)));
}

/**
 * Only the templates that have secrets, as JSON for SQL: { "personal-link": ["personalUrl"], … }
 * (redactedDataSql in ./mutations runs redactEmailSecrets in the UPDATE itself).
 */
export function emailSecretKeysJson(): string {
  return JSON.stringify(Object.fromEntries(Object.entries(EMAIL_SECRET_KEYS).filter(([, keys]) => keys.length > 0)));
}
