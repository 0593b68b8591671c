// The JSON face of registration: same schema, same service as the form.
import type { z } from "zod";
import type { RegisterFailure } from "./mutations";
import { MEETING_NOT_FOUND } from "@/lib/meetings/labels";

export type ApiError = {
  ok: false;
  error: "INVALID_JSON" | "UNSUPPORTED_MEDIA_TYPE" | "VALIDATION" | "RATE_LIMITED" | "SPAM" | "INTERNAL" | RegisterFailure;
  message: string;
  fieldErrors?: Record<string, string>;
};

export const FAILURE_STATUS: Record<RegisterFailure, { status: number; message: string }> = {
  MEETING_NOT_FOUND: { status: 404, message: MEETING_NOT_FOUND },
  REGISTRATION_NOT_OPEN: { status: 409, message: "Le iscrizioni non sono ancora aperte." },
  REGISTRATION_CLOSED: { status: 409, message: "Le iscrizioni sono chiuse." },
  MEETING_CANCELLED: { status: 409, message: "La convocazione è stata annullata." },
  ALREADY_REGISTERED: {
    status: 409,
    message: "Questo indirizzo risulta già iscritto: il link personale è stato inviato di nuovo per email.",
  },
  UNKNOWN_MUNICIPALITY: { status: 422, message: "Comune non riconosciuto." },
  ALREADY_ANSWERED: { status: 409, message: "L'invito ha già ricevuto una risposta." },
};

/** zod issues as { "nominees.0.email": "message" }, the first message per field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}
