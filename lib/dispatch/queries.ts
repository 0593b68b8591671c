import "server-only";
// What a convocation's dispatch would reach, read before anything is sent.
import type { Db, DbOrTx } from "@/lib/db";
import type { DeliveryState, DispatchAudience, EmailChannel, EmailStatus } from "@/lib/generated/prisma/enums";
import { hasCommunicationsConsent } from "@/lib/communications/queries";
import { countDelivery, emptyDeliveryCounts, type DeliveryCounts } from "@/lib/email/delivery-counts";
import { isUndeliverable } from "@/lib/email/delivery-state";
import { pecReceiptsOf, type PecReceiptSummary } from "@/lib/email/pec/queries";
import { renderEmail, type RenderedEmail } from "@/lib/email/render";
import { CONVOCATION_TEMPLATE } from "./constants";
import { addresseeOf, convocationCommonData, convocationMeetingSelect } from "./email";
import type { RecipientOutcome } from "./labels";
import { AUDIENCES, mergeAudiences, type AudienceCounts, type Candidate, type Recipient } from "./audiences";

/** Every address each of the chosen audiences reaches now (not yet deduplicated). */
async function audienceCandidates(db: DbOrTx, chosen: readonly DispatchAudience[]): Promise<Candidate[]> {
  const wants = (audience: DispatchAudience) => chosen.includes(audience);
  const [municipalities, referents, consented] = await Promise.all([
    wants("SAI_PEC") || wants("ALL_PEC")
      ? db.municipality.findMany({
          where: { pec: { not: null }, ...(wants("ALL_PEC") ? {} : { saiMember: true }) },
          select: { id: true, name: true, pec: true, saiMember: true },
          orderBy: { name: "asc" },
        })
      : [],
    wants("REFERENTS")
      ? db.referent.findMany({
          where: { status: "ACTIVE", person: { erasedAt: null } },
          select: { municipality: { select: { id: true, name: true } }, person: { select: { id: true, email: true, firstName: true, lastName: true } } },
          orderBy: [{ municipality: { name: "asc" } }, { person: { lastName: "asc" } }],
        })
      : [],
    wants("CONSENTED")
      ? db.person.findMany({
          where: hasCommunicationsConsent,
          select: {
            id: true,
            email: true,
            firstName: true,
            lastName: true,
            referents: { where: { status: "ACTIVE" }, select: { municipality: { select: { id: true, name: true } } }, take: 1, orderBy: { municipality: { name: "asc" } } },
          },
          orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
        })
      : [],
  ]);
  const candidates: Candidate[] = [];
  for (const municipality of municipalities) {
    const pecFields = { address: municipality.pec!, name: `Comune di ${municipality.name}`, municipalityId: municipality.id, municipalityName: municipality.name, personId: null };
    if (municipality.saiMember && wants("SAI_PEC")) candidates.push({ audience: "SAI_PEC", ...pecFields });
    if (wants("ALL_PEC")) candidates.push({ audience: "ALL_PEC", ...pecFields });
  }
  for (const { municipality, person } of referents) {
    candidates.push({
      audience: "REFERENTS",
      address: person.email,
      name: `${person.firstName} ${person.lastName}`,
      municipalityId: municipality.id,
      municipalityName: municipality.name,
      personId: person.id,
    });
  }
  for (const person of consented) {
    const municipality = person.referents[0]?.municipality ?? null;
    candidates.push({
      audience: "CONSENTED",
      address: person.email,
      name: `${person.firstName} ${person.lastName}`,
      municipalityId: municipality?.id ?? null,
      municipalityName: municipality?.name ?? null,
      personId: person.id,
    });
  }
  return candidates;
}

export type AudienceSummary = AudienceCounts & {
  /** Of the deduplicated recipients, those this meeting's convocation already reached. */
  alreadyReached: number;
  /** The others: whom sending now would reach. */
  toSend: Recipient[];
  /** SAI Comuni with no PEC on file, which the PEC audiences cannot reach. */
  saiWithoutPec: number;
};

/** Every audience's candidates, this meeting's reached addresses and the SAI Comuni without PEC, read once. */
async function audienceFacts(db: DbOrTx, { meetingId, audiences }: { meetingId: string; audiences: readonly DispatchAudience[] }) {
  const [candidates, reached, saiWithoutPec] = await Promise.all([
    audienceCandidates(db, audiences),
    db.dispatchRecipient.findMany({ where: { meetingId }, select: { address: true } }),
    db.municipality.count({ where: { saiMember: true, pec: null } }),
  ]);
  return { candidates, reached: new Set(reached.map((row) => row.address)), saiWithoutPec };
}

