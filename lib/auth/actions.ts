"use server";
// Signing in and out. Public by nature (they are how a session starts and
// ends), so the guard's enumeration test lists them as such.
import { headers } from "next/headers";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { parseForm, readForm } from "@/lib/platform/forms/form-data";
import { withSignInRequest } from "@/lib/platform/rate-limit/sign-in";
import { runFormAction } from "@/lib/platform/forms/run-action";
import { routes } from "@/lib/routes";
import { signIn, signOut } from "./auth";
import { safeCallbackPath } from "./guard";
import { signInForm, signInSchema, type SignInRaw } from "./schema";

export async function requestSignInAction(
  callbackUrl: string,
  _state: FormState<SignInRaw>,
  formData: FormData,
): Promise<FormState<SignInRaw>> {
  const values = readForm(formData, signInForm);
  return runFormAction("sign-in", values, async () => {
    const parsed = parseForm(signInSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    // Throws Next's redirect to the "check your email" page, for unknown addresses and
    // requests over the sign-in limits too (runFormAction lets a redirect through).
    const email = parsed.data.email;
    await withSignInRequest(await headers(), () => signIn("email", { email, redirectTo: safeCallbackPath(callbackUrl) }));
    return { status: "success", message: "", values };
  });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: `${routes.signIn()}?uscita=1` });
}
