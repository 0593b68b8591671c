import "server-only";
// The scheda referenti: sent by a municipality's officer (public), then
// approved or rejected by a coordinator. At most one scheda per Comune waits
// (a partial unique index): sending again while it waits replaces it.
import { recordAudit } from "@/lib/audit/mutations";
import { enqueueEmail } from "@/lib/email/mutations";
import { formatShortDate } from "@/lib/platform/format/dates";
import { isUniqueViolation, type Db, type Tx } from "@/lib/db";
import { isErasedAddress } from "@/lib/people/scrub";
import { PRIVACY_NOTICE_VERSION } from "@/lib/privacy/notice";
import { designationEmail, sheetUrl } from "../emails";
import { REFERENT_ROLE_PHRASES } from "../labels";
import { auditReferent, designateReferent, lockMunicipality, revokeInTransaction } from "../mutations";
import type { ReferentSheetInput } from "./schema";
import { giveCommunicationsConsent } from "@/lib/communications/mutations";

const PUBLIC_ACTOR = { label: "pubblico" };
const SUBMIT_ATTEMPTS = 3;

export type SubmitSheetResult =
  | { ok: true; sheetId: string; resubmitted: boolean }
  | { ok: false; reason: "UNKNOWN_MUNICIPALITY" };

/**
 * Records a scheda as PENDING and acknowledges it to the officer. A scheda
 * already waiting for the same Comune is updated (its referents replaced,
 * one more submission) rather than duplicated; two simultaneous first
 * submissions meet at the unique index, and the loser retries as an update.
 */
export async function submitReferentSheet(db: Db, { now = new Date(), ...input }: { now?: Date } & ReferentSheetInput): Promise<SubmitSheetResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => submitInTransaction(tx, input, now));
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= SUBMIT_ATTEMPTS) throw error;
    }
  }
}

async function submitInTransaction(tx: Tx, input: ReferentSheetInput, now: Date): Promise<SubmitSheetResult> {
  const municipality = await lockMunicipality(tx, input.municipalityId);
  if (!municipality) return { ok: false, reason: "UNKNOWN_MUNICIPALITY" };

  const officer = await upsertOfficer(tx, input, municipality.name);
  // The officer's consent given on the scheda holds for them from now on; a scheda
  // without it leaves an earlier consent as it is (an empty box is no withdrawal).
  if (input.communicationsConsent) await giveCommunicationsConsent(tx, { personId: officer.id, now });
  const entries = sheetEntries(input);
  const { sheet, previous, resubmitted } = await storePendingSheet(tx, municipality.id, sheetFields(input, officer.id, now), entries, now);
  const emailId = await acknowledgeSheet(tx, input, municipality.name, resubmitted);
  const replacedOfficer = replacedOfficerOf(previous, input);
  if (replacedOfficer) await tellReplacedOfficer(tx, replacedOfficer, input, municipality.name);
  await recordAudit(tx, {
    actor: PUBLIC_ACTOR,
    action: resubmitted ? "referent-sheet.resubmit" : "referent-sheet.submit",
    entityType: "ReferentSheet",
    entityId: sheet.id,
    after: { municipality: municipality.name, status: "PENDING", referents: entries.length, submissions: sheet.submissions },
    details: { acknowledgementEmailId: emailId, ...(replacedOfficer ? { replacedAnotherOfficer: true } : {}) },
  });
  return { ok: true, sheetId: sheet.id, resubmitted };
}

function upsertOfficer(tx: Tx, input: ReferentSheetInput, municipalityName: string): Promise<{ id: string }> {
  return tx.person.upsert({
    where: { email: input.officerEmail },
    create: {
      email: input.officerEmail,
      firstName: input.officerFirstName,
      lastName: input.officerLastName,
      phone: input.officerPhone,
      roleTitle: input.officerRoleTitle,
      organisation: `Comune di ${municipalityName}`,
    },
    // A public form does not rewrite a known person: what the officer typed stays on the scheda itself.
    update: {},
    select: { id: true },
  });
}

