import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmailSuppressionReason } from "@/lib/generated/prisma/enums";
import { suppressionOf } from "@/lib/email/suppression/queries";

export const PEOPLE_PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isPersonId(value: string): boolean {
  return UUID.test(value);
}

export type PeopleFilters = { search?: string; page: number };

const listSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  organisation: true,
  erasedAt: true,
  createdAt: true,
  _count: { select: { registrations: true, referents: true } },
} satisfies Prisma.PersonSelect;

export type PersonListRow = Prisma.PersonGetPayload<{ select: typeof listSelect }>;

export type PeoplePage = { rows: PersonListRow[]; total: number; page: number; pageCount: number };

/**
 * People by name or email (every word must match one of them), alphabetical;
 * with no search, the most recently created first.
 */
export async function searchPeople(db: Db, { pageSize = PEOPLE_PAGE_SIZE, ...filters }: { pageSize?: number } & PeopleFilters): Promise<PeoplePage> {
  const words = (filters.search ?? "").split(/\s+/).filter(Boolean).slice(0, 5);
  const where: Prisma.PersonWhereInput = words.length
    ? {
        AND: words.map((word) => ({
          OR: [
            { firstName: { contains: word, mode: "insensitive" } },
            { lastName: { contains: word, mode: "insensitive" } },
            { email: { contains: word, mode: "insensitive" } },
          ],
        })),
      }
    : {};
  const orderBy: Prisma.PersonOrderByWithRelationInput[] = words.length
    ? [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }]
    : [{ createdAt: "desc" }, { id: "asc" }];
  const [total, rows] = await Promise.all([
    db.person.count({ where }),
    db.person.findMany({ where, select: listSelect, orderBy, skip: (filters.page - 1) * pageSize, take: pageSize }),
  ]);
  return { rows, total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

const meetingRef = { select: { id: true, title: true, startsAt: true } } as const;
const municipalityRef = { select: { id: true, name: true } } as const;

// Never a tokenHash: the selects name every field they read.
const registrationSelect = {
  id: true,
  meeting: meetingRef,
  status: true,
  source: true,
  organisationType: true,
  organisationName: true,
  roleTitle: true,
  municipality: municipalityRef,
  managingBody: { select: { id: true, name: true } },
  privacyNoticeVersion: true,
  privacyConsentAt: true,
  communicationsConsent: true,
  communicationsConsentAt: true,
  tokenExpiresAt: true,
  tokenRevokedAt: true,
  confirmedAt: true,
  cancelledAt: true,
  createdAt: true,
  updatedAt: true,
  attendance: { select: { status: true, minutes: true, method: true, checkedInAt: true, createdAt: true } },
  invitationsSent: {
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      managingBodyName: true,
      status: true,
      createdAt: true,
      respondedAt: true,
    },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.RegistrationSelect;

const invitationSelect = {
  id: true,
  meeting: meetingRef,
  email: true,
  firstName: true,
  lastName: true,
  managingBodyName: true,
  municipality: municipalityRef,
  status: true,
  tokenExpiresAt: true,
  respondedAt: true,
  acceptedRegistrationId: true,
  createdAt: true,
  invitedBy: { select: { id: true, person: { select: { id: true, firstName: true, lastName: true } } } },
} satisfies Prisma.InvitationSelect;

const referentSelect = {
  id: true,
  municipality: municipalityRef,
  role: true,
  office: true,
  status: true,
  source: true,
  activatedAt: true,
  revokedAt: true,
  revokedReason: true,
  sheetId: true,
  createdAt: true,
} satisfies Prisma.ReferentSelect;

const sheetSelect = {
  id: true,
  municipality: municipalityRef,
  status: true,
  pec: true,
  officerFirstName: true,
  officerLastName: true,
  officerEmail: true,
  officerRoleTitle: true,
  officerPhone: true,
  privacyNoticeVersion: true,
  privacyConsentAt: true,
  communicationsConsent: true,
  communicationsConsentAt: true,
  firstSubmittedAt: true,
  submittedAt: true,
  submissions: true,
  reviewedAt: true,
  rejectionReason: true,
} satisfies Prisma.ReferentSheetSelect;

const sheetEntrySelect = {
  id: true,
  position: true,
  firstName: true,
  lastName: true,
  role: true,
  office: true,
  email: true,
  phone: true,
  sheet: { select: { id: true, status: true, submittedAt: true, municipality: municipalityRef } },
} satisfies Prisma.ReferentSheetEntrySelect;

const emailSelect = {
  id: true,
  template: true,
  toEmail: true,
  toName: true,
  status: true,
  attempts: true,
  sendAfter: true,
  sentAt: true,
  lastError: true,
  createdAt: true,
  meetingId: true,
  registrationId: true,
  invitationId: true,
  deliveryState: true,
  deliveryStateAt: true,
} satisfies Prisma.EmailMessageSelect;

const auditSelect = {
  id: true,
  action: true,
  entityType: true,
  entityId: true,
  data: true,
  createdAt: true,
  actorLabel: true,
  actor: { select: { email: true, name: true } },
} satisfies Prisma.AuditEntrySelect;

export type PersonRecords = {
  person: Prisma.PersonGetPayload<{
    select: {
      id: true;
      email: true;
      firstName: true;
      lastName: true;
      phone: true;
      roleTitle: true;
      organisation: true;
      communicationsConsent: true;
      communicationsConsentAt: true;
      communicationsConsentWithdrawnAt: true;
      erasedAt: true;
      createdAt: true;
      updatedAt: true;
    };
  }>;
  registrations: Prisma.RegistrationGetPayload<{ select: typeof registrationSelect }>[];
  invitations: Prisma.InvitationGetPayload<{ select: typeof invitationSelect }>[];
  referents: Prisma.ReferentGetPayload<{ select: typeof referentSelect }>[];
  sheetsAsOfficer: Prisma.ReferentSheetGetPayload<{ select: typeof sheetSelect }>[];
  sheetEntries: Prisma.ReferentSheetEntryGetPayload<{ select: typeof sheetEntrySelect }>[];
  emails: (Prisma.EmailMessageGetPayload<{ select: typeof emailSelect }> & { data?: Prisma.JsonValue })[];
  /** Why the person's address is on the suppression list (lib/email/suppression), or null. */
  undeliverable: EmailSuppressionReason | null;
  audit: Prisma.AuditEntryGetPayload<{ select: typeof auditSelect }>[];
};

/** The ids of the records that are about a person: what their audit entries name. */
export function auditedIds(records: Pick<PersonRecords, "person" | "registrations" | "referents" | "invitations">) {
  return {
    Person: [records.person.id],
    Registration: records.registrations.map((r) => r.id),
    Referent: records.referents.map((r) => r.id),
    Invitation: records.invitations.map((i) => i.id),
  };
}

/**
 * Everything held about a person, found by their id and by their address:
 * registrations (with attendance and the nominations they made), invitations
 * addressed to them, referent designations, schede they filled in or are
 * named on, emails to them and the audit entries about their records.
 * With `withEmailData`, each email's stored data too (for the export, which
 * takes the links out). Null for an unknown id.
 */
export async function getPersonRecords(db: Db, { id, ...options }: { id: string; withEmailData?: boolean }): Promise<PersonRecords | null> {
  if (!isPersonId(id)) return null;
  const person = await db.person.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      phone: true,
      roleTitle: true,
      organisation: true,
      communicationsConsent: true,
      communicationsConsentAt: true,
      communicationsConsentWithdrawnAt: true,
      erasedAt: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  if (!person) return null;
  const email = { equals: person.email, mode: "insensitive" } as const;

  const [registrations, invitations, referents, sheetsAsOfficer, sheetEntries] = await Promise.all([
    db.registration.findMany({ where: { personId: id }, select: registrationSelect, orderBy: { createdAt: "desc" } }),
    db.invitation.findMany({ where: { email }, select: invitationSelect, orderBy: { createdAt: "desc" } }),
    db.referent.findMany({ where: { personId: id }, select: referentSelect, orderBy: { activatedAt: "desc" } }),
    db.referentSheet.findMany({
      where: { OR: [{ officerPersonId: id }, { officerEmail: email }] },
      select: sheetSelect,
      orderBy: { submittedAt: "desc" },
    }),
    db.referentSheetEntry.findMany({ where: { email }, select: sheetEntrySelect, orderBy: { sheet: { submittedAt: "desc" } } }),
  ]);

  const registrationIds = registrations.map((r) => r.id);
  const ids = auditedIds({ person, registrations, referents, invitations });
  const [emails, audit, undeliverable] = await Promise.all([
    db.emailMessage.findMany({
      where: { OR: [{ toEmail: email }, { registrationId: { in: registrationIds } }] },
      select: options.withEmailData ? { ...emailSelect, data: true } : emailSelect,
      orderBy: { createdAt: "desc" },
    }),
    db.auditEntry.findMany({
      where: { OR: Object.entries(ids).map(([entityType, entityIds]) => ({ entityType, entityId: { in: entityIds } })) },
      select: auditSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    }),
    suppressionOf(db, person.email),
  ]);

  return { person, registrations, invitations, referents, sheetsAsOfficer, sheetEntries, emails, audit, undeliverable };
}
