import "server-only";
// The meeting's row lock. Capacity, the waiting list, the status and the join
// link's sends change one writer at a time: every write that depends on them
// takes this lock first, and registrations queue on it.
import { isClient, type DbOrTx, type Tx } from "@/lib/db";

export type LockedMeeting = {
  id: string;
  slug: string;
  status: "DRAFT" | "PUBLISHED" | "CANCELLED" | "ARCHIVED";
  capacity: number | null;
  startsAt: Date;
  endsAt: Date;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
};

export type MeetingKey = { slug: string } | { id: string };

// A burst of hundreds of registrations must wait for the lock, not fail on
// Prisma's 2-second default; a join link sent to a thousand registrants
// writes a thousand rows while holding it.
export const LOCKING_TRANSACTION = { maxWait: 30_000, timeout: 60_000 } as const;

async function lockMeeting(tx: Tx, where: MeetingKey): Promise<LockedMeeting | null> {
  const rows =
    "slug" in where
      ? await tx.$queryRaw<LockedMeeting[]>`
          SELECT id, slug, status::text AS status, capacity, "startsAt", "endsAt", "registrationOpensAt", "registrationClosesAt"
          FROM "Meeting" WHERE slug = ${where.slug} FOR UPDATE`
      : await tx.$queryRaw<LockedMeeting[]>`
          SELECT id, slug, status::text AS status, capacity, "startsAt", "endsAt", "registrationOpensAt", "registrationClosesAt"
          FROM "Meeting" WHERE id = ${where.id}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/**
 * Runs `work` holding the meeting's row lock (null: no such meeting). Given
 * the client, it opens the transaction, with the options above; given a
 * transaction, it locks inside it (locking twice in one transaction is free),
 * so a caller can add its own writes (an audit entry) to the same commit.
 */
export async function withLockedMeeting<T>(db: DbOrTx, where: MeetingKey, work: (tx: Tx, meeting: LockedMeeting | null) => Promise<T>): Promise<T> {
  if (isClient(db)) return db.$transaction((tx) => withLockedMeeting(tx, where, work), LOCKING_TRANSACTION);
  return work(db, await lockMeeting(db, where));
}
