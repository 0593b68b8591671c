// What the proxy refuses before Next routes a request, and what it lets
// through: the forms our pages render, as a browser posts them, must pass.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_REPORT_BYTES } from "@/lib/attendance/import/parse";
import { MAX_IMPORT_BYTES } from "@/lib/sai-projects/import/parse";
import {
  BODY_LIMIT_BYTES,
  isDecodableFormAction,
  isDecodableReply,
  isMalformedPath,
  isUploadPath,
  judgeRequest,
  UPLOAD_BODY_LIMIT_BYTES,
} from "./refusals";

const SITE = "http://localhost:3000";
const ACTION_ID = "608ae3e5dddc56041f2040f6b923e7a4c575d84dbb";

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

/** The fields React renders in a no-JavaScript form bound by useActionState. */
function statefulForm(overrides: Record<string, string | null> = {}): FormData {
  const fields: Record<string, string | null> = {
    $ACTION_REF_1: "",
    "$ACTION_1:0": JSON.stringify({ id: ACTION_ID, bound: "$@1" }),
    "$ACTION_1:1": JSON.stringify([{ status: "idle" }]),
    $ACTION_KEY: "k0123",
    name: "Maria",
    ...overrides,
  };
  return form(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== null));
}

function post(path: string, body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request(`${SITE}${path}`, { method: "POST", body, headers: { host: "localhost:3000", origin: SITE, ...headers }, duplex: "half" } as RequestInit);
}

async function multipart(data: FormData): Promise<{ body: ArrayBuffer; contentType: string }> {
  const encoded = new Response(data);
  return { body: await encoded.arrayBuffer(), contentType: encoded.headers.get("content-type")! };
}

