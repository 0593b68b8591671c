import type { Metadata } from "next";
import Link from "next/link";
import { ManagingBodyForm } from "@/components/managing-bodies/managing-body-form";
import { guardPage } from "@/lib/auth/guard";
import { createManagingBodyAction } from "@/lib/managing-bodies/actions";
import { MANAGING_BODIES_PATH } from "@/lib/managing-bodies/messages";
import { EMPTY_MANAGING_BODY } from "@/lib/managing-bodies/schema";

export const metadata: Metadata = { title: "Nuovo ente gestore" };

export default async function NewManagingBodyPage() {
  await guardPage("write");
  return (
    <>
      <p>
        <Link href={MANAGING_BODIES_PATH}>Enti gestori</Link>
      </p>
      <h1>Nuovo ente gestore</h1>
      <p className="lead">Dopo averlo creato potrai aggiungere i suoi progetti SAI. I campi con * sono obbligatori.</p>
      <ManagingBodyForm action={createManagingBodyAction} initialValues={EMPTY_MANAGING_BODY} formId="nuovo-ente" submitLabel="Crea l'ente gestore" />
    </>
  );
}
