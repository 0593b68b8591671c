import { expect, test, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { sendConvocation } from "@/lib/dispatch/mutations";
import { enqueueEmail } from "@/lib/email/mutations";
import { createTestDatabase } from "@/lib/test/database";
import { SAMPLE_DATA } from "@/lib/test/email-fixtures";
import { createMeeting, createMunicipalityIn, createUser } from "@/lib/test/factories";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { GET } = await import("./route");

const meeting = await createMeeting(db);
const comune = await createMunicipalityIn(db, { name: "Monreale" });
await db.municipality.update({ where: { id: comune.id }, data: { pec: "protocollo@pec.comune.monreale.pa.it" } });
const observer = { ...(await createUser(db, "OBSERVER")), active: undefined } as unknown as DashboardUser;
await sendConvocation(db, { actor: observer, meetingId: meeting.id, audiences: ["SAI_PEC"], expected: 1 });
// Another email of the meeting is not part of the convocation's progress.
await enqueueEmail(db, { template: "meeting-message", toEmail: "altro@comune.example.it", meetingId: meeting.id, data: SAMPLE_DATA["meeting-message"] });

const get = (id: string) => GET(new Request(`http://localhost/dashboard/convocazioni/${id}/invio/avanzamento`), { params: Promise.resolve({ id }) });

test("a signed-out caller gets 401 and no counts; a reader the convocation's own counts, never cached; a malformed id 404", async () => {
  session.user = null;
  expect((await get(meeting.id)).status).toBe(401);
  session.user = observer;
  const response = await get(meeting.id);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(await response.json()).toEqual({ pending: 1, sent: 0, failed: 0, total: 1 });
  expect((await get("non-un-id")).status).toBe(404);
});
