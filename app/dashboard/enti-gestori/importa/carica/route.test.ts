import { describe, expect, it, vi } from "vitest";
import type { DashboardUser } from "@/lib/auth/roles";
import { createTestDatabase } from "@/lib/test/database";
import { createUser } from "@/lib/test/factories";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { POST } = await import("./route");

const coordinator = await createUser(db, "COORDINATOR");
const CSV = "Comune;Ente gestore;Categoria\nCorleone;Cooperativa Caricata;Ordinari\n";

function upload(headers: Record<string, string>, body = CSV) {
  const form = new FormData();
  form.set("file", new File([body], "progetti.csv", { type: "text/csv" }));
  const request = new Request("http://localhost:3000/dashboard/enti-gestori/importa/carica", { method: "POST", body: form });
  // What the browser would have said: a multipart body, its length, where it comes from.
  const sized = new Request(request, { headers: { ...Object.fromEntries(request.headers), ...headers } });
  return POST(sized);
}

describe("POST /dashboard/enti-gestori/importa/carica", () => {
  it("stores a same-site upload and sends the browser to its preview", async () => {
    session.user = { ...coordinator };
    const response = await upload({ host: "localhost:3000", origin: "http://localhost:3000", "content-length": "400" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/dashboard\/enti-gestori\/importa\/[0-9a-f-]{36}$/);
  });

  it("refuses another site, an opaque origin, a cross-site request without Origin, and a body without a length, storing nothing", async () => {
    session.user = { ...coordinator };
    const before = await db.saiProjectImport.count();
    const refusals: Record<string, string>[] = [
      { host: "localhost:3000", origin: "https://evil.example", "content-length": "400" },
      { host: "localhost:3000", origin: "null", "content-length": "400" },
      { host: "localhost:3000", "sec-fetch-site": "cross-site", "content-length": "400" },
    ];
    for (const headers of refusals) expect((await upload(headers)).status).toBe(403);
    expect((await upload({ host: "localhost:3000", origin: "http://localhost:3000" })).status).toBe(411);
    expect(await db.saiProjectImport.count()).toBe(before);
  });
});
