import { Heading, Text } from "@react-email/components";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, headingStyle, Signature } from "./parts";

type Props = EmailTemplateProps["user-invitation"];

export function userInvitationSubject(): string {
  return "Il tuo accesso all'area riservata di Convoca";
}

export function UserInvitationEmail(data: Props) {
  return (
    <EmailLayout preview="Ora puoi accedere all'area riservata del Coordinamento dei Comuni SAI.">
      <Heading as="h1" style={headingStyle}>Ti diamo il benvenuto nell&apos;area riservata</Heading>
      <Text>{data.recipientName ? `Gentile ${data.recipientName},` : "Buongiorno,"}</Text>
      <Text>
        {data.inviterName ? `${data.inviterName} ti ha dato` : "ti è stato dato"} accesso all&apos;area riservata di
        Convoca, il portale delle convocazioni del Coordinamento dei Comuni siciliani aderenti al SAI, con il profilo{" "}
        <strong>{data.roleLabel}</strong>.
      </Text>
      <Text>
        Da ora puoi accedere con questo indirizzo email: apri la pagina di accesso, inserisci l&apos;indirizzo e ti
        invieremo un link che vale una sola volta. Non servono password.
      </Text>
      <ActionLink href={data.signInUrl} label="Vai alla pagina di accesso" />
      <Text>Se non ti aspettavi questo messaggio, puoi ignorarlo oppure rispondere per segnalarcelo.</Text>
      <Signature />
    </EmailLayout>
  );
}
