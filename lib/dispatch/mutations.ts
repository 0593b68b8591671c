import "server-only";
// "Invia convocazione": the letter and the blank scheda frozen as PDFs on a
// Dispatch, and one email per address not reached before, each with its
// DispatchRecipient and its delivery job, all in one transaction under the
// meeting's lock. Two coordinators pressing the button together run one
// after the other; the second finds every address already reached.
import { recordAudit } from "@/lib/audit/mutations";
import { createUnsubscribeUrl } from "@/lib/communications/mutations";
import type { Db, Tx } from "@/lib/db";
import { messageRow, sendEmailJobs } from "@/lib/email/mutations";
import type { ConvocationData } from "@/lib/email/schema";
import type { DispatchAudience } from "@/lib/generated/prisma/enums";
import { protocolLabel } from "@/lib/meetings/letter";
import { buildLetterPdf, letterFileName } from "@/lib/meetings/letter-pdf";
import { describeMode } from "@/lib/meetings/labels";
import { withLockedMeeting } from "@/lib/meetings/lock";
import { formatDateTime, formatDateTimeRange } from "@/lib/platform/format/dates";
import { BLANK_SHEET_FILENAME, buildBlankSheetPdf } from "@/lib/referents/sheets/blank-pdf";
import { routes } from "@/lib/routes";
import { appOrigin } from "@/lib/site";
import { AUDIENCES, type Recipient } from "./audiences";
import { CONVOCATION_TEMPLATE, dispatchDedupeKey } from "./constants";
import type { DispatchRefusal } from "./labels";
import { getAudienceSummary } from "./queries";

export type SendConvocationResult =
  | { ok: true; dispatchId: string | null; sent: { pec: number; email: number }; alreadyReached: number }
  | { ok: false; reason: Exclude<DispatchRefusal, "COUNT_CHANGED"> }
  | { ok: false; reason: "COUNT_CHANGED"; recipients: number };

type Meeting = Awaited<ReturnType<typeof loadMeeting>>;

function loadMeeting(tx: Tx, id: string) {
  return tx.meeting.findUniqueOrThrow({ where: { id } });
}

/** What every recipient's email says of the meeting, formatted once. */
function commonData(meeting: Meeting): Omit<ConvocationData, "addressee" | "unsubscribeUrl"> {
  const origin = appOrigin();
  const page = routes.public.meeting(meeting.slug);
  return {
    meetingTitle: meeting.title,
    when: formatDateTimeRange(meeting.startsAt, meeting.endsAt),
    where: [describeMode(meeting), meeting.venueAddress].filter(Boolean).join(", "),
    meetingUrl: `${origin}${page.page()}`,
    subject: meeting.subject.replace(/\*\*/g, "").replace(/\s+/g, " ").trim(),
    protocol: meeting.protocolNumber ? protocolLabel(meeting.protocolNumber) : null,
    registrationUrl: `${origin}${page.registration()}`,
    closesAt: formatDateTime(meeting.registrationClosesAt ?? meeting.startsAt),
    referentSheetUrl: `${origin}${routes.referentSheet()}`,
    attachmentNames: [letterFileName(meeting.slug), BLANK_SHEET_FILENAME],
  };
}

/** A Comune is addressed as the letter addresses it; a person by name. */
function addresseeOf(recipient: Recipient): string {
  return recipient.channel === "PEC" ? `Al ${recipient.name}` : `Gentile ${recipient.name}`;
}

/**
 * Only who is reached because they consented (and for no other reason) may
 * stop it: a referent or a Comune is convened whatever their consent says.
 */
function wantsUnsubscribeLink(recipient: Recipient): boolean {
  return recipient.personId !== null && recipient.audiences.every((audience) => audience === "CONSENTED");
}

/**
 * Sends the convocation of a published meeting that has not ended to the
 * chosen audiences, reaching only the addresses no earlier dispatch of this
 * meeting reached. `expected` is the count the coordinator confirmed: if the
 * recipients changed since the preview (a referent approved meanwhile), it
 * sends nothing and says how many there are now.
 */
