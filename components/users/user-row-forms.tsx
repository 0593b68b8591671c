"use client";
import { useActionState } from "react";
import { ActionFeedback } from "@/components/logs/action-feedback";
import { IDLE, type FormAction } from "@/lib/platform/forms/action-state";
import type { UserRole } from "@/lib/generated/prisma/enums";
import type { ChangeRoleRaw, UserStateRaw } from "@/lib/users/schema";

type RoleFormProps = {
  action: FormAction<ChangeRoleRaw>;
  userId: string;
  email: string;
  role: UserRole;
  roles: readonly { value: UserRole; label: string }[];
};

/** A user's role: a select and its own save button, so each row saves on its own. */
export function UserRoleForm({ action, userId, email, role, roles }: RoleFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const selectId = `profilo-${userId}`;
  const feedbackId = `${selectId}-esito`;
  const shown = state.status === "idle" ? role : state.values.role || role;
  return (
    <form action={formAction} className="d-flex flex-wrap align-items-start gap-2">
      <div>
        <label htmlFor={selectId} className="visually-hidden">
          Profilo di {email}
        </label>
        <select id={selectId} name="role" defaultValue={shown} key={shown} className="form-select form-select-sm" aria-describedby={feedbackId}>
          {roles.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <ActionFeedback id={feedbackId} state={state} pending={pending} />
      </div>
      <button type="submit" className="btn btn-outline-primary btn-sm" disabled={pending}>
        Salva<span className="visually-hidden"> il profilo di {email}</span>
      </button>
    </form>
  );
}

type StateFormProps = {
  action: FormAction<UserStateRaw>;
  userId: string;
  email: string;
  active: boolean;
};

/** Deactivates (signing the user out at once) or reactivates an account. */
export function UserStateForm({ action, userId, email, active }: StateFormProps) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const feedbackId = `stato-${userId}-esito`;
  return (
    <form action={formAction}>
      <button
        type="submit"
        className={active ? "btn btn-outline-danger btn-sm" : "btn btn-outline-primary btn-sm"}
        disabled={pending}
        aria-describedby={feedbackId}
      >
        {active ? "Disattiva" : "Riattiva"}
        <span className="visually-hidden"> l&apos;account di {email}</span>
      </button>
      <ActionFeedback id={feedbackId} state={state} pending={pending} />
    </form>
  );
}
