// The invitations pages' filters (from the URL) and forms. Safe on the client.
import { z } from "zod";
import { cleanString } from "@/lib/platform/forms/fields";
import { defineForm, formOf, type FormValues } from "@/lib/platform/forms/form-data";
import { nomineeSchema } from "@/lib/registrations/schema";

/**
 * Where an invitation stands as the dashboard shows it: an invitation still
 * SENT whose link has run out reads as expired.
 */
export const INVITATION_STATES = ["SENT", "ACCEPTED", "DECLINED", "EXPIRED", "REVOKED"] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

export const INVITATION_STATE_LABELS: Record<InvitationState, string> = {
  SENT: "Inviato, in attesa di risposta",
  ACCEPTED: "Accettato",
  DECLINED: "Declinato",
  EXPIRED: "Scaduto",
  REVOKED: "Revocato",
};

/** Bootstrap Italia badge colours; the label always says the state too. */
export const INVITATION_STATE_BADGES: Record<InvitationState, string> = {
  SENT: "bg-primary",
  ACCEPTED: "bg-success",
  DECLINED: "bg-secondary",
  EXPIRED: "bg-warning",
  REVOKED: "bg-danger",
};

export const INVITATIONS_PAGE_SIZE = 50;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/**
 * The list's filters from searchParams. Anything malformed is ignored rather
 * than refused: a hand-edited URL shows the unfiltered list, never an error.
 */
export const invitationFiltersSchema = z.object({
  state: z.preprocess(first, z.enum(INVITATION_STATES).optional().catch(undefined)),
  meeting: z.preprocess(first, z.uuid().optional().catch(undefined)),
  q: z.preprocess(
    first,
    cleanString()
      .trim()
      .max(100)
      .optional()
      .catch(undefined)
      .transform((value) => value || undefined),
  ),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000).catch(1).default(1)),
});
export type InvitationFilters = z.output<typeof invitationFiltersSchema>;

export function parseInvitationFilters(searchParams: Record<string, string | string[] | undefined>): InvitationFilters {
  return invitationFiltersSchema.parse(searchParams);
}

/** Resend and revoke: a button each, bound to the invitation. */
export const invitationCommandForm = defineForm({ text: [] });
export type InvitationCommandRaw = FormValues<typeof invitationCommandForm>;

/**
 * A coordinator invites a gestore's representative: on behalf of a registrant
 * who asked for it (by phone, by email) — the invitation is theirs — or
 * directly, as the Coordinamento's secretariat, optionally for a municipality.
 * Either way the audit log says who typed it.
 */
const optionalUuid = (message: string) =>
  z
    .string()
    .trim()
    .transform((value) => value || null)
    .pipe(z.uuid({ error: message }).nullable());

/** Who invites comes first on the page, then the nominee's fields. */
export const inviteOnBehalfSchema = z.object({
  registrationId: optionalUuid("Scegli chi invita, tra gli iscritti all'incontro"),
  municipalityId: optionalUuid("Scegli il Comune dall'elenco"),
  ...nomineeSchema.shape,
});
export type InviteOnBehalfInput = z.output<typeof inviteOnBehalfSchema>;

export const inviteOnBehalfForm = formOf(inviteOnBehalfSchema);
export type InviteOnBehalfRaw = FormValues<typeof inviteOnBehalfForm>;
