import { Heading, Text } from "@react-email/components";
import type { EmailTemplateProps } from "../schema";
import { EmailLayout } from "./layout";
import { ActionLink, headingStyle, Signature } from "./parts";

type Props = EmailTemplateProps["sign-in-link"];

export function signInLinkSubject(): string {
  return "Accesso all'area riservata di Convoca";
}

export function SignInLinkEmail(data: Props) {
  return (
    <EmailLayout preview="Il link per accedere all'area riservata dei coordinatori.">
      <Heading as="h1" style={headingStyle}>Accedi all&apos;area riservata</Heading>
      <Text>Buongiorno,</Text>
      <Text>
        hai chiesto di accedere all&apos;area riservata di Convoca. Usa il pulsante qui sotto: il link vale una sola
        volta, fino a {data.expiresAt}.
      </Text>
      <ActionLink href={data.signInUrl} label="Accedi a Convoca" />
      <Text>Se non hai chiesto tu di accedere, ignora questo messaggio: senza il link nessuno può entrare al tuo posto.</Text>
      <Signature />
    </EmailLayout>
  );
}
