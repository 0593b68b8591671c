import "server-only";
// The coordinators' writes to convocations. Each runs in one transaction that
// locks the meeting row when its status matters (registrations queue on the
// same lock), refuses an illegal transition with a typed reason, and records
// its audit entry. The join link never enters the audit log: only whether it
// changed.
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/mutations";
import type { Db, Tx } from "@/lib/db";
import { cancelQueuedEmails, enqueueEmail } from "@/lib/email/mutations";
import { formatDateTimeRange } from "@/lib/platform/format/dates";
import { sendUpdatedJoinLinkIfDue } from "@/lib/join-link/mutations";
import { PERSONAL_LINK_TTL_AFTER_END, promoteFromWaitingList } from "@/lib/registrations/mutations";
import { appOrigin } from "@/lib/site";
import type { MeetingInput } from "./schema";
import { MAX_SLUG_LENGTH, slugify } from "./slug";
import { meetingFormVersion } from "./form-version";
import { describeMode } from "./labels";
import { withLockedMeeting, type LockedMeeting } from "./lock";
import { routes } from "@/lib/routes";

type Actor = { id: string };

const fullMeeting = {
  speakers: { orderBy: { position: "asc" } },
  agendaItems: { orderBy: { position: "asc" } },
} satisfies Prisma.MeetingInclude;

type FullMeeting = Prisma.MeetingGetPayload<{ include: typeof fullMeeting }>;

type Json = Prisma.InputJsonValue;

/** What the audit log keeps of a meeting: everything a coordinator edits, except the join link. */
function auditSnapshot(meeting: FullMeeting): Record<string, Json | null> {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    slug: meeting.slug,
    status: meeting.status,
    kind: meeting.kind,
    title: meeting.title,
    subject: meeting.subject,
    placeAndDate: meeting.placeAndDate,
    protocolNumber: meeting.protocolNumber,
    startsAt: iso(meeting.startsAt),
    endsAt: iso(meeting.endsAt),
    mode: meeting.mode,
    platform: meeting.platform,
    venueName: meeting.venueName,
    venueAddress: meeting.venueAddress,
    capacity: meeting.capacity,
    registrationOpensAt: iso(meeting.registrationOpensAt),
    registrationClosesAt: iso(meeting.registrationClosesAt),
    invitesManagingBodies: meeting.invitesManagingBodies,
    salutation: meeting.salutation,
    body: meeting.body,
    closing: meeting.closing,
    signatoryName: meeting.signatoryName,
    signatoryTitle: meeting.signatoryTitle,
    fundingFund: meeting.fundingFund,
    fundingLine: meeting.fundingLine,
    projectCode: meeting.projectCode,
    projectName: meeting.projectName,
    projectWebsite: meeting.projectWebsite,
    speakers: meeting.speakers.map(({ honorific, name, role, affiliation, talkTitle }) => ({ honorific, name, role, affiliation, talkTitle })),
    agendaItems: meeting.agendaItems.map(({ title, description }) => ({ title, description })),
  };
}

/** Only the fields that changed, before and after. */
function auditDiff(before: FullMeeting, after: FullMeeting) {
  const old = auditSnapshot(before);
  const now = auditSnapshot(after);
  const changed = Object.keys(now).filter((key) => JSON.stringify(old[key]) !== JSON.stringify(now[key]));
  return {
    before: Object.fromEntries(changed.map((key) => [key, old[key]])),
    after: Object.fromEntries(changed.map((key) => [key, now[key]])),
  };
}

/** The columns a form writes, without the slug and the rows it handles on its own. */
function editableFields(input: MeetingInput) {
  const fields: Partial<MeetingInput> = { ...input };
  delete fields.slug;
  delete fields.speakers;
  delete fields.agendaItems;
  return fields as Omit<MeetingInput, "slug" | "speakers" | "agendaItems">;
}

function rowsToCreate(input: Pick<MeetingInput, "speakers" | "agendaItems">) {
  return {
    speakers: { create: input.speakers.map((speaker, index) => ({ ...speaker, position: index + 1 })) },
    agendaItems: { create: input.agendaItems.map((item, index) => ({ ...item, position: index + 1 })) },
  };
}

