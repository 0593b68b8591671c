import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { register } from "@/lib/registrations/mutations";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createUser, registrationInput } from "@/lib/test/factories";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { GET } = await import("./route");

const meeting = await createMeeting(db);
const registered = await register(db, {
  slug: meeting.slug,
  ...registrationInput({ firstName: "Maria", lastName: "Esportata", email: "maria.esportata@ente.example.it" }),
});
const person = await db.person.findUniqueOrThrow({ where: { email: "maria.esportata@ente.example.it" } });
const observer = await createUser(db, "OBSERVER");
const coordinator = await createUser(db, "COORDINATOR");

function get(id = person.id) {
  return GET(new NextRequest(`http://localhost/dashboard/persone/${id}/esporta`), { params: Promise.resolve({ id }) });
}

describe("GET /dashboard/persone/[id]/esporta", () => {
  it("refuses a signed-out caller (401) and an observer (403), exporting and logging nothing", async () => {
    session.user = null;
    expect((await get()).status).toBe(401);
    session.user = { ...observer };
    const refused = await get();
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-disposition")).toBeNull();
    expect(await db.auditEntry.count({ where: { action: "person.export" } })).toBe(0);
  });

  it("gives a coordinator the JSON file as an attachment, without the personal link, and logs it", async () => {
    session.user = { ...coordinator };
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="persona-${person.id}.json"`);
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body.person).toMatchObject({ email: "maria.esportata@ente.example.it", lastName: "Esportata" });
    expect(body.registrations).toHaveLength(1);
    expect(body.emails).toHaveLength(1);
    if (registered.ok) expect(text).not.toContain(registered.token);
    const registration = await db.registration.findFirstOrThrow({ where: { personId: person.id } });
    expect(text).not.toContain(registration.tokenHash);
    const [entry] = await db.auditEntry.findMany({ where: { action: "person.export" } });
    expect(entry).toMatchObject({ actorId: coordinator.id, entityType: "Person", entityId: person.id, data: { details: { counts: expect.objectContaining({ registrations: 1 }) } } });
  });

  it("answers 404 for an unknown or malformed id", async () => {
    session.user = { ...coordinator };
    expect((await get("non-un-id")).status).toBe(404);
    expect((await get("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
