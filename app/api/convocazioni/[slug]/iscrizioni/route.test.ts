import { describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting } from "@/lib/test/factories";

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
process.env.RATE_LIMIT_PER_IP = "1000";
process.env.RATE_LIMIT_PER_EMAIL = "3";
const { POST } = await import("./route");

const meeting = await createMeeting(db, { capacity: 1 });

function post(slug: string, body: unknown, init: { contentType?: string; ip?: string } = {}) {
  const request = new Request(`http://localhost/api/convocazioni/${slug}/iscrizioni`, {
    method: "POST",
    headers: { "content-type": init.contentType ?? "application/json", "x-forwarded-for": init.ip ?? "10.0.0.1" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return POST(request, { params: Promise.resolve({ slug }) });
}

const person = (email: string) => ({
  firstName: "Giuseppe",
  lastName: "Verdi",
  email,
  roleTitle: "Funzionario",
  organisationType: "ALTRO_ENTE",
  organisationName: "Ente di prova",
  privacyConsent: true,
});

describe("POST /api/convocazioni/[slug]/iscrizioni", () => {
  it("registers: the first is confirmed, the next waitlisted", async () => {
    const first = await post(meeting.slug, person("api.uno@example.it"));
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ ok: true, status: "CONFIRMED" });
    const second = await post(meeting.slug, person("api.due@example.it"));
    expect(await second.json()).toMatchObject({ ok: true, status: "WAITLISTED" });
  });

  it("answers a duplicate with 409 and creates nothing", async () => {
    const response = await post(meeting.slug, person("api.uno@example.it"));
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ ok: false, error: "ALREADY_REGISTERED" });
    expect(await db.registration.count({ where: { meetingId: meeting.id } })).toBe(2);
  });

  it("returns Italian field errors for bad input, never a server error", async () => {
    const response = await post(meeting.slug, { ...person("non-una-email"), privacyConsent: false, firstName: "" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toBe("VALIDATION");
    expect(body.fieldErrors).toMatchObject({
      email: expect.stringMatching(/email valido/),
      privacyConsent: expect.stringMatching(/informativa privacy/),
      firstName: "Inserisci il nome",
    });
    for (const garbage of [null, 42, [], { nominees: "x" }, { ...person("a@b.it"), nominees: [{}] }]) {
      expect((await post(meeting.slug, garbage)).status).toBe(400);
    }
  });

  it("refuses malformed JSON, other media types and unknown meetings", async () => {
    expect((await post(meeting.slug, "{not json")).status).toBe(400);
    expect((await post(meeting.slug, "a=b", { contentType: "application/x-www-form-urlencoded" })).status).toBe(415);
    expect((await post("non-esiste", person("api.tre@example.it"))).status).toBe(404);
  });

  it("answers 429 with Retry-After once an email is over its limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post("non-esiste", person("insistente@example.it"), { ip: `10.0.1.${i}` })).status);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    const limited = await post("non-esiste", person("insistente@example.it"), { ip: "10.0.2.1" });
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await limited.json()).toMatchObject({ error: "RATE_LIMITED", message: expect.stringMatching(/Troppe richieste/) });
  });

  describe("log lines", () => {
    const FORGED = /^\[tick\] forged log line/m;

    async function consoleDuring(run: () => Promise<unknown>): Promise<string> {
      const printed: string[] = [];
      const spies = (["log", "info", "warn", "error"] as const).map((method) =>
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(" "))),
      );
      try {
        await run();
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
      return printed.join("\n");
    }

    it("the issue's forged slug (/api/convocazioni/%00%0A%5Btick%5D%20forged%20log%20line/iscrizioni) is not found and forges no line", async () => {
      const slug = decodeURIComponent("%00%0A%5Btick%5D%20forged%20log%20line");
      let status = 0;
      const printed = await consoleDuring(async () => {
        status = (await post(slug, person("forgia@example.it"))).status;
      });
      expect(status).toBe(404);
      expect(printed).not.toMatch(FORGED);
    });

    it("an unexpected failure is logged on one line, whatever the error carries", async () => {
      const { db: appDb } = await import("@/lib/db");
      const client = appDb();
      const failure = Object.assign(new Error("boom\n[tick] forged log line"), { name: "Failure\n[tick] forged log line" });
      const spy = vi.spyOn(client, "$transaction").mockRejectedValue(failure);
      let status = 0;
      const printed = await consoleDuring(async () => {
        status = (await post(meeting.slug, person("guasto@example.it"), { ip: "10.0.3.1" })).status;
      });
      spy.mockRestore();
      expect(status).toBe(500);
      expect(printed).toContain(`POST /api/convocazioni/${meeting.slug}/iscrizioni failed`);
      expect(printed).not.toMatch(FORGED);
    });
  });
});
