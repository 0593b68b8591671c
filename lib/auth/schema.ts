import { z } from "zod";
import { emailField } from "@/lib/platform/forms/fields";
import { formOf, type FormValues } from "@/lib/platform/forms/form-data";

export const signInSchema = z.object({ email: emailField });
export const signInForm = formOf(signInSchema);
export type SignInRaw = FormValues<typeof signInForm>;