/** The slug itself when free, else the first free "slug-2", "slug-3", … */
async function freeSlug(tx: Tx, base: string): Promise<string> {
  const taken = new Set((await tx.meeting.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

// The slug is the only unique column a meeting's own write can collide on.
function isSlugConflict(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export type CreateMeetingResult = { ok: true; id: string; slug: string } | { ok: false; reason: "SLUG_TAKEN" };

/** A new convocation, always a draft: nobody outside the dashboard sees it until it is published. */
export async function createMeeting(db: Db, { actor, ...input }: { actor: Actor } & MeetingInput): Promise<CreateMeetingResult> {
  try {
    return await db.$transaction(async (tx): Promise<CreateMeetingResult> => {
      const slug = input.slug ?? (await freeSlug(tx, slugify(input.title)));
      const meeting = await tx.meeting.create({
        data: { ...editableFields(input), slug, status: "DRAFT", ...rowsToCreate(input) },
        include: fullMeeting,
      });
      await recordAudit(tx, {
        actor,
        action: "meeting.create",
        entityType: "Meeting",
        entityId: meeting.id,
        after: auditSnapshot(meeting),
        details: { joinUrlChanged: meeting.joinUrl !== null },
      });
      return { ok: true, id: meeting.id, slug: meeting.slug };
    });
  } catch (error) {
    if (isSlugConflict(error)) return { ok: false, reason: "SLUG_TAKEN" };
    throw error;
  }
}

export type UpdateMeetingFailure = "NOT_FOUND" | "MEETING_CANCELLED" | "MEETING_ARCHIVED" | "SLUG_TAKEN" | "SLUG_LOCKED" | "STALE";
export type UpdateMeetingResult =
  | { ok: true; slug: string; promoted: number; version: string; joinLinkQueued: number }
  | { ok: false; reason: Exclude<UpdateMeetingFailure, "STALE"> }
  | { ok: false; reason: "STALE"; version: string };

export type UpdateMeetingOptions = {
  now?: Date;
  /** The editor's fingerprint of the meeting as it was loaded; when it no longer matches, nothing is saved (STALE). */
  expectedVersion?: string | null;
};

/**
 * Replaces every field, the speakers and the agenda. A published meeting keeps
 * its address (links to it are out in emails and calendars). A new join link
 * bumps joinUrlVersion (and, once a link was sent, goes to everyone confirmed:
 * joinLinkQueued says to how many); a later end moves the personal and invitation links'
 * expiry with it; more seats go to the waiting list in arrival order. Saving
 * over someone else's change is refused once (STALE, with the meeting's
 * current version, which a second save may then overwrite knowingly).
 */
export async function updateMeeting(
  db: Db,
  { actor, id, options = {}, ...input }: { actor: Actor; id: string; options?: UpdateMeetingOptions } & MeetingInput,
): Promise<UpdateMeetingResult> {
  const { now = new Date(), expectedVersion = null } = options;
  try {
    return await withLockedMeeting(db, { id }, async (tx, locked): Promise<UpdateMeetingResult> => {
      if (!locked) return { ok: false, reason: "NOT_FOUND" };
      if (locked.status === "CANCELLED") return { ok: false, reason: "MEETING_CANCELLED" };
      if (locked.status === "ARCHIVED") return { ok: false, reason: "MEETING_ARCHIVED" };
      const before = await tx.meeting.findUniqueOrThrow({ where: { id }, include: fullMeeting });
      const current = meetingFormVersion(before);
      if (expectedVersion && expectedVersion !== current) return { ok: false, reason: "STALE", version: current };
      const slug = input.slug ?? before.slug;
      if (slug !== before.slug && before.status !== "DRAFT") return { ok: false, reason: "SLUG_LOCKED" };
      const joinUrlChanged = (input.joinUrl ?? null) !== (before.joinUrl ?? null);

      await tx.meetingSpeaker.deleteMany({ where: { meetingId: id } });
      await tx.agendaItem.deleteMany({ where: { meetingId: id } });
      const after = await tx.meeting.update({
        where: { id },
        data: {
          ...editableFields(input),
          slug,
          // The form always carries both dates: a duplicate's are set from here on.
          datesPending: false,
          ...(joinUrlChanged ? { joinUrlVersion: { increment: 1 } } : {}),
          ...rowsToCreate(input),
        },
        include: fullMeeting,
      });

      if (after.endsAt.getTime() !== before.endsAt.getTime()) {
        await tx.registration.updateMany({
          where: { meetingId: id },
          data: { tokenExpiresAt: new Date(after.endsAt.getTime() + PERSONAL_LINK_TTL_AFTER_END) },
        });
        await tx.invitation.updateMany({ where: { meetingId: id, status: "SENT" }, data: { tokenExpiresAt: after.endsAt } });
      }

      let promoted = 0;
      if (after.status === "PUBLISHED" && now < after.endsAt) {
        const seats: LockedMeeting = { ...locked, capacity: after.capacity };
        for (let next = await promoteFromWaitingList(tx, { meeting: seats, now }); next; next = await promoteFromWaitingList(tx, { meeting: seats, now })) {
          promoted++;
          await recordAudit(tx, {
            actor,
            action: "registration.promote",
            entityType: "Registration",
            entityId: next,
            before: { status: "WAITLISTED" },
            after: { status: "CONFIRMED" },
            details: { meetingId: id, cause: "capacity-increase" },
          });
        }
      }

      // A link already sent and now changed goes again to everyone confirmed, as "Link aggiornato".
      const resent = joinUrlChanged ? await sendUpdatedJoinLinkIfDue(tx, { meetingId: id, actor, now }) : null;
      const joinLinkQueued = resent?.ok ? resent.recipients : 0;

      const diff = auditDiff(before, after);
      await recordAudit(tx, {
        actor,
        action: "meeting.update",
        entityType: "Meeting",
        entityId: id,
        before: diff.before,
        after: diff.after,
        details: { joinUrlChanged, ...(promoted > 0 ? { promotedFromWaitingList: promoted } : {}) },
      });
      return { ok: true, slug: after.slug, promoted, version: meetingFormVersion(after), joinLinkQueued };
    });
  } catch (error) {
    if (isSlugConflict(error)) return { ok: false, reason: "SLUG_TAKEN" };
    throw error;
  }
}

type StatusChange<Reason extends string> = { ok: true; slug: string } | { ok: false; reason: Reason | "NOT_FOUND" };

type Transition<Reason extends string> = {
  action: "meeting.publish" | "meeting.unpublish" | "meeting.archive";
  /** Why the locked meeting cannot make this move, or null when it can. */
  refuse: (meeting: LockedMeeting, tx: Tx) => Promise<Reason | null> | Reason | null;
  data: Prisma.MeetingUpdateInput;
  /** What the audit log records as the state after. */
  after: Prisma.InputJsonObject;
};

/** A status change: lock the meeting, check the move, make it, record it, in one transaction. */
async function changeStatus<Reason extends string>(db: Db, actor: Actor, id: string, move: Transition<Reason>): Promise<StatusChange<Reason>> {
  return withLockedMeeting(db, { id }, async (tx, meeting): Promise<StatusChange<Reason>> => {
    if (!meeting) return { ok: false, reason: "NOT_FOUND" };
    const refusal = await move.refuse(meeting, tx);
    if (refusal) return { ok: false, reason: refusal };
    await tx.meeting.update({ where: { id }, data: move.data });
    await recordAudit(tx, {
      actor,
      action: move.action,
      entityType: "Meeting",
      entityId: id,
      before: { status: meeting.status },
      after: move.after,
    });
    return { ok: true, slug: meeting.slug };
  });
}

const COPY_SUFFIX = " (copia)";
/** The title "Duplica" gave, left as it was. */
const UNTOUCHED_COPY = /\(copia\)\s*$/i;

export type PublishFailure =
  | "ALREADY_PUBLISHED"
  | "MEETING_CANCELLED"
  | "MEETING_ARCHIVED"
  | "DATES_PENDING"
  | "STARTS_IN_PAST"
  | "TITLE_IS_COPY";

/**
 * Draft → published: the page, the home lists and the registration form open
 * to the public. Not a duplicate still waiting for its dates or its own title,
 * nor a meeting that has already started.
 */
export async function publishMeeting(db: Db, { actor, id, now = new Date() }: { actor: Actor; id: string; now?: Date }): Promise<StatusChange<PublishFailure>> {
  return changeStatus<PublishFailure>(db, actor, id, {
    action: "meeting.publish",
    async refuse({ status, startsAt }, tx) {
      if (status === "PUBLISHED") return "ALREADY_PUBLISHED";
      if (status === "CANCELLED") return "MEETING_CANCELLED";
      if (status === "ARCHIVED") return "MEETING_ARCHIVED";
      const { title, datesPending } = await tx.meeting.findUniqueOrThrow({ where: { id }, select: { title: true, datesPending: true } });
      if (datesPending) return "DATES_PENDING";
      if (startsAt <= now) return "STARTS_IN_PAST";
      if (UNTOUCHED_COPY.test(title)) return "TITLE_IS_COPY";
      return null;
    },
    data: { status: "PUBLISHED", publishedAt: now },
    after: { status: "PUBLISHED", publishedAt: now.toISOString() },
  });
}

export type UnpublishFailure = "NOT_PUBLISHED" | "MEETING_CANCELLED" | "MEETING_ARCHIVED" | "HAS_REGISTRATIONS";

/**
 * Published → draft, while nobody has registered: the page disappears. Once
 * people hold a seat or a place in line, the meeting can only be cancelled,
 * which tells them.
 */
export async function unpublishMeeting(db: Db, { actor, id }: { actor: Actor; id: string }): Promise<StatusChange<UnpublishFailure>> {
  return changeStatus<UnpublishFailure>(db, actor, id, {
    action: "meeting.unpublish",
    async refuse({ status }, tx) {
      if (status === "DRAFT") return "NOT_PUBLISHED";
      if (status === "CANCELLED") return "MEETING_CANCELLED";
      if (status === "ARCHIVED") return "MEETING_ARCHIVED";
      const active = await tx.registration.count({ where: { meetingId: id, status: { in: ["CONFIRMED", "WAITLISTED"] } } });
      return active > 0 ? "HAS_REGISTRATIONS" : null;
    },
    data: { status: "DRAFT", publishedAt: null },
    after: { status: "DRAFT" },
  });
}

export type CancelMeetingFailure = "NOT_PUBLISHED" | "ALREADY_CANCELLED" | "MEETING_ARCHIVED" | "MEETING_ENDED";
export type CancelMeetingResult = { ok: true; slug: string; notified: number } | { ok: false; reason: CancelMeetingFailure | "NOT_FOUND" };

export const CANCELLED_MEETING = "Annullato: incontro annullato";

/**
 * Published → cancelled, with the reason the page shows. Every confirmed or
 * waitlisted registrant gets one email, written in this transaction: the row
 * lock keeps a registration from slipping in between the change and the list.
 */
export async function cancelMeeting(
  db: Db,
  { actor, id, reason, now = new Date() }: { actor: Actor; id: string; reason: string; now?: Date },
): Promise<CancelMeetingResult> {
  return withLockedMeeting(db, { id }, async (tx, locked): Promise<CancelMeetingResult> => {
    if (!locked) return { ok: false, reason: "NOT_FOUND" };
    if (locked.status === "DRAFT") return { ok: false, reason: "NOT_PUBLISHED" };
    if (locked.status === "CANCELLED") return { ok: false, reason: "ALREADY_CANCELLED" };
    if (locked.status === "ARCHIVED") return { ok: false, reason: "MEETING_ARCHIVED" };
    if (now >= locked.endsAt) return { ok: false, reason: "MEETING_ENDED" };

    const meeting = await tx.meeting.update({
      where: { id },
      data: { status: "CANCELLED", cancelledAt: now, cancellationReason: reason },
    });
    // Nothing queued about taking part leaves any more (a join link, a reminder, a confirmation, an invitation): only the
    // news that it is cancelled. Someone who cancelled their own registration still gets the acknowledgement.
    const withdrawn = await cancelQueuedEmails(tx, {
      where: { meetingId: id, template: { notIn: ["registration-cancelled", "meeting-cancelled"] } },
      reason: CANCELLED_MEETING,
    });
    const registrants = await tx.registration.findMany({
      where: { meetingId: id, status: { in: ["CONFIRMED", "WAITLISTED"] } },
      orderBy: { arrival: "asc" },
      select: { id: true, person: { select: { email: true, firstName: true, lastName: true } } },
    });
    const shared = {
      meetingTitle: meeting.title,
      when: formatDateTimeRange(meeting.startsAt, meeting.endsAt),
      where: [describeMode(meeting), meeting.venueAddress].filter(Boolean).join(", "),
      meetingUrl: `${appOrigin()}${routes.public.meeting(meeting.slug).page()}`,
      reason,
    };
    for (const registration of registrants) {
      const { person } = registration;
      await enqueueEmail(tx, {
        template: "meeting-cancelled",
        toEmail: person.email,
        toName: `${person.firstName} ${person.lastName}`,
        meetingId: id,
        registrationId: registration.id,
        data: { ...shared, recipientName: person.firstName },
      });
    }
    await recordAudit(tx, {
      actor,
      action: "meeting.cancel",
      entityType: "Meeting",
      entityId: id,
      before: { status: locked.status },
      after: { status: "CANCELLED", cancelledAt: now.toISOString(), cancellationReason: reason },
      details: { notified: registrants.length, emailsWithdrawn: withdrawn },
    });
    return { ok: true, slug: meeting.slug, notified: registrants.length };
  });
}

export type ArchiveFailure = "NOT_PUBLISHED" | "ALREADY_ARCHIVED" | "MEETING_NOT_ENDED";

/**
 * Out of the current lists, kept for the record: a meeting that took place,
 * or a cancelled one. Its page stays readable; a draft is never made public this way.
 */
export async function archiveMeeting(db: Db, { actor, id, now = new Date() }: { actor: Actor; id: string; now?: Date }): Promise<StatusChange<ArchiveFailure>> {
  return changeStatus<ArchiveFailure>(db, actor, id, {
    action: "meeting.archive",
    refuse: ({ status, endsAt }) =>
      status === "DRAFT" ? "NOT_PUBLISHED" : status === "ARCHIVED" ? "ALREADY_ARCHIVED" : status === "PUBLISHED" && now < endsAt ? "MEETING_NOT_ENDED" : null,
    data: { status: "ARCHIVED" },
    after: { status: "ARCHIVED" },
  });
}

export type DuplicateMeetingResult = { ok: true; id: string; slug: string } | { ok: false; reason: "NOT_FOUND" };

/**
 * A new draft with the same letter, speakers and agenda, to adapt for the
 * next meeting: its own address, no registrations, no join link (each
 * meeting gets its own), nothing of the source's publication or cancellation,
 * and no dates, registration window or protocol number until a coordinator sets them.
 */
export async function duplicateMeeting(db: Db, { actor, id }: { actor: Actor; id: string }): Promise<DuplicateMeetingResult> {
  return db.$transaction(async (tx): Promise<DuplicateMeetingResult> => {
    const source = await tx.meeting.findUnique({ where: { id }, include: fullMeeting });
    if (!source) return { ok: false, reason: "NOT_FOUND" };
    const title = `${source.title.slice(0, 200 - COPY_SUFFIX.length)}${COPY_SUFFIX}`;
    const copy = await tx.meeting.create({
      data: {
        slug: await freeSlug(tx, slugify(title)),
        status: "DRAFT",
        kind: source.kind,
        title,
        subject: source.subject,
        // The next meeting has its own dates, window and protocol number: the source's stay only as
        // placeholders of the required columns, never shown (datesPending), and publishing waits for new ones.
        protocolNumber: null,
        startsAt: source.startsAt,
        endsAt: source.endsAt,
        datesPending: true,
        mode: source.mode,
        platform: source.platform,
        venueName: source.venueName,
        venueAddress: source.venueAddress,
        capacity: source.capacity,
        registrationOpensAt: null,
        registrationClosesAt: null,
        invitesManagingBodies: source.invitesManagingBodies,
        salutation: source.salutation,
        body: source.body,
        closing: source.closing,
        signatoryName: source.signatoryName,
        signatoryTitle: source.signatoryTitle,
        fundingFund: source.fundingFund,
        fundingLine: source.fundingLine,
        projectCode: source.projectCode,
        projectName: source.projectName,
        projectWebsite: source.projectWebsite,
        ...rowsToCreate({
          speakers: source.speakers.map(({ honorific, name, role, affiliation, talkTitle }) => ({ honorific, name, role, affiliation, talkTitle })),
          agendaItems: source.agendaItems.map(({ title: itemTitle, description }) => ({ title: itemTitle, description })),
        }),
      },
      include: fullMeeting,
    });
    await recordAudit(tx, {
      actor,
      action: "meeting.duplicate",
      entityType: "Meeting",
      entityId: copy.id,
      after: auditSnapshot(copy),
      details: { sourceMeetingId: source.id, sourceSlug: source.slug, joinUrlChanged: false },
    });
    return { ok: true, id: copy.id, slug: copy.slug };
  });
}
