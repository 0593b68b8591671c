import type { ReactNode } from "react";
import { HONEYPOT_FIELD } from "@/lib/platform/forms/action-state";
import type { FieldBinding } from "./field-kit";

function describedBy(id: string, hint: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-aiuto` : null, error ? `${id}-errore` : null].filter(Boolean).join(" ") || undefined;
}

function Hint({ id, children, className = "form-text" }: { id: string; children: ReactNode; className?: string }) {
  return children ? (
    <small id={`${id}-aiuto`} className={className}>
      {children}
    </small>
  ) : null;
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <div id={`${id}-errore`} className="invalid-feedback d-block">
      <span className="visually-hidden">Errore: </span>
      {error}
    </div>
  ) : null;
}

function Required({ required }: { required?: boolean }) {
  return required ? <span aria-hidden="true"> *</span> : null;
}

type TextFieldProps = {
  field: FieldBinding;
  label: string;
  defaultValue: string;
  hint?: ReactNode;
  required?: boolean;
  /** datetime-local: a wall-clock time, typed or picked; url: a link. */
  type?: "text" | "email" | "tel" | "url" | "datetime-local";
  inputMode?: "numeric" | "url";
  autoComplete?: string;
  readOnly?: boolean;
  /** id of a <datalist> of suggestions */
  list?: string;
  /** More classes on the field's wrapper. */
  className?: string;
};

/** Bootstrap Italia's text input with its label always above it, so it reads right without the library's script. */
export function TextField({ field, label, defaultValue, hint, required, type = "text", inputMode, autoComplete, readOnly, list, className }: TextFieldProps) {
  const { id, error, autoFocus, registration } = field;
  return (
    <div className={className ? `form-group ${className}` : "form-group"}>
      <label htmlFor={id} className="active">
        {label}
        <Required required={required} />
      </label>
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        className={error ? "form-control is-invalid" : "form-control"}
        defaultValue={defaultValue}
        required={required}
        readOnly={readOnly}
        autoComplete={autoComplete}
        list={list}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...registration}
      />
      <Hint id={id}>{hint}</Hint>
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

/** A multi-line text, labelled above like TextField, with its hint and error read with it. */
export function TextAreaField({ field, label, defaultValue, hint, required, rows = 3 }: TextAreaFieldProps) {
  const { id, error, autoFocus, registration } = field;
  return (
    <div className="form-group">
      <label htmlFor={id} className="active">
        {label}
        <Required required={required} />
      </label>
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
      <Hint id={id}>{hint}</Hint>
      <FieldError id={id} error={error} />
    </div>
  );
}

type CheckboxFieldProps = {
  field: FieldBinding;
  label: ReactNode;
  defaultChecked: boolean;
  hint?: ReactNode;
  required?: boolean;
  /** Beside the label, outside it (e.g. a link): clicking it does not tick the box. */
  aside?: ReactNode;
};

export function CheckboxField({ field, label, defaultChecked, hint, required, aside }: CheckboxFieldProps) {
  const { id, error, autoFocus, registration } = field;
  return (
    <div className="form-check mb-3">
      <input
        id={id}
        type="checkbox"
        defaultChecked={defaultChecked}
        required={required}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...registration}
      />
      <label htmlFor={id}>
        {label}
        <Required required={required} />
      </label>
      {/* Under the label's text, past the box Bootstrap Italia draws before it. */}
      {aside ? <div className="ps-5">{aside}</div> : null}
      <Hint id={id} className="form-text d-block ps-5">
        {hint}
      </Hint>
      <FieldError id={id} error={error} />
    </div>
  );
}

type RadioGroupProps = {
  field: FieldBinding;
  legend: string;
  options: readonly { value: string; label: string }[];
  defaultValue: string;
  hint?: ReactNode;
  required?: boolean;
};

/**
 * Radios in a fieldset named by its legend. The first radio carries the
 * group's id, so the error summary's link lands on the group.
 */
export function RadioGroup({ field, legend, options, defaultValue, hint, required }: RadioGroupProps) {
  const { id, error, autoFocus, registration } = field;
  return (
    <fieldset className="mb-4" aria-describedby={describedBy(id, hint, error)}>
      <legend className="px-0">
        {legend}
        <Required required={required} />
      </legend>
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <div className="form-check form-check-inline" key={option.value}>
            <input
              id={optionId}
              type="radio"
              value={option.value}
              defaultChecked={defaultValue === option.value}
              required={required}
              autoFocus={index === 0 ? autoFocus : undefined}
              {...registration}
            />
            <label htmlFor={optionId}>{option.label}</label>
          </div>
        );
      })}
      <Hint id={id}>{hint}</Hint>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

type SelectFieldProps = {
  field: FieldBinding;
  label: string;
  placeholder: string;
  groups: readonly { label: string; options: readonly { value: string; label: string }[] }[];
  defaultValue: string;
  hint?: ReactNode;
  required?: boolean;
};

/** A native select with option groups: searchable by typing, usable without JavaScript and by every screen reader. */
export function SelectField({ field, label, placeholder, groups, defaultValue, hint, required }: SelectFieldProps) {
  const { id, error, autoFocus, registration } = field;
  return (
    <div className="select-wrapper mt-5 mb-4">
      <label htmlFor={id}>
        {label}
        <Required required={required} />
      </label>
      <select
        id={id}
        defaultValue={defaultValue}
        required={required}
        autoFocus={autoFocus}
        className={error ? "is-invalid" : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...registration}
      >
        <option value="">{placeholder}</option>
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <Hint id={id}>{hint}</Hint>
      <FieldError id={id} error={error} />
    </div>
  );
}

/** Hidden from people (visually, from assistive technology and from the tab order); bots fill it in. */
export function Honeypot({ formId }: { formId: string }) {
  return (
    <div className="visually-hidden" aria-hidden="true">
      <label htmlFor={`${formId}-${HONEYPOT_FIELD}`}>Lascia vuoto questo campo</label>
      <input id={`${formId}-${HONEYPOT_FIELD}`} type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

export function SubmitButton({ pending, children, variant = "primary" }: { pending: boolean; children: ReactNode; variant?: "primary" | "outline-primary" | "danger" }) {
  return (
    <button type="submit" className={`btn btn-${variant}`} disabled={pending} aria-disabled={pending || undefined}>
      {pending ? "Invio in corso…" : children}
    </button>
  );
}
