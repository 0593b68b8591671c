// The attestati's entry points: actions need "write" (an observer is
// refused, nothing written), the dashboard copy needs "read", the public PDF
// needs a valid code.
import { describe, expect, it, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { IDLE } from "@/lib/platform/forms/action-state";
import { pdfPagesText } from "@/lib/platform/pdf/testing";
import { createTestDatabase } from "@/lib/test/database";
import { createRegistrationRecord, createMeeting, createUser } from "@/lib/test/factories";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
process.env.RATE_LIMIT_PER_IP = "100000";
const actions = await import("./actions");
const publicPdf = await import("@/app/(public)/attestati/[code]/attestato.pdf/route");
const archiveCopy = await import("@/app/dashboard/convocazioni/[id]/attestati/[registrationId]/attestato.pdf/route");

const HOUR = 3600_000;
const startsAt = new Date(Date.now() - 3 * HOUR);
const meeting = await createMeeting(db, { startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR), registrationOpensAt: new Date(Date.now() - 48 * HOUR) });
const present = await createRegistrationRecord(db, meeting.id, { firstName: "Lucia", lastName: "Presente", attendance: { status: "PRESENT", minutes: 100 } });
const observer = { ...(await createUser(db, "OBSERVER")) };
const coordinator = { ...(await createUser(db, "COORDINATOR")) };

const form = (entries: Record<string, string> = {}) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(key, value);
  return data;
};

const pdfOf = (code: string) =>
  publicPdf.GET(new Request(`http://localhost/attestati/${code}/attestato.pdf`, { headers: { "x-forwarded-for": "203.0.113.9" } }), {
    params: Promise.resolve({ code }),
  });

describe("certificate actions", () => {
  it("refuse an observer: no certificate, no email, no threshold change", async () => {
    session.user = observer;
    const refused = [
      await actions.issueAllCertificatesAction(meeting.id, IDLE, form()),
      await actions.issueCertificateAction(meeting.id, present.id, IDLE, form()),
      await actions.reissueCertificateAction(meeting.id, present.id, IDLE, form()),
      await actions.revokeCertificateAction(meeting.id, present.id, IDLE, form()),
      await actions.updateCertificateThresholdAction(meeting.id, IDLE, form({ certificateMinMinutes: "30" })),
    ];
    for (const state of refused) expect(state).toMatchObject({ status: "error", formError: "Il tuo profilo non consente questa operazione." });
    expect(await db.certificate.count()).toBe(0);
    expect(await db.emailMessage.count({ where: { template: "certificate" } })).toBe(0);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).certificateMinMinutes).toBe(60);
  });

  it("say what is wrong with a threshold next to the field, keeping what was typed", async () => {
    session.user = coordinator;
    const state = await actions.updateCertificateThresholdAction(meeting.id, IDLE, form({ certificateMinMinutes: "1,5" }));
    expect(state).toEqual({ status: "error", fieldErrors: { certificateMinMinutes: "Indica un numero intero di minuti, senza decimali." }, values: { certificateMinMinutes: "1,5" } });
  });

  it("let a coordinator issue in bulk, then re-send with a new code", async () => {
    session.user = coordinator;
    expect(await actions.issueAllCertificatesAction(meeting.id, IDLE, form())).toMatchObject({ status: "success", message: "1 attestato rilasciato: l'email è in invio." });
    const certificate = await db.certificate.findUniqueOrThrow({ where: { registrationId: present.id } });
    const state = await actions.reissueCertificateAction(meeting.id, present.id, IDLE, form({ version: certificate.updatedAt.toISOString() }));
    expect(state).toMatchObject({ status: "success" });
    expect(await db.emailMessage.count({ where: { template: "certificate", registrationId: present.id } })).toBe(2);
  });
});

describe("the certificate PDF routes", () => {
  it("give the PDF by a valid code, with the code on it; 404 for a replaced, malformed or unknown code", async () => {
    const emails = await db.emailMessage.findMany({ where: { template: "certificate", registrationId: present.id }, orderBy: { createdAt: "asc" } });
    const [oldCode, code] = emails.map((email) => (email.data as { code: string }).code);
    const response = await pdfOf(code);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    const text = (await pdfPagesText(await response.arrayBuffer())).join(" ");
    expect(text).toContain("Lucia Presente");
    expect(text).toContain(code);
    for (const bad of [oldCode, "non-un-codice", "K7QF-2M9X-4HNC-8RTA-ZP3W"]) expect((await pdfOf(bad)).status).toBe(404);
  });

  it("give an observer the archive copy (no code), signed out 401, and audit it", async () => {
    const call = (id: string, registrationId: string) =>
      archiveCopy.GET(new Request("http://localhost/x"), { params: Promise.resolve({ id, registrationId }) });
    session.user = null;
    expect((await call(meeting.id, present.id)).status).toBe(401);
    session.user = observer;
    const response = await call(meeting.id, present.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="attestato-presente-lucia-copia.pdf"');
    const text = (await pdfPagesText(await response.arrayBuffer())).join(" ");
    expect(text).toContain("Copia d'archivio");
    expect(await db.auditEntry.count({ where: { action: "certificate.copy", actorId: observer.id } })).toBe(1);
    expect((await call(meeting.id, meeting.id)).status).toBe(404);
    expect((await call("x", "y")).status).toBe(404);
  });
});
