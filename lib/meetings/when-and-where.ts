import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * When and where a meeting is, as every email, page and register states it
 * (formatDateTimeRange and describeMode read these fields): one select that
 * the others spread.
 */
export const whenAndWhereSelect = {
  startsAt: true,
  endsAt: true,
  mode: true,
  platform: true,
  venueName: true,
  venueAddress: true,
} satisfies Prisma.MeetingSelect;