function sheetFields(input: ReferentSheetInput, officerPersonId: string, now: Date) {
  return {
    pec: input.pec,
    officerPersonId,
    officerFirstName: input.officerFirstName,
    officerLastName: input.officerLastName,
    officerEmail: input.officerEmail,
    officerRoleTitle: input.officerRoleTitle,
    officerPhone: input.officerPhone,
    privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    privacyConsentAt: now,
    communicationsConsent: input.communicationsConsent,
    communicationsConsentAt: input.communicationsConsent ? now : null,
    submittedAt: now,
  };
}

type SheetEntry = ReturnType<typeof sheetEntries>[number];

function sheetEntries(input: ReferentSheetInput) {
  return input.referents.map((referent, position) => ({
    position,
    firstName: referent.firstName,
    lastName: referent.lastName,
    role: referent.role,
    office: referent.office,
    email: referent.email,
    phone: referent.phone,
  }));
}

type PreviousOfficer = { officerEmail: string; officerFirstName: string; officerLastName: string };

/**
 * Updates the Comune's waiting scheda (its referents replaced, one more
 * submission) or creates one; also gives the officer of the scheda it
 * replaced, if any, so they can be told when someone else sent the new one.
 */
async function storePendingSheet(
  tx: Tx,
  municipalityId: string,
  fields: ReturnType<typeof sheetFields>,
  entries: SheetEntry[],
  now: Date,
): Promise<{ sheet: { id: string; submissions: number }; previous: PreviousOfficer | null; resubmitted: boolean }> {
  const previous = await tx.referentSheet.findFirst({
    where: { municipalityId, status: "PENDING" },
    select: { officerEmail: true, officerFirstName: true, officerLastName: true },
  });
  const [pending] = await tx.referentSheet.updateManyAndReturn({
    where: { municipalityId, status: "PENDING" },
    data: { ...fields, submissions: { increment: 1 } },
    select: { id: true, submissions: true },
  });
  if (pending) {
    await tx.referentSheetEntry.deleteMany({ where: { sheetId: pending.id } });
    await tx.referentSheetEntry.createMany({ data: entries.map((entry) => ({ ...entry, sheetId: pending.id })) });
    return { sheet: pending, previous, resubmitted: true };
  }
  const sheet = await tx.referentSheet.create({
    data: { municipalityId, ...fields, firstSubmittedAt: now, entries: { create: entries } },
    select: { id: true, submissions: true },
  });
  return { sheet, previous, resubmitted: false };
}

const officerNameOf = (input: ReferentSheetInput) => `${input.officerFirstName} ${input.officerLastName}`;

/** Queues the acknowledgement to the officer who sent the scheda; gives the email's id. */
async function acknowledgeSheet(tx: Tx, input: ReferentSheetInput, municipalityName: string, resubmitted: boolean): Promise<string> {
  const officerName = officerNameOf(input);
  const { id } = await enqueueEmail(tx, {
    template: "referent-sheet-received",
    toEmail: input.officerEmail,
    toName: officerName,
    data: {
      recipientName: officerName,
      municipalityName,
      referents: input.referents.map((referent) => ({
        name: `${referent.firstName} ${referent.lastName}`,
        role: REFERENT_ROLE_PHRASES[referent.role],
        office: referent.office,
        email: referent.email,
      })),
      resubmitted,
      sheetUrl: sheetUrl(),
    },
  });
  return id;
}

/** The officer of the replaced scheda, when it is someone else still reachable. */
function replacedOfficerOf(previous: PreviousOfficer | null, input: ReferentSheetInput): PreviousOfficer | null {
  return previous && previous.officerEmail !== input.officerEmail && !isErasedAddress(previous.officerEmail) ? previous : null;
}