function summarise(
  { candidates, reached, saiWithoutPec }: Awaited<ReturnType<typeof audienceFacts>>,
  audiences: readonly DispatchAudience[],
): AudienceSummary {
  const counts = mergeAudiences(candidates, audiences);
  const toSend = counts.recipients.filter((recipient) => !reached.has(recipient.address));
  return { ...counts, alreadyReached: counts.recipients.length - toSend.length, toSend, saiWithoutPec };
}

/**
 * The chosen audiences for one meeting: a count per audience, the
 * deduplicated recipients, and how many of them an earlier dispatch of this
 * meeting already reached (a later one sends only to the rest).
 */
export async function getAudienceSummary(
  db: DbOrTx,
  { meetingId, audiences }: { meetingId: string; audiences: readonly DispatchAudience[] },
): Promise<AudienceSummary> {
  return summarise(await audienceFacts(db, { meetingId, audiences }), audiences);
}

/**
 * The dispatch page's two readings from one set of queries: every audience
 * (its checkbox's count) and, when some are chosen, their summary.
 */
export async function getDispatchPreview(
  db: DbOrTx,
  { meetingId, chosen }: { meetingId: string; chosen: readonly DispatchAudience[] },
): Promise<{ all: AudienceSummary; chosen: AudienceSummary | null }> {
  const facts = await audienceFacts(db, { meetingId, audiences: AUDIENCES });
  return { all: summarise(facts, AUDIENCES), chosen: chosen.length > 0 ? summarise(facts, chosen) : null };
}

/** Where the convocation's emails and PEC messages stand, for the progress bar. */
export async function getDispatchProgress(db: DbOrTx, meetingId: string): Promise<DeliveryCounts> {
  const rows = await db.emailMessage.groupBy({
    by: ["status"],
    where: { meetingId, template: CONVOCATION_TEMPLATE, dispatchRecipient: { isNot: null } },
    _count: { _all: true },
  });
  const progress = emptyDeliveryCounts();
  for (const row of rows) countDelivery(progress, row.status, row._count._all);
  return progress;
}

export type DispatchSummary = {
  firstSentAt: Date;
  lastSentAt: Date;
  /** Comuni written to by PEC. */
  municipalitiesByPec: number;
  /** Email recipients who are an active referent of a Comune. */
  referents: number;
  /** Other email recipients (those who consented). */
  others: number;
};

/** "Convocazione inviata il … a N Comuni (PEC) e M referenti"; null before the first dispatch. */
export async function getDispatchSummary(db: DbOrTx, meetingId: string): Promise<DispatchSummary | null> {
  const [dispatches, pecMunicipalities, emails, referents] = await Promise.all([
    db.dispatch.aggregate({ where: { meetingId }, _min: { createdAt: true }, _max: { createdAt: true } }),
    db.dispatchRecipient.findMany({ where: { meetingId, channel: "PEC", municipalityId: { not: null } }, distinct: ["municipalityId"], select: { municipalityId: true } }),
    db.dispatchRecipient.count({ where: { meetingId, channel: "EMAIL" } }),
    db.dispatchRecipient.count({ where: { meetingId, channel: "EMAIL", person: { referents: { some: { status: "ACTIVE" } } } } }),
  ]);
  if (!dispatches._min.createdAt || !dispatches._max.createdAt) return null;
  return {
    firstSentAt: dispatches._min.createdAt,
    lastSentAt: dispatches._max.createdAt,
    municipalitiesByPec: pecMunicipalities.length,
    referents,
    others: emails - referents,
  };
}

/** One address of the report, with what became of its message. */
export type ReportRecipient = {
  id: string;
  channel: EmailChannel;
  address: string;
  name: string | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  deliveryStateAt: Date | null;
  status: EmailStatus;
  deliveryState: DeliveryState | null;
  lastError: string | null;
  outcome: RecipientOutcome;
  receipts: PecReceiptSummary[];
};

export type ReportMunicipality = {
  /** Null for recipients tied to no Comune (a person who consented). */
  id: string | null;
  name: string | null;
  pec: string | null;
  outcome: RecipientOutcome;
  recipients: ReportRecipient[];
  /** Every email to this Comune's referents bounced, and its PEC has not been written to. */
  offerPec: boolean;
};

