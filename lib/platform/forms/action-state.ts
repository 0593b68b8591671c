// What a public form's server action returns to useActionState. Safe on the
// client: the form renders errors and refills its fields from it, so a page
// rendered without JavaScript after a failed submit loses nothing typed.

/** Messages keyed by the field's dotted path: "email", "nominees.1.email". */
export type FieldErrors = Record<string, string>;

export type FormState<Values> =
  | { status: "idle" }
  | { status: "error"; fieldErrors: FieldErrors; formError?: string; values: Values }
  | { status: "success"; message: string; values: Values; /** "info": nothing went wrong, nor was anything new done. */ tone?: "info" };

export type FormAction<Values> = (state: FormState<Values>, formData: FormData) => Promise<FormState<Values>>;

/** The honeypot's name: a field people never see, which form-filling bots complete. */
export const HONEYPOT_FIELD = "website";

export const IDLE: { status: "idle" } = { status: "idle" };

export const GENERIC_ERROR = "Si è verificato un errore imprevisto: i dati non sono stati salvati. Riprova tra qualche istante.";

export function errorState<Values>(values: Values, fieldErrors: FieldErrors, formError?: string): FormState<Values> {
  return formError ? { status: "error", fieldErrors, formError, values } : { status: "error", fieldErrors, values };
}

/** The values a form shows: what was last submitted, else its starting values. */
export function currentValues<Values>(state: FormState<Values>, initial: Values): Values {
  return state.status === "idle" ? initial : state.values;
}

/** An element id for a field's path, unique per form: "registrazione-nominees-0-email". */
export function fieldId(formId: string, path: string): string {
  return `${formId}-${path.replaceAll(".", "-")}`;
}

/** The first path of `order` that has an error; falls back to any error. */
export function firstErrorPath(errors: FieldErrors, order: readonly string[]): string | undefined {
  return order.find((path) => errors[path]) ?? Object.keys(errors)[0];
}

/** Errors in the order the fields appear on the page, for the error summary. */
export function orderedErrors(errors: FieldErrors, order: readonly string[]): [string, string][] {
  const rank = (path: string) => {
    const index = order.indexOf(path);
    return index === -1 ? order.length : index;
  };
  return Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b));
}
