import { z } from "zod";
import { defineForm, type FormValues } from "@/lib/forms/form-data";
import { emailField } from "@/lib/registrations/schema";

export const signInForm = defineForm({ text: ["email"] });
export type SignInRaw = FormValues<typeof signInForm>;

export const signInSchema = z.object({ email: emailField });
