import { render } from "@react-email/render";
import type { EmailAttachment } from "@/lib/platform/email-transport/transport";
import { createElement, type ReactElement } from "react";
import {
  emailTemplateSchemas,
  isEmailTemplateName,
  type EmailTemplateData,
  type EmailTemplateName,
  type EmailTemplateProps,
} from "./schema";
import { InvitationEmail, invitationSubject } from "./templates/invitation";
import { InvitationAnsweredEmail, invitationAnsweredSubject } from "./templates/invitation-answered";
import { PersonalLinkEmail, personalLinkSubject } from "./templates/personal-link";
import { RegistrationCancelledEmail, registrationCancelledSubject } from "./templates/registration-cancelled";
import { RegistrationConfirmedEmail, registrationConfirmedSubject } from "./templates/registration-confirmed";
import { RegistrationPromotedEmail, registrationPromotedSubject } from "./templates/registration-promoted";
import { RegistrationWaitlistedEmail, registrationWaitlistedSubject } from "./templates/registration-waitlisted";
import { SignInLinkEmail, signInLinkSubject } from "./templates/sign-in-link";
import { UserInvitationEmail, userInvitationSubject } from "./templates/user-invitation";
import { CoverageReminderEmail, coverageReminderSubject } from "./templates/coverage-reminder";
import { ConvocationEmail, convocationSubject } from "./templates/convocation";
import { MeetingCancelledEmail, meetingCancelledSubject } from "./templates/meeting-cancelled";
import { ReferentSheetReceivedEmail, referentSheetReceivedSubject } from "./templates/referent-sheet-received";
import { ReferentSheetApprovedEmail, referentSheetApprovedSubject } from "./templates/referent-sheet-approved";
import { ReferentSheetRejectedEmail, referentSheetRejectedSubject } from "./templates/referent-sheet-rejected";
import { ReferentSheetReplacedEmail, referentSheetReplacedSubject } from "./templates/referent-sheet-replaced";
import { ReferentDesignatedEmail, referentDesignatedSubject } from "./templates/referent-designated";
import { MeetingMessageEmail, meetingMessageSubject } from "./templates/meeting-message";
import { CertificateEmail, certificateSubject } from "./templates/certificate";
import { JoinLinkEmail, joinLinkSubject } from "./templates/join-link";
import { patternRegExp, routePatterns, routes } from "@/lib/routes";
import { isWellFormedToken } from "@/lib/platform/security/tokens";


export type RenderedEmail = {
  subject: string;
  html: string;
  text: string;
  attachments?: EmailAttachment[];
  /** Extra header lines the template asks for (List-Unsubscribe). */
  headers?: Record<string, string>;
  /** Addresses in the body that must never reach a log or the console (the join link). */
  privateUrls: string[];
};

/** The stored template or data cannot be rendered: retrying will not help. */
export class EmailTemplateError extends Error {
  override name = "EmailTemplateError";
}

type Template<Name extends EmailTemplateName> = {
  subject: (data: EmailTemplateProps[Name]) => string;
  component: (data: EmailTemplateProps[Name]) => ReactElement;
};

