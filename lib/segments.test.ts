// The dynamic segments of our addresses are checked at the edge: the shape
// helpers accept what the app makes and nothing else, every page and route
// handler under a [segment] reads it through one of them, and the route
// handlers answer a malformed segment (NUL, control characters, the wrong
// shape) with 404 — never a database error turned 500.
import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { generateCertificateCode } from "@/lib/certificates/code";
import { slugify } from "@/lib/meetings/slug";
import { createTestDatabase, databaseDigest } from "@/lib/test/database";
import { createMeeting, createUser } from "@/lib/test/factories";
import { isCertificateCode, isMeetingSlug, isToken, isUuid } from "./segments";
import { generateToken } from "@/lib/platform/security/tokens";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const ROOT = path.resolve(import.meta.dirname, "..");

const code = (from: number, to: number) => fc.integer({ min: from, max: to }).map((value) => String.fromCharCode(value));
const control = fc.oneof(code(0x00, 0x1f), code(0x7f, 0x9f), code(0xd800, 0xdfff), fc.constantFrom("\u2028", " ", "%", "/", "."));
/** A value of the right shape with a character no segment holds put somewhere in it. */
const spoiled = (valid: fc.Arbitrary<string>) =>
  fc.tuple(valid, control, fc.nat()).map(([value, character, at]) => {
    const index = at % (value.length + 1);
    return value.slice(0, index) + character + value.slice(index);
  });

const MALFORMED = ["\u0000", "%00", "\u0000\n[tick] forged log line", "\ud800", "..", "", "a".repeat(300), "%C0%AF", "Grande", "a b"];

describe("the segment shapes", () => {
  it("accept what the app makes: slugs, tokens, attestato codes (printed or typed), UUIDs", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (title) => {
        expect(isMeetingSlug(slugify(title))).toBe(true);
      }),
    );
    for (let i = 0; i < 50; i++) {
      const certificate = generateCertificateCode();
      expect([isToken(generateToken()), isUuid(randomUUID()), isCertificateCode(certificate), isCertificateCode(certificate.toLowerCase())]).toEqual([true, true, true, true]);
    }
  });

  it("refuse a control character, a space or a separator anywhere, and the wrong shape", () => {
    fc.assert(fc.property(spoiled(fc.constant("tavolo-tecnico-2022")), (value) => !isMeetingSlug(value)));
    fc.assert(fc.property(spoiled(fc.constant(generateToken())), (value) => !isToken(value)));
    fc.assert(fc.property(spoiled(fc.constant(randomUUID())), (value) => !isUuid(value)));
    // A code as typed forgives spaces and hyphens (and case); any other character spoils it.
    const typed = (character: string) => /[\s-]/.test(character);
    fc.assert(
      fc.property(fc.tuple(fc.constant(generateCertificateCode()), control.filter((character) => !typed(character)), fc.nat()), ([value, character, at]) => {
        const index = at % (value.length + 1);
        return !isCertificateCode(value.slice(0, index) + character + value.slice(index));
      }),
    );
    for (const value of [...MALFORMED, "tavolo--tecnico", "-tavolo", "a".repeat(81)]) expect(isMeetingSlug(value)).toBe(false);
    for (const value of [...MALFORMED, generateToken().slice(1), `${generateToken()}A`]) expect(isToken(value)).toBe(false);
    for (const value of [...MALFORMED, "not-a-uuid", randomUUID().slice(1)]) expect(isUuid(value)).toBe(false);
    for (const value of [...MALFORMED.filter((value) => value !== "a b"), "K7QF-2M9X"]) expect(isCertificateCode(value)).toBe(false);
  });
});

async function dynamicFiles(): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, "app"), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /^(page|layout|route)\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => /\[[^.\]]+\]/.test(file));
}

const HELPERS = "(?:slugSegment|uuidSegment|tokenSegment|certificateCodeSegment|isMeetingSlug|isUuid|isToken|isCertificateCode|\\w+IdSchema\\.safeParse)";

