// Uploading IndicePA's list of entities, as every upload goes
// (lib/platform/files/upload.ts), with the list's own size limit: the
// Sicilian Comuni read from it are stored and the browser goes to the
// preview; a file refused as a whole goes back with the reason.
import { guardRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { handleUpload } from "@/lib/platform/files/upload";
import { MAX_INDICEPA_BYTES } from "@/lib/municipalities/indicepa/limits";
import { uploadErrorHref } from "@/lib/municipalities/indicepa/messages";
import { createPecImport } from "@/lib/municipalities/indicepa/mutations";
import { parseIndicePaFile } from "@/lib/municipalities/indicepa/parse";
import { routes } from "@/lib/routes";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return handleUpload(request, {
    authorize: () => guardRoute("write"),
    maxBytes: MAX_INDICEPA_BYTES,
    parse: ({ bytes }) => parseIndicePaFile(bytes),
    refusedHref: uploadErrorHref,
    store: async ({ user, fileName, fileHash, parsed }) => {
      const { id } = await createPecImport(db(), { actor: user, fileName, fileHash, rows: parsed.rows, skipped: parsed.skipped });
      return routes.dashboard.pecImport(id);
    },
  });
}
