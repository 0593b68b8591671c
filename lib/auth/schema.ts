import { z } from "zod";
import { emailField } from "@/lib/platform/forms/fields";
import { defineForm, type FormValues } from "@/lib/platform/forms/form-data";

export const signInForm = defineForm({ text: ["email"] });
export type SignInRaw = FormValues<typeof signInForm>;

export const signInSchema = z.object({ email: emailField });
