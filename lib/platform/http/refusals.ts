// The requests Next itself would answer 500 before any of our code runs, and
// what we answer instead (proxy.ts asks here first): a path that does not
// decode (an invalid percent-encoding, a control character) is a page that
// does not exist; a write from another site is refused; a body over the limit
// is refused before anything parses it; and a server-action post Next's
// decoder would choke on (malformed multipart, altered action fields or bound
// arguments) is a bad request. Plain web Request/Response, no Next import.
import { MAX_UPLOAD_BYTES, UPLOAD_FRAMING_BYTES } from "@/lib/platform/files/limits";
import { isCrossSite, refuseCrossSite } from "@/lib/platform/security/same-origin";
import { patternRegExp, routePatterns } from "@/lib/routes";

/** Next's own limit for a server action's body (experimental.serverActions.bodySizeLimit, unset). */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/**
 * The uploads (a participants report, a SAI projects list) take 2 MB files,
 * with room for the multipart framing; their route handlers check a declared
 * length themselves and send the browser back with the reason.
 */
export const UPLOAD_BODY_LIMIT_BYTES = MAX_UPLOAD_BYTES + UPLOAD_FRAMING_BYTES;
const UPLOAD_PATHS = [routePatterns.attendanceUpload, routePatterns.saiImportUpload, routePatterns.pecImportUpload].map(patternRegExp);

export const TOO_LARGE_MESSAGE = "I dati inviati superano il limite consentito (1 MB). Riduci il testo o il file e riprova.";
export const BAD_REQUEST_MESSAGE = "Il modulo inviato non è leggibile. Torna alla pagina, ricaricala e riprova.";
export const CROSS_SITE_PAGE_MESSAGE = "Questa richiesta proviene da un altro sito e non è stata eseguita. Apri la pagina da Convoca e riprova.";
export const NOT_FOUND_MESSAGE = "Pagina non trovata.";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isUploadPath(pathname: string): boolean {
  return UPLOAD_PATHS.some((pattern) => pattern.test(pathname));
}

/** A control character (C0, DEL, C1) or a lone surrogate: no slug, id or token of ours holds one. */
const UNWANTED = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a raw request path has a segment that does not decode, or decodes to a control character. */
export function isMalformedPath(pathname: string): boolean {
  if (!pathname.includes("%")) return UNWANTED.test(pathname);
  for (const segment of pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return true;
    }
    if (UNWANTED.test(decoded)) return true;
  }
  return false;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A short page of our own, in Italian: no script, no style. */
export function refusalHtml(title: string, message: string): string {
  return `<!DOCTYPE html>
<html lang="it">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)} — Convoca</title></head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p><a href="/">Torna alla pagina iniziale</a></p>
</main>
</body>
</html>
`;
}

