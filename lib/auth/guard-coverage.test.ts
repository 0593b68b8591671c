// The guard's enumeration test. It walks app/ and lib/ for every server
// action ("use server" module) and every route handler (route.ts), calls each
// one signed out and as an OBSERVER (and, for user management, as a
// COORDINATOR), and asserts the refusal — with nothing written to the
// database. Dashboard pages are checked statically: the first statement of
// each page's component is the guard. The same checks run against
// deliberately unguarded fixtures, which must fail them.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { IDLE } from "@/lib/platform/forms/action-state";
import { createTestDatabase, databaseDigest } from "@/lib/test/database";
import { createMeeting, createMunicipality } from "@/lib/test/factories";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Public on purpose: each is how the public (or a signing-in user) acts, and checks its own credential. */
const PUBLIC_ACTIONS: Record<string, string> = {
  "lib/registrations/actions.ts": "registration journey: the personal link's token is the credential",
  "lib/invitations/actions.ts": "invitation answers: the invitation's token is the credential",
  "lib/auth/actions.ts": "signing in and out",
  "lib/registrations/link-up/actions.ts": "registration form's known-referent lookup: reads only, rate-limited per IP and per email, answers the minimal pre-fill or null",
  "lib/referents/sheets/actions.ts": "the public scheda referenti: honeypot and rate limit; it only lands as a scheda da verificare",
};
const PUBLIC_ROUTES: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts": "Auth.js: how a session starts",
  "app/api/health/route.ts": "liveness for the load balancer: answers { ok: true }, reads nothing",
  "app/api/ready/route.ts": "readiness for the load balancer: which checks fail (database, migrations, queue, workers), no data",
  "app/api/webhooks/resend/route.ts": "Resend's delivery reports: the Svix signature on the raw body is the credential",
  "app/api/convocazioni/[slug]/iscrizioni/route.ts": "public registration API (rate-limited)",
  "app/(public)/convocazioni/[slug]/calendario.ics/route.ts": "public calendar file of a published meeting",
  "app/(public)/convocazioni/[slug]/lettera.pdf/route.ts": "the convocation letter of a published meeting, as on its public page; reads only",
  "app/(public)/scheda-referenti/scheda.pdf/route.ts": "the blank scheda referenti the letter attaches; no data but the latest letterhead",
  "app/(public)/iscrizione/[token]/calendario.ics/route.ts": "a registration's calendar file: the personal link's token is the credential; reads only",
  "app/api/comunicazioni/disiscrizione/[token]/route.ts": "one-click unsubscribe (RFC 8058): the link's token (hash stored) is the credential; rate-limited",
  "app/(public)/comunicazioni/disiscrizione/[token]/conferma/route.ts": "the unsubscribe page's button: the link's token (hash stored) is the credential; rate-limited",
  "app/(public)/valutazione/route.ts": "the satisfaction widget of the public pages: anonymous by design, rate-limited per IP",
  "app/(public)/attestati/[code]/attestato.pdf/route.ts": "an attestato's PDF: its 100-bit code (hash stored) is the credential; reads only, rate-limited per IP",
};
/** Modules whose actions need "admin": a coordinator is refused too. */
const ADMIN_ACTION_MODULES = ["lib/users/actions.ts"];
/** Actions that only read (an observer may call them). None so far: reads are pages and exports. */
const READ_ACTIONS: string[] = [];

const SIGNED_OUT = "La sessione è scaduta o non hai effettuato l'accesso";
const FORBIDDEN = "Il tuo profilo non consente questa operazione.";
const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"];
const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", ...WRITE_METHODS];

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith("lib/generated/") && !file.startsWith("lib/test/"));
}

function parse(file: string, source: string) {
  return ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function hasUseServerDirective(sourceFile: ts.SourceFile): boolean {
  const first = sourceFile.statements[0];
  return Boolean(first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server");
}

/** The first statement of the default-exported function (a page's component). */
function firstStatementOfDefaultExport(sourceFile: ts.SourceFile): string | null {
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) {
      return statement.body?.statements[0]?.getText(sourceFile) ?? null;
    }
  }
  return null;
}

/** The first statement of an exported generateMetadata, which Next runs beside the page; undefined when there is none. */
function firstStatementOfGenerateMetadata(sourceFile: ts.SourceFile): string | null | undefined {
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === "generateMetadata") {
      return statement.body?.statements.find((s) => !ts.isEmptyStatement(s))?.getText(sourceFile) ?? null;
    }
  }
  return undefined;
}

type Module = Record<string, unknown>;

let files: string[] = [];
let actionModules: string[] = [];
let routeModules: string[] = [];
let meetingId = "";
let observer: DashboardUser;
let coordinator: DashboardUser;
let snapshot: () => Promise<string>;

