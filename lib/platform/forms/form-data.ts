// FormData ⇄ the plain values a form's schema parses. One description of a
// form's fields serves the browser (default values, react-hook-form) and the
// server action (reading the submitted FormData), so both agree on names.
import type { z } from "zod";
import type { FieldErrors } from "./action-state";

export type FormShape = {
  text: readonly string[];
  checkboxes?: readonly string[];
  /** Repeated rows named "nominees.0.email", "nominees.1.email", … */
  rows?: Readonly<Record<string, readonly string[]>>;
};

type RowsOf<S extends FormShape> = NonNullable<S["rows"]>;

export type FormValues<S extends FormShape> = { [K in S["text"][number]]: string } & {
  [K in NonNullable<S["checkboxes"]>[number]]: boolean;
} & { [K in keyof RowsOf<S>]: Array<{ [C in RowsOf<S>[K][number]]: string }> };

export function defineForm<const S extends FormShape>(shape: S): S {
  return shape;
}

/** A z.object, or what a refined one still is (zod 4's refine keeps the object); a transformed one gives its inner z.object. */
type ObjectSchema = { shape: Readonly<Record<string, unknown>> };
type KeysOf<T extends ObjectSchema> = keyof T["shape"] & string;

/** A schema's field names in declaration order, which zod keeps: the order of the fields on the page. */
export function schemaKeys<T extends ObjectSchema>(schema: T): readonly KeysOf<T>[] {
  return Object.keys(schema.shape) as KeysOf<T>[];
}

type FormOptions<T extends ObjectSchema> = {
  checkboxes?: readonly KeysOf<T>[];
  /** Each repeated field with the z.object of one row: its columns are that schema's keys. */
  rows?: Partial<Record<KeysOf<T>, ObjectSchema>>;
  /** Fields the schema parses that readForm does not read: the honeypot (honeypotFilled), repeated ids read apart. */
  omit?: readonly KeysOf<T>[];
};

type Option<O, K extends string, Default> = O extends { [P in K]: infer V } ? NonNullable<V> : Default;
type RowsOption<T extends ObjectSchema, O extends FormOptions<T>> = Option<O, "rows", Record<never, ObjectSchema>>;
type OwnNames<T extends ObjectSchema, O extends FormOptions<T>> = Exclude<KeysOf<T>, Option<O, "omit", readonly never[]>[number]>;

export type FormOf<T extends ObjectSchema, O extends FormOptions<T>> = {
  text: readonly Exclude<OwnNames<T, O>, Option<O, "checkboxes", readonly never[]>[number] | keyof RowsOption<T, O>>[];
  checkboxes: Option<O, "checkboxes", readonly []>;
  rows: { [K in keyof RowsOption<T, O>]: RowsOption<T, O>[K] extends ObjectSchema ? readonly KeysOf<RowsOption<T, O>[K]>[] : never };
  /** Every name the form sends, in the schema's order. */
  order: readonly OwnNames<T, O>[];
};

/**
 * The form's names read from its schema, so they are written once: text
 * fields are the keys that are neither checkboxes nor rows, in the
 * schema's order, and FormValues of the result has the schema's names.
 */
export function formOf<T extends ObjectSchema, const O extends FormOptions<T> = Record<never, never>>(schema: T, options?: O): FormOf<T, O> {
  const omitted = new Set<string>(options?.omit ?? []);
  const checkboxes: readonly string[] = options?.checkboxes ?? [];
  const rowSchemas: Record<string, ObjectSchema | undefined> = options?.rows ?? {};
  const order = schemaKeys(schema).filter((name) => !omitted.has(name));
  const rows = Object.fromEntries(
    order.flatMap((name) => {
      const row = rowSchemas[name];
      return row ? [[name, schemaKeys(row)]] : [];
    }),
  );
  const text = order.filter((name) => !checkboxes.includes(name) && !Object.hasOwn(rows, name));
  return { text, checkboxes, rows, order } as unknown as FormOf<T, O>;
}

/**
 * Paths in page order, for the error summary and the focus after a failed
 * submit: the form's names, each repeated field followed by its rows' fields.
 */
export function pageOrder(form: FormShape & { order: readonly string[] }, rowCounts: Readonly<Record<string, number>> = {}): string[] {
  return form.order.flatMap((name) => {
    const columns = form.rows && Object.hasOwn(form.rows, name) ? form.rows[name] : undefined;
    if (!columns) return [name];
    const count = rowCounts[name] ?? 0;
    return [name, ...Array.from({ length: count }, (_, index) => columns.map((column) => `${name}.${index}.${column}`)).flat()];
  });
}

/** A row nobody filled in: ignored, so a form can offer more rows than people need. */
export function isBlankRow(row: Record<string, unknown>): boolean {
  return Object.values(row).every((value) => typeof value !== "string" || value.trim() === "");
}

