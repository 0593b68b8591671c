import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, test } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { createUser } from "@/lib/test/factories";
import { addUser, CANCELLED_DEACTIVATED, changeRole, deactivateUser, inviteUser, reactivateUser } from "./mutations";

const { db } = await createTestDatabase();

let admin: Awaited<ReturnType<typeof createUser>>;

beforeEach(async () => {
  // Each test starts with one active admin: the rules about the last admin depend on it.
  await db.auditEntry.deleteMany();
  await db.emailMessage.deleteMany();
  await db.user.deleteMany();
  admin = await createUser(db, "ADMIN", { name: "Anna Bianchi" });
});

function audits(entityId: string) {
  return db.auditEntry.findMany({ where: { entityId }, orderBy: { createdAt: "asc" } });
}

function signIn(userId: string) {
  return db.session.create({
    data: { sessionToken: randomBytes(16).toString("hex"), userId, expires: new Date(Date.now() + 3600_000) },
  });
}

describe("inviteUser", () => {
  test("creates the user with the role, queues one invitation email to /accedi and records who invited", async () => {
    const result = await inviteUser(db, { actor: admin, email: " Maria.Rossi@Comune.example.it ", role: "COORDINATOR", name: "Maria Rossi" });
    expect(result).toMatchObject({ ok: true, reactivated: false, user: { email: "maria.rossi@comune.example.it", role: "COORDINATOR", active: true } });
    if (!result.ok) return;

    const emails = await db.emailMessage.findMany({ where: { toEmail: "maria.rossi@comune.example.it" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ id: result.emailId, template: "user-invitation", status: "PENDING", toName: "Maria Rossi" });
    expect(emails[0].data).toMatchObject({ roleLabel: "Coordinatore", inviterName: "Anna Bianchi", signInUrl: expect.stringMatching(/\/accedi$/) });

    const [entry] = await audits(result.user.id);
    expect(entry).toMatchObject({ actorId: admin.id, action: "user.invite", entityType: "User" });
    expect(entry.data).toMatchObject({ after: { email: "maria.rossi@comune.example.it", role: "COORDINATOR", active: true } });
  });

  test("an address that already has access is refused, unchanged, and gets no email", async () => {
    const existing = await createUser(db, "OBSERVER");
    const result = await inviteUser(db, { actor: admin, email: existing.email, role: "ADMIN" });
    expect(result).toEqual({ ok: false, reason: "ALREADY_ACTIVE" });
    expect(await db.user.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ role: "OBSERVER", active: true });
    expect(await db.emailMessage.count()).toBe(0);
    expect(await audits(existing.id)).toEqual([]);
  });

  test("re-inviting a deactivated user reactivates them with the new role and emails them once", async () => {
    const former = await createUser(db, "OBSERVER", { active: false });
    const result = await inviteUser(db, { actor: admin, email: former.email, role: "COORDINATOR" });
    expect(result).toMatchObject({ ok: true, reactivated: true, user: { id: former.id, role: "COORDINATOR", active: true } });
    expect(await db.emailMessage.count({ where: { toEmail: former.email, template: "user-invitation" } })).toBe(1);
    const [entry] = await audits(former.id);
    expect(entry).toMatchObject({ action: "user.reactivate" });
    expect(entry.data).toMatchObject({ before: { active: false, role: "OBSERVER" }, after: { active: true, role: "COORDINATOR" } });
  });

  test("two invitations of the same new address at once create one user and send one email", async () => {
    const email = "contemporaneo@comune.example.it";
    const results = await Promise.all([inviteUser(db, { actor: admin, email, role: "OBSERVER" }), inviteUser(db, { actor: admin, email, role: "OBSERVER" })]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "ALREADY_ACTIVE" }]);
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await db.emailMessage.count({ where: { toEmail: email } })).toBe(1);
  });
});

