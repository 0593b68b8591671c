import type { ReactNode } from "react";

type FileUploadFormProps = {
  action: string;
  error?: string;
  label: string;
  accept: string;
  hint: ReactNode;
  /** The file input's id (its hint and error are `<id>-aiuto`, `<id>-errore`). */
  inputId?: string;
  /** The refusal's heading, at the level the page needs. */
  refusedTitle?: string;
  headingLevel?: 2 | 3;
  className?: string;
  /** More fields the import asks with the file (a platform to choose). */
  children?: ReactNode;
};

/**
 * An import's upload: a plain multipart form posting to its route handler, so
 * it works without JavaScript and takes files past a server action's limit.
 * A refused file comes back with the reason in `error`.
 */
export function FileUploadForm({
  action,
  error,
  label,
  accept,
  hint,
  inputId = "file",
  refusedTitle = "Il file non è stato caricato",
  headingLevel = 2,
  className = "my-4",
  children,
}: FileUploadFormProps) {
  const describedBy = [`${inputId}-aiuto`, error ? `${inputId}-errore` : null].filter(Boolean).join(" ");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <form method="post" action={action} encType="multipart/form-data" className={className}>
      {error ? (
        <div className="alert alert-danger" role="alert" tabIndex={-1}>
          <Heading className="h5">{refusedTitle}</Heading>
          <p className="mb-0">{error}</p>
        </div>
      ) : null}
      <div className="form-group">
        <label htmlFor={inputId} className="active d-block mb-2">
          {label}
          <span aria-hidden="true"> *</span>
        </label>
        <input
          id={inputId}
          name="file"
          type="file"
          accept={accept}
          required
          className={error ? "form-control is-invalid" : "form-control"}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <small id={`${inputId}-aiuto`} className="form-text">
          {hint}
        </small>
        {error ? (
          <div id={`${inputId}-errore`} className="invalid-feedback d-block">
            <span className="visually-hidden">Errore: </span>
            {error}
          </div>
        ) : null}
      </div>
      {children}
      <button type="submit" className="btn btn-primary">
        Carica e mostra l&apos;anteprima
      </button>
    </form>
  );
}
