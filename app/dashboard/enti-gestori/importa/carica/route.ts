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
import { refuseCrossSite } from "@/lib/security/same-origin";

export const dynamic = "force-dynamic";

// Multipart framing around the file: generous, the file's own size is checked again.
const MAX_REQUEST_BYTES = MAX_IMPORT_BYTES + 64 * 1024;

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}

export async function POST(request: Request): Promise<Response> {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  const guard = await guardRoute("write");
  if (!guard.ok) return guard.response;
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
