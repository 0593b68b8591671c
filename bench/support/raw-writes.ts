// The floor under the API's figures: the same writes `register` makes, as
// plain SQL over node-postgres, with the same concurrency and no HTTP, no
// validation, no rate limiter and no ORM.
import { createHash, randomBytes } from "node:crypto";
import PgBoss from "pg-boss";
import pg from "pg";
import { EMAIL_QUEUE, type EmailJob } from "../../lib/email/queue";
import { PRIVACY_NOTICE_VERSION } from "../../lib/privacy/notice";
import { count, latencyOf, type LoadFigures } from "./stats";

const PERSONAL_LINK_TTL_AFTER_END_MS = 30 * 24 * 3600_000;

// Built like lib/email/mutations.ts's: never connected, it only writes
// pg-boss's own INSERT into pgboss.job, run on the caller's connection.
const sender = new PgBoss({
  db: { executeSql: () => Promise.reject(new Error("the raw sender has no connection of its own")) },
});

const READ_MEETING = `SELECT id, capacity, "endsAt" FROM "Meeting" WHERE slug = $1`;

// The person written and the meeting's row locked in one statement: for
// update with a capacity (seats are counted one registration at a time), for
// key share without (what the registration's foreign key takes anyway).
const personAndLock = (lock: "FOR UPDATE" | "FOR KEY SHARE") => `
  WITH person AS (
    INSERT INTO "Person" (email, "firstName", "lastName", phone, "roleTitle", organisation, "communicationsConsent", "updatedAt")
    VALUES ($1, $2, $3, $4, $5, $6, false, now())
    ON CONFLICT (email) DO UPDATE SET
      "firstName" = EXCLUDED."firstName", "lastName" = EXCLUDED."lastName",
      phone = EXCLUDED.phone, "roleTitle" = EXCLUDED."roleTitle", "updatedAt" = now()
    RETURNING id
  )
  SELECT person.id AS "personId", m.status::text AS status, m.capacity
  FROM person, "Meeting" m WHERE m.id = $7 ${lock} OF m`;

// The seat taken (counted only with a capacity) and the registration inserted, or a cancelled one brought back.
const insertRegistration = (counted: boolean) => `
  INSERT INTO "Registration" (
    "meetingId", "personId", status, source, "organisationType", "organisationName", "roleTitle",
    "privacyNoticeVersion", "privacyConsentAt", "communicationsConsent", "tokenHash", "tokenExpiresAt",
    "confirmedAt", "updatedAt")
  SELECT $1, $2, seat.status::"RegistrationStatus", 'SELF', 'ALTRO_ENTE', $3, $4, $5, $6, false, $7, $8,
         CASE WHEN seat.status = 'CONFIRMED' THEN $6::timestamptz END, now()
  FROM (SELECT ${
    counted
      ? `CASE WHEN (SELECT count(*) FROM "Registration" WHERE "meetingId" = $1 AND status = 'CONFIRMED') < $9 THEN 'CONFIRMED' ELSE 'WAITLISTED' END`
      : `'CONFIRMED'`
  } AS status) seat
  ON CONFLICT ("meetingId", "personId") DO UPDATE SET status = EXCLUDED.status, "tokenHash" = EXCLUDED."tokenHash",
    arrival = nextval(pg_get_serial_sequence('"Registration"', 'arrival'))
  WHERE "Registration".status = 'CANCELLED'
  RETURNING id, status::text AS status, EXISTS (SELECT 1 FROM "JoinLinkSend" WHERE "meetingId" = $1) AS "linkSent"`;

const INSERT_EMAIL = `
  INSERT INTO "EmailMessage" (template, "toEmail", "toName", data, "meetingId", "registrationId", "updatedAt")
  VALUES ($1, $2, $3, $4::jsonb, $5, $6, now())
  RETURNING id`;

type Meeting = { id: string; capacity: number | null; endsAt: Date };

/**
 * One registration, as `register` does it (lib/registrations/mutations.ts),
 * statement for statement: read the meeting, write the person and lock the
 * meeting's row, take the seat and insert the registration with a hashed
 * 256-bit token, then the EmailMessage and its pg-boss job, in one
 * transaction: seven round trips with BEGIN and COMMIT.
 */
async function registerOnce(client: pg.Client, slug: string, email: string, emailData: Record<string, unknown>) {
  const now = new Date();
  const tokenHash = createHash("sha256").update(randomBytes(32).toString("base64url"), "utf8").digest("hex");
  await client.query("BEGIN");
  try {
    const { rows: meetings } = await client.query<Meeting>(READ_MEETING, [slug]);
    const meeting = meetings[0];
    if (!meeting) throw new Error(`No meeting ${slug}`);
    const counted = meeting.capacity !== null;
    const { rows: locked } = await client.query<{ personId: string }>(personAndLock(counted ? "FOR UPDATE" : "FOR KEY SHARE"), [
      email,
      "Carmela",
      "Benchmark",
      "091 123 4567",
      "Funzionaria dei servizi sociali",
      "Ente del benchmark",
      meeting.id,
    ]);
    const { rows: registrations } = await client.query<{ id: string; status: string }>(insertRegistration(counted), [
      meeting.id,
      locked[0].personId,
      "Ente del benchmark",
      "Funzionaria dei servizi sociali",
      PRIVACY_NOTICE_VERSION,
      now,
      tokenHash,
      new Date(meeting.endsAt.getTime() + PERSONAL_LINK_TTL_AFTER_END_MS),
      ...(counted ? [meeting.capacity] : []),
    ]);
    if (!registrations.length) throw new Error("A fresh email cannot be registered already");
    const { rows: messages } = await client.query<{ id: string }>(INSERT_EMAIL, [
      registrations[0].status === "CONFIRMED" ? "registration-confirmed" : "registration-waitlisted",
      email,
      "Carmela Benchmark",
      JSON.stringify(emailData),
      meeting.id,
      registrations[0].id,
    ]);
    const job: EmailJob = { messageId: messages[0].id };
    const jobId = await sender.send(EMAIL_QUEUE, job, {
      db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) },
    });
    if (!jobId) throw new Error(`The "${EMAIL_QUEUE}" queue does not exist`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

export async function runRawWrites(options: {
  databaseUrl: string;
  slug: string;
  connections: number;
  durationSeconds: number;
  tag: string;
  /** The `data` of an EmailMessage the API wrote, so both write rows of the same size. */
  emailData: Record<string, unknown>;
}): Promise<LoadFigures> {
  const clients = Array.from({ length: options.connections }, () => new pg.Client({ connectionString: options.databaseUrl }));
  await Promise.all(clients.map((client) => client.connect()));
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let sequence = 0;
  let committed = 0;
  let errors = 0;

  try {
    const started = performance.now();
    const deadline = started + options.durationSeconds * 1000;
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < deadline) {
          const email = `raw.${options.tag}.${sequence++}@example.it`;
          const began = performance.now();
          try {
            await registerOnce(client, options.slug, email, { ...options.emailData, recipientName: "Carmela" });
            latencies.push(performance.now() - began);
            committed++;
            count(statusCounts, "committed");
          } catch (error) {
            errors++;
            count(statusCounts, error instanceof Error ? error.message.slice(0, 60) : "error");
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return {
      registrations: committed,
      seconds,
      perSecond: committed / seconds,
      latency: latencyOf(latencies),
      non2xx: 0,
      errors,
      statusCounts,
    };
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => {})));
  }
}
