// A coverage reminder delivered for real: queued by the coordinator's click,
// sent by the email worker through the Resend SDK to the local stub. The
// delivered email carries List-Unsubscribe (the one-click address) and
// List-Unsubscribe-Post, and its visible link; once it is sent the token is
// nowhere in the database (only its hash), and the link still works.
import { expect, test, vi } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createMunicipalityIn, createReferent, createUser } from "@/lib/test/factories";
import { resendStubForFile } from "@/lib/test/resend-harness";
import { waitFor } from "@/lib/test/wait-for";
import { hashToken } from "@/lib/platform/security/tokens";
import { EMAIL_SECRET_MARKER } from "@/lib/email/secrets";
import { startEmailWorker } from "@/lib/email/worker";

const APP_URL = "https://convoca.example.it";
const { url, db } = await createTestDatabase(4);
process.env.DATABASE_URL = url;
vi.stubEnv("APP_URL", APP_URL);
process.env.RATE_LIMIT_PER_IP = "100000";
process.env.RATE_LIMIT_PER_EMAIL = "100000";

const resend = resendStubForFile(url, { retryLimit: 2, retryDelay: 1, retryBackoff: false, expireInSeconds: 30 });
const { sendCoverageReminders } = await import("@/lib/coverage/mutations");
const oneClickRoute = await import("@/app/api/comunicazioni/disiscrizione/[token]/route");

test("a delivered coverage reminder carries the one-click headers and the link; the token is not at rest; the link works", async () => {
  resend.worker = await startEmailWorker({ url, concurrency: 1, pollingIntervalSeconds: 0.5, log: () => {} });
  const coordinator = await createUser(db, "COORDINATOR");
  const meeting = await createMeeting(db);
  const municipality = await createMunicipalityIn(db, { name: "Recapitopoli" });
  const referent = await createReferent(db, municipality.id, { email: "referente@recapitopoli.example.it" });
  await db.person.update({ where: { id: referent.personId }, data: { communicationsConsent: true, communicationsConsentAt: new Date() } });
  expect(await sendCoverageReminders(db, { actor: coordinator, meetingId: meeting.id })).toMatchObject({ ok: true, sent: 1 });

  await waitFor("the reminder to be sent", async () => (await db.emailMessage.count({ where: { template: "coverage-reminder", status: "SENT" } })) === 1);
  const [delivery] = resend.stub.deliveries;
  const link = delivery.text.match(/https:\/\/convoca\.example\.it\/comunicazioni\/disiscrizione\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link).toBeDefined();
  const token = new URL(link!).pathname.split("/").at(-1)!;
  expect(delivery.headers).toEqual({
    "List-Unsubscribe": `<${APP_URL}/api/comunicazioni/disiscrizione/${token}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  });
  expect(delivery.text).toContain("Non ricevere più queste comunicazioni");

  // At rest: the message's data has the marker, the token only its hash.
  const message = await db.emailMessage.findFirstOrThrow({ where: { template: "coverage-reminder" } });
  expect((message.data as { unsubscribeUrl: string }).unsubscribeUrl).toBe(EMAIL_SECRET_MARKER);
  const tables = await db.$queryRaw<{ schema: string; name: string }[]>`
    SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`;
  let dump = "";
  for (const table of tables) {
    const rows = await db.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${table.schema}"."${table.name}" t`);
    dump += rows.map((row) => row.row).join("\n");
  }
  expect(dump).toContain(hashToken(token));
  expect(dump).not.toContain(token);

  // The mail client's one-click, as the header says: no cookie, no Origin.
  const response = await oneClickRoute.POST(
    new Request(delivery.headers["List-Unsubscribe"].slice(1, -1), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: delivery.headers["List-Unsubscribe-Post"],
    }),
    { params: Promise.resolve({ token }) },
  );
  expect(response.status).toBe(200);
  expect((await db.person.findUniqueOrThrow({ where: { id: referent.personId } })).communicationsConsent).toBe(false);
});
