import "server-only";
// What the register reads: the meeting (with its funding block) and its
// confirmed registrations with person, organisation and attendance.
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db";
import type { RegisterMeeting } from "./meeting";
import type { RegisterRegistration } from "./rows";
import { whenAndWhereSelect } from "@/lib/meetings/when-and-where";

const meetingSelect = {
  id: true,
  slug: true,
  title: true,
  subject: true,
  protocolNumber: true,
  ...whenAndWhereSelect,
  fundingFund: true,
  fundingLine: true,
  projectCode: true,
  projectName: true,
} satisfies Prisma.MeetingSelect;

const registrationSelect = {
  id: true,
  organisationType: true,
  organisationName: true,
  roleTitle: true,
  person: { select: { firstName: true, lastName: true, roleTitle: true } },
  municipality: { select: { name: true, province: true } },
  managingBody: { select: { name: true } },
  attendance: { select: { status: true, minutes: true, method: true } },
} satisfies Prisma.RegistrationSelect;

type RegistrationRow = Prisma.RegistrationGetPayload<{ select: typeof registrationSelect }>;

export function toRegisterRegistration(row: RegistrationRow): RegisterRegistration {
  return {
    id: row.id,
    firstName: row.person.firstName,
    lastName: row.person.lastName,
    organisationType: row.organisationType,
    organisationName: row.organisationName,
    municipality: row.municipality,
    managingBody: row.managingBody?.name ?? null,
    roleTitle: row.roleTitle ?? row.person.roleTitle,
    attendance: row.attendance,
  };
}

export type RegisterSource = { meeting: RegisterMeeting; registrations: RegisterRegistration[] };

/** The meeting and its confirmed registrations; null for a malformed or unknown id. */
export async function getRegisterSource(db: Db, meetingId: string): Promise<RegisterSource | null> {
  if (!z.uuid().safeParse(meetingId).success) return null;
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: meetingSelect });
  if (!meeting) return null;
  const rows = await db.registration.findMany({
    where: { meetingId, status: "CONFIRMED" },
    select: registrationSelect,
    orderBy: { arrival: "asc" },
  });
  return { meeting, registrations: rows.map(toRegisterRegistration) };
}
