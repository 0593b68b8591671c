import { CheckboxField } from "@/components/forms/fields";
import { bindField, type FieldKit } from "@/components/forms/field-kit";
import { formatIsoCalendarDate } from "@/lib/format/dates";

type ConsentFieldsProps = { kit: FieldKit; privacyVersion: string };

/** The privacy notice (required, its version recorded) and the separate, optional consent to future communications. */
export function ConsentFields({ kit, privacyVersion }: ConsentFieldsProps) {
  return (
    <>
      <CheckboxField
        field={bindField(kit, "privacyConsent")}
        defaultChecked={kit.initial("privacyConsent") === true}
        required
        label={
          <>
            Ho letto l&apos;
            <a href="/privacy" target="_blank" rel="noopener">
              informativa sul trattamento dei dati personali<span className="visually-hidden"> (si apre in una nuova scheda)</span>
            </a>{" "}
            (versione del {formatIsoCalendarDate(privacyVersion)})
          </>
        }
      />
      <CommunicationsConsent kit={kit} />
    </>
  );
}

export function CommunicationsConsent({ kit }: { kit: FieldKit }) {
  return (
    <CheckboxField
      field={bindField(kit, "communicationsConsent")}
      defaultChecked={kit.initial("communicationsConsent") === true}
      label="Desidero ricevere le comunicazioni del Coordinamento sulle prossime iniziative (facoltativo)"
      hint="Puoi revocare il consenso in qualsiasi momento dalla pagina della tua iscrizione."
    />
  );
}
