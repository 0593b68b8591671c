import type { ReactNode } from "react";
import type { FieldKit } from "@/components/forms/field-kit";
import { fieldId } from "@/lib/platform/forms/action-state";

type RepeatedRowsProps = {
  kit: FieldKit;
  /** The rows' field name: its error shows above the rows, and the summary links to the title. */
  name: string;
  title: string;
  heading: { level: 2 | 3; className: string };
  intro: ReactNode;
  addLabel: string;
  /** Said once the limit is reached: "Puoi invitare al massimo 10 rappresentanti." */
  limitNote: string;
  max: number;
  count: number;
  /** Present once JavaScript runs: rows can then be added (and removed, see RemoveRowButton). */
  onAdd?: () => void;
  children: ReactNode;
};

/**
 * Repeated rows of a form (nominees, speakers, agenda items): without
 * JavaScript the page offers a few blank ones and ignores those left blank;
 * with it, rows are added and removed here.
 */
export function RepeatedRows({ kit, name, title, heading, intro, addLabel, limitNote, max, count, onAdd, children }: RepeatedRowsProps) {
  const Heading = heading.level === 2 ? "h2" : "h3";
  const sectionId = fieldId(kit.formId, name);
  const error = kit.errors[name];
  return (
    <section className="mb-5" aria-labelledby={`${sectionId}-titolo`}>
      <Heading id={`${sectionId}-titolo`} className={heading.className}>
        <span id={sectionId} tabIndex={-1}>
          {title}
        </span>
      </Heading>
      <p>{intro}</p>
      {onAdd ? null : <p className="small">Compila solo le righe che ti servono: le righe lasciate vuote non saranno considerate.</p>}
      {error ? (
        <div className="invalid-feedback d-block mb-3" id={`${sectionId}-errore`}>
          <span className="visually-hidden">Errore: </span>
          {error}
        </div>
      ) : null}
      {children}
      {onAdd ? (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={onAdd} disabled={count >= max}>
          {addLabel}
        </button>
      ) : null}
      {onAdd && count >= max ? <p className="small mt-2">{limitNote}</p> : null}
    </section>
  );
}

/** "Rimuovi" for one row, named for screen readers ("il relatore 2"); nothing without JavaScript. */
export function RemoveRowButton({ label, onRemove }: { label: string; onRemove?: () => void }) {
  return onRemove ? (
    <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onRemove}>
      Rimuovi<span className="visually-hidden"> {label}</span>
    </button>
  ) : null;
}
