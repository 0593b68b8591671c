import { TextField } from "@/components/forms/fields";
import { bindField, initialText, type FieldKit } from "@/components/forms/field-kit";

type PersonFieldsProps = {
  kit: FieldKit;
  /** "edit": no email (it identifies the registration); "invitation": the invitation's email, read-only. */
  email: "editable" | "read-only" | "hidden";
  /** A coordinator types them for someone else: hints speak of "la persona", and the browser offers none of the coordinator's own details. */
  onBehalf?: boolean;
};

const WORDING = {
  self: {
    emailHint: "Riceverai qui la conferma e il link personale per gestire l'iscrizione.",
    roleTitleHint: "Ad esempio: Assessore alle politiche sociali, Responsabile del progetto SAI.",
  },
  onBehalf: {
    emailHint: "La persona riceverà qui la conferma e il link personale per gestire l'iscrizione.",
    roleTitleHint: undefined,
  },
};

/** Name, contact and role of the person registering. */
export function PersonFields({ kit, email, onBehalf = false }: PersonFieldsProps) {
  const wording = onBehalf ? WORDING.onBehalf : WORDING.self;
  const autoComplete = (token: string) => (onBehalf ? "off" : token);
  return (
    <div className="row">
      <div className="col-md-6">
        <TextField field={bindField(kit, "firstName")} label="Nome" defaultValue={initialText(kit, "firstName")} required autoComplete={autoComplete("given-name")} />
      </div>
      <div className="col-md-6">
        <TextField field={bindField(kit, "lastName")} label="Cognome" defaultValue={initialText(kit, "lastName")} required autoComplete={autoComplete("family-name")} />
      </div>
      {email === "read-only" ? (
        <div className="col-md-6">
          <FixedEmail kit={kit} />
        </div>
      ) : null}
      {email === "editable" ? (
        <div className="col-md-6">
          <TextField
            field={bindField(kit, "email")}
            label="Email"
            type="email"
            defaultValue={initialText(kit, "email")}
            required
            autoComplete={autoComplete("email")}
            hint={wording.emailHint}
          />
        </div>
      ) : null}
      <div className="col-md-6">
        <TextField
          field={bindField(kit, "phone")}
          label="Telefono (facoltativo)"
          type="tel"
          defaultValue={initialText(kit, "phone")}
          autoComplete={autoComplete("tel")}
          hint="Fisso o cellulare, ad esempio 091 123 4567 o 333 123 4567."
        />
      </div>
      <div className="col-md-6">
        <TextField
          field={bindField(kit, "roleTitle")}
          label="Ruolo o qualifica"
          defaultValue={initialText(kit, "roleTitle")}
          required
          autoComplete={autoComplete("organization-title")}
          hint={wording.roleTitleHint}
        />
      </div>
    </div>
  );
}

/**
 * The invitation's address, shown as text: it cannot be changed, so it does
 * not look like a field. It is posted along for the client-side check; the
 * server takes the invitation's own address whatever arrives.
 */
function FixedEmail({ kit }: { kit: FieldKit }) {
  const address = initialText(kit, "email");
  return (
    <div className="mb-4">
      <dl className="mb-1">
        <dt className="small fw-semibold">Email</dt>
        <dd className="mb-0 text-break">{address}</dd>
      </dl>
      <p className="form-text small mb-0">L&apos;invito è personale: l&apos;iscrizione sarà registrata con questo indirizzo.</p>
      <input type="hidden" defaultValue={address} {...bindField(kit, "email").registration} />
    </div>
  );
}
