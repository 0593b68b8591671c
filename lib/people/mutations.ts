import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { recordAudit, recordExport } from "@/lib/audit/mutations";
import { cancelQueuedEmails } from "@/lib/email/mutations";
import { forgetSuppressedAddress } from "@/lib/email/suppression/mutations";
import { ERASED_FIRST_NAME, ERASED_LAST_NAME, erasedEmail, mentions, scrubJson, traceNeedles, type PersonTraces } from "./scrub";

export const ERASED_REFERENT_REASON = "Dati cancellati";
export const ERASED_EMAIL_ERROR = "Annullato: dati cancellati";
export const ERASED_SHEET_REASON = "Dati cancellati: la scheda non indicava altri referenti";

export type ExportCounts = Record<string, number>;

/** An export of a person's data leaves the portal: it is on the audit log, with how many records of each kind. */
export async function recordPersonExport(
  db: PrismaClient,
  { actor, personId, counts }: { actor: { id: string }; personId: string; counts: ExportCounts },
): Promise<void> {
  await db.$transaction((tx) => recordExport(tx, { actor, action: "person.export", entityType: "Person", entityId: personId, details: { counts } }));
}

export type EraseCounts = {
  registrations: number;
  invitations: number;
  invitationsRevoked: number;
  referentsRevoked: number;
  sheets: number;
  sheetEntries: number;
  emails: number;
  emailsCancelled: number;
  emailsMentioning: number;
  auditEntries: number;
};

export type ErasePersonResult = { ok: true; counts: EraseCounts } | { ok: false; reason: "NOT_FOUND" | "ALREADY_ERASED" };

/** Rows whose JSON mentions the person, rewritten without them. */
async function scrubMentions(
  rows: { id: string; data: Prisma.JsonValue }[],
  person: PersonTraces,
  personId: string,
  update: (id: string, data: Prisma.InputJsonValue) => Promise<unknown>,
): Promise<number> {
  const needles = traceNeedles(person, personId);
  let count = 0;
  for (const row of rows) {
    if (row.data === null || !mentions(JSON.stringify(row.data), needles)) continue;
    await update(row.id, scrubJson(row.data, person, personId) as Prisma.InputJsonValue);
    count++;
  }
  return count;
}

/** Candidate rows for scrubMentions: a first filter in SQL, on the JSON as text. */
async function rowsMentioning(tx: Tx, table: "EmailMessage" | "AuditEntry", person: PersonTraces, personId: string, excluded: string[]) {
  const needles = traceNeedles(person, personId).map(([needle]) => needle.toLowerCase());
  const rows =
    table === "EmailMessage"
      ? await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM "EmailMessage"
          WHERE NOT (id = ANY(${excluded}::uuid[])) AND EXISTS (SELECT 1 FROM unnest(${needles}::text[]) n WHERE strpos(lower(data::text), n) > 0)`
      : await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM "AuditEntry"
          WHERE data IS NOT NULL AND NOT (id = ANY(${excluded}::uuid[])) AND EXISTS (SELECT 1 FROM unnest(${needles}::text[]) n WHERE strpos(lower(data::text), n) > 0)`;
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  return table === "EmailMessage"
    ? tx.emailMessage.findMany({ where: { id: { in: ids } }, select: { id: true, data: true } })
    : tx.auditEntry.findMany({ where: { id: { in: ids } }, select: { id: true, data: true } });
}

/**
 * Erases a person's data, keeping every count: their rows stay, anonymised,
 * in one transaction. The person becomes "Dato cancellato" at an address
 * that cannot receive mail; their registrations keep status and attendance
 * but lose free text and their personal links; invitations to them are
 * anonymised (revoked if unanswered); their referent designations are
 * revoked; schede name them no more; emails to them lose address and
 * content, and those not yet sent never will be; audit entries about their
 * records keep only that they were erased. One audit entry records the
 * erasure, with counts only.
 */
