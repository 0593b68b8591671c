import { CheckboxField } from "@/components/forms/fields";
import { bindField, type FieldKit } from "@/components/forms/field-kit";
import { PrivacyConsentField } from "@/components/forms/privacy-consent-field";

type ConsentFieldsProps = {
  kit: FieldKit;
  privacyVersion: string;
  /** A coordinator records what the person said: the texts speak of the person, not for them. */
  onBehalf?: boolean;
};

const WORDING = {
  self: {
    privacy: "Ho letto",
    communications: "Desidero ricevere le comunicazioni del Coordinamento sulle prossime iniziative (facoltativo)",
    communicationsHint: "Puoi revocare il consenso in qualsiasi momento dalla pagina della tua iscrizione.",
  },
  onBehalf: {
    privacy: "La persona ha ricevuto",
    communications: "La persona ha chiesto di ricevere le comunicazioni del Coordinamento sulle prossime iniziative (facoltativo)",
    communicationsHint: "Spunta solo se la persona lo ha chiesto espressamente: potrà revocare il consenso dalla pagina della sua iscrizione.",
  },
};

/** The privacy notice (required, its version recorded) and the separate, optional consent to future communications. */
export function ConsentFields({ kit, privacyVersion, onBehalf = false }: ConsentFieldsProps) {
  const wording = onBehalf ? WORDING.onBehalf : WORDING.self;
  return (
    <>
      <PrivacyConsentField kit={kit} privacyVersion={privacyVersion} lead={wording.privacy} />
      <CommunicationsConsent kit={kit} onBehalf={onBehalf} />
    </>
  );
}

export function CommunicationsConsent({ kit, onBehalf = false }: { kit: FieldKit; onBehalf?: boolean }) {
  const wording = onBehalf ? WORDING.onBehalf : WORDING.self;
  return (
    <CheckboxField
      field={bindField(kit, "communicationsConsent")}
      defaultChecked={kit.initial("communicationsConsent") === true}
      label={wording.communications}
      hint={wording.communicationsHint}
    />
  );
}
