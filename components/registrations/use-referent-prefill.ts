"use client";
import { useRef, useState } from "react";
import type { FieldPath, UseFormReturn } from "react-hook-form";
import type { RegistrationFormRaw } from "@/lib/registrations/form-fields";
import { emailField } from "@/lib/platform/forms/fields";
import type { KnownReferent } from "@/lib/registrations/link-up/known";

export type LookupReferent = (input: { email: string }) => Promise<KnownReferent | null>;

type Form = UseFormReturn<RegistrationFormRaw>;

/** Fills each field still empty with the referent's value; what the user typed stays. Says whether it filled anything. */
function fillEmptyFields(form: Form, known: KnownReferent): boolean {
  let filled = false;
  const fill = (path: FieldPath<RegistrationFormRaw>, value: string) => {
    const current = form.getValues(path);
    if ((typeof current === "string" && current.trim() !== "") || !value) return;
    form.setValue(path, value, { shouldDirty: true, shouldValidate: Boolean(form.getFieldState(path).error) });
    filled = true;
  };
  fill("firstName", known.firstName);
  fill("lastName", known.lastName);
  fill("roleTitle", known.roleTitle);
  const type = form.getValues("organisationType");
  if (!type || type === "COMUNE") {
    // The Comune first: the select appears with the type and starts from the value set.
    fill("municipalityId", known.municipalityId);
    fill("organisationType", "COMUNE");
  }
  return filled;
}

/**
 * Once the registrant has given their email, asks whether it is a Comune's
 * active referent and pre-fills what is still empty, announcing it politely.
 * Each address is asked once; an answer for an address no longer in the field
 * is dropped.
 */
export function useReferentPrefill(form: Form, lookup: LookupReferent | undefined) {
  const [announcement, setAnnouncement] = useState("");
  const asked = useRef<string | null>(null);

  async function onEmailGiven(value: string) {
    const parsed = emailField.safeParse(value);
    if (!lookup || !parsed.success || parsed.data === asked.current) return;
    const email = parsed.data;
    asked.current = email;
    let known: KnownReferent | null;
    try {
      known = await lookup({ email });
    } catch {
      return;
    }
    if (!known || emailField.safeParse(form.getValues("email")).data !== email) return;
    if (fillEmptyFields(form, known)) {
      setAnnouncement(`Abbiamo precompilato i dati del referente del Comune di ${known.municipalityName}: verificali prima di inviare.`);
    }
  }

  return { announcement, onEmailGiven };
}
