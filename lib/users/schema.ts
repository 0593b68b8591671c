// The user-management forms: one schema each, shared by the browser and the
// server actions. Messages are Italian and shown as they are.
import { z } from "zod";
import { USER_ROLES } from "@/lib/auth/roles";
import { emailField, optionalText } from "@/lib/platform/forms/fields";
import { defineForm, formOf, type FormValues } from "@/lib/platform/forms/form-data";

const roleField = z.enum(USER_ROLES, { error: "Scegli un profilo" });

/** A user's id, as a bound argument of the row forms: anything else is refused before the database. */
export const userIdSchema = z.uuid();

export const inviteUserSchema = z.object({
  email: emailField,
  name: optionalText(120).transform((name) => name || null),
  role: roleField,
});
export type InviteUserInput = z.output<typeof inviteUserSchema>;
export const inviteUserForm = formOf(inviteUserSchema);
export type InviteUserRaw = FormValues<typeof inviteUserForm>;

export const changeRoleSchema = z.object({ role: roleField });
export const changeRoleForm = formOf(changeRoleSchema);
export type ChangeRoleRaw = FormValues<typeof changeRoleForm>;

/** Deactivating and reactivating: a button, no fields. */
export const userStateForm = defineForm({ text: [] });
export type UserStateRaw = FormValues<typeof userStateForm>;
