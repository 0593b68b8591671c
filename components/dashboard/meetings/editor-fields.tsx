import type { ReactNode } from "react";
import { FieldError } from "@/components/forms/fields";
import type { FieldBinding } from "@/components/forms/field-kit";

function describedBy(id: string, hint: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-aiuto` : null, error ? `${id}-errore` : null].filter(Boolean).join(" ") || undefined;
}

function Label({ id, label, required }: { id: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={id} className="active">
      {label}
      {required ? <span aria-hidden="true"> *</span> : null}
    </label>
  );
}

type InputFieldProps = {
  field: FieldBinding;
  label: string;
  defaultValue: string;
  hint?: ReactNode;
  required?: boolean;
  /** datetime-local: Rome's wall-clock time, typed or picked; url: a link. */
  type?: "text" | "url" | "datetime-local";
  inputMode?: "numeric" | "url";
  readOnly?: boolean;
  className?: string;
};

/** An input of the convocation editor, labelled above, with its hint and error read with it. */
export function InputField({ field, label, defaultValue, hint, required, type = "text", inputMode, readOnly, className }: InputFieldProps) {
  const { id, error, autoFocus, registration } = field;
  return (
    <div className={className ? `form-group ${className}` : "form-group"}>
      <Label id={id} label={label} required={required} />
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        className={error ? "form-control is-invalid" : "form-control"}
        defaultValue={defaultValue}
        required={required}
        readOnly={readOnly}
        autoComplete="off"
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...registration}
      />
      {hint ? (
        <small id={`${id}-aiuto`} className="form-text">
          {hint}
        </small>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

type TextAreaFieldProps = {
  field: FieldBinding;
  label: string;
  defaultValue: string;
  hint?: ReactNode;
  required?: boolean;
  rows?: number;
};

export function TextAreaField({ field, label, defaultValue, hint, required, rows = 3 }: TextAreaFieldProps) {
  const { id, error, autoFocus, registration } = field;
  return (
    <div className="form-group">
      <Label id={id} label={label} required={required} />
      <textarea
        id={id}
        rows={rows}
        className={error ? "form-control is-invalid" : "form-control"}
        defaultValue={defaultValue}
        required={required}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...registration}
      />
      {hint ? (
        <small id={`${id}-aiuto`} className="form-text">
          {hint}
        </small>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}