describe("changeRole", () => {
  test("changes another user's role and records before and after", async () => {
    const user = await createUser(db, "OBSERVER");
    expect(await changeRole(db, { actor: admin, userId: user.id, role: "COORDINATOR" })).toMatchObject({ ok: true, changed: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ role: "COORDINATOR" });
    const [entry] = await audits(user.id);
    expect(entry).toMatchObject({ actorId: admin.id, action: "user.role" });
    expect(entry.data).toEqual({ before: { role: "OBSERVER" }, after: { role: "COORDINATOR" } });
  });

  test("the same role again changes nothing and records nothing", async () => {
    const user = await createUser(db, "OBSERVER");
    expect(await changeRole(db, { actor: admin, userId: user.id, role: "OBSERVER" })).toMatchObject({ ok: true, changed: false });
    expect(await audits(user.id)).toEqual([]);
  });

  test("an admin cannot demote themselves, even with another admin around", async () => {
    await createUser(db, "ADMIN");
    expect(await changeRole(db, { actor: admin, userId: admin.id, role: "OBSERVER" })).toEqual({ ok: false, reason: "SELF" });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN" });
  });

  test("the last active admin cannot be demoted; with a second active admin they can", async () => {
    // The actor is an admin who was deactivated meanwhile: `admin` is the only active one.
    const other = await createUser(db, "ADMIN", { active: false });
    expect(await changeRole(db, { actor: other, userId: admin.id, role: "COORDINATOR" })).toEqual({ ok: false, reason: "LAST_ADMIN" });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN" });

    const second = await createUser(db, "ADMIN");
    expect(await changeRole(db, { actor: admin, userId: second.id, role: "COORDINATOR" })).toMatchObject({ ok: true, changed: true });
  });

  test("two admins demoting each other at once leave one admin", async () => {
    const second = await createUser(db, "ADMIN");
    const results = await Promise.all([
      changeRole(db, { actor: admin, userId: second.id, role: "OBSERVER" }),
      changeRole(db, { actor: second, userId: admin.id, role: "OBSERVER" }),
    ]);
    expect(results.map((result) => result.ok).sort()).toEqual([false, true]);
    expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });

  test("an unknown user is NOT_FOUND", async () => {
    expect(await changeRole(db, { actor: admin, userId: "00000000-0000-4000-8000-000000000000", role: "ADMIN" })).toEqual({
      ok: false,
      reason: "NOT_FOUND",
    });
  });
});