/** A body without a stated length, as a chunked request sends it. */
function chunked(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(64 * 1024, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
}

describe("isMalformedPath", () => {
  it("finds a segment that does not decode, or decodes to a control character", () => {
    for (const path of ["/convocazioni/%C0%AF", "/convocazioni/%C0%AF/calendario.ics", "/api/convocazioni/%C0%AF/iscrizioni", "/iscrizione/%E0%A4%A", "/dashboard/convocazioni/%", "/convocazioni/%00", "/convocazioni/a%0Ab", "/x/%ED%A0%80"]) {
      expect(isMalformedPath(path), path).toBe(true);
    }
  });

  it("lets well-formed paths through, encoded or not", () => {
    for (const path of ["/", "/convocazioni/tavolo-tecnico-2022-03-24", "/convocazioni/caf%C3%A8", "/convocazioni/%25", "/iscrizione/abc_DEF-123/calendario.ics", "/_next/static/chunks/a.js"]) {
      expect(isMalformedPath(path), path).toBe(false);
    }
  });

  it("agrees with decodeURIComponent on every generated segment", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom("%", "%C0", "%AF", "%e2%82%ac", "%zz", "a", "-", "%2F", "%00"), fc.string()), { maxLength: 6 }), (parts) => {
        const segment = parts.join("").replaceAll("/", "");
        let decodes = true;
        try {
          decodes = !/[\u0000-\u001f\u007f-\u009f]/.test(decodeURIComponent(segment));
        } catch {
          decodes = false;
        }
        // A raw control character or lone surrogate in the path is refused too.
        if (/[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/.test(segment)) return;
        expect(isMalformedPath(`/convocazioni/${segment}`)).toBe(!decodes);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("isDecodableFormAction", () => {
  it("accepts the fields of a form bound by useActionState, and a form without bound arguments", () => {
    expect(isDecodableFormAction(statefulForm())).toBe(true);
    expect(isDecodableFormAction(form([[`$ACTION_ID_${ACTION_ID}`, ""], ["name", "x"]]))).toBe(true);
    // After a failed submission the state comes back with the typed values, "$" escaped.
    const state = [{ status: "error", values: { name: "$$dollaro", note: "$undefined", when: "$D2026-12-02T00:00:00.000Z" }, fieldErrors: {} }];
    expect(isDecodableFormAction(statefulForm({ "$ACTION_1:1": JSON.stringify(state) }))).toBe(true);
    // A bound id and an outlined part of the state.
    expect(isDecodableFormAction(statefulForm({ "$ACTION_1:1": JSON.stringify(["meeting-id", "$2"]), "$ACTION_1:2": JSON.stringify({ status: "idle" }) }))).toBe(true);
  });

  it("refuses altered action fields and bound arguments", () => {
    const altered: Array<Record<string, string | null>> = [
      { "$ACTION_1:1": '[{"status":' },
      { "$ACTION_1:1": null },
      { "$ACTION_1:0": "garbage" },
      { "$ACTION_1:0": JSON.stringify({ id: ACTION_ID, bound: "$@9" }) },
      { "$ACTION_1:0": JSON.stringify({ id: 12, bound: null }) },
      { "$ACTION_1:0": JSON.stringify({ id: ACTION_ID, bound: "$Q1" }) },
      { "$ACTION_1:0": JSON.stringify([ACTION_ID]) },
      { "$ACTION_1:1": JSON.stringify([{ status: "idle" }, "$Q2"]) },
      { "$ACTION_1:1": JSON.stringify([{ status: "idle" }, "$T"]) },
      { "$ACTION_1:1": JSON.stringify([{ status: "idle" }, "$n12x"]) },
      { "$ACTION_1:1": JSON.stringify([{ status: "idle" }, "$B1"]) },
      { "$ACTION_1:1": JSON.stringify({ status: "idle" }) },
      { "$ACTION_1:1": JSON.stringify(["$"]) },
    ];
    for (const overrides of altered) expect(isDecodableFormAction(statefulForm(overrides)), JSON.stringify(overrides)).toBe(false);
    const threeRefs = statefulForm();
    threeRefs.append("$ACTION_REF_2", "");
    threeRefs.append("$ACTION_REF_3", "");
    expect(isDecodableFormAction(threeRefs)).toBe(false);
  });
});

describe("isDecodableReply", () => {
  it("accepts a call from script with its FormData, and refuses one that points at nothing", () => {
    const fields = new Map<string, Array<string>>([
      ["0", ['[{"status":"idle"},"$K1"]']],
      ["1_name", ["Maria"]],
    ]);
    expect(isDecodableReply(fields, "", 0)).toBe(true);
    expect(isDecodableReply(new Map(), "", 0, "[]")).toBe(true);
    expect(isDecodableReply(new Map(), "", 0, "[{")).toBe(false);
    expect(isDecodableReply(new Map(), "", 0, '["$@1"]')).toBe(false);
  });
});

describe("judgeRequest", () => {
  it("sends a page path that does not decode to the not-found page, and answers an API path 404 in JSON", async () => {
    expect(await judgeRequest(new Request(`${SITE}/`), "/convocazioni/%C0%AF")).toEqual({ notFound: true });
    const verdict = await judgeRequest(post("/api/x", "{}", { "content-type": "application/json" }), "/api/convocazioni/%C0%AF/iscrizioni");
    expect(verdict && "refuse" in verdict ? [verdict.refuse.status, await verdict.refuse.json()] : verdict).toEqual([404, expect.objectContaining({ ok: false, error: "NOT_FOUND" })]);
  });

  it("lets a normal form post and a GET through", async () => {
    const { body, contentType } = await multipart(statefulForm());
    expect(await judgeRequest(post("/scheda-referenti", body, { "content-type": contentType, "content-length": String(body.byteLength) }), "/scheda-referenti")).toBeNull();
    expect(await judgeRequest(new Request(`${SITE}/convocazioni/x`), "/convocazioni/x")).toBeNull();
  });

  it("refuses a write from another site with a 403 in Italian", async () => {
    for (const origin of ["https://evil.example", "null", "garbage"]) {
      const verdict = await judgeRequest(post("/scheda-referenti", "x", { origin, "content-type": "text/plain" }), "/scheda-referenti");
      const response = verdict && "refuse" in verdict ? verdict.refuse : null;
      expect(response?.status, origin).toBe(403);
      expect(await response?.text()).toContain("proviene da un altro sito");
    }
  });

  it("refuses a server action whose Origin is not exactly the host it was sent to, as Next would (with a 500)", async () => {
    process.env.APP_URL = SITE;
    try {
      const hosts: Array<Record<string, string>> = [{ host: "[::" }, { host: "LOCALHOST:3000" }, { "x-forwarded-host": "proxy.example" }];
      for (const headers of hosts) {
        const verdict = await judgeRequest(post("/scheda-referenti", "[]", { "content-type": "text/plain", "next-action": ACTION_ID, ...headers }), "/scheda-referenti");
        expect(verdict && "refuse" in verdict ? verdict.refuse.status : verdict, JSON.stringify(headers)).toBe(403);
      }
      expect(await judgeRequest(post("/scheda-referenti", "[]", { "content-type": "text/plain", "next-action": ACTION_ID }), "/scheda-referenti")).toBeNull();
    } finally {
      delete process.env.APP_URL;
    }
  });

  it("refuses a body over 1 MB with 413, stated or chunked, as a page and as JSON under /api/", async () => {
    const big = "a".repeat(BODY_LIMIT_BYTES + 1);
    const stated = await judgeRequest(post("/scheda-referenti", big, { "content-type": "text/plain", "content-length": String(big.length) }), "/scheda-referenti");
    expect(stated && "refuse" in stated ? stated.refuse.status : stated).toBe(413);
    const streamed = await judgeRequest(post("/scheda-referenti", chunked(BODY_LIMIT_BYTES + 1), { "content-type": "multipart/form-data; boundary=x" }), "/scheda-referenti");
    const page = streamed && "refuse" in streamed ? streamed.refuse : null;
    expect(page?.status).toBe(413);
    expect(page?.headers.get("content-type")).toContain("text/html");
    expect(await page?.text()).toContain("superano il limite");
    const api = await judgeRequest(post("/api/convocazioni/x/iscrizioni", chunked(BODY_LIMIT_BYTES + 1), { "content-type": "application/json" }), "/api/convocazioni/x/iscrizioni");
    const json = api && "refuse" in api ? api.refuse : null;
    expect([json?.status, await json?.json()]).toEqual([413, expect.objectContaining({ error: "PAYLOAD_TOO_LARGE" })]);
  });

  it("leaves an upload with a stated length to its route, and refuses a chunked one over the upload limit", async () => {
    const path = "/dashboard/convocazioni/abc/presenze/carica";
    expect(await judgeRequest(post(path, "x", { "content-type": "multipart/form-data; boundary=x", "content-length": String(UPLOAD_BODY_LIMIT_BYTES * 2) }), path)).toBeNull();
    expect(await judgeRequest(post(path, chunked(BODY_LIMIT_BYTES * 2), { "content-type": "multipart/form-data; boundary=x" }), path)).toBeNull();
    const over = await judgeRequest(post(path, chunked(UPLOAD_BODY_LIMIT_BYTES + 1), { "content-type": "multipart/form-data; boundary=x" }), path);
    expect(over && "refuse" in over ? over.refuse.status : over).toBe(413);
  });

  it("refuses malformed multipart and altered action fields with 400", async () => {
    const malformed = await judgeRequest(
      post("/scheda-referenti", '--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nb', { "content-type": "multipart/form-data; boundary=XYZ" }),
      "/scheda-referenti",
    );
    expect(malformed && "refuse" in malformed ? malformed.refuse.status : malformed).toBe(400);
    const { body, contentType } = await multipart(statefulForm({ "$ACTION_1:1": '[{"status":' }));
    const altered = await judgeRequest(post("/scheda-referenti", body, { "content-type": contentType }), "/scheda-referenti");
    expect(altered && "refuse" in altered ? altered.refuse.status : altered).toBe(400);
    const fetchAction = await judgeRequest(post("/scheda-referenti", "[{", { "content-type": "text/plain", "next-action": ACTION_ID }), "/scheda-referenti");
    expect(fetchAction && "refuse" in fetchAction ? fetchAction.refuse.status : fetchAction).toBe(400);
  });
});

describe("the upload limits", () => {
  it("match the uploads' own limits and their routes", () => {
    expect(UPLOAD_BODY_LIMIT_BYTES).toBe(Math.max(MAX_REPORT_BYTES, MAX_IMPORT_BYTES) + 64 * 1024);
    expect(isUploadPath("/dashboard/convocazioni/cm1abc/presenze/carica")).toBe(true);
    expect(isUploadPath("/dashboard/enti-gestori/importa/carica")).toBe(true);
    expect(isUploadPath("/dashboard/convocazioni/cm1abc/presenze")).toBe(false);
  });
});
