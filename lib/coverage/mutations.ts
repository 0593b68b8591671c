import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import type { Db, Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/mutations";
import type { CoverageReminderData } from "@/lib/email/schema";
import { formatDateTime, formatDateTimeRange } from "@/lib/platform/format/dates";
import { describeMode } from "@/lib/meetings/labels";
import { withLockedMeeting } from "@/lib/meetings/lock";
import { registrationWindow } from "@/lib/meetings/registration-window";
import { appOrigin } from "@/lib/site";
import { COVERAGE_REMINDER_TEMPLATE, REMINDER_WINDOW_MS } from "./constants";
import { routes } from "@/lib/routes";
import { whenAndWhereSelect } from "@/lib/meetings/when-and-where";
import { createUnsubscribeUrl } from "@/lib/communications/mutations";

export type SendCoverageRemindersResult =
  | { ok: true; sent: number; skipped: number }
  | { ok: false; reason: "MEETING_NOT_FOUND" | "REGISTRATION_NOT_OPEN" | "MEETING_FULL" };

type Recipient = { id: string; email: string; firstName: string; lastName: string; municipalityNames: string[] };

/**
 * The active referents of the SAI municipalities with no live registration
 * for the meeting, one entry per person (a referent of two such
 * municipalities gets one email naming both). Whoever used the unsubscribe
 * link of an earlier reminder (their consent withdrawn, and not given again
 * since) is not reminded.
 */
async function referentsToRemind(tx: Tx, meetingId: string): Promise<Recipient[]> {
  const referents = await tx.referent.findMany({
    where: {
      status: "ACTIVE",
      person: { NOT: { communicationsConsent: false, communicationsConsentWithdrawnAt: { not: null } } },
      municipality: { saiMember: true, registrations: { none: { meetingId, status: { not: "CANCELLED" }, organisationType: "COMUNE" } } },
    },
    select: {
      person: { select: { id: true, email: true, firstName: true, lastName: true } },
      municipality: { select: { name: true } },
    },
    orderBy: [{ municipality: { name: "asc" } }],
  });
  const byEmail = new Map<string, Recipient>();
  for (const { person, municipality } of referents) {
    const recipient = byEmail.get(person.email) ?? { ...person, municipalityNames: [] };
    recipient.municipalityNames.push(municipality.name);
    byEmail.set(person.email, recipient);
  }
  return [...byEmail.values()];
}

/**
 * One click on "remind the missing ones": an email to each active referent of
 * the SAI municipalities nobody has registered for yet, asking them to
 * register and to nominate their enti gestori. The meeting row is locked, so
 * two clicks run one after the other; whoever was reminded about this meeting
 * in the last 24 hours is skipped, so a second click sends nothing twice.
 * All emails and the audit entry commit together.
 */
export async function sendCoverageReminders(
  db: Db,
  { actor, meetingId, now = new Date() }: { actor: { id: string }; meetingId: string; now?: Date },
): Promise<SendCoverageRemindersResult> {
  return withLockedMeeting(db, { id: meetingId }, async (tx, locked): Promise<SendCoverageRemindersResult> => {
    if (!locked) return { ok: false, reason: "MEETING_NOT_FOUND" };
    if (registrationWindow(locked, now).state !== "open") return { ok: false, reason: "REGISTRATION_NOT_OPEN" };
    // A full meeting would only put the reminded on the waiting list: nobody is asked to register for it.
    if (locked.capacity !== null && (await tx.registration.count({ where: { meetingId, status: "CONFIRMED" } })) >= locked.capacity) {
      return { ok: false, reason: "MEETING_FULL" };
    }
    const meeting = await tx.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: {
        slug: true,
        title: true,
        ...whenAndWhereSelect,
        registrationClosesAt: true,
        invitesManagingBodies: true,
      },
    });

    const recipients = await referentsToRemind(tx, meetingId);
    const recent = await tx.emailMessage.findMany({
      where: {
        meetingId,
        template: COVERAGE_REMINDER_TEMPLATE,
        toEmail: { in: recipients.map((recipient) => recipient.email) },
        createdAt: { gte: new Date(now.getTime() - REMINDER_WINDOW_MS) },
      },
      select: { toEmail: true },
    });
    const reminded = new Set(recent.map((message) => message.toEmail));
    const toSend = recipients.filter((recipient) => !reminded.has(recipient.email));

    const meetingUrl = `${appOrigin()}${routes.public.meeting(meeting.slug).page()}`;
    const common = {
      meetingTitle: meeting.title,
      when: formatDateTimeRange(meeting.startsAt, meeting.endsAt),
      where: [describeMode(meeting), meeting.venueAddress].filter(Boolean).join(", "),
      meetingUrl,
      registrationUrl: `${appOrigin()}${routes.public.meeting(meeting.slug).registration()}`,
      closesAt: formatDateTime(meeting.registrationClosesAt ?? meeting.startsAt),
      invitesManagingBodies: meeting.invitesManagingBodies,
    };
    for (const recipient of toSend) {
      const data: CoverageReminderData = {
        ...common,
        recipientName: recipient.firstName,
        municipalityNames: recipient.municipalityNames,
        // A reminder is a communication they may stop: the link withdraws their consent.
        unsubscribeUrl: await createUnsubscribeUrl(tx, { personId: recipient.id, email: recipient.email }),
      };
      await enqueueEmail(tx, {
        template: COVERAGE_REMINDER_TEMPLATE,
        toEmail: recipient.email,
        toName: `${recipient.firstName} ${recipient.lastName}`,
        meetingId,
        data,
      });
    }

    const result = { ok: true as const, sent: toSend.length, skipped: recipients.length - toSend.length };
    if (result.sent > 0) {
      await recordAudit(tx, {
        actor,
        action: "meeting.coverage-reminders",
        entityType: "Meeting",
        entityId: meetingId,
        details: {
          sent: result.sent,
          skipped: result.skipped,
          municipalities: [...new Set(toSend.flatMap((recipient) => recipient.municipalityNames))].length,
        },
      });
    }
    return result;
  });
}
