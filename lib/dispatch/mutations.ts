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
import { buildLetterPdf } from "@/lib/meetings/letter-pdf";
import { withLockedMeeting, type LockedMeeting } from "@/lib/meetings/lock";
import { buildBlankSheetPdf } from "@/lib/referents/sheets/blank-pdf";
import { routes } from "@/lib/routes";
import { appOrigin } from "@/lib/site";
import { AUDIENCES, normaliseAddress, type Recipient } from "./audiences";
import { CONVOCATION_TEMPLATE, dispatchDedupeKey } from "./constants";
import { addresseeOf, convocationCommonData, wantsUnsubscribeLink } from "./email";
import type { DispatchRefusal } from "./labels";
import { getAudienceSummary } from "./queries";

export type SendConvocationResult =
  | { ok: true; dispatchId: string | null; sent: { pec: number; email: number }; alreadyReached: number }
  | { ok: false; reason: Exclude<DispatchRefusal, "COUNT_CHANGED"> }
  | { ok: false; reason: "COUNT_CHANGED"; recipients: number };

/** A convocation goes out for a published meeting that has not ended. */
function refusalOf(locked: LockedMeeting | null, now: Date): "MEETING_NOT_FOUND" | "NOT_PUBLISHED" | "MEETING_OVER" | null {
  if (!locked) return "MEETING_NOT_FOUND";
  if (locked.status !== "PUBLISHED") return "NOT_PUBLISHED";
  if (locked.endsAt <= now) return "MEETING_OVER";
  return null;
}

/**
 * The dispatch itself, inside the locked transaction: the PDFs frozen on a
 * Dispatch, then per recipient its EmailMessage (with the unique dedupe key),
 * its DispatchRecipient and its delivery job, and one audit entry.
 */
async function dispatchTo(
  tx: Tx,
  {
    actor,
    meetingId,
    audiences,
    recipients,
    details,
  }: { actor: { id: string }; meetingId: string; audiences: DispatchAudience[]; recipients: readonly Recipient[]; details: Record<string, unknown> },
): Promise<{ dispatchId: string; sent: { pec: number; email: number } }> {
  const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  const origin = appOrigin();
  // Frozen now: what went out stays what the dispatch page offers, whatever the letter becomes.
  const [letterPdf, sheetPdf] = await Promise.all([
    buildLetterPdf(meeting),
    buildBlankSheetPdf({ formUrl: `${origin}${routes.referentSheet()}`, privacyUrl: `${origin}${routes.privacy()}`, letterhead: meeting }),
  ]);
  const dispatch = await tx.dispatch.create({
    data: { meetingId, audiences, recipients: recipients.length, letterPdf: new Uint8Array(letterPdf), sheetPdf: new Uint8Array(sheetPdf), createdById: actor.id },
    select: { id: true },
  });

  const common = convocationCommonData(meeting);
  const rows = [];
  for (const recipient of recipients) {
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
  // The meeting's lock and the caller's check make every key new; the unique key is the last word.
  const messages = [];
  for (let start = 0; start < rows.length; start += 500) {
    messages.push(...(await tx.emailMessage.createManyAndReturn({ data: rows.slice(start, start + 500), select: { id: true, toEmail: true } })));
  }
  const messageOf = new Map(messages.map((message) => [message.toEmail, message.id]));
  await tx.dispatchRecipient.createMany({
    data: recipients.map((recipient) => ({
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
    pec: recipients.filter((recipient) => recipient.channel === "PEC").length,
    email: recipients.filter((recipient) => recipient.channel === "EMAIL").length,
  };
  await recordAudit(tx, {
    actor,
    action: "meeting.convocation-dispatch",
    entityType: "Meeting",
    entityId: meetingId,
    details: { dispatchId: dispatch.id, audiences, byPec: sent.pec, byEmail: sent.email, ...details },
  });
  return { dispatchId: dispatch.id, sent };
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
    const refusal = refusalOf(locked, now);
    if (refusal) return { ok: false, reason: refusal };
    const { toSend, alreadyReached } = await getAudienceSummary(tx, { meetingId, audiences: chosen });
    if (toSend.length !== expected) return { ok: false, reason: "COUNT_CHANGED", recipients: toSend.length };
    if (toSend.length === 0) return { ok: true, dispatchId: null, sent: { pec: 0, email: 0 }, alreadyReached };
    const { dispatchId, sent } = await dispatchTo(tx, { actor, meetingId, audiences: chosen, recipients: toSend, details: { alreadyReached } });
    return { ok: true, dispatchId, sent, alreadyReached };
  });
}

export type SendToPecResult =
  | { ok: true; address: string }
  | { ok: false; reason: "MEETING_NOT_FOUND" | "NOT_PUBLISHED" | "MEETING_OVER" | "MUNICIPALITY_NOT_FOUND" | "NO_PEC" | "ALREADY_REACHED" };

/**
 * The dispatch page's offer for a Comune whose referents' emails bounced:
 * the convocation to the Comune's PEC, once, like any other recipient.
 */
export async function sendConvocationToMunicipalityPec(
  db: Db,
  { actor, meetingId, municipalityId, now = new Date() }: { actor: { id: string }; meetingId: string; municipalityId: string; now?: Date },
): Promise<SendToPecResult> {
  return withLockedMeeting(db, { id: meetingId }, async (tx, locked): Promise<SendToPecResult> => {
    const refusal = refusalOf(locked, now);
    if (refusal) return { ok: false, reason: refusal };
    const municipality = await tx.municipality.findUnique({ where: { id: municipalityId }, select: { id: true, name: true, pec: true } });
    if (!municipality) return { ok: false, reason: "MUNICIPALITY_NOT_FOUND" };
    if (!municipality.pec) return { ok: false, reason: "NO_PEC" };
    const address = normaliseAddress(municipality.pec);
    if (await tx.dispatchRecipient.findUnique({ where: { meetingId_address: { meetingId, address } }, select: { id: true } })) {
      return { ok: false, reason: "ALREADY_REACHED" };
    }
    const recipient: Recipient = {
      address,
      name: `Comune di ${municipality.name}`,
      municipalityId: municipality.id,
      municipalityName: municipality.name,
      personId: null,
      channel: "PEC",
      audiences: [],
    };
    await dispatchTo(tx, { actor, meetingId, audiences: [], recipients: [recipient], details: { municipality: municipality.name, pec: address } });
    return { ok: true, address };
  });
}
