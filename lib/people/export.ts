// A person's data as the JSON file a coordinator downloads (GDPR access and
// portability): every record of getPersonRecords, with the emails' data
// stripped of links, tokens and hashes.
import { omitEmailSecrets } from "@/lib/email/secrets";
import { PRIVACY_NOTICE_VERSION } from "@/lib/privacy/notice";
import type { PersonRecords } from "./queries";
import { withoutSecrets } from "./scrub";

export function personExportFilename(personId: string): string {
  return `persona-${personId}.json`;
}

export function personExportCounts(records: PersonRecords): Record<string, number> {
  return {
    registrations: records.registrations.length,
    attendances: records.registrations.filter((r) => r.attendance).length,
    nominations: records.registrations.reduce((sum, r) => sum + r.invitationsSent.length, 0),
    invitations: records.invitations.length,
    referents: records.referents.length,
    sheetsAsOfficer: records.sheetsAsOfficer.length,
    sheetEntries: records.sheetEntries.length,
    emails: records.emails.length,
    auditEntries: records.audit.length,
  };
}

export function buildPersonExport(records: PersonRecords, exportedAt = new Date()) {
  return {
    exportedAt: exportedAt.toISOString(),
    currentPrivacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    person: records.person,
    registrations: records.registrations,
    invitationsReceived: records.invitations,
    referents: records.referents,
    referentSheetsAsOfficer: records.sheetsAsOfficer,
    referentSheetEntries: records.sheetEntries,
    // The template's secrets (an attestato's code too, while it waits to be sent), then anything that looks like a link.
    emails: records.emails.map((email) => ({ ...email, data: withoutSecrets(omitEmailSecrets(email.template, email.data ?? {})) })),
    auditEntries: records.audit.map((entry) => ({
      id: entry.id,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      createdAt: entry.createdAt,
      actor: entry.actor ? (entry.actor.name ?? entry.actor.email) : (entry.actorLabel ?? "sistema"),
      data: withoutSecrets(entry.data),
    })),
  };
}
