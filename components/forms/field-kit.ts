import type { UseFormRegisterReturn } from "react-hook-form";
import { fieldId, type FieldErrors } from "@/lib/platform/forms/action-state";

/** What a group of fields needs from its form, free of the form's value type. */
export type FieldKit = {
  formId: string;
  errors: FieldErrors;
  autoFocusPath?: string;
  register: (path: string, options?: { shouldUnregister?: boolean }) => UseFormRegisterReturn;
  /** The value a field starts from: what the user last submitted, or the form's initial value. */
  initial: (path: string) => unknown;
};

export type FieldBinding = {
  id: string;
  error?: string;
  autoFocus?: boolean;
  registration: UseFormRegisterReturn;
};

export function bindField(kit: FieldKit, path: string, options?: { shouldUnregister?: boolean }): FieldBinding {
  return {
    id: fieldId(kit.formId, path),
    error: kit.errors[path],
    autoFocus: kit.autoFocusPath === path || undefined,
    registration: kit.register(path, options),
  };
}

export function initialText(kit: FieldKit, path: string): string {
  const value = kit.initial(path);
  return typeof value === "string" ? value : "";
}

/** Reads "nominees.1.email" out of nested values. */
export function valueAt(values: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), values);
}
