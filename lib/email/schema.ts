// What each email template needs, as already formatted strings: templates do
// no database reads and no date formatting, so what was enqueued is exactly
// what is rendered, however late the worker delivers it.
import { z } from "zod";

const text = z.string().trim().min(1);
const link = z.url({ protocol: /^https?$/ });

/** The meeting as every template shows it. */
const meetingFields = {
  /** "Gentile Maria,"; without it the greeting is generic. */
  recipientName: text.nullish(),
  meetingTitle: text,
  /** "giovedì 24 marzo 2022, ore 15:00–17:00" */
  when: text,
  /** "Videoconferenza (Zoom)", "In presenza - Sala Gialla, Via …" */
  where: text,
  /** The public convocation page. */
  meetingUrl: link.nullish(),
};

/**
 * The registrant's personal page (view, edit, cancel). Only the token's hash
 * is stored, so an email caused later (a promotion) may not have it: the
 * templates that must carry it say so with `requirePersonalUrl`.
 */
const personalUrl = link.nullish();

function requirePersonalUrl(data: { personalUrl?: string | null }, context: z.core.$RefinementCtx) {
  if (!data.personalUrl) context.addIssue({ code: "custom", path: ["personalUrl"], message: "personalUrl is required" });
}

/**
 * The meeting's calendar entry (lib/meetings/ics.ts), which never carries the
 * join link. Not trimmed: RFC 5545 wants its final CRLF.
 */
const ics = z.string().startsWith("BEGIN:VCALENDAR");

/**
 * A communication the person may stop (a coverage reminder, a convocation to
 * those who consented): its link (lib/communications createUnsubscribeUrl),
 * a secret of the template. With it the email carries List-Unsubscribe and
 * List-Unsubscribe-Post (RFC 8058, made in ./render) and the layout a visible
 * "Non ricevere più queste comunicazioni". Transactional emails have none.
 */
export const unsubscribeFields = { unsubscribeUrl: link.nullish() };

/** Private: only for confirmed registrants, never in a subject or a log line. */
const joinUrl = link.nullish();

export const registrationConfirmedSchema = z
  .object({ ...meetingFields, personalUrl, joinUrl, ics })
  .superRefine(requirePersonalUrl);

export const registrationWaitlistedSchema = z
  .object({
    ...meetingFields,
    personalUrl,
    /** 1 for the first person waiting. */
    waitlistPosition: z.int().positive().nullish(),
    ics: ics.nullish(),
  })
  .superRefine(requirePersonalUrl);

export const registrationPromotedSchema = z.object({ ...meetingFields, personalUrl, joinUrl, ics });

export const personalLinkSchema = z
  .object({ ...meetingFields, personalUrl, status: z.enum(["CONFIRMED", "WAITLISTED"]).nullish() })
  .superRefine(requirePersonalUrl);

export const registrationCancelledSchema = z.object({ ...meetingFields });

export const invitationSchema = z.object({
  ...meetingFields,
  inviterName: text,
  /** "Comune di Palermo"; may be empty when the inviter named no organisation. */
  inviterOrganisation: z.string().trim().nullish(),
  managingBodyName: text,
  /** Where the invitee accepts or declines. */
  invitationUrl: link,
  /** "20 marzo 2022"; the invitation link stops working after it. */
  expiresOn: text.nullish(),
});

/** To the registrant who nominated a gestore: the nominee accepted the invitation or said they cannot come. */
export const invitationAnsweredSchema = z.object({
  ...meetingFields,
  /** "Luca Bianchi" */
  inviteeName: text,
  managingBodyName: text,
  accepted: z.boolean(),
});

/** The magic link of a dashboard sign-in (Auth.js): one use, short-lived. */
export const signInLinkSchema = z.object({
  signInUrl: link,
  /** "giovedì 26 novembre 2026, ore 14:05" */
  expiresAt: text,
});

/** A new dashboard user: who gave the access, with which role, and where to sign in. */
export const userInvitationSchema = z.object({
  recipientName: text.nullish(),
  /** "Coordinatore", as ROLE_LABELS says it. */
  roleLabel: text,
  inviterName: text.nullish(),
  /** The sign-in page (<APP_URL>/accedi): no token, the person asks for a link there. */
  signInUrl: link,
});