export async function sendConvocation(
  db: Db,
  {
    actor,
    meetingId,
    audiences,
    expected,
    now = new Date(),
  }: { actor: { id: string }; meetingId: string; audiences: readonly DispatchAudience[]; expected: number; now?: Date },
): Promise<SendConvocationResult> {
  const chosen = AUDIENCES.filter((audience) => audiences.includes(audience));
  if (chosen.length === 0) return { ok: false, reason: "NO_AUDIENCE" };
  return withLockedMeeting(db, { id: meetingId }, async (tx, locked): Promise<SendConvocationResult> => {
    if (!locked) return { ok: false, reason: "MEETING_NOT_FOUND" };
    if (locked.status !== "PUBLISHED") return { ok: false, reason: "NOT_PUBLISHED" };
    if (locked.endsAt <= now) return { ok: false, reason: "MEETING_OVER" };

    const summary = await getAudienceSummary(tx, { meetingId, audiences: chosen });
    const { toSend } = summary;
    if (toSend.length !== expected) return { ok: false, reason: "COUNT_CHANGED", recipients: toSend.length };
    if (toSend.length === 0) return { ok: true, dispatchId: null, sent: { pec: 0, email: 0 }, alreadyReached: summary.alreadyReached };

    const meeting = await loadMeeting(tx, meetingId);
    const origin = appOrigin();
    // Frozen now: what went out stays what the dispatch page offers, whatever the letter becomes.
    const [letterPdf, sheetPdf] = await Promise.all([
      buildLetterPdf(meeting),
      buildBlankSheetPdf({ formUrl: `${origin}${routes.referentSheet()}`, privacyUrl: `${origin}${routes.privacy()}`, letterhead: meeting }),
    ]);
    const dispatch = await tx.dispatch.create({
      data: { meetingId, audiences: chosen, recipients: toSend.length, letterPdf: new Uint8Array(letterPdf), sheetPdf: new Uint8Array(sheetPdf), createdById: actor.id },
      select: { id: true },
    });

    const common = commonData(meeting);
    const rows = [];
    for (const recipient of toSend) {
      const data: ConvocationData = {
        ...common,
        addressee: addresseeOf(recipient),
        unsubscribeUrl: wantsUnsubscribeLink(recipient)
          ? await createUnsubscribeUrl(tx, { personId: recipient.personId!, email: recipient.address })
          : null,
      };
      rows.push({
        ...messageRow({ template: CONVOCATION_TEMPLATE, toEmail: recipient.address, toName: recipient.name, meetingId, channel: recipient.channel, data }),
        dedupeKey: dispatchDedupeKey(meetingId, recipient.address),
      });
    }
    // The meeting's lock and the check above make every key new; the unique key is the last word.
    const messages = [];
    for (let start = 0; start < rows.length; start += 500) {
      messages.push(
        ...(await tx.emailMessage.createManyAndReturn({ data: rows.slice(start, start + 500), select: { id: true, toEmail: true } })),
      );
    }
    const messageOf = new Map(messages.map((message) => [message.toEmail, message.id]));
    await tx.dispatchRecipient.createMany({
      data: toSend.map((recipient) => ({
        dispatchId: dispatch.id,
        meetingId,
        channel: recipient.channel,
        address: recipient.address,
        municipalityId: recipient.municipalityId,
        personId: recipient.personId,
        emailMessageId: messageOf.get(recipient.address)!,
      })),
    });
    await sendEmailJobs(tx, messages.map((message) => message.id));

    const sent = {
      pec: toSend.filter((recipient) => recipient.channel === "PEC").length,
      email: toSend.filter((recipient) => recipient.channel === "EMAIL").length,
    };
    await recordAudit(tx, {
      actor,
      action: "meeting.convocation-dispatch",
      entityType: "Meeting",
      entityId: meetingId,
      details: { dispatchId: dispatch.id, audiences: chosen, byPec: sent.pec, byEmail: sent.email, alreadyReached: summary.alreadyReached },
    });
    return { ok: true, dispatchId: dispatch.id, sent, alreadyReached: summary.alreadyReached };
  });
}
