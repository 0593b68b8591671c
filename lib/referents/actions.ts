"use server";
// The coordinators' operations on referents and schede. Each reads the form
// (pure), then goes through the guard before anything else: an observer or
// an expired session is refused with nothing read or written.
import { runDashboardAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { parseForm, readForm } from "@/lib/platform/forms/form-data";
import { REFERENT_MESSAGES } from "./messages";
import { addReferent, revokeReferent, updateReferent } from "./mutations";
import {
  addReferentForm,
  addReferentSchema,
  referentIdSchema,
  revokeReferentForm,
  revokeReferentSchema,
  updateReferentForm,
  updateReferentSchema,
  type AddReferentRaw,
  type RevokeReferentRaw,
  type UpdateReferentRaw,
} from "./schema";
import { approveSheetForm, rejectSheetForm, type ApproveSheetRaw, type RejectSheetRaw } from "./sheets/form-fields";
import { approvedMessage, REVIEW_MESSAGES } from "./sheets/messages";
import { approveReferentSheet, rejectReferentSheet } from "./sheets/mutations";
import { rejectSheetSchema, sheetIdSchema, submissionsSchema } from "./sheets/schema";
import { routes } from "@/lib/routes";

const LIST_PATH = routes.dashboard.referents();
const sheetPath = routes.dashboard.referentSheet;
const referentPath = routes.dashboard.referent;

/** Bound with the scheda's id and the submission the coordinator is looking at (ReferentSheet.submissions). */
export async function approveSheetAction(
  sheetId: string,
  seenSubmissions: number,
  _state: FormState<ApproveSheetRaw>,
  formData: FormData,
): Promise<FormState<ApproveSheetRaw>> {
  const values = readForm(formData, approveSheetForm);
  return runDashboardAction("approve-referent-sheet", "write", values, async (user) => {
    const id = sheetIdSchema.safeParse(sheetId);
    if (!id.success) return errorState(values, {}, REVIEW_MESSAGES.NOT_FOUND);
    const seen = submissionsSchema.safeParse(seenSubmissions);
    if (!seen.success) return errorState(values, {}, REVIEW_MESSAGES.CHANGED);
    const result = await approveReferentSheet(db(), { actor: user, sheetId: id.data, seenSubmissions: seen.data });
    if (!result.ok) return errorState(values, {}, REVIEW_MESSAGES[result.reason]);
    return { status: "success", message: approvedMessage(result.activated, result.revoked), values, revalidate: [LIST_PATH, sheetPath(id.data)] };
  });
}

export async function rejectSheetAction(
  sheetId: string,
  seenSubmissions: number,
  _state: FormState<RejectSheetRaw>,
  formData: FormData,
): Promise<FormState<RejectSheetRaw>> {
  const values = readForm(formData, rejectSheetForm);
  return runDashboardAction("reject-referent-sheet", "write", values, async (user) => {
    const id = sheetIdSchema.safeParse(sheetId);
    if (!id.success) return errorState(values, {}, REVIEW_MESSAGES.NOT_FOUND);
    const parsed = parseForm(rejectSheetSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const seen = submissionsSchema.safeParse(seenSubmissions);
    if (!seen.success) return errorState(values, {}, REVIEW_MESSAGES.CHANGED);
    const result = await rejectReferentSheet(db(), { actor: user, sheetId: id.data, seenSubmissions: seen.data, reason: parsed.data.reason });
    if (!result.ok) {
      if (result.reason === "REASON_REQUIRED") return errorState(values, { reason: REVIEW_MESSAGES.REASON_REQUIRED });
      return errorState(values, {}, REVIEW_MESSAGES[result.reason]);
    }
    return {
      status: "success",
      message: "Scheda respinta: abbiamo inviato il motivo a chi l'ha compilata.",
      values,
      revalidate: [LIST_PATH, sheetPath(id.data)],
    };
  });
}

export async function addReferentAction(_state: FormState<AddReferentRaw>, formData: FormData): Promise<FormState<AddReferentRaw>> {
  const values = readForm(formData, addReferentForm);
  return runDashboardAction("add-referent", "write", values, async (user) => {
    const parsed = parseForm(addReferentSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const result = await addReferent(db(), { actor: user, ...parsed.data });
    if (!result.ok) {
      const field = result.reason === "ALREADY_ACTIVE" ? "email" : "municipalityId";
      return errorState(values, { [field]: REFERENT_MESSAGES[result.reason] });
    }
    const name = `${parsed.data.firstName} ${parsed.data.lastName}`;
    const message = result.reactivated
      ? `${name} è di nuovo referente attivo del Comune: gli abbiamo scritto.`
      : `${name} è ora referente del Comune: gli abbiamo scritto.`;
    return {
      status: "success",
      message,
      values: { municipalityId: "", firstName: "", lastName: "", email: "", phone: "", role: "", office: "" },
      revalidate: [LIST_PATH, referentPath(result.referentId)],
    };
  });
}

export async function updateReferentAction(referentId: string, _state: FormState<UpdateReferentRaw>, formData: FormData): Promise<FormState<UpdateReferentRaw>> {
  const values = readForm(formData, updateReferentForm);
  return runDashboardAction("update-referent", "write", values, async (user) => {
    const id = referentIdSchema.safeParse(referentId);
    if (!id.success) return errorState(values, {}, REFERENT_MESSAGES.NOT_FOUND);
    const parsed = parseForm(updateReferentSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const result = await updateReferent(db(), { actor: user, referentId: id.data, ...parsed.data });
    if (!result.ok) return errorState(values, {}, REFERENT_MESSAGES[result.reason]);
    const message = result.changed ? "Modifiche salvate." : "Nessuna modifica da salvare.";
    return { status: "success", message, values, revalidate: [LIST_PATH, referentPath(id.data)] };
  });
}

export async function revokeReferentAction(referentId: string, _state: FormState<RevokeReferentRaw>, formData: FormData): Promise<FormState<RevokeReferentRaw>> {
  const values = readForm(formData, revokeReferentForm);
  return runDashboardAction("revoke-referent", "write", values, async (user) => {
    const id = referentIdSchema.safeParse(referentId);
    if (!id.success) return errorState(values, {}, REFERENT_MESSAGES.NOT_FOUND);
    const parsed = parseForm(revokeReferentSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const result = await revokeReferent(db(), { actor: user, referentId: id.data, reason: parsed.data.reason });
    if (!result.ok) return errorState(values, {}, REFERENT_MESSAGES[result.reason]);
    return { status: "success", message: "Referente revocato.", values: { reason: "" }, revalidate: [LIST_PATH, referentPath(id.data)] };
  });
}
