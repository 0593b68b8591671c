// No emailed secret at rest. The real flows write their emails (registration
// → confirmation with the personal link, a nomination → the invitation, the
// same address again → the personal link, a dashboard sign-in request through
// Auth.js → the magic link, an attestato → its code, "Invia ora" → the join
// link in a provider batch); the real workers deliver them through the Resend
// SDK to the local stub. The tokens, links and codes are taken from the
// DELIVERED emails, with the session cookie the magic link gives; then every
// row of every table of every schema (pg-boss's included) is dumped as text,
// and none of them may be in it. They still work: each is found by its hash.
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { NextRequest } from "next/server";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createRegistrationRecord, createUser, registrationInput } from "@/lib/test/factories";
import { resendStubForFile } from "@/lib/test/resend-harness";
import { waitFor } from "@/lib/test/wait-for";
import { hashToken } from "@/lib/platform/security/tokens";
import { startBatchWorker, type BatchWorker } from "./batch/worker";
import { startEmailWorker } from "./worker";

const APP_URL = "http://convoca.example.it";
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));

const { url, db } = await createTestDatabase(8);
process.env.DATABASE_URL = url;
vi.stubEnv("APP_URL", APP_URL);
vi.stubEnv("AUTH_SECRET", "secret-di-prova-per-i-test-delle-sessioni");
vi.stubEnv("AUTH_TRUST_HOST", "true");
vi.stubEnv("AUTH_URL", `${APP_URL}/api/auth`);

const resend = resendStubForFile(url, { retryLimit: 2, retryDelay: 1, retryBackoff: false, expireInSeconds: 30 });
let batchWorker: BatchWorker | undefined;

const { register } = await import("@/lib/registrations/mutations");
const { getRegistrationByToken } = await import("@/lib/registrations/queries");
const { getInvitationByToken } = await import("@/lib/invitations/queries");
const { issueCertificates } = await import("@/lib/certificates/mutations");
const { verifyCertificateCode } = await import("@/lib/certificates/queries");
const { sendJoinLinkNow } = await import("@/lib/join-link/mutations");
const authRoute = await import("@/app/api/auth/[...nextauth]/route");

beforeAll(async () => {
  resend.worker = await startEmailWorker({ url, concurrency: 2, pollingIntervalSeconds: 0.5, log: () => {} });
  batchWorker = await startBatchWorker({ url, concurrency: 1, pollingIntervalSeconds: 0.5, log: () => {} });
});
afterAll(async () => {
  await batchWorker?.stop({ timeoutMs: 2_000 });
});

const HOUR = 3_600_000;

/** Cookies as a browser keeps them between the answers' Set-Cookie and the next request. */
class CookieJar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }
  get(name: string) {
    return this.cookies.get(name);
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

async function authRequest(jar: CookieJar, path: string, init: { method?: "GET" | "POST"; form?: Record<string, string> } = {}) {
  const method = init.method ?? "GET";
  const request = new NextRequest(new URL(path, APP_URL), {
    method,
    headers: {
      cookie: jar.header(),
      origin: APP_URL,
      "sec-fetch-site": "same-origin",
      "x-forwarded-for": "198.51.100.7",
      ...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    },
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
  });
  const response = await (method === "GET" ? authRoute.GET(request) : authRoute.POST(request));
  jar.take(response);
  return response;
}

/** Everything in the database as text: each row of each table of each schema, pg-boss's jobs and archive too. */
async function databaseDump(): Promise<string> {
  const tables = await db.$queryRaw<{ schema: string; name: string }[]>`
    SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
    ORDER BY 1, 2`;
  expect(tables.map((table) => `${table.schema}.${table.name}`)).toEqual(expect.arrayContaining(["public.EmailMessage", "public.Session", "pgboss.job"]));
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await db.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${table.schema}"."${table.name}" t`);
    parts.push(`-- ${table.schema}.${table.name}`, ...rows.map((row) => row.row));
  }
  return parts.join("\n");
}

