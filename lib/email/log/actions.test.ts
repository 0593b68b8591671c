import { beforeEach, expect, test, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { IDLE } from "@/lib/platform/forms/action-state";
import { createTestDatabase } from "@/lib/test/database";
import { SAMPLE_DATA } from "@/lib/test/email-fixtures";
import { createUser } from "@/lib/test/factories";
import { enqueueEmail } from "../mutations";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { retryEmailAction } = await import("./actions");

const admin = await createUser(db, "ADMIN");
const observer = await createUser(db, "OBSERVER");

async function failedMessage(): Promise<string> {
  const { id } = await enqueueEmail(db, { template: "registration-cancelled", toEmail: "fallito@comune.example.it", data: SAMPLE_DATA["registration-cancelled"] });
  await db.emailMessage.update({ where: { id }, data: { status: "FAILED", lastError: "Resend 422" } });
  return id;
}

beforeEach(() => {
  session.user = null;
});

test("an observer is refused a retry and the message stays FAILED", async () => {
  const id = await failedMessage();
  session.user = observer;
  expect(await retryEmailAction(id, IDLE, new FormData())).toMatchObject({
    status: "error",
    formError: "Il tuo profilo non consente questa operazione.",
  });
  expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", lastError: "Resend 422" });
  expect(await db.auditEntry.count()).toBe(0);
});

test("signed out, a retry is refused", async () => {
  const id = await failedMessage();
  expect(await retryEmailAction(id, IDLE, new FormData())).toMatchObject({ status: "error", formError: expect.stringMatching(/accedi di nuovo/) });
  expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED" });
});

test("an admin retries a failed message; a second click is told it is already queued", async () => {
  const id = await failedMessage();
  session.user = admin;
  expect(await retryEmailAction(id, IDLE, new FormData())).toMatchObject({ status: "success", message: expect.stringMatching(/rimesso in coda/) });
  expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", lastError: null });
  expect(await db.auditEntry.count({ where: { action: "email.retry", entityId: id, actorId: admin.id } })).toBe(1);
  expect(await retryEmailAction(id, IDLE, new FormData())).toMatchObject({ status: "error", formError: expect.stringMatching(/già in coda/) });
});

test("a bound id that is not a message id is refused without a server error", async () => {
  session.user = admin;
  expect(await retryEmailAction("not-a-uuid", IDLE, new FormData())).toMatchObject({ status: "error", formError: expect.stringMatching(/non trovato/) });
});
