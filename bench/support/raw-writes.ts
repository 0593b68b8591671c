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

const LOCK_MEETING = `
  SELECT id, slug, status::text AS status, capacity, "startsAt", "endsAt", "registrationOpensAt", "registrationClosesAt"
  FROM "Meeting" WHERE slug = $1 FOR UPDATE`;

const UPSERT_PERSON = `
  INSERT INTO "Person" (email, "firstName", "lastName", phone, "roleTitle", organisation, "updatedAt")
  VALUES ($1, $2, $3, $4, $5, $6, now())
  ON CONFLICT (email) DO UPDATE SET
    "firstName" = EXCLUDED."firstName", "lastName" = EXCLUDED."lastName",
    phone = EXCLUDED.phone, "roleTitle" = EXCLUDED."roleTitle", "updatedAt" = now()
  RETURNING id`;

// register() brings back a cancelled registration of the same person instead of inserting.
const CANCELLED_REGISTRATION = `
  SELECT id FROM "Registration" WHERE "meetingId" = $1 AND "personId" = $2 AND status = 'CANCELLED' LIMIT 1`;

const CONFIRMED_COUNT = `SELECT count(*)::int AS n FROM "Registration" WHERE "meetingId" = $1 AND status = 'CONFIRMED'`;

const INSERT_REGISTRATION = `
  INSERT INTO "Registration" (
    "meetingId", "personId", status, source, "organisationType", "organisationName", "roleTitle",
    "privacyNoticeVersion", "privacyConsentAt", "communicationsConsent", "tokenHash", "tokenExpiresAt",
    "confirmedAt", "updatedAt")
  VALUES ($1, $2, $3::"RegistrationStatus", 'SELF', 'ALTRO_ENTE', $4, $5, $6, $7, false, $8, $9, $10, now())
  RETURNING id`;

const INSERT_EMAIL = `
  INSERT INTO "EmailMessage" (template, "toEmail", "toName", data, "meetingId", "registrationId", "updatedAt")
  VALUES ($1, $2, $3, $4::jsonb, $5, $6, now())
  RETURNING id`;

type LockedMeeting = { id: string; capacity: number | null; endsAt: Date };

/**
 * One registration, as `register` does it: lock the meeting row, upsert the
 * person, count confirmed seats when the meeting has a capacity (as register
 * does), look for a cancelled registration to bring back (there is none: every
 * email is new), insert the registration with a hashed 256-bit token, then
 * the EmailMessage and its pg-boss job, all in one transaction.
 */
async function registerOnce(client: pg.Client, slug: string, email: string, emailData: Record<string, unknown>) {
  const now = new Date();
  const tokenHash = createHash("sha256").update(randomBytes(32).toString("base64url"), "utf8").digest("hex");
  await client.query("BEGIN");
  try {
    const { rows: meetings } = await client.query<LockedMeeting>(LOCK_MEETING, [slug]);
    const meeting = meetings[0];
    if (!meeting) throw new Error(`No meeting ${slug}`);
    const { rows: people } = await client.query<{ id: string }>(UPSERT_PERSON, [
      email,
      "Carmela",
      "Benchmark",
      "091 123 4567",
      "Funzionaria dei servizi sociali",
      "Ente del benchmark",
    ]);
    let full = false;
    if (meeting.capacity !== null) {
      const { rows } = await client.query<{ n: number }>(CONFIRMED_COUNT, [meeting.id]);
      full = rows[0].n >= meeting.capacity;
    }
    const status = full ? "WAITLISTED" : "CONFIRMED";
    const { rows: cancelled } = await client.query(CANCELLED_REGISTRATION, [meeting.id, people[0].id]);
    if (cancelled.length) throw new Error("A fresh email cannot have a cancelled registration");
    const { rows: registrations } = await client.query<{ id: string }>(INSERT_REGISTRATION, [
      meeting.id,
      people[0].id,
      status,
      "Ente del benchmark",
      "Funzionaria dei servizi sociali",
      PRIVACY_NOTICE_VERSION,
      now,
      tokenHash,
      new Date(meeting.endsAt.getTime() + PERSONAL_LINK_TTL_AFTER_END_MS),
      status === "CONFIRMED" ? now : null,
    ]);
    const { rows: messages } = await client.query<{ id: string }>(INSERT_EMAIL, [
      status === "CONFIRMED" ? "registration-confirmed" : "registration-waitlisted",
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
