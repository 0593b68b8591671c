// The widget counts against the per-IP limit of the public writes, as a
// registration does: over it, 429 with Retry-After and nothing stored.
import { expect, it } from "vitest";
import { createTestDatabase } from "@/lib/test/database";

const SITE = "http://localhost:3000";
const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
process.env.APP_URL = SITE;
process.env.RATE_LIMIT_PER_IP = "3";
const route = await import("./route");

const post = (accept: string) =>
  route.POST(
    new Request(`${SITE}/valutazione`, {
      method: "POST",
      headers: { host: "localhost:3000", origin: SITE, "content-type": "application/x-www-form-urlencoded", accept },
      body: new URLSearchParams({ path: "/privacy", rating: "5" }).toString(),
    }),
  );

it("the fourth rating within ten minutes from one client is refused with 429 and Retry-After, and not stored", async () => {
  for (let i = 0; i < 3; i++) expect((await post("text/html")).status).toBe(303);
  const refused = await post("application/json");
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await refused.json()).toMatchObject({ ok: false, error: "RATE_LIMITED", message: "Troppe richieste in poco tempo. Riprova tra qualche minuto." });
  const page = await post("text/html");
  expect(page.status).toBe(429);
  expect(await page.text()).toContain("Troppe richieste in poco tempo");
  expect(await db.feedback.count()).toBe(3);
  // The rate-limit row counts the client's address key, not the rating: the rating row holds no address.
  const keys = await db.rateLimit.findMany({ select: { key: true } });
  expect(keys.map((row) => row.key)).toEqual(["public-ip:unknown"]);
});