const URLS = /https?:\/\/[^\s<>"')\]]+/g;

function linksIn(texts: string[], pattern: RegExp): string[] {
  return [...new Set(texts.flatMap((text) => text.match(URLS) ?? []).filter((link) => pattern.test(link)))];
}

test("after delivery no emailed token, link, attestato code or session token is anywhere in the database, and each still works", async () => {
  const meeting = await createMeeting(db, { joinUrl: "https://zoom.us/j/555?pwd=collegamento", platform: "Zoom" });
  const registrant = registrationInput({
    firstName: "Rosa",
    email: "rosa.referente@comune.example.it",
    nominees: [{ firstName: "Gino", lastName: "Gestore", email: "gino.gestore@coop.example.it", managingBodyName: "Cooperativa Aurora" }],
  });
  expect(await register(db, { slug: meeting.slug, ...registrant })).toMatchObject({ ok: true });
  // The same address again: the personal link is sent anew.
  expect(await register(db, { slug: meeting.slug, ...registrant })).toMatchObject({ ok: false, reason: "ALREADY_REGISTERED" });

  // A dashboard sign-in request, as the form posts it to Auth.js.
  const admin = await createUser(db, "ADMIN");
  const browser = new CookieJar();
  const { csrfToken } = (await (await authRequest(browser, "/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await authRequest(browser, "/api/auth/signin/email", {
    method: "POST",
    form: { email: admin.email, csrfToken, callbackUrl: `${APP_URL}/dashboard` },
  });
  expect(signIn.status).toBe(302);

  // An attestato for someone present at a meeting that is over.
  const startsAt = new Date(Date.now() - 5 * HOUR);
  const past = await createMeeting(db, { startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR), registrationOpensAt: new Date(Date.now() - 48 * HOUR) });
  const present = await createRegistrationRecord(db, past.id, { firstName: "Lucia", email: "lucia.presente@comune.example.it", attendance: { status: "PRESENT", minutes: 100 } });
  expect(await issueCertificates(db, { actor: admin, meetingId: past.id })).toMatchObject({ ok: true, issued: [present.id] });

  // The join link to everyone confirmed, in a provider batch.
  expect(await sendJoinLinkNow(db, { actor: admin, meetingId: meeting.id })).toMatchObject({ ok: true, recipients: 1 });

  const templates = ["registration-confirmed", "invitation", "personal-link", "sign-in-link", "certificate", "join-link"];
  await waitFor("every email to be delivered", async () => {
    const sent = await db.emailMessage.findMany({ where: { status: "SENT" }, select: { template: true } });
    return templates.every((template) => sent.some((message) => message.template === template));
  });
  await waitFor("every delivery job to finish", async () => {
    const [row] = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM pgboss.job WHERE name LIKE 'email.%' AND state IN ('created', 'retry', 'active')`;
    return Number(row.count) === 0;
  });
  expect((await db.emailMessage.findMany({ select: { status: true } })).every((message) => message.status === "SENT")).toBe(true);

  // What the recipients received, by template (the text part: the HTML has the same links, escaped).
  const templateOf = new Map((await db.emailMessage.findMany({ select: { id: true, template: true } })).map((m) => [m.id, m.template]));
  const received = (template: string) =>
    resend.stub.deliveries
      .filter((delivery) => templateOf.get(delivery.messageId ?? delivery.idempotencyKey ?? "") === template)
      .map((delivery) => delivery.text);
  expect(templates.every((template) => received(template).length > 0)).toBe(true);
  const delivered = resend.stub.deliveries.map((delivery) => delivery.text);
  const personalLinks = linksIn(delivered, /\/iscrizione\/[A-Za-z0-9_-]{43}/);
  const invitationLinks = linksIn(received("invitation"), /\/invito\/[A-Za-z0-9_-]{43}/);
  const signInLinks = linksIn(received("sign-in-link"), /\/api\/auth\/callback\/email\?/);
  const verifyLinks = linksIn(received("certificate"), /\/attestati\/[A-Z0-9-]+(\/attestato\.pdf)?$/);
  // The confirmation's link, then the one sent again (which replaced it).
  expect(linksIn(received("registration-confirmed"), /\/iscrizione\//)).toHaveLength(1);
  expect(linksIn(received("personal-link"), /\/iscrizione\//)).toHaveLength(1);
  expect(personalLinks).toHaveLength(2);
  expect(invitationLinks).toHaveLength(1);
  expect(signInLinks).toHaveLength(1);
  expect(verifyLinks).toHaveLength(2);

  const pathToken = (link: string) => new URL(link).pathname.split("/")[2];
  const personalTokens = personalLinks.map(pathToken);
  const currentPersonalToken = pathToken(linksIn(received("personal-link"), /\/iscrizione\//)[0]);
  const invitationToken = pathToken(invitationLinks[0]);
  const signInToken = new URL(signInLinks[0]).searchParams.get("token")!;
  const code = pathToken(verifyLinks[0]);
  expect(received("certificate").join("\n")).toContain(`Codice dell'attestato: ${code}`);

  // The magic link works once and gives a session cookie.
  const signInUrl = new URL(signInLinks[0]);
  const callback = await authRequest(browser, signInUrl.pathname + signInUrl.search);
  expect(callback.status).toBe(302);
  const sessionToken = browser.get("authjs.session-token");
  expect(sessionToken).toBeTruthy();
  const session = (await (await authRequest(browser, "/api/auth/session")).json()) as { user?: { email: string } } | null;
  expect(session?.user?.email).toBe(admin.email);
  expect(await db.session.count({ where: { sessionToken: hashToken(sessionToken!) } })).toBe(1);

  const secrets = [
    ...personalTokens,
    ...personalLinks,
    invitationToken,
    ...invitationLinks,
    signInToken,
    ...signInLinks,
    code,
    ...verifyLinks,
    sessionToken!,
  ];
  const dump = await databaseDump();
  // The dump is the real thing: the emails are in it, by address, and the tokens by their hashes.
  expect(dump).toContain("gino.gestore@coop.example.it");
  expect(dump).toContain(hashToken(currentPersonalToken));
  expect(dump).toContain(hashToken(invitationToken));
  for (const secret of secrets) {
    for (const form of new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])) {
      expect(dump.includes(form), `${secret} is in the database`).toBe(false);
    }
  }

  // Each still works, looked up by its hash.
  expect(await getRegistrationByToken(db, { token: currentPersonalToken, now: new Date() })).not.toBeNull();
  expect(await getInvitationByToken(db, { token: invitationToken, now: new Date() })).not.toBeNull();
  expect(await verifyCertificateCode(db, code)).toMatchObject({ valid: true });

  // Signing out ends the session stored by its hash.
  const { csrfToken: signOutCsrf } = (await (await authRequest(browser, "/api/auth/csrf")).json()) as { csrfToken: string };
  await authRequest(browser, "/api/auth/signout", { method: "POST", form: { csrfToken: signOutCsrf } });
  expect(await db.session.count({ where: { sessionToken: hashToken(sessionToken!) } })).toBe(0);
});