const TEMPLATES: { [Name in EmailTemplateName]: Template<Name> } = {
  "registration-confirmed": { subject: registrationConfirmedSubject, component: RegistrationConfirmedEmail },
  "registration-waitlisted": { subject: registrationWaitlistedSubject, component: RegistrationWaitlistedEmail },
  "registration-promoted": { subject: registrationPromotedSubject, component: RegistrationPromotedEmail },
  "personal-link": { subject: personalLinkSubject, component: PersonalLinkEmail },
  "registration-cancelled": { subject: registrationCancelledSubject, component: RegistrationCancelledEmail },
  invitation: { subject: invitationSubject, component: InvitationEmail },
  "invitation-answered": { subject: invitationAnsweredSubject, component: InvitationAnsweredEmail },
  "sign-in-link": { subject: signInLinkSubject, component: SignInLinkEmail },
  "user-invitation": { subject: userInvitationSubject, component: UserInvitationEmail },
  "coverage-reminder": { subject: coverageReminderSubject, component: CoverageReminderEmail },
  convocation: { subject: convocationSubject, component: ConvocationEmail },
  "meeting-cancelled": { subject: meetingCancelledSubject, component: MeetingCancelledEmail },
  "referent-sheet-received": { subject: referentSheetReceivedSubject, component: ReferentSheetReceivedEmail },
  "referent-sheet-approved": { subject: referentSheetApprovedSubject, component: ReferentSheetApprovedEmail },
  "referent-sheet-rejected": { subject: referentSheetRejectedSubject, component: ReferentSheetRejectedEmail },
  "referent-sheet-replaced": { subject: referentSheetReplacedSubject, component: ReferentSheetReplacedEmail },
  "referent-designated": { subject: referentDesignatedSubject, component: ReferentDesignatedEmail },
  "meeting-message": { subject: meetingMessageSubject, component: MeetingMessageEmail },
  certificate: { subject: certificateSubject, component: CertificateEmail },
  "join-link": { subject: joinLinkSubject, component: JoinLinkEmail },
};

/**
 * The header lines of an email that carries an unsubscribe link (RFC 2369,
 * RFC 8058): the mail client's own "unsubscribe" posts
 * List-Unsubscribe=One-Click to the link's one-click twin, without cookies
 * and without opening a page. The link must be one of ours.
 */
export function listUnsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  const url = new URL(unsubscribeUrl);
  const token = url.pathname.split("/").filter(Boolean).at(-1) ?? "";
  if (!patternRegExp(routePatterns.unsubscribe).test(url.pathname) || !isWellFormedToken(token)) {
    throw new EmailTemplateError("The unsubscribe link is not an unsubscribe page of the portal");
  }
  return {
    "List-Unsubscribe": `<${url.origin}${routes.unsubscribe(token).oneClick()}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

const ICS_ATTACHMENT = { filename: "convocazione.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH" };

export async function renderEmail<Name extends EmailTemplateName>(
  template: Name,
  data: EmailTemplateData[Name],
): Promise<RenderedEmail> {
  return renderStoredEmail(template, data);
}

/**
 * Renders what an EmailMessage row holds. The data is parsed again because it
 * comes back from a JSON column, possibly written by an older release.
 */
export async function renderStoredEmail(template: string, data: unknown): Promise<RenderedEmail> {
  if (!isEmailTemplateName(template)) throw new EmailTemplateError(`Unknown email template "${template}"`);
  const parsed = emailTemplateSchemas[template].safeParse(data);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join(".") || "(root)").join(", ");
    throw new EmailTemplateError(`Invalid data for email template "${template}": ${fields}`);
  }
  // One template at a time: TypeScript cannot correlate the name with its data here.
  const definition = TEMPLATES[template] as unknown as Template<EmailTemplateName>;
  const props = parsed.data as EmailTemplateProps[EmailTemplateName];

  const subject = definition.subject(props).replace(/\s+/g, " ").trim();
  const privateUrls = "joinUrl" in props && props.joinUrl ? [props.joinUrl] : [];
  if (privateUrls.some((url) => subject.includes(url))) {
    throw new EmailTemplateError(`The subject of "${template}" would carry the join link`);
  }

  const element = createElement(definition.component, props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  const ics = "ics" in props ? props.ics : null;
  const unsubscribeUrl = "unsubscribeUrl" in props ? props.unsubscribeUrl : null;
  return {
    subject,
    html,
    text,
    ...(ics ? { attachments: [{ ...ICS_ATTACHMENT, content: ics }] } : {}),
    ...(unsubscribeUrl ? { headers: listUnsubscribeHeaders(unsubscribeUrl) } : {}),
    privateUrls,
  };
}
