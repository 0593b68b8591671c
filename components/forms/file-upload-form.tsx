import type { ReactNode } from "react";

type FileUploadFormProps = {
  action: string;
  error?: string;
  label: string;
  accept: string;
  hint: ReactNode;
};

/**
 * An import's upload: a plain multipart form posting to its route handler, so
 * it works without JavaScript and takes files past a server action's limit.
 * A refused file comes back with the reason in `error`.
 */
export function FileUploadForm({ action, error, label, accept, hint }: FileUploadFormProps) {
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
          {label}
          <span aria-hidden="true"> *</span>
        </label>
        <input
          id="file"
          name="file"
          type="file"
          accept={accept}
          required
          className={error ? "form-control is-invalid" : "form-control"}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <small id="file-aiuto" className="form-text">
          {hint}
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
