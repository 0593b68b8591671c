import { FileUploadForm } from "@/components/forms/file-upload-form";
import { PLATFORM_LABELS } from "@/lib/attendance/messages";
import { PLATFORMS } from "@/lib/attendance/import/parse";

/** The participants report's upload, with the platform it comes from (or recognised from the file). */
export function ReportUploadForm({ action, error, platform }: { action: string; error?: string; platform?: string }) {
  return (
    <FileUploadForm
      action={action}
      error={error}
      label="Report dei partecipanti (CSV)"
      accept=".csv,.txt,text/csv,text/plain"
      inputId="report"
      refusedTitle="Il report non è stato caricato"
      headingLevel={3}
      className="my-3"
      hint="Al massimo 2 MB. Zoom: Report › Utilizzo › Partecipanti, «Esporta» (anche con i dati della riunione); Teams: il report delle presenze scaricato dalla riunione; Meet: il foglio delle presenze scaricato in CSV. Intestazioni in italiano o in inglese."
    >
      <div className="select-wrapper mb-3" style={{ maxWidth: "24rem" }}>
        <label htmlFor="piattaforma">Piattaforma</label>
        <select id="piattaforma" name="piattaforma" defaultValue={platform ?? ""} className="form-select">
          <option value="">Riconosci automaticamente</option>
          {PLATFORMS.map((value) => (
            <option key={value} value={value}>
              {PLATFORM_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
    </FileUploadForm>
  );
}
