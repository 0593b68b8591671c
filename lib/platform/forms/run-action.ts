import "server-only";
import { revalidatePath } from "next/cache";
import { notFound, redirect, RedirectType, unstable_rethrow } from "next/navigation";
import { errorState, GENERIC_ERROR, type FormState } from "./action-state";
import { cameWithoutForm } from "./form-data";
import { describeError, logError } from "@/lib/platform/logging/log";

/** What an action's body decides; navigation and revalidation happen after it, outside any try/catch. */
export type ActionOutcome<Values> =
  | (FormState<Values> & { revalidate?: string[] })
  | { status: "redirect"; to: string; revalidate?: string[] };

/**
 * Runs a public form action's body. An unexpected error becomes a generic
 * Italian message (the form keeps what was typed) and one log line naming
 * the action; then paths are revalidated and a redirect, if any, is thrown —
 * after the try/catch, where Next expects it.
 */
export async function runFormAction<Values>(
  name: string,
  values: Values,
  body: () => Promise<ActionOutcome<Values>>,
): Promise<FormState<Values>> {
  if (cameWithoutForm(values)) notFound();
  let outcome: ActionOutcome<Values>;
  try {
    outcome = await body();
  } catch (error) {
    unstable_rethrow(error);
    logError`[form action] ${name} failed: ${describeError(error)}`;
    return errorState(values, {}, GENERIC_ERROR);
  }
  for (const path of outcome.revalidate ?? []) revalidatePath(path);
  if (outcome.status === "redirect") redirect(outcome.to, RedirectType.replace);
  const state = { ...outcome };
  delete state.revalidate;
  return state;
}