async function tellReplacedOfficer(tx: Tx, replaced: PreviousOfficer, input: ReferentSheetInput, municipalityName: string): Promise<void> {
  const name = `${replaced.officerFirstName} ${replaced.officerLastName}`;
  const officerName = officerNameOf(input);
  await enqueueEmail(tx, {
    template: "referent-sheet-replaced",
    toEmail: replaced.officerEmail,
    toName: name,
    data: {
      recipientName: name,
      municipalityName,
      replacedBy: input.officerRoleTitle ? `${officerName} (${input.officerRoleTitle})` : officerName,
      sheetUrl: sheetUrl(),
    },
  });
}

/** CHANGED: the officer sent it again after the coordinator opened it: what they reviewed is not what would be approved. */
export type ReviewFailure = "NOT_FOUND" | "ALREADY_REVIEWED" | "CHANGED";

/**
 * The scheda as the coordinator saw it: still PENDING and at the submission
 * they read. Sending it again bumps `submissions`, so a review never applies
 * to referents the coordinator has not seen.
 */
const reviewed = (sheetId: string, seenSubmissions: number) => ({ id: sheetId, status: "PENDING" as const, submissions: seenSubmissions });

async function reviewFailure(tx: Tx, sheetId: string): Promise<ReviewFailure> {
  const sheet = await tx.referentSheet.findUnique({ where: { id: sheetId }, select: { status: true } });
  if (!sheet) return "NOT_FOUND";
  return sheet.status === "PENDING" ? "CHANGED" : "ALREADY_REVIEWED";
}

export type ApproveSheetResult = { ok: true; activated: number; revoked: number } | { ok: false; reason: ReviewFailure };

/**
 * Approves a waiting scheda: its referents become the Comune's active ones
 * (people found or created by email, revoked ones reactivated), every other
 * active referent of the Comune is revoked, the Comune's PEC is the scheda's,
 * and each listed referent is emailed. Of two coordinators reviewing the same
 * scheda at once, exactly one succeeds.
 */
export async function approveReferentSheet(
  db: Db,
  { actor, sheetId, seenSubmissions, now = new Date() }: { actor: { id: string }; sheetId: string; seenSubmissions: number; now?: Date },
): Promise<ApproveSheetResult> {
  return db.$transaction(async (tx): Promise<ApproveSheetResult> => {
    const head = await tx.referentSheet.findUnique({ where: { id: sheetId }, select: { municipalityId: true } });
    if (!head) return { ok: false, reason: "NOT_FOUND" };
    const municipality = await lockMunicipality(tx, head.municipalityId);
    if (!municipality) return { ok: false, reason: "NOT_FOUND" };
    const [claimed] = await tx.referentSheet.updateManyAndReturn({
      where: reviewed(sheetId, seenSubmissions),
      data: { status: "APPROVED", reviewedAt: now, reviewedById: actor.id },
      select: { id: true, pec: true, officerEmail: true, officerFirstName: true, officerLastName: true },
    });
    if (!claimed) return { ok: false, reason: await reviewFailure(tx, sheetId) };

    // People in a stable order, so two approvals sharing people lock them alike.
    // An entry whose person was erased since (erasePerson takes them off waiting schede) designates nobody.
    const entries = (await tx.referentSheetEntry.findMany({ where: { sheetId }, orderBy: { email: "asc" } })).filter((entry) => !isErasedAddress(entry.email));
    const designated: string[] = [];
    for (const entry of entries) {
      const designation = await designateReferent(tx, { ...entry, municipalityId: municipality.id, source: "REFERENT_SHEET", sheetId, now });
      designated.push(designation.person.id);
      const { id: emailId } = await enqueueEmail(
        tx,
        designationEmail({ person: designation.person, municipalityName: municipality.name, role: entry.role, office: entry.office }),
      );
      await recordAudit(tx, {
        actor,
        action: "referent.designate",
        entityType: "Referent",
        entityId: designation.referentId,
        before: designation.before ? auditReferent(designation.before) : null,
        after: { municipality: municipality.name, ...auditReferent({ status: "ACTIVE", role: entry.role, office: entry.office }) },
        details: { sheetId, designationEmailId: emailId },
      });
    }

    const dropped = await tx.referent.findMany({
      where: { municipalityId: municipality.id, status: "ACTIVE", personId: { notIn: designated } },
      select: { id: true },
    });
    const reason = `Non più indicato nella scheda referenti approvata il ${formatShortDate(now)}`;
    for (const referent of dropped) await revokeInTransaction(tx, { actor, referentId: referent.id, reason, now, details: { sheetId } });

    if (municipality.pec !== claimed.pec) {
      await tx.municipality.update({ where: { id: municipality.id }, data: { pec: claimed.pec } });
    }
    // The officer was promised the outcome; one whose data were erased is told nothing.
    const officerName = `${claimed.officerFirstName} ${claimed.officerLastName}`;
    const { id: approvalEmailId } = isErasedAddress(claimed.officerEmail)
      ? { id: null }
      : await enqueueEmail(tx, {
          template: "referent-sheet-approved",
          toEmail: claimed.officerEmail,
          toName: officerName,
          data: {
            recipientName: officerName,
            municipalityName: municipality.name,
            referents: entries
              .toSorted((a, b) => a.position - b.position)
              .map((entry) => ({
                name: `${entry.firstName} ${entry.lastName}`,
                role: REFERENT_ROLE_PHRASES[entry.role],
                office: entry.office,
              })),
            sheetUrl: sheetUrl(),
          },
        });
    await recordAudit(tx, {
      actor,
      action: "referent-sheet.approve",
      entityType: "ReferentSheet",
      entityId: sheetId,
      before: { status: "PENDING", pec: municipality.pec },
      after: { status: "APPROVED", pec: claimed.pec },
      details: { municipality: municipality.name, activated: entries.length, revoked: dropped.length, approvalEmailId },
    });
    return { ok: true, activated: entries.length, revoked: dropped.length };
  });
}