describe("deactivateUser and reactivateUser", () => {
  test("deactivating deletes the user's sessions at once, keeps others', and records it", async () => {
    const user = await createUser(db, "COORDINATOR");
    await signIn(user.id);
    await signIn(user.id);
    await signIn(admin.id);

    expect(await deactivateUser(db, { actor: admin, userId: user.id })).toEqual({ ok: true, changed: true, sessionsEnded: 2 });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ active: false, role: "COORDINATOR" });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: admin.id } })).toBe(1);
    const [entry] = await audits(user.id);
    expect(entry).toMatchObject({ actorId: admin.id, action: "user.deactivate" });
    expect(entry.data).toEqual({ before: { active: true }, after: { active: false }, details: { sessionsEnded: 2 } });
  });

  test("deactivating withdraws an invitation or sign-in link not yet sent, and the link's token", async () => {
    const invited = await inviteUser(db, { actor: admin, email: "disattivata@comune.example.it", role: "COORDINATOR" });
    expect(invited).toMatchObject({ ok: true });
    const user = await db.user.findUniqueOrThrow({ where: { email: "disattivata@comune.example.it" } });
    await db.verificationToken.create({ data: { identifier: user.email, token: "hash-di-prova", expires: new Date(Date.now() + 600_000) } });
    await inviteUser(db, { actor: admin, email: "altra@comune.example.it", role: "OBSERVER" });

    expect(await deactivateUser(db, { actor: admin, userId: user.id })).toMatchObject({ ok: true, changed: true });
    expect(await db.emailMessage.findFirstOrThrow({ where: { toEmail: user.email } })).toMatchObject({ status: "CANCELLED", lastError: CANCELLED_DEACTIVATED });
    expect(await db.verificationToken.count({ where: { identifier: user.email } })).toBe(0);
    expect(await db.emailMessage.findFirstOrThrow({ where: { toEmail: "altra@comune.example.it" } })).toMatchObject({ status: "PENDING" });
  });

  test("an admin cannot deactivate themselves", async () => {
    await createUser(db, "ADMIN");
    await signIn(admin.id);
    expect(await deactivateUser(db, { actor: admin, userId: admin.id })).toEqual({ ok: false, reason: "SELF" });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ active: true });
    expect(await db.session.count({ where: { userId: admin.id } })).toBe(1);
  });

  test("the last active admin cannot be deactivated", async () => {
    const former = await createUser(db, "ADMIN", { active: false });
    expect(await deactivateUser(db, { actor: former, userId: admin.id })).toEqual({ ok: false, reason: "LAST_ADMIN" });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ active: true });
  });

  test("another admin can be deactivated while one active admin remains", async () => {
    const second = await createUser(db, "ADMIN");
    expect(await deactivateUser(db, { actor: admin, userId: second.id })).toMatchObject({ ok: true, changed: true });
  });

  test("reactivating gives access back with the same role and is recorded; twice changes nothing more", async () => {
    const user = await createUser(db, "OBSERVER");
    await deactivateUser(db, { actor: admin, userId: user.id });
    expect(await reactivateUser(db, { actor: admin, userId: user.id })).toEqual({ ok: true, changed: true });
    expect(await reactivateUser(db, { actor: admin, userId: user.id })).toEqual({ ok: true, changed: false });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ active: true, role: "OBSERVER" });
    expect((await audits(user.id)).map((entry) => entry.action)).toEqual(["user.deactivate", "user.reactivate"]);
  });

  test("deactivating an inactive user changes nothing and records nothing", async () => {
    const user = await createUser(db, "OBSERVER", { active: false });
    expect(await deactivateUser(db, { actor: admin, userId: user.id })).toEqual({ ok: true, changed: false, sessionsEnded: 0 });
    expect(await audits(user.id)).toEqual([]);
  });
});

describe("addUser (npm run user:add)", () => {
  test("creates a user with its address lower-cased, then changes the role and reactivates it, sending nothing", async () => {
    const first = await addUser(db, { actor: { label: "riga di comando" }, email: " Maria.Rossi@ANCI.example.it ", role: "COORDINATOR", name: "Maria Rossi" });
    expect(first).toMatchObject({ created: true, user: { email: "maria.rossi@anci.example.it", role: "COORDINATOR", active: true } });
    await db.user.update({ where: { id: first.user.id }, data: { active: false } });

    const second = await addUser(db, { actor: { label: "riga di comando" }, email: "maria.rossi@anci.example.it", role: "OBSERVER" });
    expect(second).toEqual({ created: false, user: { id: first.user.id, email: "maria.rossi@anci.example.it", role: "OBSERVER", active: true } });
    expect((await db.user.findUniqueOrThrow({ where: { id: first.user.id } })).name).toBe("Maria Rossi");

    expect((await audits(first.user.id)).map((entry) => [entry.action, entry.actorLabel, entry.data])).toEqual([
      ["user.create", "riga di comando", { after: { email: "maria.rossi@anci.example.it", role: "COORDINATOR", active: true, name: "Maria Rossi" } }],
      [
        "user.update",
        "riga di comando",
        { before: { role: "COORDINATOR", active: false, name: "Maria Rossi" }, after: { email: "maria.rossi@anci.example.it", role: "OBSERVER", active: true, name: "Maria Rossi" } },
      ],
    ]);
    expect(await db.emailMessage.count()).toBe(0);
  });
});