export function blankRow<S extends FormShape, K extends keyof RowsOf<S> & string>(shape: S, rows: K) {
  const columns = (shape.rows as RowsOf<S>)[rows];
  return Object.fromEntries(columns.map((column) => [column, ""])) as FormValues<S>[K][number];
}

export function emptyValues<S extends FormShape>(shape: S): FormValues<S> {
  const values: Record<string, unknown> = {};
  for (const name of shape.text) values[name] = "";
  for (const name of shape.checkboxes ?? []) values[name] = false;
  for (const name of Object.keys(shape.rows ?? {})) values[name] = [];
  return values as FormValues<S>;
}

// A post that leaves out an argument (a bound action called by its bare
// "$ACTION_ID_…", a call from script without the form) brings no FormData:
// its values are marked, and runFormAction answers 404 (lib/platform/forms/run-action.ts).
const formless = new WeakSet<object>();
function withoutForm<T extends object>(values: T): T {
  formless.add(values);
  return values;
}
export function cameWithoutForm(values: unknown): boolean {
  return typeof values === "object" && values !== null && formless.has(values);
}

// Row indexes come from the client: a hostile "nominees.99999999.email" must
// not allocate a huge array. The schema reports too many rows on its own.
const MAX_ROWS = 50;

/**
 * What the user typed, read from the submitted FormData: only the shape's
 * names (Next's "$ACTION_…" entries are ignored), text trimmed of nothing
 * (the schema trims), unchecked checkboxes false, rows in index order.
 */
export function readForm<S extends FormShape>(formData: FormData, shape: S): FormValues<S> {
  if (!(formData instanceof FormData)) return withoutForm(emptyValues(shape));
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const values: Record<string, unknown> = {};
  for (const name of shape.text) values[name] = text(name);
  for (const name of shape.checkboxes ?? []) values[name] = formData.has(name) && text(name) !== "false";
  for (const [name, columns] of Object.entries(shape.rows ?? {})) {
    const indexes = new Set<number>();
    const pattern = new RegExp(`^${name}\\.(\\d{1,3})\\.`);
    for (const key of formData.keys()) {
      const match = pattern.exec(key);
      if (match) indexes.add(Number(match[1]));
    }
    values[name] = [...indexes]
      .sort((a, b) => a - b)
      .slice(0, MAX_ROWS)
      .map((index) => Object.fromEntries(columns.map((column) => [column, text(`${name}.${index}.${column}`)])));
  }
  return values as FormValues<S>;
}

/** The rows worth parsing, and where each came from, to put errors back on the right row. */
export function withoutBlankRows<T extends Record<string, unknown>>(rows: readonly T[]): { rows: T[]; indexes: number[] } {
  const indexes: number[] = [];
  rows.forEach((row, index) => {
    if (!isBlankRow(row)) indexes.push(index);
  });
  return { rows: indexes.map((index) => rows[index]), indexes };
}

/** "nominees.1.email" of the filtered rows → "nominees.<original index>.email". */
export function restoreRowIndex(path: string, rowsName: string, indexes: readonly number[]): string {
  const [head, index, ...rest] = path.split(".");
  if (head !== rowsName || index === undefined || !/^\d+$/.test(index)) return path;
  return [head, String(indexes[Number(index)] ?? index), ...rest].join(".");
}

/** Zod's issues as one message per field (the first), keyed by dotted path; issues about the whole form go to formError. */
export function zodFieldErrors(error: z.ZodError): { fieldErrors: FieldErrors; formError?: string } {
  const fieldErrors: FieldErrors = {};
  let formError: string | undefined;
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    if (!path) formError ??= issue.message;
    else fieldErrors[path] ??= issue.message;
  }
  return formError ? { fieldErrors, formError } : { fieldErrors };
}

/**
 * Parses a form's values with its schema, ignoring blank rows of `rowsName`
 * and reporting row errors at the rows the user sees.
 */
export function parseForm<T extends z.ZodType>(
  schema: T,
  values: Record<string, unknown>,
  rowsName?: string,
): { ok: true; data: z.output<T> } | { ok: false; fieldErrors: FieldErrors; formError?: string } {
  let input = values;
  let indexes: number[] = [];
  if (rowsName && Array.isArray(values[rowsName])) {
    const filtered = withoutBlankRows(values[rowsName] as Record<string, unknown>[]);
    input = { ...values, [rowsName]: filtered.rows };
    indexes = filtered.indexes;
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const { fieldErrors, formError } = zodFieldErrors(parsed.error);
  const restored = rowsName
    ? Object.fromEntries(Object.entries(fieldErrors).map(([path, message]) => [restoreRowIndex(path, rowsName, indexes), message]))
    : fieldErrors;
  return formError ? { ok: false, fieldErrors: restored, formError } : { ok: false, fieldErrors: restored };
}
