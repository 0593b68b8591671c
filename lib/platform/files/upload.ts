// One way to take an uploaded file, for every import: a plain multipart form
// posts to a route handler, with or without JavaScript. The handler refuses
// another site's post and a caller who may not write, reads the file within
// the limits, and hands it to the import's own parse and store steps. A file
// refused as a whole sends the browser back (303) to the page that words the
// reason; a stored one sends it to its preview.
import { createHash } from "node:crypto";
import { refuseCrossSite } from "@/lib/platform/security/same-origin";
import { MAX_UPLOAD_BYTES, UPLOAD_FRAMING_BYTES, type UploadRefusal } from "./limits";

/** The file as posted: its bytes, its name as the browser gave it, and the rest of the form. */
export type UploadedFile = { name: string; bytes: Uint8Array; form: FormData };

type Refused<Result> = Extract<Result, { ok: false }>;
type Accepted<Result> = Extract<Result, { ok: true }>;

export type UploadSteps<Result extends { ok: boolean }, User> = {
  /** The caller's session and role, checked before anything is read: the user, or the response that refuses them. */
  authorize: () => Promise<{ ok: true; user: User } | { ok: false; response: Response }>;
  /** The largest file this import reads; MAX_UPLOAD_BYTES unless said. */
  maxBytes?: number;
  /** False when the address cannot name what the file is for (a malformed id): 404, checked after the session, before the body is read. */
  addressValid?: boolean;
  /** What the 404 says when the address names nothing, or what it named is gone by the time the file is stored. */
  notFoundMessage?: string;
  /** The import's reading of the file: `ok: false` with a code refuses it as a whole. */
  parse: (file: UploadedFile) => Result | Promise<Result>;
  /** Where the browser goes back to with the reason, when the file is refused. */
  refusedHref: (refusal: Refused<Result> | UploadRefusal) => string;
  /** Stores what was read (the file's name cut to 200 characters); the address of its preview, or null when what the address named is gone. */
  store: (upload: { user: User; fileName: string; fileHash: string; parsed: Accepted<Result> }) => Promise<string | null>;
};

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}

export async function handleUpload<Result extends { ok: boolean }, User>(request: Request, steps: UploadSteps<Result, User>): Promise<Response> {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  const guard = await steps.authorize();
  if (!guard.ok) return guard.response;
  const notFound = () => Response.json({ ok: false, formError: steps.notFoundMessage ?? "Pagina non trovata." }, { status: 404 });
  if (steps.addressValid === false) return notFound();
  // A browser's form post always states its length; without one the body could be anything, of any size.
  const length = request.headers.get("content-length");
  if (length === null) return new Response("Length Required", { status: 411 });
  const maxBytes = steps.maxBytes ?? MAX_UPLOAD_BYTES;
  if (Number(length) > maxBytes + UPLOAD_FRAMING_BYTES) return seeOther(steps.refusedHref({ code: "TOO_LARGE" }));

  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!form || !(file instanceof File) || (file.size === 0 && !file.name)) return seeOther(steps.refusedHref({ code: "NO_FILE" }));
  if (file.size > maxBytes) return seeOther(steps.refusedHref({ code: "TOO_LARGE" }));

  const bytes = new Uint8Array(await file.arrayBuffer());
  const parsed = await steps.parse({ name: file.name, bytes, form });
  if (!parsed.ok) return seeOther(steps.refusedHref(parsed as Refused<Result>));
  const fileHash = createHash("sha256").update(bytes).digest("hex");
  const location = await steps.store({ user: guard.user, fileName: file.name.slice(0, 200), fileHash, parsed: parsed as Accepted<Result> });
  return location === null ? notFound() : seeOther(location);
}