/**
 * A coordinator's reminder to the referents of a SAI municipality that has
 * not registered for a meeting yet: register, and nominate the gestori.
 */
export const coverageReminderSchema = z.object({
  ...meetingFields,
  meetingUrl: link,
  /** The municipalities this referent represents that have no registration yet. */
  municipalityNames: z.array(text).min(1),
  /** The meeting's registration form. */
  registrationUrl: link,
  /** "23 marzo 2022, ore 12:00"; registrations close then. */
  closesAt: text.nullish(),
  /** The letter asks municipalities to bring the representatives of their enti gestori. */
  invitesManagingBodies: z.boolean(),
  ...unsubscribeFields,
});

/**
 * The convocation (lib/dispatch): to a Comune by PEC, to a referent or to
 * someone who consented by email. The letter and the blank scheda go as
 * attachments, read by the worker from the dispatch, not from this data.
 * Only those reached because they consented get an unsubscribe link.
 */
export const convocationSchema = z.object({
  ...meetingFields,
  meetingUrl: link,
  /** The letter's Oggetto, without its bold marks: the email's subject. */
  subject: text,
  /** "Al Comune di Monreale" for a PEC, "Gentile Maria" for a person. */
  addressee: text.nullish(),
  /** "Prot. n. 0227/15/03/22" */
  protocol: text.nullish(),
  registrationUrl: link,
  /** "mercoledì 23 marzo 2022, ore 12:00"; registrations close then. */
  closesAt: text.nullish(),
  /** The online scheda referenti. */
  referentSheetUrl: link,
  /** The attached files' names, as the email lists them. */
  attachmentNames: z.array(text).min(1),
  ...unsubscribeFields,
});

/** A coordinator cancelled the meeting: to every confirmed or waitlisted registrant. */
export const meetingCancelledSchema = z.object({
  ...meetingFields,
  /** The coordinator's reason, as shown on the public page. */
  reason: z.string().trim().nullish(),
});

/** The officer who sent a scheda referenti: it arrived and will be checked. */
export const referentSheetReceivedSchema = z.object({
  recipientName: text.nullish(),
  municipalityName: text,
  /** The referents as listed on the scheda: "Maria Rossi", "referente tecnico", "Ufficio servizi sociali". */
  referents: z.array(z.object({ name: text, role: text, office: text.nullish(), email: text })).min(1),
  /** A scheda still waiting was replaced by this one. */
  resubmitted: z.boolean(),
  /** The public scheda, to correct it. */
  sheetUrl: link,
});

/** The officer who sent a scheda referenti: a coordinator approved it, and these referents are now the Comune's. */
export const referentSheetApprovedSchema = z.object({
  recipientName: text.nullish(),
  municipalityName: text,
  /** "Maria Rossi", "referente tecnico", "Ufficio servizi sociali", in the scheda's order. */
  referents: z.array(z.object({ name: text, role: text, office: text.nullish() })).min(1),
  /** The public scheda, to send a new one when the referents change. */
  sheetUrl: link,
});

/** The officer who sent a scheda referenti: a coordinator rejected it, with the reason. */
export const referentSheetRejectedSchema = z.object({
  recipientName: text.nullish(),
  municipalityName: text,
  reason: text,
  /** The public scheda, to fill it in again. */
  sheetUrl: link,
});

/**
 * The officer of a scheda still waiting: someone else sent a new one for the
 * same Comune, which replaced theirs. They can check and send theirs again.
 */
export const referentSheetReplacedSchema = z.object({
  recipientName: text.nullish(),
  municipalityName: text,
  /** Who sent the new one, as they signed it: "Mario Bianchi (Segretario comunale)". */
  replacedBy: text,
  sheetUrl: link,
});

/** A person designated as a municipality's referent for the Coordinamento. */
export const referentDesignatedSchema = z.object({
  recipientName: text.nullish(),
  municipalityName: text,
  /** "referente tecnico" */
  roleLabel: text,
  office: text.nullish(),
  /** The portal's home page: the convocations and what the Coordinamento is. */
  siteUrl: link,
  /** The Coordinamento's mailbox. */
  contactEmail: z.email(),
});

