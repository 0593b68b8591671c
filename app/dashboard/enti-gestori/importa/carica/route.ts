// Uploading a SAI projects list (CSV or XLSX): a plain multipart form posts
// here, with or without JavaScript. The rows are stored as read and the
// browser goes to the preview; a file refused as a whole goes back to the
// upload page with the reason.
import { createHash } from "node:crypto";
import { guardRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { importPath, uploadErrorHref } from "@/lib/sai-projects/import/messages";
import { createSaiImport } from "@/lib/sai-projects/import/mutations";
import { MAX_IMPORT_BYTES, parseImportFile } from "@/lib/sai-projects/import/parse";

export const dynamic = "force-dynamic";

// Multipart framing around the file: generous, the file's own size is checked again.
const MAX_REQUEST_BYTES = MAX_IMPORT_BYTES + 64 * 1024;

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}

/**
 * A form posted from another site is refused (the session cookie is SameSite=Lax
 * too). Browsers send Origin with every POST; an opaque one ("null": a
 * sandboxed frame, a redirect) is not ours, and without one the fetch
 * metadata must say the request comes from this site.
 */
function crossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === "null") return true;
  if (!origin) {
    const site = request.headers.get("sec-fetch-site");
    return site !== null && site !== "same-origin" && site !== "none";
  }
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export async function POST(request: Request): Promise<Response> {
  const guard = await guardRoute("write");
  if (!guard.ok) return guard.response;
  if (crossSite(request)) return Response.json({ ok: false, formError: "Richiesta non valida." }, { status: 403 });
  // A browser's form post always states its length; without one the body could be anything, of any size.
  const length = request.headers.get("content-length");
  if (length === null) return new Response("Length Required", { status: 411 });
  if (Number(length) > MAX_REQUEST_BYTES) return seeOther(uploadErrorHref({ code: "TOO_LARGE" }));

  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File) || (file.size === 0 && !file.name)) return seeOther(uploadErrorHref({ code: "NO_FILE" }));
  if (file.size > MAX_IMPORT_BYTES) return seeOther(uploadErrorHref({ code: "TOO_LARGE" }));

  const bytes = new Uint8Array(await file.arrayBuffer());
  const parsed = await parseImportFile(file.name, bytes);
  if (!parsed.ok) return seeOther(uploadErrorHref(parsed));
  const fileHash = createHash("sha256").update(bytes).digest("hex");
  const { id } = await createSaiImport(db, guard.user, { fileName: file.name.slice(0, 200), fileHash, rows: parsed.rows });
  return seeOther(importPath(id));
}
