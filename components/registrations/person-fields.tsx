import { TextField } from "@/components/forms/fields";
import { bindField, initialText, type FieldKit } from "@/components/forms/field-kit";

type PersonFieldsProps = {
  kit: FieldKit;
  /** "edit": no email (it identifies the registration); "invitation": the invitation's email, read-only. */
  email: "editable" | "read-only" | "hidden";
};

/** Name, contact and role of the person registering. */
export function PersonFields({ kit, email }: PersonFieldsProps) {
  return (
    <div className="row">
      <div className="col-md-6">
        <TextField field={bindField(kit, "firstName")} label="Nome" defaultValue={initialText(kit, "firstName")} required autoComplete="given-name" />
      </div>
      <div className="col-md-6">
        <TextField field={bindField(kit, "lastName")} label="Cognome" defaultValue={initialText(kit, "lastName")} required autoComplete="family-name" />
      </div>
      {email !== "hidden" ? (
        <div className="col-md-6">
          <TextField
            field={bindField(kit, "email")}
            label="Email"
            type="email"
            defaultValue={initialText(kit, "email")}
            required
            readOnly={email === "read-only"}
            autoComplete="email"
            hint={
              email === "read-only"
                ? "L'invito è personale: l'iscrizione sarà registrata con questo indirizzo."
                : "Riceverai qui la conferma e il link personale per gestire l'iscrizione."
            }
          />
        </div>
      ) : null}
      <div className="col-md-6">
        <TextField
          field={bindField(kit, "phone")}
          label="Telefono (facoltativo)"
          type="tel"
          defaultValue={initialText(kit, "phone")}
          autoComplete="tel"
          hint="Fisso o cellulare, ad esempio 091 123 4567 o 333 123 4567."
        />
      </div>
      <div className="col-md-6">
        <TextField
          field={bindField(kit, "roleTitle")}
          label="Ruolo o qualifica"
          defaultValue={initialText(kit, "roleTitle")}
          required
          autoComplete="organization-title"
          hint="Ad esempio: Assessore alle politiche sociali, Responsabile del progetto SAI."
        />
      </div>
    </div>
  );
}
