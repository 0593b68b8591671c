import { MAX_IMPORT_ROWS } from "@/lib/sai-projects/import/parse";

/**
 * The upload: a plain multipart form posting to the route handler, so it
 * works without JavaScript and takes files past a server action's limit.
 */
export function ImportUploadForm({ action, error }: { action: string; error?: string }) {
  const describedBy = ["file-aiuto", error ? "file-errore" : null].filter(Boolean).join(" ");
  return (
    <form method="post" action={action} encType="multipart/form-data" className="my-4">
      {error ? (
        <div className="alert alert-danger" role="alert" tabIndex={-1}>
          <h2 className="h5">Il file non è stato caricato</h2>
          <p className="mb-0">{error}</p>
        </div>
      ) : null}
      <div className="form-group">
        <label htmlFor="file" className="active d-block mb-2">
          File CSV o Excel (.xlsx)<span aria-hidden="true"> *</span>
        </label>
        <input
          id="file"
          name="file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          required
          className={error ? "form-control is-invalid" : "form-control"}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <small id="file-aiuto" className="form-text">
          Al massimo 2 MB e {MAX_IMPORT_ROWS.toLocaleString("it-IT")} righe. CSV separato da punto e virgola o da virgola, come lo salva Excel (anche «CSV UTF-8»).
        </small>
        {error ? (
          <div id="file-errore" className="invalid-feedback d-block">
            <span className="visually-hidden">Errore: </span>
            {error}
          </div>
        ) : null}
      </div>
      <button type="submit" className="btn btn-primary">
        Carica e mostra l&apos;anteprima
      </button>
    </form>
  );
}
