/**
 * Version of the GDPR art. 13 notice at /privacy. Registrations record the
 * version the person accepted, so change it whenever the notice changes.
 */
export const PRIVACY_NOTICE_VERSION = "2026-11-26";
