// A PEC receipt's download: the .eml as stored, only for the signed-in, only
// through the meeting its message was dispatched for.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { storePecReceipt } from "@/lib/email/pec/mutations";
import { pecMessageId } from "@/lib/platform/pec-transport/transport";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createMunicipalityIn, createUser } from "@/lib/test/factories";
import { malformedSegment } from "@/lib/test/fuzz";
import { buildPecReceipt } from "@/lib/test/pec-receipts";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const route = await import("./route");

const meeting = await createMeeting(db);
const other = await createMeeting(db);
const comune = await createMunicipalityIn(db, { name: "Sant'Àgata di Militello", province: "ME" });
const address = "protocollo@pec.comune.santagata.example.it";
const message = await db.emailMessage.create({ data: { template: "convocation", toEmail: address, data: {}, channel: "PEC", status: "SENT", meetingId: meeting.id } });
const dispatch = await db.dispatch.create({ data: { meetingId: meeting.id, audiences: ["SAI_PEC"], letterPdf: new Uint8Array([1]), sheetPdf: new Uint8Array([2]) } });
await db.dispatchRecipient.create({ data: { dispatchId: dispatch.id, meetingId: meeting.id, channel: "PEC", address, municipalityId: comune.id, emailMessageId: message.id } });
const eml = await buildPecReceipt({ kind: "avvenuta-consegna", reference: pecMessageId(message.id, "protocollo@pec.anci.example.it"), sender: "protocollo@pec.anci.example.it", recipient: address });
const stored = await storePecReceipt(db, { eml });
if (stored.outcome !== "stored") throw new Error("receipt not stored");
const unmatched = await storePecReceipt(db, { eml: await buildPecReceipt({ kind: "accettazione", reference: "<altro@pec.example.it>", sender: "a@pec.example.it", recipient: "b@pec.example.it" }) });
if (unmatched.outcome !== "stored") throw new Error("unmatched receipt not stored");
const observer = await createUser(db, "OBSERVER");

const call = (id: string, receiptId: string) =>
  route.GET(new Request(`http://localhost/dashboard/convocazioni/${id}/invio/ricevute/${receiptId}`), { params: Promise.resolve({ id, receiptId }) });

describe("the receipt download", () => {
  it("is 401 signed out", async () => {
    session.user = null;
    expect((await call(meeting.id, stored.receiptId)).status).toBe(401);
  });

  it("gives the signed-in the receipt as it was received, named after the Comune and the kind", async () => {
    session.user = { ...observer };
    const response = await call(meeting.id, stored.receiptId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("message/rfc822");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="ricevuta-avvenuta-consegna-sant-agata-di-militello.eml"');
    expect(Buffer.from(await response.arrayBuffer()).equals(eml)).toBe(true);
  });

  it("is 404 through another meeting, for a receipt of no dispatch, and for malformed ids", async () => {
    session.user = { ...observer };
    expect((await call(other.id, stored.receiptId)).status).toBe(404);
    expect((await call(meeting.id, unmatched.receiptId)).status).toBe(404);
    expect((await call(meeting.id, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await call("non-un-uuid", stored.receiptId)).status).toBe(404);
  });

  it("answers any segments with a 404 in Italian or the file, never a 5xx", async () => {
    session.user = { ...observer };
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), malformedSegment, fc.uuid(), fc.constant(meeting.id)), fc.oneof(fc.string(), malformedSegment, fc.uuid(), fc.constant(stored.receiptId)), async (id, receiptId) => {
        const response = await call(id, receiptId);
        expect([200, 404]).toContain(response.status);
        if (response.status === 404) expect(await response.text()).toMatch(/non trovat/);
      }),
      { numRuns: 60 },
    );
  });
});
