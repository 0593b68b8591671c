"use server";
// User management: inviting, changing a role, taking access away and giving
// it back. Admins only; every refusal of the service comes back as a message.
import { runDashboardAction } from "@/lib/auth/guard";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { parseForm, readForm } from "@/lib/platform/forms/form-data";
import { USER_MESSAGES } from "./messages";
import { changeRole, deactivateUser, inviteUser, reactivateUser } from "./mutations";
import {
  changeRoleForm,
  changeRoleSchema,
  inviteUserForm,
  inviteUserSchema,
  userIdSchema,
  userStateForm,
  type ChangeRoleRaw,
  type InviteUserRaw,
  type UserStateRaw,
} from "./schema";
import { routes } from "@/lib/routes";

const USERS_PATH = routes.dashboard.users();

export async function inviteUserAction(_state: FormState<InviteUserRaw>, formData: FormData): Promise<FormState<InviteUserRaw>> {
  const values = readForm(formData, inviteUserForm);
  return runDashboardAction("invite-user", "admin", values, async (user) => {
    const parsed = parseForm(inviteUserSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const result = await inviteUser(db(), { actor: user, ...parsed.data });
    if (!result.ok) return errorState(values, { email: USER_MESSAGES.ALREADY_ACTIVE });
    const message = result.reactivated
      ? `${result.user.email} ha di nuovo accesso, come ${ROLE_LABELS[result.user.role]}: gli abbiamo scritto.`
      : `Invito inviato a ${result.user.email} (${ROLE_LABELS[result.user.role]}).`;
    // The form empties for the next invitation.
    return { status: "success", message, values: { email: "", name: "", role: "" }, revalidate: [USERS_PATH] };
  });
}

export async function changeRoleAction(
  userId: string,
  _state: FormState<ChangeRoleRaw>,
  formData: FormData,
): Promise<FormState<ChangeRoleRaw>> {
  const values = readForm(formData, changeRoleForm);
  return runDashboardAction("change-role", "admin", values, async (user) => {
    const id = userIdSchema.safeParse(userId);
    if (!id.success) return errorState(values, {}, USER_MESSAGES.INVALID_USER);
    const parsed = parseForm(changeRoleSchema, values);
    if (!parsed.ok) return errorState(values, parsed.fieldErrors, parsed.formError);
    const result = await changeRole(db(), { actor: user, userId: id.data, role: parsed.data.role });
    if (!result.ok) {
      const message = { NOT_FOUND: USER_MESSAGES.NOT_FOUND, SELF: USER_MESSAGES.SELF_ROLE, LAST_ADMIN: USER_MESSAGES.LAST_ADMIN_ROLE }[result.reason];
      return errorState(values, {}, message);
    }
    const message = result.changed ? `Profilo aggiornato: ${ROLE_LABELS[result.user.role]}.` : "Il profilo era già questo: nessuna modifica.";
    return { status: "success", message, values, revalidate: [USERS_PATH] };
  });
}

export async function deactivateUserAction(
  userId: string,
  _state: FormState<UserStateRaw>,
  formData: FormData,
): Promise<FormState<UserStateRaw>> {
  const values = readForm(formData, userStateForm);
  return runDashboardAction("deactivate-user", "admin", values, async (user) => {
    const id = userIdSchema.safeParse(userId);
    if (!id.success) return errorState(values, {}, USER_MESSAGES.INVALID_USER);
    const result = await deactivateUser(db(), { actor: user, userId: id.data });
    if (!result.ok) {
      const message = {
        NOT_FOUND: USER_MESSAGES.NOT_FOUND,
        SELF: USER_MESSAGES.SELF_DEACTIVATE,
        LAST_ADMIN: USER_MESSAGES.LAST_ADMIN_DEACTIVATE,
      }[result.reason];
      return errorState(values, {}, message);
    }
    return { status: "success", message: "Account disattivato: l'utente non può più accedere.", values, revalidate: [USERS_PATH] };
  });
}

export async function reactivateUserAction(
  userId: string,
  _state: FormState<UserStateRaw>,
  formData: FormData,
): Promise<FormState<UserStateRaw>> {
  const values = readForm(formData, userStateForm);
  return runDashboardAction("reactivate-user", "admin", values, async (user) => {
    const id = userIdSchema.safeParse(userId);
    if (!id.success) return errorState(values, {}, USER_MESSAGES.INVALID_USER);
    const result = await reactivateUser(db(), { actor: user, userId: id.data });
    if (!result.ok) return errorState(values, {}, USER_MESSAGES.NOT_FOUND);
    return { status: "success", message: "Account riattivato: l'utente può accedere di nuovo.", values, revalidate: [USERS_PATH] };
  });
}