beforeAll(async () => {
  const { url, db } = await createTestDatabase();
  process.env.DATABASE_URL = url;
  process.env.RATE_LIMIT_PER_IP = "100000";
  const meeting = await createMeeting(db, { capacity: 10 });
  meetingId = meeting.id;
  await createMunicipality(db);
  const makeUser = async (role: DashboardUser["role"]) => {
    const row = await db.user.create({ data: { email: `${role.toLowerCase()}@guard.test`, role } });
    return { id: row.id, email: row.email, name: null, role };
  };
  observer = await makeUser("OBSERVER");
  coordinator = await makeUser("COORDINATOR");

  snapshot = () => databaseDigest(db);

  files = [...(await walk("app")), ...(await walk("lib"))];
  for (const file of files) {
    const source = await readFile(path.join(ROOT, file), "utf8");
    if (hasUseServerDirective(parse(file, source))) actionModules.push(file);
    if (/(^|\/)route\.tsx?$/.test(file)) routeModules.push(file);
  }
  actionModules = actionModules.filter((file) => !PUBLIC_ACTIONS[file]);
  routeModules = routeModules.filter((file) => !PUBLIC_ROUTES[file]);
});

const importModule = (file: string): Promise<Module> => import(/* @vite-ignore */ path.join(ROOT, file));

