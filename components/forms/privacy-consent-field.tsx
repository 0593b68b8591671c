import { bindField, type FieldKit } from "./field-kit";
import { CheckboxField } from "./fields";
import { formatIsoCalendarDate } from "@/lib/platform/format/dates";
import { routes } from "@/lib/routes";

type PrivacyConsentFieldProps = {
  kit: FieldKit;
  privacyVersion: string;
  /** Who read the notice: "Ho letto", "La persona ha ricevuto". */
  lead?: string;
  /** What follows the notice's name and version in the label. */
  tail?: string;
};

/**
 * The required privacy consent. The link to the notice sits beside the
 * label, not inside it: a click on the label's words ticks the box, and only
 * the link opens the notice (in a new tab).
 */
export function PrivacyConsentField({ kit, privacyVersion, lead = "Ho letto", tail = "" }: PrivacyConsentFieldProps) {
  return (
    <CheckboxField
      field={bindField(kit, "privacyConsent")}
      defaultChecked={kit.initial("privacyConsent") === true}
      required
      label={`${lead} l'informativa sul trattamento dei dati personali (versione del ${formatIsoCalendarDate(privacyVersion)})${tail}`}
      aside={
        <a href={routes.privacy()} target="_blank" rel="noopener">
          Leggi l&apos;informativa sulla privacy<span className="visually-hidden"> (si apre in una nuova scheda)</span>
        </a>
      }
    />
  );
}
