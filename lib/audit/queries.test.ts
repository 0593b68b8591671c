import { describe, expect, test } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { createUser } from "@/lib/test/factories";
import { romeDayEnd, romeDayStart } from "@/lib/platform/format/rome-days";
import { auditChanges } from "./diff";
import { NO_USER_ACTOR, parseAuditFilters, type AuditFilters } from "./filters";
import { auditActionLabel, auditActorName, formatAuditValue } from "./labels";
import { listAuditEntries } from "./queries";

const { db } = await createTestDatabase();

const admin = await createUser(db, "ADMIN", { name: "Anna Bianchi" });
const coordinator = await createUser(db, "COORDINATOR", { name: null });

type Seed = { at: string; actorId?: string; actorLabel?: string; action: string; entityType: string; entityId?: string };

// 2026: Rome moves to summer time on 29 March, back on 25 October.
const SEEDS: Seed[] = [
  { at: "2026-03-27T10:00:00Z", actorId: admin.id, action: "user.invite", entityType: "User", entityId: coordinator.id },
  // 00:30 of 29 March in Rome (still UTC+1), though 28 March in UTC.
  { at: "2026-03-28T23:30:00Z", actorId: coordinator.id, action: "meeting.publish", entityType: "Meeting", entityId: "m-1" },
  // 23:30 of 29 March in Rome (now UTC+2).
  { at: "2026-03-29T21:30:00Z", actorId: coordinator.id, action: "meeting.update", entityType: "Meeting", entityId: "m-1" },
  // 00:30 of 30 March in Rome, though 29 March in UTC.
  { at: "2026-03-29T22:30:00Z", actorLabel: "pubblico", action: "registration.create", entityType: "Registration", entityId: "r-1" },
  { at: "2026-04-02T08:00:00Z", actorId: admin.id, action: "user.role", entityType: "User", entityId: coordinator.id },
];

for (const seed of SEEDS) {
  await db.auditEntry.create({
    data: {
      createdAt: new Date(seed.at),
      actorId: seed.actorId ?? null,
      actorLabel: seed.actorLabel ?? null,
      action: seed.action,
      entityType: seed.entityType,
      entityId: seed.entityId ?? null,
      data: { before: { role: "OBSERVER" }, after: { role: "COORDINATOR" } },
    },
  });
}

async function actions(filters: Partial<AuditFilters>) {
  const { entries } = await listAuditEntries(db, { page: 1, ...filters });
  return entries.map((entry) => entry.action);
}

describe("listAuditEntries", () => {
  test("lists newest first, with the actor's email and name", async () => {
    const { entries, total, pageCount } = await listAuditEntries(db, { page: 1 });
    expect(total).toBe(5);
    expect(pageCount).toBe(1);
    expect(entries.map((entry) => entry.action)).toEqual(["user.role", "registration.create", "meeting.update", "meeting.publish", "user.invite"]);
    expect(auditActorName(entries[0])).toBe(`Anna Bianchi (${admin.email})`);
    expect(auditActorName(entries[2])).toBe(coordinator.email);
    expect(auditActorName(entries[1])).toBe("pubblico");
  });

  test("pages through the entries", async () => {
    const first = await listAuditEntries(db, { page: 1, pageSize: 2 });
    const third = await listAuditEntries(db, { page: 3, pageSize: 2 });
    expect(first).toMatchObject({ total: 5, page: 1, pageCount: 3 });
    expect(first.entries.map((entry) => entry.action)).toEqual(["user.role", "registration.create"]);
    expect(third.entries.map((entry) => entry.action)).toEqual(["user.invite"]);
    expect((await listAuditEntries(db, { page: 9, pageSize: 2 })).entries).toEqual([]);
  });

  test("filters by actor, including entries with no user", async () => {
    expect(await actions({ actor: coordinator.id })).toEqual(["meeting.update", "meeting.publish"]);
    expect(await actions({ actor: NO_USER_ACTOR })).toEqual(["registration.create"]);
  });

  test("filters by the start of the action's code", async () => {
    expect(await actions({ action: "user." })).toEqual(["user.role", "user.invite"]);
    expect(await actions({ action: "meeting.publish" })).toEqual(["meeting.publish"]);
  });

  test("filters by record type and id", async () => {
    expect(await actions({ entityType: "Meeting" })).toEqual(["meeting.update", "meeting.publish"]);
    expect(await actions({ entityType: "User", entityId: coordinator.id })).toEqual(["user.role", "user.invite"]);
    expect(await actions({ entityId: "r-1" })).toEqual(["registration.create"]);
  });

  test("filters by Rome calendar days, across the change to summer time", async () => {
    expect(await actions({ from: "2026-03-29", to: "2026-03-29" })).toEqual(["meeting.update", "meeting.publish"]);
    expect(await actions({ from: "2026-03-30" })).toEqual(["user.role", "registration.create"]);
    expect(await actions({ to: "2026-03-28" })).toEqual(["user.invite"]);
  });

  test("combines filters", async () => {
    expect(await actions({ actor: coordinator.id, action: "meeting.", from: "2026-03-29", to: "2026-03-29", entityId: "m-1" })).toEqual([
      "meeting.update",
      "meeting.publish",
    ]);
    expect(await actions({ actor: admin.id, entityType: "Meeting" })).toEqual([]);
  });
});

describe("parseAuditFilters", () => {
  test("reads the Italian parameters and keeps valid values", () => {
    expect(
      parseAuditFilters({ autore: admin.id, azione: "user.", tipo: "User", record: "abc", dal: "2026-03-01", al: "2026-03-31", pagina: "2" }),
    ).toEqual({ actor: admin.id, action: "user.", entityType: "User", entityId: "abc", from: "2026-03-01", to: "2026-03-31", page: 2 });
  });

  test("drops what it cannot use instead of failing", () => {
    expect(
      parseAuditFilters({ autore: "'; drop table", azione: "user'", tipo: "Nope", dal: "2026-02-30", al: "ieri", pagina: "-3", record: "x".repeat(200) }),
    ).toEqual({ page: 1 });
    expect(parseAuditFilters({ autore: [NO_USER_ACTOR, "other"], pagina: ["4"] })).toEqual({ actor: NO_USER_ACTOR, page: 4 });
  });
});

describe("reading an entry", () => {
  test("the changed fields, before and after", () => {
    expect(auditChanges({ before: { role: "OBSERVER", active: true }, after: { role: "ADMIN", active: true } })).toEqual([
      { field: "role", before: "OBSERVER", after: "ADMIN" },
    ]);
    expect(auditChanges({ after: { email: "a@b.it", active: true } })).toEqual([
      { field: "email", before: undefined, after: "a@b.it" },
      { field: "active", before: undefined, after: true },
    ]);
    expect(auditChanges(null)).toEqual([]);
    expect(auditChanges({ details: { count: 3 } })).toEqual([]);
  });

  test("values and actions in Italian, unknown ones as they are", () => {
    expect(formatAuditValue("role", "COORDINATOR")).toBe("Coordinatore");
    expect(formatAuditValue("active", false)).toBe("no");
    expect(formatAuditValue("name", null)).toBe("—");
    expect(auditActionLabel("user.deactivate")).toBe("Utente disattivato");
    expect(auditActionLabel("referent.merge")).toBe("referent.merge");
  });

  test("Rome days as instants", () => {
    expect(romeDayStart("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(romeDayEnd("2026-03-29").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(romeDayStart("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(romeDayEnd("2026-10-25").toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });
});
