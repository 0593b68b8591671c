import "server-only";
// Reads for the attestati: the dashboard page (who is eligible, who has one,
// who does not and why), the PDF of one attestato, and the public
// verification by code, which tells nothing but the name and the meeting.
import type { DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmailStatus } from "@/lib/generated/prisma/enums";
import { organisationLabel } from "@/lib/attendance/register/rows";
import { durationMinutes } from "@/lib/attendance/register/meeting";
import { hashCertificateCode } from "./code";
import { certificateEligibility, type Eligibility } from "./eligibility";
import { meetingIdSchema, registrationIdSchema } from "./schema";

export const certificateMeetingSelect = {
  id: true,
  slug: true,
  title: true,
  subject: true,
  status: true,
  startsAt: true,
  endsAt: true,
  datesPending: true,
  mode: true,
  platform: true,
  venueName: true,
  venueAddress: true,
  certificateMinMinutes: true,
  signatoryName: true,
  signatoryTitle: true,
  fundingFund: true,
  fundingLine: true,
  projectCode: true,
  projectName: true,
} satisfies Prisma.MeetingSelect;

export type CertificateMeeting = Prisma.MeetingGetPayload<{ select: typeof certificateMeetingSelect }>;

const rowSelect = {
  id: true,
  organisationType: true,
  organisationName: true,
  person: { select: { firstName: true, lastName: true, email: true, erasedAt: true } },
  municipality: { select: { name: true, province: true } },
  managingBody: { select: { name: true } },
  attendance: { select: { status: true, minutes: true } },
  certificate: { select: { id: true, issuedAt: true, revokedAt: true, minutes: true, updatedAt: true } },
  emails: {
    where: { template: "certificate" },
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { status: true, sentAt: true },
  },
} satisfies Prisma.RegistrationSelect;

type Row = Prisma.RegistrationGetPayload<{ select: typeof rowSelect }>;

export type CertificateRow = {
  registrationId: string;
  firstName: string;
  lastName: string;
  email: string;
  organisation: string;
  erased: boolean;
  attendance: Row["attendance"];
  eligibility: Eligibility;
  certificate: (NonNullable<Row["certificate"]> & { email: { status: EmailStatus; sentAt: Date | null } | null }) | null;
};

export type CertificatesOverview = {
  meeting: CertificateMeeting;
  meetingHasMinutes: boolean;
  rows: CertificateRow[];
  /** Marked present (by check-in or by hand) with no minutes and no attestato yet: to check before issuing. */
  presentWithoutMinutes: CertificateRow[];
};

/** Whether anyone confirmed at the meeting has minutes recorded (see eligibility.ts). */
export async function meetingHasMinutes(db: DbOrTx, meetingId: string): Promise<boolean> {
  const count = await db.attendance.count({
    where: { minutes: { not: null }, registration: { meetingId, status: "CONFIRMED" } },
  });
  return count > 0;
}

export function eligibilityContext(meeting: Pick<CertificateMeeting, "certificateMinMinutes" | "startsAt" | "endsAt">, hasMinutes: boolean) {
  return { threshold: meeting.certificateMinMinutes, meetingMinutes: durationMinutes(meeting), meetingHasMinutes: hasMinutes };
}

const collator = new Intl.Collator("it", { sensitivity: "base" });

/** The meeting and its confirmed registrants (plus anyone holding an attestato), sorted by name. */
export async function getCertificatesOverview(db: DbOrTx, meetingId: string): Promise<CertificatesOverview | null> {
  if (!meetingIdSchema.safeParse(meetingId).success) return null;
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: certificateMeetingSelect });
  if (!meeting) return null;
  const [hasMinutes, registrations] = await Promise.all([
    meetingHasMinutes(db, meetingId),
    db.registration.findMany({
      where: { meetingId, OR: [{ status: "CONFIRMED" }, { certificate: { isNot: null } }] },
      select: rowSelect,
    }),
  ]);
  const context = eligibilityContext(meeting, hasMinutes);
  const rows = registrations
    .map((row): CertificateRow => ({
      registrationId: row.id,
      firstName: row.person.firstName,
      lastName: row.person.lastName,
      email: row.person.email,
      erased: row.person.erasedAt !== null,
      organisation: organisationLabel({ ...row, managingBody: row.managingBody?.name ?? null }),
      attendance: row.attendance,
      eligibility: certificateEligibility(row.attendance, context),
      certificate: row.certificate ? { ...row.certificate, email: row.emails[0] ?? null } : null,
    }))
    .sort((a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName));
  const presentWithoutMinutes = rows.filter((row) => !row.certificate && row.attendance?.status === "PRESENT" && row.attendance.minutes === null);
  return { meeting, meetingHasMinutes: hasMinutes, rows, presentWithoutMinutes };
}

/** For the attestati page (a server component, which does not hold the client itself). */
export function loadCertificatesOverview(db: DbOrTx, meetingId: string): Promise<CertificatesOverview | null> {
  return getCertificatesOverview(db, meetingId);
}

export type CertificateDocument = {
  firstName: string;
  lastName: string;
  minutes: number;
  issuedAt: Date;
  meeting: CertificateMeeting;
};

const documentSelect = {
  minutes: true,
  issuedAt: true,
  revokedAt: true,
  registration: { select: { person: { select: { firstName: true, lastName: true } }, meeting: { select: certificateMeetingSelect } } },
} satisfies Prisma.CertificateSelect;

function toDocument(row: Prisma.CertificateGetPayload<{ select: typeof documentSelect }>): CertificateDocument {
  return {
    firstName: row.registration.person.firstName,
    lastName: row.registration.person.lastName,
    minutes: row.minutes,
    issuedAt: row.issuedAt,
    meeting: row.registration.meeting,
  };
}

export type Verification = { valid: true; document: CertificateDocument } | { valid: false; reason: "MALFORMED" | "UNKNOWN" | "REVOKED" };

/** A code as typed, scanned or clicked: never throws, whatever the input. */
export async function verifyCertificateCode(db: DbOrTx, code: string): Promise<Verification> {
  const hash = hashCertificateCode(code);
  if (!hash) return { valid: false, reason: "MALFORMED" };
  const row = await db.certificate.findUnique({ where: { codeHash: hash }, select: documentSelect });
  if (!row) return { valid: false, reason: "UNKNOWN" };
  if (row.revokedAt) return { valid: false, reason: "REVOKED" };
  return { valid: true, document: toDocument(row) };
}

/** For the public verification page. */
export function loadCertificateVerification(db: DbOrTx, code: string): Promise<Verification> {
  return verifyCertificateCode(db, code);
}

/** The dashboard's archive copy of one registrant's attestato (the code itself is not kept). */
export async function getCertificateDocumentForRegistration(
  db: DbOrTx,
  { meetingId, registrationId }: { meetingId: string; registrationId: string },
): Promise<(CertificateDocument & { revoked: boolean; certificateId: string }) | null> {
  if (!meetingIdSchema.safeParse(meetingId).success || !registrationIdSchema.safeParse(registrationId).success) return null;
  const row = await db.certificate.findFirst({
    where: { registrationId, registration: { meetingId } },
    select: { ...documentSelect, id: true },
  });
  return row ? { ...toDocument(row), revoked: row.revokedAt !== null, certificateId: row.id } : null;
}