/** Calls an action as the browser would: its bound arguments (ids), the previous state, a form. */
async function callAction(action: (...args: unknown[]) => unknown): Promise<unknown> {
  const formData = new FormData();
  formData.set("id", meetingId);
  formData.append("ids", meetingId);
  const bound = Array.from({ length: Math.max(0, action.length - 2) }, () => meetingId);
  try {
    return await action(...bound, IDLE, formData);
  } catch (error) {
    return { threw: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

function refusal(result: unknown): "SIGNED_OUT" | "FORBIDDEN" | null {
  const formError = (result as { formError?: unknown } | null)?.formError;
  if (typeof formError !== "string") return null;
  if (formError.startsWith(SIGNED_OUT)) return "SIGNED_OUT";
  if (formError === FORBIDDEN) return "FORBIDDEN";
  return null;
}

/** Every problem with a module's actions: an export that is not refused, or that wrote anyway. */
async function actionProblems(file: string): Promise<string[]> {
  const exports = await importModule(file);
  const problems: string[] = [];
  const callers: [string, DashboardUser | null, boolean][] = [
    ["signed out", null, true],
    ["an observer", observer, true],
    ["a coordinator", coordinator, ADMIN_ACTION_MODULES.includes(file)],
  ];
  for (const [name, action] of Object.entries(exports)) {
    if (typeof action !== "function") continue;
    for (const [who, user, mustRefuse] of callers) {
      if (!mustRefuse || (user === observer && READ_ACTIONS.includes(`${file}#${name}`))) continue;
      session.user = user;
      const before = await snapshot();
      const result = await callAction(action as (...args: unknown[]) => unknown);
      const after = await snapshot();
      const expected = user ? "FORBIDDEN" : "SIGNED_OUT";
      if (refusal(result) !== expected) problems.push(`${file}#${name} called by ${who} was not refused: ${JSON.stringify(result)?.slice(0, 200)}`);
      if (before !== after) problems.push(`${file}#${name} called by ${who} changed the database`);
    }
  }
  session.user = null;
  return problems;
}

/** Every problem with a module's route handlers: a method that answers a caller it should refuse. */
async function routeProblems(file: string): Promise<string[]> {
  const exports = await importModule(file);
  const problems: string[] = [];
  const { NextRequest } = await import("next/server");
  // Whatever the dynamic segments are called, give each an existing id.
  const params = new Proxy({}, { get: (_target, key) => (key === "then" ? undefined : meetingId) });
  for (const method of HTTP_METHODS) {
    const handler = exports[method];
    if (typeof handler !== "function") continue;
    const callers: [string, DashboardUser | null, number | null][] = [
      ["signed out", null, 401],
      ["an observer", observer, WRITE_METHODS.includes(method) ? 403 : null],
    ];
    for (const [who, user, status] of callers) {
      if (status === null) continue;
      session.user = user;
      const before = await snapshot();
      const request = new NextRequest(`http://localhost/${file}?formato=csv`, {
        method,
        ...(WRITE_METHODS.includes(method) ? { body: new FormData() } : {}),
      });
      let response: Response | { threw: string };
      try {
        response = (await handler(request, { params: Promise.resolve(params) })) as Response;
      } catch (error) {
        response = { threw: String(error) };
      }
      const after = await snapshot();
      const got = "status" in response ? response.status : response.threw;
      if (got !== status) problems.push(`${file} ${method} called by ${who} answered ${got}, not ${status}`);
      if (before !== after) problems.push(`${file} ${method} called by ${who} changed the database`);
    }
  }
  session.user = null;
  return problems;
}

describe("the guard covers every entry point", () => {
  it("finds the server actions and route handlers to check", () => {
    expect(files.length).toBeGreaterThan(50);
    // The public ones it skips must still exist, or the list is stale.
    for (const file of [...Object.keys(PUBLIC_ACTIONS), ...Object.keys(PUBLIC_ROUTES)]) expect(files).toContain(file);
    // And it sees the dashboard's own (a walk that found nothing would prove nothing).
    expect(actionModules).toEqual(
      expect.arrayContaining([
        "lib/meetings/actions.ts",
        "lib/registrations/dashboard/actions.ts",
        "lib/invitations/dashboard/actions.ts",
        "lib/coverage/actions.ts",
        "lib/users/actions.ts",
        "lib/email/log/actions.ts",
      ]),
    );
    expect(routeModules).toEqual(
      expect.arrayContaining([
        "app/dashboard/convocazioni/[id]/iscrizioni/esporta/route.ts",
        "app/dashboard/convocazioni/[id]/copertura/avanzamento/route.ts",
      ]),
    );
  });

  it("has \"use server\" only as a module's first statement", async () => {
    const inline: string[] = [];
    for (const file of files) {
      const source = await readFile(path.join(ROOT, file), "utf8");
      const directives = source.match(/^\s*["']use server["'];?\s*$/gm) ?? [];
      if (directives.length > 1 || (directives.length === 1 && !hasUseServerDirective(parse(file, source)))) inline.push(file);
    }
    expect(inline).toEqual([]);
  });

  it("refuses every dashboard server action signed out and as an observer, and user management as a coordinator, writing nothing", async () => {
    const problems: string[] = [];
    for (const file of actionModules) problems.push(...(await actionProblems(file)));
    expect(problems).toEqual([]);
  });

  it("answers 401 to a signed-out caller of every dashboard route handler, 403 to an observer who writes, writing nothing", async () => {
    const problems: string[] = [];
    for (const file of routeModules) problems.push(...(await routeProblems(file)));
    expect(problems).toEqual([]);
  });

  it("guards every dashboard page and layout in their first statement", async () => {
    const pages = files.filter((file) => file.startsWith("app/dashboard/") && /(^|\/)(page|layout)\.tsx$/.test(file));
    expect(pages).toContain("app/dashboard/page.tsx");
    const unguarded: string[] = [];
    const guardFirst = /^(const \w+ = |const \{[^}]*\} = )?await guardPage\(/;
    for (const file of pages) {
      const sourceFile = parse(file, await readFile(path.join(ROOT, file), "utf8"));
      const first = firstStatementOfDefaultExport(sourceFile);
      if (!first || !guardFirst.test(first)) unguarded.push(`${file}: ${first}`);
      const metadataFirst = firstStatementOfGenerateMetadata(sourceFile);
      if (metadataFirst !== undefined && !(metadataFirst && guardFirst.test(metadataFirst))) unguarded.push(`${file} generateMetadata: ${metadataFirst}`);
    }
    expect(unguarded).toEqual([]);
  });
});

describe("the checks catch a missing guard", () => {
  it("reports an unguarded action, and that it wrote", async () => {
    const problems = await actionProblems("lib/test/fixtures/unguarded-actions.ts");
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("#forgetsTheGuardAction called by signed out was not refused"),
        "lib/test/fixtures/unguarded-actions.ts#forgetsTheGuardAction called by signed out changed the database",
        expect.stringContaining("#forgetsTheGuardAction called by an observer was not refused"),
      ]),
    );
  });

  it("reports an unguarded route handler", async () => {
    const problems = await routeProblems("lib/test/fixtures/unguarded-route.ts");
    expect(problems).toEqual([
      "lib/test/fixtures/unguarded-route.ts GET called by signed out answered 200, not 401",
      "lib/test/fixtures/unguarded-route.ts POST called by signed out answered 200, not 401",
      "lib/test/fixtures/unguarded-route.ts POST called by an observer answered 200, not 403",
    ]);
  });

  it("reports a page whose first statement is not the guard, and so its metadata", () => {
    const source = `export async function generateMetadata() { const meeting = await load(); return {}; }
export default async function Page() { const rows = await list(); const user = await guardPage("read"); return null; }`;
    expect(firstStatementOfDefaultExport(parse("page.tsx", source))).toBe("const rows = await list();");
    expect(firstStatementOfGenerateMetadata(parse("page.tsx", source))).toBe("const meeting = await load();");
  });
});