describe("every page and route handler under a dynamic segment", () => {
  it("reads each of its segments through a shape helper", async () => {
    const files = await dynamicFiles();
    expect(files.length).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const file of files) {
      const source = await readFile(path.join(ROOT, file), "utf8");
      for (const [, name] of file.matchAll(/\[([^.\]]+)\]/g)) {
        // The segment this file's own params carry: read straight from params, or destructured first.
        const checked =
          new RegExp(`${HELPERS}\\(\\s*(?:\\(await params\\)\\.)?${name}\\s*\\)`).test(source) ||
          // guardMeetingRoute (lib/auth/guard.ts) reads [id] itself, through isUuid, after the session.
          (name === "id" && /guardMeetingRoute\("\w+", params\)/.test(source));
        const unused = !new RegExp(`\\b${name}\\b`).test(source.replace(/\/\/.*$/gm, ""));
        if (!checked && !unused) problems.push(`${file} reads [${name}] without a shape helper (lib/segments.ts)`);
      }
    }
    expect(problems).toEqual([]);
  });
});

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
process.env.RATE_LIMIT_PER_IP = "100000";

const meeting = await createMeeting(db);
const coordinator = await createUser(db, "COORDINATOR");

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function handler(file: string, method = "GET"): Promise<Handler> {
  const exports = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, Handler>;
  return exports[method];
}

function call(run: Handler, method: string, params: Record<string, string>, init: RequestInit = {}) {
  const request = new NextRequest("http://localhost/x", { method, headers: { "x-forwarded-for": "10.9.0.1", ...init.headers }, body: init.body });
  return run(request, { params: Promise.resolve(params) });
}

describe("route handlers answer a malformed segment with 404, before any query", () => {
  it("the public ones: the registration API, the calendar files, the attestato PDF", async () => {
    const api = await handler("app/api/convocazioni/[slug]/iscrizioni/route.ts", "POST");
    const meetingIcs = await handler("app/(public)/convocazioni/[slug]/calendario.ics/route.ts");
    const personalIcs = await handler("app/(public)/iscrizione/[token]/calendario.ics/route.ts");
    const attestato = await handler("app/(public)/attestati/[code]/attestato.pdf/route.ts");
    const before = await databaseDigest(db);
    for (const value of MALFORMED) {
      const body = JSON.stringify({ firstName: "Anna", lastName: "Rossi", email: "anna@example.it", roleTitle: "Funzionaria", organisationType: "ALTRO_ENTE", organisationName: "Ente", privacyConsent: true });
      const posted = await call(api, "POST", { slug: value }, { headers: { "content-type": "application/json" }, body });
      expect([value, posted.status]).toEqual([value, 404]);
      expect(await posted.json()).toMatchObject({ ok: false, error: "MEETING_NOT_FOUND" });
      expect([value, (await call(meetingIcs, "GET", { slug: value })).status]).toEqual([value, 404]);
      expect([value, (await call(personalIcs, "GET", { token: value })).status]).toEqual([value, 404]);
    }
    expect(await databaseDigest(db)).toBe(before);
    for (const value of MALFORMED) expect([value, (await call(attestato, "GET", { code: value })).status]).toEqual([value, 404]);
    // The real meeting still answers.
    expect((await call(meetingIcs, "GET", { slug: meeting.slug })).status).toBe(200);
  });

  it("the dashboard's, for a signed-in coordinator", async () => {
    session.user = { id: coordinator.id, email: coordinator.email, name: null, role: "COORDINATOR" };
    const routes: [string, Record<string, string>, string][] = [
      ["app/dashboard/convocazioni/[id]/iscrizioni/esporta/route.ts", {}, "id"],
      ["app/dashboard/persone/[id]/esporta/route.ts", {}, "id"],
      ["app/dashboard/convocazioni/[id]/presenze/registro.pdf/route.ts", {}, "id"],
      ["app/dashboard/convocazioni/[id]/presenze/registro.xlsx/route.ts", {}, "id"],
      ["app/dashboard/convocazioni/[id]/copertura/avanzamento/route.ts", {}, "id"],
      ["app/dashboard/convocazioni/[id]/link/avanzamento/route.ts", {}, "id"],
      ["app/dashboard/convocazioni/[id]/attestati/[registrationId]/attestato.pdf/route.ts", { id: meeting.id }, "registrationId"],
      ["app/dashboard/convocazioni/[id]/attestati/[registrationId]/attestato.pdf/route.ts", { registrationId: randomUUID() }, "id"],
    ];
    const before = await databaseDigest(db);
    for (const [file, fixed, segment] of routes) {
      const run = await handler(file);
      for (const value of [...MALFORMED, "not-a-uuid"]) {
        const response = await call(run, "GET", { ...fixed, [segment]: value });
        expect([file, segment, value, response.status]).toEqual([file, segment, value, 404]);
      }
    }
    expect(await databaseDigest(db)).toBe(before);
    session.user = null;
  });
});
