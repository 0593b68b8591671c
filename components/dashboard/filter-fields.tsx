import Link from "next/link";
import type { ReactNode } from "react";

/**
 * A dashboard's filter form: a GET, so the filters live in the address, work
 * without JavaScript and can be shared. The fields go in a grid row.
 */
export function FilterForm({ path, title, children }: { path: string; title: string; children: ReactNode }) {
  return (
    <form method="get" action={path} className="mb-4" aria-labelledby="filtri-titolo">
      <h2 id="filtri-titolo" className="h5">
        {title}
      </h2>
      <div className="row g-3 align-items-end">{children}</div>
      <div className="d-flex flex-wrap gap-3 align-items-center mt-3">
        <button type="submit" className="btn btn-primary">
          Filtra
        </button>
        <Link href={path}>Togli i filtri</Link>
      </div>
    </form>
  );
}

type FilterOption = { value: string; label: string };

type FilterSelectProps = {
  id: string;
  name: string;
  label: string;
  value: string;
  options: readonly FilterOption[];
  /** The first option, which filters nothing. */
  empty?: string;
  /** The grid column around the field. */
  className: string;
};

/** A select of a dashboard's GET filter form, its label above it. */
export function FilterSelect({ id, name, label, value, options, empty = "Tutti", className }: FilterSelectProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className="form-select">
        <option value="">{empty}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

type FilterTextProps = {
  id: string;
  name: string;
  label: string;
  value: string;
  type?: "search" | "date";
  hint?: ReactNode;
  list?: string;
  autoComplete?: string;
  className: string;
  /** Rendered under the input, before the hint: the suggestions a `list` points to. */
  children?: ReactNode;
};

/** A text, search or date input of a dashboard's GET filter form, its label above it. */
export function FilterText({ id, name, label, value, type, hint, list, autoComplete, className, children }: FilterTextProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      <input
        id={id}
        type={type}
        name={name}
        defaultValue={value}
        list={list}
        className="form-control"
        autoComplete={autoComplete}
        aria-describedby={hint ? `${id}-aiuto` : undefined}
      />
      {children}
      {hint ? (
        <small id={`${id}-aiuto`} className="form-text">
          {hint}
        </small>
      ) : null}
    </div>
  );
}
