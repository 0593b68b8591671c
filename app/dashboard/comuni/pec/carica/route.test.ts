import { readFileSync } from "node:fs";
import path from "node:path";
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
const observer = await createUser(db, "OBSERVER");
const LIST = readFileSync(path.join(process.cwd(), "lib/test/fixtures/indicepa/enti-sicilia.csv"));
const SAME_SITE = { host: "localhost:3000", origin: "http://localhost:3000" };

function upload(body: Uint8Array | string, headers: Record<string, string> = {}, name = "enti.csv") {
  const form = new FormData();
  form.set("file", new File([typeof body === "string" ? body : new Uint8Array(body)], name, { type: "text/csv" }));
  const request = new Request("http://localhost:3000/dashboard/comuni/pec/carica", { method: "POST", body: form });
  const length = String((typeof body === "string" ? body.length : body.byteLength) + 400);
  return POST(new Request(request, { headers: { ...Object.fromEntries(request.headers), ...SAME_SITE, "content-length": length, ...headers } }));
}

describe("POST /dashboard/comuni/pec/carica", () => {
  it("refuses the signed out and an observer, storing nothing", async () => {
    session.user = null;
    expect((await upload(LIST)).status).toBe(401);
    session.user = { ...observer };
    expect((await upload(LIST)).status).toBe(403);
    expect(await db.pecImport.count()).toBe(0);
  });

  it("stores IndicePA's list as its Sicilian Comuni and sends the browser to the preview", async () => {
    session.user = { ...coordinator };
    const response = await upload(LIST);
    expect(response.status).toBe(303);
    const id = response.headers.get("location")?.match(/^\/dashboard\/comuni\/pec\/([0-9a-f-]{36})$/)?.[1];
    expect(id).toBeDefined();
    const stored = await db.pecImport.findUniqueOrThrow({ where: { id } });
    expect((stored.rows as { istatCode: string }[]).every((row) => /^08[1-9]/.test(row.istatCode))).toBe(true);
    expect(stored.skipped).toMatchObject({ outsideSicily: 2 });
  });

  it("sends a refused file back with the reason in the address, and takes a list larger than other uploads", async () => {
    session.user = { ...coordinator };
    const before = await db.pecImport.count();
    const refused = await upload("Comune;PEC\nPalermo;x@pec.it\n");
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toMatch(/^\/dashboard\/comuni\/pec\?errore=MISSING_COLUMNS&mancano=/);
    const tooLarge = await upload(LIST, { "content-length": String(30 * 1024 * 1024) });
    expect(tooLarge.headers.get("location")).toBe("/dashboard/comuni/pec?errore=TOO_LARGE");
    expect(await db.pecImport.count()).toBe(before);

    // Past the 2 MB of the other imports: the list padded with entities outside Sicily.
    const text = LIST.toString("utf8");
    const outside = text.split("\n").find((line) => line.includes(",058091,"));
    const padded = text + `${outside}\n`.repeat(Math.ceil((3 * 1024 * 1024) / (outside!.length + 1)));
    expect(padded.length).toBeGreaterThan(3 * 1024 * 1024);
    expect((await upload(padded)).status).toBe(303);
    expect(await db.pecImport.count()).toBe(before + 1);
  });
});
