// Uploading a SAI projects list (CSV or XLSX), as every upload goes
// (lib/platform/files/upload.ts). The rows are stored as read and the browser goes to
// the preview; a file refused as a whole goes back to the upload page with
// the reason.
import { db } from "@/lib/db";
import { guardRoute } from "@/lib/auth/guard";
import { handleUpload } from "@/lib/platform/files/upload";
import { importPath, uploadErrorHref } from "@/lib/sai-projects/import/messages";
import { createSaiImport } from "@/lib/sai-projects/import/mutations";
import { parseImportFile } from "@/lib/sai-projects/import/parse";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return handleUpload(request, {
    authorize: () => guardRoute("write"),
    parse: ({ name, bytes }) => parseImportFile(name, bytes),
    refusedHref: uploadErrorHref,
    store: async ({ user, fileName, fileHash, parsed }) => {
      const { id } = await createSaiImport(db(), { actor: user, fileName, fileHash, rows: parsed.rows });
      return importPath(id);
    },
  });
}
