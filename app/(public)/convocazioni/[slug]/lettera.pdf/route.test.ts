// The letter's PDF, public and in the dashboard, and the blank scheda.
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { pdfLinks, pdfPagesText } from "@/lib/platform/pdf/testing";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createUser } from "@/lib/test/factories";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const publicRoute = await import("./route");
const dashboardRoute = await import("../../../../dashboard/convocazioni/[id]/lettera.pdf/route");
const sheetRoute = await import("../../../scheda-referenti/scheda.pdf/route");

const published = await createMeeting(db, { protocolNumber: "0227/15/03/22", subject: "CONVOCAZIONE; **giovedì 24 marzo**", signatoryName: "Mario Emanuele Alvano" });
const draft = await createMeeting(db, { status: "DRAFT", subject: "Bozza riservata" });
const observer = await createUser(db, "OBSERVER");

const publicGet = (slug: string) => publicRoute.GET(new Request(`http://localhost/convocazioni/${slug}/lettera.pdf`), { params: Promise.resolve({ slug }) });
const dashboardGet = (id: string) => dashboardRoute.GET(new Request(`http://localhost/dashboard/convocazioni/${id}/lettera.pdf`), { params: Promise.resolve({ id }) });
const text = async (response: Response) => (await pdfPagesText(new Uint8Array(await response.arrayBuffer()))).join("\n");

describe("the letter as PDF", () => {
  it("is public once published: a PDF to read inline, named by the slug", async () => {
    const response = await publicGet(published.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`inline; filename="convocazione-${published.slug}.pdf"`);
    const letter = await text(response);
    expect(letter).toContain("Prot. n. 0227/15/03/22");
    expect(letter).toContain("Mario Emanuele Alvano");
    expect(letter).not.toContain("ANTEPRIMA");
  });

  it("answers 404 for a draft, an unknown or a malformed slug, never a server error", async () => {
    for (const slug of [draft.slug, "nessuna-convocazione", "../../etc", "x".repeat(500)]) expect((await publicGet(slug)).status).toBe(404);
  });

  it("is a marked preview of a draft in the dashboard, for a signed-in reader only", async () => {
    session.user = null;
    expect((await dashboardGet(draft.id)).status).toBe(401);
    session.user = { id: observer.id, email: observer.email, name: null, role: "OBSERVER" };
    const preview = await dashboardGet(draft.id);
    expect(preview.status).toBe(200);
    expect(await text(preview)).toContain("ANTEPRIMA, non ancora pubblicata");
    expect(await text(await dashboardGet(published.id))).not.toContain("ANTEPRIMA");
    expect((await dashboardGet("non-un-id")).status).toBe(404);
    expect((await dashboardGet("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

describe("the blank scheda referenti", () => {
  it("has the online form's fields on paper and links to the form", async () => {
    const response = await sheetRoute.GET(new NextRequest("http://localhost/scheda-referenti/scheda.pdf"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const sheet = (await pdfPagesText(bytes)).join("\n");
    for (const field of ["Scheda referenti", "PEC del Comune", "Referente 1", "Ufficio o incarico", "Politico", "Tecnico", "Chi compila la scheda", "informativa privacy", "Data e firma"])
      expect(sheet).toContain(field);
    expect((await pdfLinks(bytes)).flat()).toContain("http://localhost/scheda-referenti");
  });
});
