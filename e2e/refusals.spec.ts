// The requests Next itself used to answer 500 before any of our code ran
// (issue 12, point 4), sent to the production build as an attacker or a
// broken client would: each gets a 4xx with an Italian answer (proxy.ts,
// lib/platform/http/refusals.ts). A real form post and a real upload still work.
import http from "node:http";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInAs } from "./support/dashboard";
import { seedMeeting, testDb } from "./support/database";
import { BASE_URL, E2E_PORT } from "./support/environment";

const SHEET = "/scheda-referenti";
const FIXTURE = path.join(import.meta.dirname, "fixtures", "zoom-partecipanti.csv");

type SheetForm = { actionId: string; key: string };

/** The hidden fields React renders in the public scheda form (bound by useActionState). */
async function sheetForm(request: APIRequestContext): Promise<SheetForm> {
  const html = await (await request.get(SHEET)).text();
  const actionId = /name="\$ACTION_1:0" value="\{&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(html)?.[1];
  const key = /name="\$ACTION_KEY" value="([^"]+)"/.exec(html)?.[1];
  if (!actionId || !key) throw new Error("The scheda page no longer renders its action fields");
  return { actionId, key };
}

function sheetFields({ actionId, key }: SheetForm, overrides: Record<string, string | null> = {}): Record<string, string> {
  const fields: Record<string, string | null> = {
    $ACTION_REF_1: "",
    "$ACTION_1:0": JSON.stringify({ id: actionId, bound: "$@1" }),
    "$ACTION_1:1": JSON.stringify([{ status: "idle" }]),
    $ACTION_KEY: key,
    municipalityId: "",
    pec: "protocollo@comune.example.it",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== null));
}

/** A raw request through node:http: a body without Content-Length goes chunked, and the path is sent exactly as written. */
function raw(method: string, target: string, headers: Record<string, string>, chunks: Buffer[] = []): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "localhost", port: E2E_PORT, method, path: target, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (part: Buffer) => parts.push(part));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body: Buffer.concat(parts).toString("utf8") }));
    });
    // The server may answer before the whole body is sent; that is the point.
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