/**
 * A coordinator's message about a meeting (a reminder before it, thanks and
 * materials after it): subject and Markdown body as written, placeholders
 * already filled for this recipient. Never the join link (unless pasted).
 */
export const meetingMessageSchema = z.object({
  ...meetingFields,
  subject: text,
  /** Markdown, rendered without raw HTML. */
  body: text,
  /** Why this person receives it, said in the footer. */
  audience: z.enum(["CONFIRMED", "WAITLISTED", "PRESENT", "ABSENT"]),
  /**
   * Never added by the portal: set only when the coordinator pasted the
   * meeting's join link into the text, so the log and console redact it.
   */
  joinUrl,
});

/** An attestato di partecipazione: the link to download it by its code, and where anyone can verify it. */
export const certificateSchema = z.object({
  ...meetingFields,
  /** Minutes of presence the attestato certifies. */
  minutes: z.int().positive(),
  /** "K7QF-2M9X-4HNC-8RTA-ZP3W": only its hash is stored, so this email is the one place it is written. */
  code: text,
  downloadUrl: link,
  verifyUrl: link,
  /** A new code replacing an earlier one, which no longer verifies. */
  replacesPrevious: z.boolean(),
});

/**
 * The videoconference link, sent before the meeting to every confirmed
 * registrant (lib/join-link), or again when the link changed. The personal
 * page's token is not stored, so the email links the public convocation page.
 */
export const joinLinkSchema = z.object({
  ...meetingFields,
  meetingUrl: link,
  joinUrl: link,
  /** The link changed after an earlier email: "Link aggiornato". */
  updated: z.boolean(),
});

export const emailTemplateSchemas = {
  "registration-confirmed": registrationConfirmedSchema,
  "registration-waitlisted": registrationWaitlistedSchema,
  "registration-promoted": registrationPromotedSchema,
  "personal-link": personalLinkSchema,
  "registration-cancelled": registrationCancelledSchema,
  invitation: invitationSchema,
  "invitation-answered": invitationAnsweredSchema,
  "sign-in-link": signInLinkSchema,
  "user-invitation": userInvitationSchema,
  "coverage-reminder": coverageReminderSchema,
  convocation: convocationSchema,
  "meeting-cancelled": meetingCancelledSchema,
  "referent-sheet-received": referentSheetReceivedSchema,
  "referent-sheet-replaced": referentSheetReplacedSchema,
  "referent-sheet-approved": referentSheetApprovedSchema,
  "referent-sheet-rejected": referentSheetRejectedSchema,
  "referent-designated": referentDesignatedSchema,
  "meeting-message": meetingMessageSchema,
  certificate: certificateSchema,
  "join-link": joinLinkSchema,
} as const;

export type EmailTemplateName = keyof typeof emailTemplateSchemas;

export type EmailTemplateData = {
  [Name in EmailTemplateName]: z.input<(typeof emailTemplateSchemas)[Name]>;
};

/** What a template component receives: the data after parsing (trimmed, defaults applied). */
export type EmailTemplateProps = {
  [Name in EmailTemplateName]: z.output<(typeof emailTemplateSchemas)[Name]>;
};

export type RegistrationConfirmedData = EmailTemplateData["registration-confirmed"];
export type RegistrationWaitlistedData = EmailTemplateData["registration-waitlisted"];
export type RegistrationPromotedData = EmailTemplateData["registration-promoted"];
export type PersonalLinkData = EmailTemplateData["personal-link"];
export type RegistrationCancelledData = EmailTemplateData["registration-cancelled"];
export type InvitationData = EmailTemplateData["invitation"];
export type CoverageReminderData = EmailTemplateData["coverage-reminder"];
export type ConvocationData = EmailTemplateData["convocation"];
export type JoinLinkData = EmailTemplateData["join-link"];

export function isEmailTemplateName(value: string): value is EmailTemplateName {
  return Object.hasOwn(emailTemplateSchemas, value);
}
