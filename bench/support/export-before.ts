// The registrations export as it was before the single query and the
// streaming writer (as at commit 97b2c7f), kept only so bench/export.ts can
// measure the old path against the new one in the same run: Prisma's
// relation loading (a statement per relation, large IN lists) plus a window
// query for the arrival positions, and the whole workbook built in memory.
// Copied as it was; nothing in the portal calls it.
import ExcelJS from "exceljs";
import type { Db } from "../../lib/platform/database/prisma";
import type { Prisma } from "../../lib/generated/prisma/client";
import type { InvitationStatus, OrganisationType } from "../../lib/generated/prisma/enums";
import { describeInviter } from "../../lib/invitations/inviter";
import { EXPORT_COLUMNS, romeWallClockAsUtc, writeXlsxWithQuotePrefix, type ExportRow } from "../../lib/registrations/dashboard/export";
import { DEFAULT_LIST_PARAMS, type RegistrationListParams } from "../../lib/registrations/dashboard/schema";

const MAX_EXPORT_ROWS = 20_000;

function searchWhere(q: string): Prisma.RegistrationWhereInput[] {
  return q
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .map((word) => {
      const contains = { contains: word.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" } as const;
      return {
        OR: [
          { person: { firstName: contains } },
          { person: { lastName: contains } },
          { person: { email: contains } },
          { organisationName: contains },
          { municipality: { name: contains } },
          { managingBody: { name: contains } },
        ],
      };
    });
}

function registrationWhere(meetingId: string, params: RegistrationListParams): Prisma.RegistrationWhereInput {
  const and: Prisma.RegistrationWhereInput[] = [{ meetingId }, ...searchWhere(params.q)];
  if (params.status) and.push({ status: params.status });
  if (params.organisationType) and.push({ organisationType: params.organisationType });
  if (params.province) and.push({ municipality: { is: { province: params.province } } });
  if (params.attendance === "NONE") and.push({ attendance: { is: null } });
  else if (params.attendance) and.push({ attendance: { is: { status: params.attendance } } });
  return { AND: and };
}

function registrationOrder(params: RegistrationListParams): Prisma.RegistrationOrderByWithRelationInput[] {
  const dir = params.dir;
  const byArrival = { arrival: "asc" } as const;
  switch (params.sort) {
    case "name":
      return [{ person: { lastName: dir } }, { person: { firstName: dir } }, byArrival];
    case "email":
      return [{ person: { email: dir } }, byArrival];
    case "organisation":
      return [{ municipality: { name: dir } }, { organisationName: { sort: dir, nulls: "last" } }, byArrival];
    case "registeredAt":
      return [{ createdAt: dir }, byArrival];
    case "status":
      return [{ status: dir }, byArrival];
    default:
      return [{ arrival: dir }];
  }
}

const organisationSelect = {
  organisationType: true,
  organisationName: true,
  municipality: { select: { name: true, province: true } },
  managingBody: { select: { name: true } },
} satisfies Prisma.RegistrationSelect;

type OrganisationFields = Prisma.RegistrationGetPayload<{ select: typeof organisationSelect }>;

/** "Comune di Palermo (PA)", the managing body, or the name the registrant typed. */
function organisationLabel(registration: OrganisationFields): string {
  if (registration.municipality) return `Comune di ${registration.municipality.name} (${registration.municipality.province})`;
  return registration.managingBody?.name ?? registration.organisationName ?? "";
}

const inviterSelect = {
  invitation: {
    select: {
      invitedBy: {
        select: { ...organisationSelect, person: { select: { firstName: true, lastName: true, email: true } } },
      },
      invitedByUser: { select: { name: true, email: true } },
      municipality: { select: { name: true, province: true } },
    },
  },
} satisfies Prisma.RegistrationSelect;

type InviterFields = Prisma.RegistrationGetPayload<{ select: typeof inviterSelect }>;

type Inviter = { name: string; email: string; organisation: string };

function inviterOf(registration: InviterFields): Inviter | null {
  const invitation = registration.invitation;
  if (!invitation) return null;
  const inviter = invitation.invitedBy;
  if (!inviter) {
    // A coordinator's direct invitation (lib/invitations/inviter.ts says it the same way).
    const direct = describeInviter({ ...invitation, invitedBy: null });
    const municipality = invitation.municipality ? ` per il Comune di ${invitation.municipality.name} (${invitation.municipality.province})` : "";
    return { name: direct.name, email: direct.email ?? "", organisation: `${direct.organisation}${municipality}` };
  }
  return {
    name: `${inviter.person.firstName} ${inviter.person.lastName}`,
    email: inviter.person.email,
    organisation: organisationLabel(inviter),
  };
}

const rowSelect = {
  id: true,
  arrival: true,
  status: true,
  source: true,
  createdAt: true,
  confirmedAt: true,
  cancelledAt: true,
  roleTitle: true,
  ...organisationSelect,
  ...inviterSelect,
  person: { select: { firstName: true, lastName: true, email: true, phone: true } },
  attendance: { select: { status: true, method: true, checkedInAt: true } },
  _count: { select: { invitationsSent: true } },
} satisfies Prisma.RegistrationSelect;

async function arrivalPositions(db: Db, meetingId: string, ids: string[] | null): Promise<Map<string, number>> {
  if (ids?.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; position: bigint }[]>`
    SELECT id::text AS id, position FROM (
      SELECT id, ROW_NUMBER() OVER (ORDER BY arrival) AS position FROM "Registration" WHERE "meetingId" = ${meetingId}::uuid
    ) ranked
    WHERE ${ids === null} OR id = ANY(${ids ?? []}::uuid[])`;
  return new Map(rows.map((row) => [row.id, Number(row.position)]));
}

function registrant(row: { person: { firstName: string; lastName: string; email: string; phone: string | null }; roleTitle: string | null; organisationType: OrganisationType }) {
  const { firstName, lastName, email, phone } = row.person;
  return { firstName, lastName, email, phone, roleTitle: row.roleTitle, organisationType: row.organisationType };
}

const exportSelect = {
  ...rowSelect,
  privacyNoticeVersion: true,
  privacyConsentAt: true,
  communicationsConsent: true,
  communicationsConsentAt: true,
  invitationsSent: {
    select: { firstName: true, lastName: true, email: true, managingBodyName: true, status: true },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.RegistrationSelect;

export async function listRegistrationsForExportBefore(
  db: Db,
  { meetingId, ...params }: { meetingId: string } & Partial<RegistrationListParams>,
): Promise<ExportRow[]> {
  const full = { ...DEFAULT_LIST_PARAMS, ...params };
  const found = await db.registration.findMany({
    where: registrationWhere(meetingId, full),
    orderBy: registrationOrder(full),
    take: MAX_EXPORT_ROWS,
    select: exportSelect,
  });
  const positions = await arrivalPositions(db, meetingId, null);
  return found.map((row): ExportRow => ({
    arrival: positions.get(row.id) ?? Number(row.arrival),
    ...registrant(row),
    municipality: row.municipality?.name ?? null,
    province: row.municipality?.province ?? null,
    organisationName: row.organisationName,
    managingBody: row.managingBody?.name ?? null,
    status: row.status,
    source: row.source,
    registeredAt: row.createdAt,
    confirmedAt: row.confirmedAt,
    cancelledAt: row.cancelledAt,
    privacyNoticeVersion: row.privacyNoticeVersion,
    privacyConsentAt: row.privacyConsentAt,
    communicationsConsent: row.communicationsConsent,
    communicationsConsentAt: row.communicationsConsentAt,
    attendanceStatus: row.attendance?.status ?? null,
    attendanceMethod: row.attendance?.method ?? null,
    checkedInAt: row.attendance?.checkedInAt ?? null,
    invitedBy: inviterOf(row),
    nominees: row.invitationsSent.map((invitation): ExportRow["nominees"][number] => ({
      name: `${invitation.firstName} ${invitation.lastName}`,
      email: invitation.email,
      managingBody: invitation.managingBodyName,
      status: invitation.status as InvitationStatus,
    })),
  }));
}

const DATE_FORMAT = "dd/mm/yyyy hh:mm";

export async function buildRegistrationsXlsxBefore(rows: readonly ExportRow[], title = "Iscrizioni"): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Convoca";
  workbook.created = new Date();
  workbook.title = title;
  const sheet = workbook.addWorksheet("Iscrizioni", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  EXPORT_COLUMNS.forEach((column, index) => {
    if (rows.some((row) => column.value(row) instanceof Date)) sheet.getColumn(index + 1).numFmt = DATE_FORMAT;
  });
  for (const row of rows) {
    sheet.addRow(
      EXPORT_COLUMNS.map((column) => {
        const value = column.value(row);
        return value instanceof Date ? romeWallClockAsUtc(value) : value;
      }),
    );
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  return writeXlsxWithQuotePrefix(workbook);
}
