import { FileUploadForm } from "@/components/forms/file-upload-form";
import { MAX_IMPORT_ROWS } from "@/lib/sai-projects/import/parse";

/** The SAI projects list's upload: CSV or Excel. */
export function ImportUploadForm({ action, error }: { action: string; error?: string }) {
  return (
    <FileUploadForm
      action={action}
      error={error}
      label="File CSV o Excel (.xlsx)"
      accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      hint={`Al massimo 2 MB e ${MAX_IMPORT_ROWS.toLocaleString("it-IT")} righe. CSV separato da punto e virgola o da virgola, come lo salva Excel (anche «CSV UTF-8»).`}
    />
  );
}
