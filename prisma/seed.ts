import type { PrismaClient } from "../lib/generated/prisma/client";
import { readMunicipalities } from "./seed/municipalities";
import { DEMO_USERS, referenceMeeting } from "./seed/reference-meeting";

export type SeedResult = { municipalities: number; meetingCreated: boolean; usersCreated: number };

/**
 * Idempotent: adds what is missing and leaves what exists as it is, so a
 * coordinator's later edits to the seeded rows survive a second run.
 */
export async function seed(db: PrismaClient): Promise<SeedResult> {
  const rows = await readMunicipalities();
  const { count: municipalities } = await db.municipality.createMany({ data: rows, skipDuplicates: true });

  const meetingExists = await db.meeting.count({ where: { slug: referenceMeeting.slug } });
  if (!meetingExists) await db.meeting.create({ data: referenceMeeting });

  const { count: usersCreated } = await db.user.createMany({ data: [...DEMO_USERS], skipDuplicates: true });

  return { municipalities, meetingCreated: !meetingExists, usersCreated };
}

/** Whether the database has never been seeded (no municipality yet). */
export async function isEmpty(db: PrismaClient): Promise<boolean> {
  return (await db.municipality.count()) === 0;
}
