import type { ComponentProps } from "react";
import { TextField } from "@/components/forms/fields";

/** The convocation editor's inputs: the shared TextField, never autofilled (a letter is not a person's details). */
export function InputField(props: Omit<ComponentProps<typeof TextField>, "autoComplete">) {
  return <TextField {...props} autoComplete="off" />;
}