test.describe("requests Next would have answered 500", () => {
  test("a path that does not decode shows our not-found page (404), and JSON under /api/", async ({ request }) => {
    const meeting = await seedMeeting();
    const pages = [
      "/convocazioni/%C0%AF",
      "/convocazioni/%C0%AF/calendario.ics",
      "/convocazioni/%C0%AF/iscrizione",
      "/iscrizione/%C0%AF",
      "/iscrizione/%C0%AF/calendario.ics",
      "/invito/%C0%AF",
      "/attestati/%C0%AF",
      "/convocazioni/%E0%A4%A",
      "/convocazioni/%",
      `/dashboard/convocazioni/%C0%AF`,
      `/dashboard/convocazioni/${meeting.id}%C0%AF/presenze`,
      "/dashboard/persone/%C0%AF/esporta",
    ];
    for (const target of pages) {
      const response = await raw("GET", target, {});
      expect(response.status, target).toBe(404);
      expect(response.body, target).toContain("Pagina non trovata");
    }
    for (const target of ["/api/convocazioni/%C0%AF/iscrizioni", "/api/auth/%C0%AF"]) {
      const response = await raw("POST", target, { "content-type": "application/json" }, [Buffer.from("{}")]);
      expect(response.status, target).toBe(404);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: "NOT_FOUND", message: "Risorsa non trovata." });
    }
    // A well-formed path still reaches its page.
    expect((await request.get(`/convocazioni/${meeting.slug}`)).status()).toBe(200);
  });

  test("a server-action post from another site is refused with 403 in Italian", async ({ request }) => {
    const form = await sheetForm(request);
    for (const origin of ["https://evil.example", "null"]) {
      const response = await request.post(SHEET, { headers: { origin }, multipart: sheetFields(form), maxRedirects: 0 });
      expect(response.status(), origin).toBe(403);
      expect(await response.text()).toContain("proviene da un altro sito");
    }
    const fetchAction = await request.post(SHEET, { headers: { origin: "https://evil.example", "next-action": form.actionId, "content-type": "text/plain" }, data: "[]" });
    expect(fetchAction.status()).toBe(403);
    // Our own Origin, sent to another Host name: Next would not run it (and answered 500).
    for (const host of ["convoca.example", "LOCALHOST:" + E2E_PORT]) {
      const response = await raw("POST", SHEET, { host, origin: BASE_URL, "next-action": form.actionId, "content-type": "text/plain" }, [Buffer.from("[]")]);
      expect(response.status, host).toBe(403);
    }
  });

  test("a body over 1 MB is refused with 413 before Next reads it, with or without Content-Length", async ({ request }) => {
    const form = await sheetForm(request);
    const big = "a".repeat(1024 * 1024 + 10);
    const stated = await request.post(SHEET, { headers: { origin: BASE_URL }, multipart: { ...sheetFields(form), note: big } });
    expect(stated.status()).toBe(413);
    expect(await stated.text()).toContain("superano il limite consentito");

    const boundary = "----convoca";
    const chunks = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="$ACTION_REF_1"\r\n\r\n\r\n--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n`)];
    for (let i = 0; i < 20; i++) chunks.push(Buffer.alloc(64 * 1024, 97));
    const chunked = await raw("POST", SHEET, { origin: BASE_URL, "content-type": `multipart/form-data; boundary=${boundary}` }, chunks);
    expect(chunked.status).toBe(413);
    expect(chunked.type).toContain("text/html");
    expect(chunked.body).toContain("superano il limite consentito");

    const fetchAction = await request.post(SHEET, { headers: { origin: BASE_URL, "next-action": form.actionId, "content-type": "text/plain" }, data: big });
    expect(fetchAction.status()).toBe(413);

    const api = await raw("POST", "/api/convocazioni/qualsiasi/iscrizioni", { "content-type": "application/json" }, chunks);
    expect(api.status).toBe(413);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: "PAYLOAD_TOO_LARGE" });
  });

  test("malformed multipart and altered action fields or bound arguments get 400; a left-out argument 404; an unknown action 4xx", async ({ request }) => {
    const form = await sheetForm(request);
    const post = (headers: Record<string, string>, body: string | Buffer) => request.post(SHEET, { headers: { origin: BASE_URL, ...headers }, data: body, maxRedirects: 0 });

    const malformed = await post({ "content-type": "multipart/form-data; boundary=XYZ" }, '--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nb');
    expect(malformed.status()).toBe(400);
    expect(await malformed.text()).toContain("Il modulo inviato non è leggibile");
    expect((await post({ "content-type": "multipart/form-data" }, "abc")).status()).toBe(400);

    const altered: Array<Record<string, string | null>> = [
      { "$ACTION_1:1": '[{"status":' },
      { "$ACTION_1:1": null },
      { "$ACTION_1:0": "garbage" },
      { "$ACTION_1:0": JSON.stringify({ id: form.actionId, bound: "$@9" }) },
      { "$ACTION_1:1": JSON.stringify([{ status: "idle" }, "$Q2"]) },
    ];
    for (const overrides of altered) {
      const response = await request.post(SHEET, { headers: { origin: BASE_URL }, multipart: sheetFields(form, overrides), maxRedirects: 0 });
      expect(response.status(), JSON.stringify(overrides)).toBe(400);
      expect(await response.text()).toContain("Il modulo inviato non è leggibile");
    }
    const fetchBroken = await post({ "next-action": form.actionId, "content-type": "text/plain" }, "[{");
    expect(fetchBroken.status()).toBe(400);

    // The bound action called by its bare id: the form lands where the state goes, the form argument is missing.
    const bare = await request.post(SHEET, { headers: { origin: BASE_URL }, multipart: { [`$ACTION_ID_${form.actionId}`]: "", municipalityId: "" }, maxRedirects: 0 });
    expect(bare.status()).toBe(404);
    expect(await bare.text()).toContain("Pagina non trovata");
    expect((await post({ "next-action": form.actionId, "content-type": "text/plain" }, "[]")).status()).toBe(404);

    const unknown = await request.post(SHEET, { headers: { origin: BASE_URL }, multipart: sheetFields({ ...form, actionId: "60" + "a".repeat(40) }), maxRedirects: 0 });
    // Next's own answer to an id it does not know: 409 (another deployment's action), 400 (no such id).
    expect([400, 409]).toContain(unknown.status());
    expect((await post({ "next-action": "7fdeadbeef", "content-type": "text/plain" }, "[]")).status()).toBe(400);
  });

  test("a bad Content-Type gets a 4xx, never a 500", async ({ request }) => {
    const api = await request.post("/api/convocazioni/qualsiasi/iscrizioni", { headers: { "content-type": "text/plain" }, data: "{}" });
    expect(api.status()).toBe(415);
    for (const type of ["foo/bar;;;", "multipart/form-data; boundary=", "application/x-www-form-urlencoded"]) {
      const response = await request.post(SHEET, { headers: { origin: BASE_URL, "content-type": type }, data: "a=%ZZ&&=" });
      expect(response.status(), type).toBeLessThan(500);
    }
  });
});

test.describe("what must keep working", () => {
  test("a form posted without JavaScript runs its action and shows the errors in Italian", async ({ request }) => {
    const response = await request.post(SHEET, { headers: { origin: BASE_URL }, multipart: sheetFields(await sheetForm(request)) });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("Seleziona il Comune");
  });

  test("a participants report upload still goes to its preview, and one over 2 MB still comes back with the reason", async ({ page }) => {
    const meeting = await seedMeeting({ title: `Tavolo rifiuti E2E ${Date.now()}` });
    await signInAs(page, "COORDINATOR");
    await page.goto(`/dashboard/convocazioni/${meeting.id}/presenze`);

    await page.getByLabel("Report dei partecipanti (CSV)").setInputFiles({ name: "grande.csv", mimeType: "text/csv", buffer: Buffer.alloc(2 * 1024 * 1024 + 10, 97) });
    await page.getByRole("button", { name: "Carica e mostra l'anteprima" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Il report non è stato caricato" })).toContainText("Il file è troppo grande: al massimo 2 MB.");

    await page.getByLabel("Report dei partecipanti (CSV)").setInputFiles(FIXTURE);
    await page.getByRole("button", { name: "Carica e mostra l'anteprima" }).click();
    await expect(page).toHaveURL(/\/presenze\/importa\/[0-9a-f-]{36}$/);
    expect(await testDb().attendanceImport.count({ where: { meetingId: meeting.id } })).toBe(1);
  });
});
