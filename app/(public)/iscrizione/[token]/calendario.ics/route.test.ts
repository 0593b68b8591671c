import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, registrationInput } from "@/lib/test/factories";

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { GET } = await import("./route");
const { GET: publicGET } = await import("../../../convocazioni/[slug]/calendario.ics/route");
const { cancelRegistration, register } = await import("@/lib/registrations/mutations");

const JOIN_URL = "https://zoom.us/j/77?pwd=riservatissimo";
const meeting = await createMeeting(db, { joinUrl: JOIN_URL, platform: "Zoom" });

function get(token: string) {
  return GET(new NextRequest(`http://localhost/iscrizione/${token}/calendario.ics`), { params: Promise.resolve({ token }) });
}

async function registered() {
  const result = await register(db, { slug: meeting.slug, ...registrationInput() });
  if (!result.ok) throw new Error(result.reason);
  return result.token;
}

/** The DESCRIPTION property, unfolded. */
const description = (ics: string) => ics.replace(/\r\n /g, "").split("\r\n").find((line) => line.startsWith("DESCRIPTION:")) ?? "";

describe("GET /iscrizione/[token]/calendario.ics", () => {
  it("gives a registrant's calendar the address of their personal page, never the join link", async () => {
    const token = await registered();
    const response = await get(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const ics = await response.text();
    expect(description(ics)).toContain(`La tua iscrizione\\, con il link di collegamento: http://localhost/iscrizione/${token}`);
    expect(ics).toContain(`SUMMARY:${meeting.title}`);
    expect(ics).not.toContain("zoom.us");
  });

  it("the meeting's public calendar file has neither the join link nor anyone's personal page", async () => {
    const response = await publicGET(new NextRequest(`http://localhost/convocazioni/${meeting.slug}/calendario.ics`), {
      params: Promise.resolve({ slug: meeting.slug }),
    });
    expect(response.status).toBe(200);
    const ics = await response.text();
    expect(ics).not.toContain("zoom.us");
    expect(ics).not.toContain("/iscrizione/");
  });

  it("answers 404 to an unknown token and to a cancelled registration", async () => {
    expect((await get("x".repeat(43))).status).toBe(404);
    const token = await registered();
    await cancelRegistration(db, { token });
    expect((await get(token)).status).toBe(404);
  });
});
