// The data of the emails a designation causes, built the same way by the
// scheda's approval and by a coordinator adding a referent.
import type { EnqueueEmailInput } from "@/lib/email/mutations";
import type { ReferentRole } from "@/lib/generated/prisma/enums";
import { appOrigin, SITE } from "@/lib/site";
import { REFERENT_ROLE_PHRASES } from "./labels";
import { routes } from "@/lib/routes";

export const SHEET_PATH = routes.referentSheet();

export function sheetUrl(): string {
  return `${appOrigin()}${SHEET_PATH}`;
}

export function designationEmail(input: {
  person: { email: string; firstName: string; lastName: string };
  municipalityName: string;
  role: ReferentRole;
  office: string | null;
}): EnqueueEmailInput<"referent-designated"> {
  const name = `${input.person.firstName} ${input.person.lastName}`;
  return {
    template: "referent-designated",
    toEmail: input.person.email,
    toName: name,
    data: {
      recipientName: name,
      municipalityName: input.municipalityName,
      roleLabel: REFERENT_ROLE_PHRASES[input.role],
      office: input.office,
      siteUrl: `${appOrigin()}/`,
      contactEmail: SITE.contactEmail,
    },
  };
}
