import { beforeEach, describe, expect, test, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { IDLE } from "@/lib/platform/forms/action-state";
import { createTestDatabase } from "@/lib/test/database";
import { createUser } from "@/lib/test/factories";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { changeRoleAction, deactivateUserAction, inviteUserAction, reactivateUserAction } = await import("./actions");

const FORBIDDEN = "Il tuo profilo non consente questa operazione.";

const admin = await createUser(db, "ADMIN");
const coordinator = await createUser(db, "COORDINATOR");
const observer = await createUser(db, "OBSERVER");

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

beforeEach(() => {
  session.user = null;
});

describe("as a coordinator", () => {
  test("every user-management action is refused and nothing changes", async () => {
    session.user = coordinator;
    const usersBefore = await db.user.findMany({ orderBy: { id: "asc" } });

    const results = [
      await inviteUserAction(IDLE, form({ email: "nuovo@comune.example.it", name: "", role: "ADMIN" })),
      await changeRoleAction(observer.id, IDLE, form({ role: "ADMIN" })),
      await deactivateUserAction(observer.id, IDLE, form({})),
      await reactivateUserAction(observer.id, IDLE, form({})),
    ];
    for (const result of results) expect(result).toMatchObject({ status: "error", formError: FORBIDDEN });

    expect(await db.user.findMany({ orderBy: { id: "asc" } })).toEqual(usersBefore);
    expect(await db.auditEntry.count()).toBe(0);
    expect(await db.emailMessage.count()).toBe(0);
  });
});

describe("as an admin", () => {
  test("inviting creates the user, queues the invitation and empties the form", async () => {
    session.user = admin;
    const result = await inviteUserAction(IDLE, form({ email: "Nuova.Coordinatrice@comune.example.it", name: "Lucia Neri", role: "COORDINATOR" }));
    expect(result).toEqual({
      status: "success",
      message: "Invito inviato a nuova.coordinatrice@comune.example.it (Coordinatore).",
      values: { email: "", name: "", role: "" },
    });
    expect(await db.user.findUniqueOrThrow({ where: { email: "nuova.coordinatrice@comune.example.it" } })).toMatchObject({
      role: "COORDINATOR",
      name: "Lucia Neri",
      active: true,
    });
    expect(await db.emailMessage.count({ where: { template: "user-invitation", toEmail: "nuova.coordinatrice@comune.example.it" } })).toBe(1);
  });

  test("invalid input comes back with Italian messages next to the fields, keeping what was typed", async () => {
    session.user = admin;
    const values = { email: "non-una-email", name: "", role: "ROOT" };
    const result = await inviteUserAction(IDLE, form(values));
    expect(result).toMatchObject({ status: "error", values, fieldErrors: { email: expect.stringMatching(/email valido/), role: "Scegli un profilo" } });
  });

  test("an address that already has access is refused next to the email field", async () => {
    session.user = admin;
    const result = await inviteUserAction(IDLE, form({ email: observer.email, name: "", role: "ADMIN" }));
    expect(result).toMatchObject({ status: "error", fieldErrors: { email: expect.stringMatching(/già accesso/) } });
  });

  test("changes another user's role", async () => {
    session.user = admin;
    const result = await changeRoleAction(observer.id, IDLE, form({ role: "COORDINATOR" }));
    expect(result).toMatchObject({ status: "success", message: "Profilo aggiornato: Coordinatore." });
    expect(await db.user.findUniqueOrThrow({ where: { id: observer.id } })).toMatchObject({ role: "COORDINATOR" });
  });

  test("cannot demote or deactivate themselves, and is told why", async () => {
    session.user = admin;
    expect(await changeRoleAction(admin.id, IDLE, form({ role: "OBSERVER" }))).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/Non puoi cambiare il tuo profilo/),
    });
    expect(await deactivateUserAction(admin.id, IDLE, form({}))).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/Non puoi disattivare il tuo account/),
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN", active: true });
  });

  test("deactivates and reactivates another user", async () => {
    session.user = admin;
    expect(await deactivateUserAction(coordinator.id, IDLE, form({}))).toMatchObject({ status: "success" });
    expect(await db.user.findUniqueOrThrow({ where: { id: coordinator.id } })).toMatchObject({ active: false });
    expect(await reactivateUserAction(coordinator.id, IDLE, form({}))).toMatchObject({ status: "success" });
    expect(await db.user.findUniqueOrThrow({ where: { id: coordinator.id } })).toMatchObject({ active: true });
  });

  test("a bound id that is not a user id is refused before the database", async () => {
    session.user = admin;
    expect(await deactivateUserAction("'; drop table", IDLE, form({}))).toMatchObject({ status: "error", formError: expect.stringMatching(/non valido/) });
    expect(await changeRoleAction("00000000-0000-4000-8000-000000000000", IDLE, form({ role: "ADMIN" }))).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/non trovato/),
    });
  });
});
