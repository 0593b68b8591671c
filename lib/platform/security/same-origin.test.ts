// The same-origin rule's enumeration test. It walks app/ for every route
// handler that exports a writing method (POST, PUT, PATCH, DELETE) and sends
// each one a request that would write — first from our own site, which must
// store something (or the refusals below prove nothing), then from another
// site, an opaque origin and a cross-site request without Origin, each of
// which must answer 403 with nothing stored.
import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { createTestDatabase, databaseDigest } from "@/lib/test/database";
import { createMeeting, createUser } from "@/lib/test/factories";
import { newWebhookSecret, resendEvent, signedHeaders } from "@/lib/test/svix";
import { CROSS_SITE_MESSAGE, isCrossSite } from "./same-origin";
import { generateToken, hashToken } from "./tokens";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
// Auth.js itself does not load under vitest; in its place a handler that writes as a sign-in request would.
vi.mock("@/lib/auth/auth", async () => {
  const { db } = await import("@/lib/db");
  return {
    handlers: {
      GET: async () => Response.json({}),
      POST: async (request: Request) => {
        const form = await request.formData();
        await db().verificationToken.create({
          data: { identifier: String(form.get("email")), token: `t-${Math.random()}`, expires: new Date(Date.now() + 600_000) },
        });
        return new Response(null, { status: 302, headers: { location: "/accedi/controlla-email" } });
      },
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));

const ROOT = path.resolve(import.meta.dirname, "../../..");
const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"];
const SITE = "http://localhost:3000";
const WEBHOOK_SECRET = newWebhookSecret();

/** unsubscribeTokens: links of people who consent, one taken by each request (a used one would write nothing). */
type Context = { meetingId: string; slug: string; email: string; unsubscribeTokens: string[] };
type Built = { path: string; init: { body: BodyInit; headers?: Record<string, string> }; params: Record<string, string> };

/** For each writing route handler, a request that writes when it comes from our own site. */
const WRITES: Record<string, (context: Context) => Promise<Built>> = {
  "app/api/convocazioni/[slug]/iscrizioni/route.ts": async ({ slug }) => ({
    path: `/api/convocazioni/${slug}/iscrizioni`,
    params: { slug },
    init: {
      headers: { "content-type": "application/json", "x-forwarded-for": "10.9.9.9" },
      body: JSON.stringify({
        firstName: "Giuseppe",
        lastName: "Verdi",
        email: `verdi.${Math.random().toString(36).slice(2)}@example.it`,
        roleTitle: "Funzionario",
        organisationType: "ALTRO_ENTE",
        organisationName: "Ente di prova",
        privacyConsent: true,
      }),
    },
  }),
  "app/dashboard/convocazioni/[id]/presenze/carica/route.ts": async ({ meetingId }) => {
    const form = new FormData();
    form.set("piattaforma", "ZOOM");
    form.set("file", new File([`Name (Original Name),User Email,Duration (Minutes)\nMario Rossi,mario.${Math.random()}@example.it,45\n`], "zoom.csv", { type: "text/csv" }));
    return { path: `/dashboard/convocazioni/${meetingId}/presenze/carica`, params: { id: meetingId }, init: { body: form, headers: { "content-length": "400" } } };
  },
  "app/dashboard/enti-gestori/importa/carica/route.ts": async () => {
    const form = new FormData();
    form.set("file", new File([`Comune;Ente gestore;Categoria\nCorleone;Cooperativa ${Math.random()};Ordinari\n`], "progetti.csv", { type: "text/csv" }));
    return { path: "/dashboard/enti-gestori/importa/carica", params: {}, init: { body: form, headers: { "content-length": "400" } } };
  },
  "app/dashboard/comuni/pec/carica/route.ts": async () => {
    const form = new FormData();
    form.set("file", new File([readFileSync(path.join(ROOT, "lib/test/fixtures/indicepa/enti-sicilia.csv"))], "enti.csv", { type: "text/csv" }));
    return { path: "/dashboard/comuni/pec/carica", params: {}, init: { body: form, headers: { "content-length": "9000" } } };
  },
  "app/api/webhooks/resend/route.ts": async () => {
    // An event for no message of ours: stored, so the control writes.
    const body = resendEvent({ type: "email.delivered", emailId: `email-${Math.random()}` });
    return { path: "/api/webhooks/resend", params: {}, init: { body, headers: signedHeaders({ secret: WEBHOOK_SECRET, body }) } };
  },
  "app/api/comunicazioni/disiscrizione/[token]/route.ts": async ({ unsubscribeTokens }) => {
    const token = unsubscribeTokens.shift()!;
    return {
      path: `/api/comunicazioni/disiscrizione/${token}`,
      params: { token },
      init: { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" },
    };
  },
  "app/(public)/comunicazioni/disiscrizione/[token]/conferma/route.ts": async ({ unsubscribeTokens }) => {
    const token = unsubscribeTokens.shift()!;
    return { path: `/comunicazioni/disiscrizione/${token}/conferma`, params: { token }, init: { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "" } };
  },
  "app/(public)/valutazione/route.ts": async () => ({
    path: "/valutazione",
    params: {},
    init: { headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ path: "/privacy", rating: "4" }).toString() },
  }),
  "app/api/auth/[...nextauth]/route.ts": async ({ email }) => ({
    path: "/api/auth/signin/email",
    params: { nextauth: "signin,email" },
    init: { body: new URLSearchParams({ email, csrfToken: "token", callbackUrl: "/dashboard" }) },
  }),
};

const VARIANTS: [string, Record<string, string>][] = [
  ["another site's Origin", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
  ["an opaque Origin (null)", { origin: "null", "sec-fetch-site": "cross-site" }],
  ["no Origin, Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site" }],
  ["no Origin, Sec-Fetch-Site same-site", { "sec-fetch-site": "same-site" }],
  ["an Origin that is no URL", { origin: "evil" }],
];

let routes: { file: string; methods: string[] }[] = [];
let context: Context;
let snapshot: () => Promise<string>;

beforeAll(async () => {
  const { url, db } = await createTestDatabase();
  process.env.DATABASE_URL = url;
  process.env.RATE_LIMIT_PER_IP = "100000";
  process.env.RATE_LIMIT_PER_EMAIL = "100000";
  process.env.APP_URL = SITE;
  process.env.RESEND_WEBHOOK_SECRET = WEBHOOK_SECRET;
  const meeting = await createMeeting(db, { capacity: 100 });
  const admin = await createUser(db, "ADMIN");
  session.user = { ...admin };
  const unsubscribeTokens: string[] = [];
  for (let i = 0; i < 2 * (1 + VARIANTS.length); i++) {
    const token = generateToken();
    const person = await db.person.create({
      data: { email: `consenso.${i}@example.it`, firstName: "Carla", lastName: "Consenso", communicationsConsent: true, communicationsConsentAt: new Date() },
    });
    await db.unsubscribeToken.create({ data: { tokenHash: hashToken(token), personId: person.id, email: person.email } });
    unsubscribeTokens.push(token);
  }
  context = { meetingId: meeting.id, slug: meeting.slug, email: admin.email, unsubscribeTokens };

  snapshot = () => databaseDigest(db);

  const entries = await readdir(path.join(ROOT, "app"), { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    if (!entry.isFile() || !/^route\.tsx?$/.test(entry.name)) continue;
    const file = path.relative(ROOT, path.join(entry.parentPath, entry.name));
    const source = await readFile(path.join(ROOT, file), "utf8");
    const methods = WRITE_METHODS.filter((method) =>
      new RegExp(`export\\s+(async\\s+)?(function\\s+${method}\\b|const\\s+${method}\\b)|export\\s*\\{[^}]*\\b${method}\\b`).test(source),
    );
    if (methods.length > 0) routes.push({ file, methods });
  }
  routes = routes.sort((a, b) => a.file.localeCompare(b.file));
});

async function send(file: string, method: string, headers: Record<string, string>): Promise<Response> {
  const built = await WRITES[file](context);
  const { NextRequest } = await import("next/server");
  const request = new NextRequest(`${SITE}${built.path}`, {
    method,
    body: built.init.body,
    headers: {
      ...built.init.headers,
      host: "localhost:3000",
      ...headers,
    },
  });
  const exports = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, (...args: unknown[]) => Promise<Response>>;
  return exports[method](request, { params: Promise.resolve(built.params) });
}

describe("one same-origin rule for every route handler that writes", () => {
  it("finds the writing route handlers, and has a writing request for each", () => {
    expect(routes.map((route) => route.file)).toEqual(expect.arrayContaining(Object.keys(WRITES)));
    // A new writing route handler must be added to WRITES, so it is checked here.
    expect(routes.map((route) => route.file).filter((file) => !WRITES[file])).toEqual([]);
  });

  it("stores a write from our own site, and refuses with 403 one from another site, an opaque origin or a cross-site fetch, storing nothing", async () => {
    const problems: string[] = [];
    for (const { file, methods } of routes) {
      for (const method of methods) {
        // The control: the same request from our own site does write.
        const before = await snapshot();
        const own = await send(file, method, { origin: SITE, "sec-fetch-site": "same-origin" });
        if (own.status === 403 || (await snapshot()) === before) problems.push(`${file} ${method} from our own site answered ${own.status} and stored nothing`);
        for (const [variant, headers] of VARIANTS) {
          const start = await snapshot();
          const response = await send(file, method, headers);
          const body = (await response.clone().json().catch(() => null)) as { message?: string } | null;
          if (response.status !== 403 || body?.message !== CROSS_SITE_MESSAGE) problems.push(`${file} ${method} with ${variant} answered ${response.status}`);
          if ((await snapshot()) !== start) problems.push(`${file} ${method} with ${variant} changed the database`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("isCrossSite", () => {
  const request = (headers: Record<string, string>) => new Request(`${SITE}/x`, { method: "POST", headers: { host: "localhost:3000", ...headers } });

  it("lets through our own origin (as the proxy names it, or APP_URL's), a same-origin or user-initiated fetch, and a client that is no browser", () => {
    process.env.APP_URL = "https://convoca.example.it";
    expect(isCrossSite(request({ origin: "http://localhost:3000" }))).toBe(false);
    expect(isCrossSite(request({ origin: "https://convoca.example.it" }))).toBe(false);
    expect(isCrossSite(request({ origin: "https://public.example", "x-forwarded-host": "public.example" }))).toBe(false);
    expect(isCrossSite(request({ "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSite(request({ "sec-fetch-site": "none" }))).toBe(false);
    expect(isCrossSite(request({}))).toBe(false);
    process.env.APP_URL = SITE;
  });

  it("refuses another site, a look-alike host, an opaque origin and a cross-site fetch without Origin", () => {
    expect(isCrossSite(request({ origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSite(request({ origin: "http://localhost:3000.evil.example" }))).toBe(true);
    expect(isCrossSite(request({ origin: "http://localhost:3001" }))).toBe(true);
    expect(isCrossSite(request({ origin: "null" }))).toBe(true);
    expect(isCrossSite(request({ "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSite(request({ "sec-fetch-site": "same-site" }))).toBe(true);
  });
});