export async function erasePerson(
  db: PrismaClient,
  { actor, personId, now = new Date() }: { actor: { id: string }; personId: string; now?: Date },
): Promise<ErasePersonResult> {
  return db.$transaction(
    async (tx: Tx): Promise<ErasePersonResult> => {
      const result = await erasePersonIn(tx, { personId, now });
      if (result.ok) {
        await recordAudit(tx, { actor, action: "person.erase", entityType: "Person", entityId: personId, details: { counts: result.counts } });
      }
      return result;
    },
    { timeout: 30_000 },
  );
}

/**
 * The erasure itself, in the caller's transaction and with no audit entry of
 * its own: a coordinator's erasure records one for the person, the daily
 * retention run one for the whole run.
 */
export async function erasePersonIn(tx: Tx, { personId, now }: { personId: string; now: Date }): Promise<ErasePersonResult> {
  // Two coordinators erasing at once: the second waits here, then finds it done.
  const [person] = await tx.$queryRaw<(PersonTraces & { erasedAt: Date | null })[]>`
    SELECT email, "firstName", "lastName", phone, "erasedAt" FROM "Person" WHERE id = ${personId}::uuid FOR UPDATE`;
  if (!person) return { ok: false, reason: "NOT_FOUND" };
  if (person.erasedAt) return { ok: false, reason: "ALREADY_ERASED" };

  const anonymous = erasedEmail(personId);
  const byEmail = { equals: person.email, mode: "insensitive" } as const;

  const registrations = await tx.registration.findMany({ where: { personId }, select: { id: true } });
  const registrationIds = registrations.map((r) => r.id);
  await tx.registration.updateMany({ where: { personId }, data: { roleTitle: null } });
  await tx.registration.updateMany({ where: { personId, organisationType: "ALTRO_ENTE" }, data: { organisationName: null } });
  await tx.registration.updateMany({ where: { personId, tokenRevokedAt: null }, data: { tokenRevokedAt: now } });

  const invitations = await tx.invitation.findMany({ where: { email: byEmail }, select: { id: true } });
  const invitationIds = invitations.map((i) => i.id);
  const revoked = await tx.invitation.updateMany({ where: { id: { in: invitationIds }, status: "SENT" }, data: { status: "REVOKED" } });
  await tx.invitation.updateMany({
    where: { id: { in: invitationIds } },
    data: { email: anonymous, firstName: ERASED_FIRST_NAME, lastName: ERASED_LAST_NAME },
  });

  const referents = await tx.referent.findMany({ where: { personId }, select: { id: true } });
  const referentIds = referents.map((r) => r.id);
  const referentsRevoked = await tx.referent.updateMany({
    where: { personId, status: "ACTIVE" },
    data: { status: "REVOKED", revokedAt: now, revokedReason: ERASED_REFERENT_REASON },
  });

  const sheets = await tx.referentSheet.updateMany({
    where: { OR: [{ officerPersonId: personId }, { officerEmail: byEmail }] },
    data: {
      officerFirstName: ERASED_FIRST_NAME,
      officerLastName: ERASED_LAST_NAME,
      officerEmail: anonymous,
      officerPhone: null,
      officerRoleTitle: null,
    },
  });
  // On a scheda still waiting they are taken off (approving it must not designate them); one
  // left with nobody is closed. On examined schede the entry stays, anonymised, for the record.
  const waiting = await tx.referentSheetEntry.findMany({
    where: { email: byEmail, sheet: { status: "PENDING" } },
    select: { id: true, sheetId: true },
  });
  await tx.referentSheetEntry.deleteMany({ where: { id: { in: waiting.map((entry) => entry.id) } } });
  await tx.referentSheet.updateMany({
    where: { id: { in: waiting.map((entry) => entry.sheetId) }, status: "PENDING", entries: { none: {} } },
    data: { status: "REJECTED", reviewedAt: now, rejectionReason: ERASED_SHEET_REASON },
  });
  const examined = await tx.referentSheetEntry.updateMany({
    where: { email: byEmail },
    data: { firstName: ERASED_FIRST_NAME, lastName: ERASED_LAST_NAME, email: anonymous, phone: null },
  });
  const sheetEntries = { count: waiting.length + examined.count };

  const emails = await tx.emailMessage.findMany({
    where: { OR: [{ toEmail: byEmail }, { registrationId: { in: registrationIds } }] },
    select: { id: true },
  });
  const emailIds = emails.map((e) => e.id);
  const cancelled = await cancelQueuedEmails(tx, { where: { id: { in: emailIds } }, reason: ERASED_EMAIL_ERROR });
  // A provider's error may quote the address.
  await tx.emailMessage.updateMany({
    where: { id: { in: emailIds }, lastError: { not: null }, NOT: { lastError: ERASED_EMAIL_ERROR } },
    data: { lastError: "Dati cancellati" },
  });
  await tx.emailMessage.updateMany({ where: { id: { in: emailIds } }, data: { toEmail: anonymous, toName: null, data: {} } });
  // The suppression list keeps the address itself: it goes (nothing is sent to an erased person anyway).
  await forgetSuppressedAddress(tx, person.email);

  // Emails to others that name them (an invitation says who nominated the gestore).
  const emailsMentioning = await scrubMentions(await rowsMentioning(tx, "EmailMessage", person, personId, emailIds), person, personId, (id, data) =>
    tx.emailMessage.update({ where: { id }, data: { data } }),
  );

  const about: Record<string, string[]> = {
    Person: [personId],
    Registration: registrationIds,
    Referent: referentIds,
    Invitation: invitationIds,
    EmailMessage: emailIds,
  };
  const aboutThem = await tx.auditEntry.findMany({
    where: { OR: Object.entries(about).map(([entityType, ids]) => ({ entityType, entityId: { in: ids } })) },
    select: { id: true },
  });
  const aboutIds = aboutThem.map((entry) => entry.id);
  await tx.auditEntry.updateMany({ where: { id: { in: aboutIds } }, data: { data: { erased: true } } });
  const auditMentioning = await scrubMentions(await rowsMentioning(tx, "AuditEntry", person, personId, aboutIds), person, personId, (id, data) =>
    tx.auditEntry.update({ where: { id }, data: { data } }),
  );

  await tx.person.update({
    where: { id: personId },
    data: {
      email: anonymous,
      firstName: ERASED_FIRST_NAME,
      lastName: ERASED_LAST_NAME,
      phone: null,
      roleTitle: null,
      organisation: null,
      communicationsConsent: false,
      communicationsConsentAt: null,
      communicationsConsentWithdrawnAt: null,
      erasedAt: now,
    },
  });
  // Their unsubscribe links name their address: gone with it.
  await tx.unsubscribeToken.deleteMany({ where: { personId } });

  // Reasons coordinators typed (a scheda rejected, a referent revoked) may name them.
  const typedNeedles = traceNeedles(person, personId).map(([needle]) => ({ contains: needle, mode: "insensitive" as const }));
  const reasons = await tx.referentSheet.findMany({
    where: { OR: typedNeedles.map((contains) => ({ rejectionReason: contains })) },
    select: { id: true, rejectionReason: true },
  });
  for (const sheet of reasons) {
    await tx.referentSheet.update({ where: { id: sheet.id }, data: { rejectionReason: scrubJson(sheet.rejectionReason, person, personId) as string } });
  }
  const revocations = await tx.referent.findMany({
    where: { OR: typedNeedles.map((contains) => ({ revokedReason: contains })) },
    select: { id: true, revokedReason: true },
  });
  for (const referent of revocations) {
    await tx.referent.update({ where: { id: referent.id }, data: { revokedReason: scrubJson(referent.revokedReason, person, personId) as string } });
  }

  const counts: EraseCounts = {
    registrations: registrationIds.length,
    invitations: invitationIds.length,
    invitationsRevoked: revoked.count,
    referentsRevoked: referentsRevoked.count,
    sheets: sheets.count,
    sheetEntries: sheetEntries.count,
    emails: emailIds.length,
    emailsCancelled: cancelled,
    emailsMentioning,
    auditEntries: aboutIds.length + auditMentioning,
  };
  return { ok: true, counts };
}
