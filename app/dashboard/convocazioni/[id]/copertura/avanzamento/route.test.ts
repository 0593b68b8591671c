import { describe, expect, it, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { enqueueEmail } from "@/lib/email/mutations";
import { createTestDatabase } from "@/lib/test/database";
import { SAMPLE_DATA } from "@/lib/test/email-fixtures";
import { createMeeting } from "@/lib/test/factories";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { GET } = await import("./route");

const meeting = await createMeeting(db);
await enqueueEmail(db, { template: "coverage-reminder", toEmail: "a@comune.example.it", meetingId: meeting.id, data: SAMPLE_DATA["coverage-reminder"] });
const observer: DashboardUser = { id: "00000000-0000-4000-8000-000000000001", email: "o@anci.example.it", name: null, role: "OBSERVER" };

function get(id: string) {
  return GET(new Request(`http://localhost/dashboard/convocazioni/${id}/copertura/avanzamento`), { params: Promise.resolve({ id }) });
}

describe("GET /dashboard/convocazioni/[id]/copertura/avanzamento", () => {
  it("answers 401 to a signed-out caller, with no counts", async () => {
    session.user = null;
    const response = await get(meeting.id);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ ok: false, formError: expect.stringContaining("accedi di nuovo") });
  });

  it("gives anyone who may read the delivery counts, never cached", async () => {
    session.user = observer;
    const response = await get(meeting.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ pending: 1, sent: 0, failed: 0, total: 1 });
  });

  it("answers 404 to a malformed meeting id, never a server error", async () => {
    session.user = observer;
    expect((await get("non-un-id")).status).toBe(404);
  });
});
