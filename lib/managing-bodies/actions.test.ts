import { beforeEach, expect, test, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { IDLE } from "@/lib/platform/forms/action-state";
import { createTestDatabase } from "@/lib/test/database";
import { redirectOf } from "@/lib/test/redirect";
import { createManagingBodyRecord, createMunicipalityIn, createSaiProjectRecord, createUser } from "@/lib/test/factories";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { createManagingBodyAction, mergeManagingBodyAction, updateManagingBodyAction } = await import("./actions");

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

test("a wrong tax code comes back on its field with every typed value kept", async () => {
  session.user = coordinator;
  const typed = { name: "Cooperativa Tenace", taxCode: "RSSMRA85T10A562T", email: "info@tenace.example.it", pec: "", phone: "091 123 4567" };
  const state = await createManagingBodyAction(IDLE, form(typed));
  expect(state).toMatchObject({ status: "error", values: typed, fieldErrors: { taxCode: expect.stringContaining("lettera (di controllo)") } });
  expect(await db.managingBody.count({ where: { name: "Cooperativa Tenace" } })).toBe(0);
});

test("a tax code held by another body is refused naming it", async () => {
  session.user = coordinator;
  await createManagingBodyRecord(db, { name: "Consorzio Originale", taxCode: "00743110157" });
  const body = await createManagingBodyRecord(db, { name: "Consorzio Copia" });
  const state = await updateManagingBodyAction(body.id, IDLE, form({ name: "Consorzio Copia", taxCode: "IT00743110157", email: "", pec: "", phone: "" }));
  expect(state).toMatchObject({ status: "error", fieldErrors: { taxCode: expect.stringContaining("«Consorzio Originale»") } });
});

test("an observer is refused and nothing is written", async () => {
  session.user = observer;
  const state = await createManagingBodyAction(IDLE, form({ name: "Ente Osservato", taxCode: "", email: "", pec: "", phone: "" }));
  expect(state).toMatchObject({ status: "error", formError: "Il tuo profilo non consente questa operazione." });
  expect(await db.managingBody.count({ where: { name: "Ente Osservato" } })).toBe(0);
});

test("merging asks for confirmation, then leads to the body that stays, saying when a project code was dropped", async () => {
  session.user = coordinator;
  const delta = await createMunicipalityIn(db, { name: "Delta" });
  const stays = await createManagingBodyRecord(db, { name: "Coop Delta" });
  const goes = await createManagingBodyRecord(db, { name: "Coop Delta bis" });
  await createSaiProjectRecord(db, { managingBodyId: stays.id, municipalityId: delta.id, category: "ORDINARI", projectCode: "PR-DELTA-A" });
  await createSaiProjectRecord(db, { managingBodyId: goes.id, municipalityId: delta.id, category: "ORDINARI", projectCode: "PR-DELTA-B" });

  const unconfirmed = await mergeManagingBodyAction(stays.id, IDLE, form({ otherId: goes.id, direction: "INTO_THIS" }));
  expect(unconfirmed).toMatchObject({ status: "error", fieldErrors: { confirm: expect.stringContaining("Conferma") }, values: { otherId: goes.id } });
  expect(await redirectOf(() => mergeManagingBodyAction(stays.id, IDLE, form({ otherId: goes.id, direction: "INTO_THIS", confirm: "on" })))).toBe(
    `/dashboard/enti-gestori/${stays.id}?esito=unito-codici-scartati`,
  );
  expect(await db.managingBody.findUnique({ where: { id: goes.id } })).toBeNull();
});

