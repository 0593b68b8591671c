import { describe, expect, it, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { sendJoinLinkNow } from "@/lib/join-link/mutations";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createRegistrants, createUser } from "@/lib/test/factories";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { GET } = await import("./route");

const JOIN_URL = "https://zoom.us/j/42?pwd=riservato";
const meeting = await createMeeting(db, { joinUrl: JOIN_URL });
await createRegistrants(db, meeting.id, 2);
const coordinator = await createUser(db, "COORDINATOR");
const observer: DashboardUser = { id: "00000000-0000-4000-8000-000000000001", email: "o@anci.example.it", name: null, role: "OBSERVER" };

function get(id: string) {
  return GET(new Request(`http://localhost/dashboard/convocazioni/${id}/link/avanzamento`), { params: Promise.resolve({ id }) });
}

describe("GET /dashboard/convocazioni/[id]/link/avanzamento", () => {
  it("answers 401 to a signed-out caller, with no counts", async () => {
    session.user = null;
    const response = await get(meeting.id);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ ok: false, formError: expect.stringContaining("accedi di nuovo") });
  });

  it("gives a reader the latest send's counts, never cached, never the link", async () => {
    session.user = observer;
    expect(await (await get(meeting.id)).json()).toEqual({ sendId: null, pending: 0, sent: 0, failed: 0, total: 0 });
    const sent = await sendJoinLinkNow(db, { actor: coordinator, meetingId: meeting.id });
    const response = await get(meeting.id);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ sendId: sent.ok ? sent.sendId : null, pending: 2, sent: 0, failed: 0, total: 2 });
    expect(body).not.toContain("zoom.us");

    // One of the two cancels their registration: that email is withdrawn, no longer waited for and no error.
    const [withdrawn] = await db.emailMessage.findMany({ where: { meetingId: meeting.id, template: "join-link" }, take: 1 });
    await db.emailMessage.update({ where: { id: withdrawn.id }, data: { status: "CANCELLED" } });
    expect(await (await get(meeting.id)).json()).toMatchObject({ pending: 1, sent: 0, failed: 0, total: 1 });
  });

  it("answers 404 to a malformed meeting id, never a server error", async () => {
    session.user = observer;
    expect((await get("non-un-id")).status).toBe(404);
  });
});
