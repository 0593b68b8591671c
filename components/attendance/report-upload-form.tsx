import { PLATFORM_LABELS } from "@/lib/attendance/messages";
import { PLATFORMS } from "@/lib/attendance/import/parse";

/**
 * The report's upload: a plain multipart form posting to the route handler,
 * so it works without JavaScript and takes files past a server action's limit.
 */
export function ReportUploadForm({ action, error, platform }: { action: string; error?: string; platform?: string }) {
  const describedBy = ["report-aiuto", error ? "report-errore" : null].filter(Boolean).join(" ");
  return (
    <form method="post" action={action} encType="multipart/form-data" className="my-3">
      {error ? (
        <div className="alert alert-danger" role="alert" tabIndex={-1}>
          <h3 className="h5">Il report non è stato caricato</h3>
          <p className="mb-0">{error}</p>
        </div>
      ) : null}
      <div className="form-group">
        <label htmlFor="report" className="active d-block mb-2">
          Report dei partecipanti (CSV)<span aria-hidden="true"> *</span>
        </label>
        <input
          id="report"
          name="file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          required
          className={error ? "form-control is-invalid" : "form-control"}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <small id="report-aiuto" className="form-text">
          Al massimo 2 MB. Zoom: Report › Utilizzo › Partecipanti, «Esporta» (anche con i dati della riunione); Teams: il
          report delle presenze scaricato dalla riunione; Meet: il foglio delle presenze scaricato in CSV. Intestazioni in
          italiano o in inglese.
        </small>
        {error ? (
          <div id="report-errore" className="invalid-feedback d-block">
            <span className="visually-hidden">Errore: </span>
            {error}
          </div>
        ) : null}
      </div>
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
      <button type="submit" className="btn btn-primary">
        Carica e mostra l&apos;anteprima
      </button>
    </form>
  );
}
