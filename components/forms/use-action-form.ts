"use client";
// A public form's wiring: the server action through useActionState (so the
// form posts and re-renders without JavaScript), and with JavaScript
// react-hook-form validating with the same schema before anything is sent.
import { startTransition, type FormEvent, type MouseEvent, useActionState, useEffect, useRef } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { currentValues, firstErrorPath, IDLE, type FieldErrors, type FormAction, type FormState } from "@/lib/platform/forms/action-state";
import { valueAt, type FieldKit } from "./field-kit";
import { useHydrated } from "./use-hydrated";

/** react-hook-form's nested errors as one message per dotted path. */
export function flattenErrors(errors: unknown, prefix = "", into: FieldErrors = {}): FieldErrors {
  if (!errors || typeof errors !== "object") return into;
  const node = errors as Record<string, unknown>;
  if (prefix && typeof node.message === "string" && node.message) into[prefix] ??= node.message;
  for (const [key, value] of Object.entries(node)) {
    if (key === "ref" || key === "message" || key === "type" || key === "types" || !value || typeof value !== "object") continue;
    flattenErrors(value, key === "root" ? prefix : prefix ? `${prefix}.${key}` : key, into);
  }
  return into;
}

type Options<V extends FieldValues> = {
  action: FormAction<V>;
  initialValues: V;
  resolver: Resolver<V>;
  /** Paths in page order, for focus after a failed submit rendered without JavaScript. */
  fieldOrder: (values: V) => string[];
  /** Turns submitted values into what the fields show (e.g. pads repeated rows). */
  prepare?: (values: V) => V;
  /** The form element's id: field ids and the error summary's links derive from it. */
  formId: string;
  /** After a success, start again from the values the action returned (e.g. clear sent rows). */
  resetOnSuccess?: boolean;
};

export function useActionForm<V extends FieldValues>({ formId, action, initialValues, resolver, fieldOrder, prepare, resetOnSuccess }: Options<V>) {
  const [state, formAction, pending] = useActionState<FormState<V>, FormData>(action, IDLE);
  const toShown = prepare ?? ((values: V) => values);
  const values = toShown(currentValues(state, initialValues));
  const form = useForm<V>({
    defaultValues: values as DefaultValues<V>,
    resolver,
    mode: "onBlur",
    reValidateMode: "onChange",
  });
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const { clearErrors, reset, setError } = form;
  const toShownRef = useRef(toShown);
  useEffect(() => {
    toShownRef.current = toShown;
  });

  // The action answered: its errors join react-hook-form's (so fixing a field
  // clears them) and focus goes to the first field in page order.
  useEffect(() => {
    if (state.status === "success") {
      if (resetOnSuccess) reset(toShownRef.current(state.values));
      summaryRef.current?.focus();
      return;
    }
    if (state.status !== "error") return;
    clearErrors();
    for (const [path, message] of Object.entries(state.fieldErrors)) setError(path as Path<V>, { type: "server", message });
    const first = Array.from(formRef.current?.elements ?? []).find(
      (element): element is HTMLInputElement => "name" in element && Boolean(state.fieldErrors[(element as HTMLInputElement).name]),
    );
    (first ?? summaryRef.current)?.focus();
  }, [state, clearErrors, reset, setError, resetOnSuccess]);

  const errors: FieldErrors = hydrated
    ? flattenErrors(form.formState.errors)
    : state.status === "error"
      ? state.fieldErrors
      : {};
  // Without JavaScript the page is new after each submit: autofocus puts the
  // cursor on the first invalid field, or on the summary when no field is at fault.
  const serverRendered = !hydrated && state.status === "error";
  const autoFocusPath = serverRendered ? firstErrorPath(state.fieldErrors, fieldOrder(values)) : undefined;

  // Validation on blur adds messages that push everything below them down.
  // A click that starts on a button or a label must land there too, so a
  // pointer press does not move focus (and so does not blur and validate)
  // before the click completes. The keyboard is unaffected.
  const onMouseDown = (event: MouseEvent<HTMLFormElement>) => {
    if (event.target instanceof Element && event.target.closest("button, label, a")) event.preventDefault();
  };

  // Valid in the browser: the same FormData a page without JavaScript would post goes to the action.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    void form.handleSubmit(() => startTransition(() => formAction(new FormData(element))))(event);
  };

  // What the form's field groups need, free of the form's value type.
  const kit: FieldKit = {
    formId,
    errors,
    autoFocusPath,
    register: (path, options) => form.register(path as Path<V>, options),
    initial: (path) => valueAt(values, path),
  };

  return {
    formId,
    form,
    kit,
    state,
    values,
    errors,
    pending,
    hydrated,
    formAction,
    formRef,
    summaryRef,
    onSubmit,
    onMouseDown,
    autoFocusPath,
    summaryAutoFocus: serverRendered && !autoFocusPath,
    formError: state.status === "error" && !pending ? state.formError : undefined,
    successMessage: state.status === "success" && !pending ? state.message : undefined,
    successTone: state.status === "success" ? state.tone : undefined,
  };
}
