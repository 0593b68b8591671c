"use server";
// The attestati page's writes. Guard first: nothing touches the database
// before runDashboardAction has checked the session and the "write" role.
import { runDashboardAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { readForm } from "@/lib/platform/forms/form-data";
import { issueCertificates, reissueCertificate, revokeCertificate, updateCertificateThreshold } from "./mutations";
import {
  bulkForm,
  certificateForm,
  meetingIdSchema,
  registrationIdSchema,
  thresholdForm,
  thresholdSchema,
  type BulkRaw,
  type CertificateRaw,
  type ThresholdRaw,
} from "./schema";
import { plural } from "@/lib/platform/format/plural";
import { routes } from "@/lib/routes";
import { MEETING_NOT_FOUND } from "@/lib/meetings/labels";

const REFUSALS = {
  MEETING_NOT_FOUND,
  MEETING_CANCELLED: "La convocazione è annullata: non si rilasciano attestati.",
  MEETING_NOT_OVER: "L'incontro non è ancora terminato: gli attestati si rilasciano dopo la fine.",
  NOT_ISSUED: "Questa persona non ha un attestato.",
  STALE: "L'attestato è appena cambiato (forse per un'altra operazione): la pagina è aggiornata, controlla e riprova.",
  NOT_ELIGIBLE: "Questa persona non ha più i requisiti per l'attestato: controlla le presenze.",
  ALREADY_REVOKED: "L'attestato era già revocato.",
  ERASED: "I dati di questa persona sono stati cancellati: non si può inviare un attestato.",
} as const;

const SKIP_MESSAGES = {
  NOT_FOUND: "Iscrizione non trovata.",
  NOT_CONFIRMED: "L'iscrizione non è confermata.",
  NOT_ELIGIBLE: "La persona non ha i requisiti per l'attestato.",
  ALREADY_ISSUED: "L'attestato era già stato rilasciato.",
  ERASED: "I dati della persona sono stati cancellati.",
} as const;

const pagePath = (meetingId: string) => routes.dashboard.meeting(meetingId).certificates();

export async function updateCertificateThresholdAction(
  meetingId: string,
  _state: FormState<ThresholdRaw>,
  formData: FormData,
): Promise<FormState<ThresholdRaw>> {
  const values = readForm(formData, thresholdForm);
  return runDashboardAction("update-certificate-threshold", "write", values, async (user) => {
    const id = meetingIdSchema.safeParse(meetingId);
    if (!id.success) return errorState(values, {}, REFUSALS.MEETING_NOT_FOUND);
    const parsed = thresholdSchema.safeParse(values);
    if (!parsed.success) {
      return errorState(values, { certificateMinMinutes: parsed.error.issues[0]?.message ?? "Valore non valido." });
    }
    const result = await updateCertificateThreshold(db(), { actor: user, meetingId: id.data, minutes: parsed.data.certificateMinMinutes });
    if (!result.ok) return errorState(values, {}, REFUSALS[result.reason]);
    const minutes = parsed.data.certificateMinMinutes;
    return {
      status: "success",
      message: result.changed ? `Soglia aggiornata: servono almeno ${plural(minutes, "minuto", "minuti")} di presenza.` : `La soglia era già di ${plural(minutes, "minuto", "minuti")}.`,
      values,
      revalidate: [pagePath(id.data)],
    };
  });
}

export async function issueAllCertificatesAction(meetingId: string, _state: FormState<BulkRaw>, formData: FormData): Promise<FormState<BulkRaw>> {
  const values = readForm(formData, bulkForm);
  return runDashboardAction("issue-all-certificates", "write", values, async (user) => {
    const id = meetingIdSchema.safeParse(meetingId);
    if (!id.success) return errorState(values, {}, REFUSALS.MEETING_NOT_FOUND);
    const result = await issueCertificates(db(), { actor: user, meetingId: id.data });
    if (!result.ok) return errorState(values, {}, REFUSALS[result.reason]);
    const count = result.issued.length;
    return {
      status: "success",
      message:
        count === 0
          ? "Nessun nuovo attestato da rilasciare: chi ne ha i requisiti lo ha già."
          : `${plural(count, "attestato rilasciato: l'email è in invio", "attestati rilasciati: le email sono in invio")}.`,
      values,
      revalidate: [pagePath(id.data)],
    };
  });
}

export async function issueCertificateAction(
  meetingId: string,
  registrationId: string,
  _state: FormState<CertificateRaw>,
  formData: FormData,
): Promise<FormState<CertificateRaw>> {
  const values = readForm(formData, certificateForm);
  return runDashboardAction("issue-certificate", "write", values, async (user) => {
    const id = meetingIdSchema.safeParse(meetingId);
    const registration = registrationIdSchema.safeParse(registrationId);
    if (!id.success || !registration.success) return errorState(values, {}, REFUSALS.MEETING_NOT_FOUND);
    const result = await issueCertificates(db(), { actor: user, meetingId: id.data, registrationIds: [registration.data] });
    if (!result.ok) return errorState(values, {}, REFUSALS[result.reason]);
    const [skipped] = result.skipped;
    if (skipped) return { ...errorState(values, {}, SKIP_MESSAGES[skipped.reason]), revalidate: [pagePath(id.data)] };
    return { status: "success", message: "Attestato rilasciato: l'email è in invio.", values, revalidate: [pagePath(id.data)] };
  });
}

export async function reissueCertificateAction(
  meetingId: string,
  registrationId: string,
  _state: FormState<CertificateRaw>,
  formData: FormData,
): Promise<FormState<CertificateRaw>> {
  const values = readForm(formData, certificateForm);
  return runDashboardAction("reissue-certificate", "write", values, async (user) => {
    const id = meetingIdSchema.safeParse(meetingId);
    const registration = registrationIdSchema.safeParse(registrationId);
    if (!id.success || !registration.success) return errorState(values, {}, REFUSALS.MEETING_NOT_FOUND);
    const result = await reissueCertificate(db(), { actor: user, meetingId: id.data, registrationId: registration.data, version: values.version || null });
    if (!result.ok) return { ...errorState(values, {}, REFUSALS[result.reason]), revalidate: [pagePath(id.data)] };
    return {
      status: "success",
      message: "Nuovo attestato inviato con un nuovo codice: il codice precedente non è più valido.",
      values,
      revalidate: [pagePath(id.data)],
    };
  });
}

export async function revokeCertificateAction(
  meetingId: string,
  registrationId: string,
  _state: FormState<CertificateRaw>,
  formData: FormData,
): Promise<FormState<CertificateRaw>> {
  const values = readForm(formData, certificateForm);
  return runDashboardAction("revoke-certificate", "write", values, async (user) => {
    const id = meetingIdSchema.safeParse(meetingId);
    const registration = registrationIdSchema.safeParse(registrationId);
    if (!id.success || !registration.success) return errorState(values, {}, REFUSALS.MEETING_NOT_FOUND);
    const result = await revokeCertificate(db(), { actor: user, meetingId: id.data, registrationId: registration.data });
    if (!result.ok) return { ...errorState(values, {}, REFUSALS[result.reason]), revalidate: [pagePath(id.data)] };
    return { status: "success", message: "Attestato revocato: la pagina di verifica lo indica come non valido.", values, revalidate: [pagePath(id.data)] };
  });
}