/** The refusal page as a response that nothing may cache. */
export function refusalPage(status: number, title: string, message: string): Response {
  return new Response(refusalHtml(title, message), { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

function refusalJson(status: number, error: string, message: string): Response {
  return Response.json({ ok: false, error, message }, { status, headers: { "cache-control": "no-store" } });
}

function refusal(request: Request, pathname: string, status: 400 | 403 | 404 | 413): Response {
  const api = pathname.startsWith("/api/");
  switch (status) {
    case 400:
      return api ? refusalJson(400, "BAD_REQUEST", "Richiesta non valida.") : refusalPage(400, "Richiesta non valida", BAD_REQUEST_MESSAGE);
    case 403:
      return api ? refuseCrossSite(request)! : refusalPage(403, "Richiesta non consentita", CROSS_SITE_PAGE_MESSAGE);
    case 404:
      return api ? refusalJson(404, "NOT_FOUND", "Risorsa non trovata.") : refusalPage(404, NOT_FOUND_MESSAGE, "L'indirizzo non corrisponde a nessuna pagina di Convoca.");
    case 413:
      return api ? refusalJson(413, "PAYLOAD_TOO_LARGE", TOO_LARGE_MESSAGE) : refusalPage(413, "Richiesta troppo grande", TOO_LARGE_MESSAGE);
  }
}

/** The body, read up to `limit` bytes; null as soon as it goes past. */
export async function readBounded(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

type Fields = Map<string, Array<string | File>>;

function fieldsOf(form: FormData): Fields {
  const fields: Fields = new Map();
  form.forEach((value, key) => {
    const list = fields.get(key);
    if (list) list.push(value);
    else fields.set(key, [value]);
  });
  return fields;
}

// A value in React's reply encoding: a string that starts with "$" is a
// reference or a special value. Only the ones our forms produce pass: an
// escaped "$", undefined, ±Infinity, -0, NaN, a date, a FormData, and a
// reference to another part of the same reply.
const REFERENCE = /^\$@?([0-9a-f]+)(?::[^:]+)*$/;
const SCALAR = /^\$(?:\$|undefined$|Infinity$|-Infinity$|-0$|NaN$|D)/;
const FORM_DATA = /^\$K[0-9a-f]+$/;

/**
 * Whether the reply rooted at part `root` (a field named prefix + id) decodes:
 * every part it reaches is JSON, and every "$…" string in it is one our forms
 * send, pointing at a part that is there.
 */
export function isDecodableReply(fields: Fields, prefix: string, root: number, rootText?: string): boolean {
  const seen = new Set<number>();
  const pending: Array<{ id: number; text?: string }> = [{ id: root, text: rootText }];
  while (pending.length) {
    const { id, text } = pending.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const values = fields.get(`${prefix}${id}`);
    const raw = text ?? (values && values.length === 1 && typeof values[0] === "string" ? values[0] : undefined);
    if (raw === undefined) return false;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return false;
    }
    const stack: unknown[] = [parsed];
    while (stack.length) {
      const value = stack.pop();
      if (typeof value === "string") {
        if (value[0] !== "$" || SCALAR.test(value) || FORM_DATA.test(value)) continue;
        const reference = REFERENCE.exec(value);
        if (!reference) return false;
        pending.push({ id: parseInt(reference[1], 16) });
      } else if (value !== null && typeof value === "object") {
        for (const item of Object.values(value)) stack.push(item);
      }
    }
  }
  return true;
}

/**
 * Whether a no-JavaScript form post's "$ACTION_…" fields are as React's
 * decodeAction expects them (Next checks that the ids exist): at most two
 * "$ACTION_REF_n", each with one "$ACTION_n:0" descriptor {"id", "bound"}
 * whose bound arguments decode to a list.
 */
export function isDecodableFormAction(form: FormData): boolean {
  const fields = fieldsOf(form);
  const refs = [...fields.keys()].filter((key) => key.startsWith("$ACTION_REF_"));
  if (refs.length > 2) return false;
  for (const ref of refs) {
    const prefix = `$ACTION_${ref.slice("$ACTION_REF_".length)}:`;
    const descriptors = fields.get(`${prefix}0`);
    if (!descriptors || descriptors.length !== 1 || typeof descriptors[0] !== "string") return false;
    let descriptor: unknown;
    try {
      descriptor = JSON.parse(descriptors[0]);
    } catch {
      return false;
    }
    if (descriptor === null || typeof descriptor !== "object" || Array.isArray(descriptor)) return false;
    const { id, bound } = descriptor as { id?: unknown; bound?: unknown };
    if (typeof id !== "string") return false;
    if (bound === null || bound === undefined) continue;
    const reference = typeof bound === "string" ? /^\$@([0-9a-f]+)$/.exec(bound) : null;
    if (!reference) return false;
    const boundId = parseInt(reference[1], 16);
    const boundValues = fields.get(`${prefix}${boundId}`);
    if (!boundValues || typeof boundValues[0] !== "string" || !boundValues[0].trimStart().startsWith("[")) return false;
    if (!isDecodableReply(fields, prefix, boundId)) return false;
  }
  return true;
}

async function formOf(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<FormData | null> {
  try {
    return await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    return null;
  }
}

/** Whether a server action called from JavaScript (a "Next-Action" header) sent arguments React can decode. */
async function isDecodableFetchAction(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<boolean> {
  if (contentType.toLowerCase().startsWith("multipart/form-data")) {
    const form = await formOf(bytes, contentType);
    return form !== null && isDecodableReply(fieldsOf(form), "", 0);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return isDecodableReply(new Map(), "", 0, text);
}

/**
 * Next runs a server action only when its Origin names exactly the host it
 * was sent to (the first X-Forwarded-Host, else Host), and answers any other
 * with a 500: a stricter test than isCrossSite, which also accepts APP_URL's.
 */
export function originMatchesHost(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return (forwarded || request.headers.get("host")) === originHost;
}

export type Verdict = { refuse: Response } | { notFound: true } | null;

/**
 * What to do with a request before Next routes it: null lets it through;
 * notFound asks for our not-found page (a page path that does not decode);
 * refuse is the answer. `pathname` is the raw path, as sent.
 */
export async function judgeRequest(request: Request, pathname: string): Promise<Verdict> {
  if (isMalformedPath(pathname)) return pathname.startsWith("/api/") ? { refuse: refusal(request, pathname, 404) } : { notFound: true };
  if (!WRITE_METHODS.has(request.method)) return null;
  if (isCrossSite(request)) return { refuse: refusal(request, pathname, 403) };

  const upload = isUploadPath(pathname);
  const limit = upload ? UPLOAD_BODY_LIMIT_BYTES : BODY_LIMIT_BYTES;
  const length = request.headers.get("content-length");
  const declared = length === null ? null : Number(length);
  // An upload says how big it is; its handler sends the browser back with the reason.
  if (upload && declared !== null) return null;
  if (declared !== null && !(declared <= limit)) return { refuse: refusal(request, pathname, 413) };

  const api = pathname.startsWith("/api/");
  const contentType = request.headers.get("content-type") ?? "";
  const fetchAction = request.headers.has("next-action");
  const formPost = contentType.toLowerCase().startsWith("multipart/form-data");
  const serverAction = !api && !upload && (fetchAction || formPost);
  if (serverAction && !originMatchesHost(request)) return { refuse: refusal(request, pathname, 403) };
  // Without a length only reading tells the size; a server action is read anyway, to check it.
  if (declared !== null && !serverAction) return null;
  const bytes = await readBounded(request.body, limit);
  if (bytes === null) return { refuse: refusal(request, pathname, 413) };
  if (!serverAction) return null;

  if (fetchAction) return (await isDecodableFetchAction(bytes, contentType)) ? null : { refuse: refusal(request, pathname, 400) };
  const form = await formOf(bytes, contentType);
  if (!form || !isDecodableFormAction(form)) return { refuse: refusal(request, pathname, 400) };
  return null;
}