export type RejectSheetResult = { ok: true } | { ok: false; reason: ReviewFailure | "REASON_REQUIRED" };

/** Rejects a waiting scheda; the officer is emailed the reason and a link to fill it in again. */
export async function rejectReferentSheet(
  db: Db,
  {
    actor,
    sheetId,
    seenSubmissions,
    reason,
    now = new Date(),
  }: { actor: { id: string }; sheetId: string; seenSubmissions: number; reason: string; now?: Date },
): Promise<RejectSheetResult> {
  const why = reason.trim();
  if (why.length < 5) return { ok: false, reason: "REASON_REQUIRED" };
  return db.$transaction(async (tx): Promise<RejectSheetResult> => {
    const [sheet] = await tx.referentSheet.updateManyAndReturn({
      where: reviewed(sheetId, seenSubmissions),
      data: { status: "REJECTED", reviewedAt: now, reviewedById: actor.id, rejectionReason: why },
      select: { id: true, officerEmail: true, officerFirstName: true, officerLastName: true, municipality: { select: { name: true } } },
    });
    if (!sheet) return { ok: false, reason: await reviewFailure(tx, sheetId) };
    const officerName = `${sheet.officerFirstName} ${sheet.officerLastName}`;
    // An officer whose data were erased is told nothing: there is nobody to write to.
    const { id: emailId } = isErasedAddress(sheet.officerEmail)
      ? { id: null }
      : await enqueueEmail(tx, {
          template: "referent-sheet-rejected",
          toEmail: sheet.officerEmail,
          toName: officerName,
          data: { recipientName: officerName, municipalityName: sheet.municipality.name, reason: why, sheetUrl: sheetUrl() },
        });
    await recordAudit(tx, {
      actor,
      action: "referent-sheet.reject",
      entityType: "ReferentSheet",
      entityId: sheet.id,
      before: { status: "PENDING" },
      after: { status: "REJECTED" },
      details: { municipality: sheet.municipality.name, reason: why, rejectionEmailId: emailId },
    });
    return { ok: true };
  });
}
