import type { RefObject } from "react";
import { fieldId, orderedErrors, type FieldErrors } from "@/lib/platform/forms/action-state";

type ErrorSummaryProps = {
  formId: string;
  errors: FieldErrors;
  order: readonly string[];
  formError?: string;
  successMessage?: string;
  /** "info" shows the outcome as information (blue), not as a success. */
  successTone?: "info";
  summaryRef: RefObject<HTMLDivElement | null>;
  autoFocus?: boolean;
  headingLevel?: 2 | 3;
  /** Which field a message is about when the message alone is ambiguous (repeated rows): "Rappresentante 2". */
  contextFor?: (path: string) => string | undefined;
};

/**
 * The form's outcome at its top, in a live region: what went wrong, each
 * field error as a link to its field, or the success message.
 */
export function ErrorSummary({ formId, errors, order, formError, successMessage, successTone, summaryRef, autoFocus, headingLevel = 2, contextFor }: ErrorSummaryProps) {
  const entries = orderedErrors(errors, order);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const failed = entries.length > 0 || Boolean(formError);
  return (
    <div id={`${formId}-esito`} ref={summaryRef} tabIndex={-1} aria-live="polite" autoFocus={autoFocus} className="form-outcome">
      {failed ? (
        <div className="alert alert-danger mb-4">
          <Heading className="h5">
            {entries.length === 0
              ? "Non è stato possibile completare l'invio"
              : entries.length === 1
                ? "C'è un errore da correggere"
                : `Ci sono ${entries.length} errori da correggere`}
          </Heading>
          {formError ? <p className="mb-2">{formError}</p> : null}
          {entries.length > 0 ? (
            <ul className="mb-0">
              {entries.map(([path, message]) => {
                const context = contextFor?.(path);
                return (
                  <li key={path}>
                    <a href={`#${fieldId(formId, path)}`}>{context ? `${context}: ${message}` : message}</a>
                  </li>
                );
              })}
            </ul>
          ) : null}
        </div>
      ) : null}
      {successMessage && !failed ? (
        <div className={successTone === "info" ? "alert alert-info mb-4" : "alert alert-success mb-4"}>
          <p className="mb-0">{successMessage}</p>
        </div>
      ) : null}
    </div>
  );
}