/**
 * Reached means a PEC "avvenuta consegna" or an email the provider reported
 * delivered; not reached is a mancata consegna, a bounce, a complaint, a
 * failure, or a message withdrawn (an address on the suppression list).
 */
export function recipientOutcome(message: { status: EmailStatus; deliveryState: DeliveryState | null }): RecipientOutcome {
  if (message.deliveryState === "DELIVERED") return "REACHED";
  if (isUndeliverable(message.deliveryState) || message.status === "FAILED" || message.status === "CANCELLED") return "NOT_REACHED";
  if (message.status === "SENT") return "SENT";
  return "WAITING";
}

/** A Comune is reached when one of its addresses is; not reached when none can be any more. */
function municipalityOutcome(recipients: readonly ReportRecipient[]): RecipientOutcome {
  if (recipients.some((recipient) => recipient.outcome === "REACHED")) return "REACHED";
  if (recipients.every((recipient) => recipient.outcome === "NOT_REACHED")) return "NOT_REACHED";
  if (recipients.some((recipient) => recipient.outcome === "SENT")) return "SENT";
  return "WAITING";
}

/** The dispatch page's report: by Comune (A to Z, then those of no Comune), who was reached and who was not. */
export async function getDispatchReport(db: Db, meetingId: string): Promise<ReportMunicipality[]> {
  const rows = await db.dispatchRecipient.findMany({
    where: { meetingId },
    select: {
      id: true,
      channel: true,
      address: true,
      municipality: { select: { id: true, name: true, pec: true } },
      emailMessage: { select: { id: true, toName: true, status: true, deliveryState: true, deliveryStateAt: true, sentAt: true, deliveredAt: true, lastError: true } },
    },
    orderBy: [{ municipality: { name: "asc" } }, { channel: "desc" }, { address: "asc" }],
  });
  const receipts = await pecReceiptsOf(
    db,
    rows.filter((row) => row.channel === "PEC").map((row) => row.emailMessage.id),
  );
  const receiptsOf = new Map<string, PecReceiptSummary[]>();
  for (const receipt of receipts) {
    const list = receiptsOf.get(receipt.emailMessageId);
    if (list) list.push(receipt);
    else receiptsOf.set(receipt.emailMessageId, [receipt]);
  }
  const byMunicipality = new Map<string | null, ReportMunicipality>();
  for (const row of rows) {
    const key = row.municipality?.id ?? null;
    const group = byMunicipality.get(key) ?? {
      id: key,
      name: row.municipality?.name ?? null,
      pec: row.municipality?.pec ?? null,
      outcome: "WAITING" as RecipientOutcome,
      recipients: [],
      offerPec: false,
    };
    const message = row.emailMessage;
    group.recipients.push({
      id: row.id,
      channel: row.channel,
      address: row.address,
      name: message.toName,
      sentAt: message.sentAt,
      deliveredAt: message.deliveredAt,
      deliveryStateAt: message.deliveryStateAt,
      status: message.status,
      deliveryState: message.deliveryState,
      lastError: message.lastError,
      outcome: recipientOutcome(message),
      receipts: receiptsOf.get(message.id) ?? [],
    });
    byMunicipality.set(key, group);
  }
  const report = [...byMunicipality.values()];
  for (const group of report) {
    group.outcome = municipalityOutcome(group.recipients);
    const emails = group.recipients.filter((recipient) => recipient.channel === "EMAIL");
    group.offerPec =
      group.id !== null &&
      emails.length > 0 &&
      emails.every((recipient) => recipient.outcome === "NOT_REACHED") &&
      !group.recipients.some((recipient) => recipient.channel === "PEC");
  }
  // A Map keeps insertion order (the query's, by Comune); the Comune-less group goes last.
  return [...report.filter((group) => group.id !== null), ...report.filter((group) => group.id === null)];
}

/**
 * The convocation email as `recipient` would receive it, for the preview
 * before sending (an unsubscribe link, when they would get one, is shown
 * as the page's own address: no token is made for a preview).
 */
export async function previewConvocationEmail(db: DbOrTx, { meetingId, recipient }: { meetingId: string; recipient: Recipient }): Promise<RenderedEmail> {
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: convocationMeetingSelect });
  return renderEmail(CONVOCATION_TEMPLATE, { ...convocationCommonData(meeting), addressee: addresseeOf(recipient), unsubscribeUrl: null });
}
