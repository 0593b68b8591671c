import "server-only";
// The one check every dashboard page, server action and route handler makes
// on the server, before anything else. The proxy/middleware is no check.
// The enumeration test (lib/auth/guard-coverage.test.ts) calls every action
// and route handler anonymously and as an observer to prove each one is here.
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { runFormAction, type ActionOutcome } from "@/lib/platform/forms/run-action";
import { SIGN_IN_PATH } from "./paths";
import { can, type DashboardUser, type Permission } from "./roles";
import { currentUser } from "./session";
import { routes } from "@/lib/routes";
import { isUuid } from "@/lib/segments";
import { MEETING_NOT_FOUND } from "@/lib/meetings/labels";

export const SIGNED_OUT_MESSAGE = "La sessione è scaduta o non hai effettuato l'accesso: accedi di nuovo. I dati inseriti non sono stati salvati.";
export const FORBIDDEN_MESSAGE = "Il tuo profilo non consente questa operazione.";

export type Authorization = { ok: true; user: DashboardUser } | { ok: false; reason: "SIGNED_OUT" | "FORBIDDEN" };

export async function authorize(permission: Permission): Promise<Authorization> {
  const user = await currentUser();
  if (!user) return { ok: false, reason: "SIGNED_OUT" };
  if (!can(user.role, permission)) return { ok: false, reason: "FORBIDDEN" };
  return { ok: true, user };
}

/** A same-origin path to come back to after signing in; anything else falls back to the dashboard. */
export function safeCallbackPath(value: string | null | undefined): string {
  return value && value.startsWith(routes.dashboard.home()) && !value.startsWith("//") ? value : routes.dashboard.home();
}

/**
 * For a dashboard page (server component): the user, or a redirect to the
 * sign-in page that comes back here, or the 403 page for a role without it.
 */
export async function guardPage(permission: Permission = "read"): Promise<DashboardUser> {
  const verdict = await authorize(permission);
  if (verdict.ok) return verdict.user;
  if (verdict.reason === "FORBIDDEN") forbidden();
  const here = (await headers()).get("x-convoca-path");
  redirect(`${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(safeCallbackPath(here))}`);
}

/** For a route handler: the user, or the 401/403 response to return as is. */
export async function guardRoute(
  permission: Permission,
): Promise<{ ok: true; user: DashboardUser } | { ok: false; response: Response }> {
  const verdict = await authorize(permission);
  if (verdict.ok) return verdict;
  const status = verdict.reason === "SIGNED_OUT" ? 401 : 403;
  const message = verdict.reason === "SIGNED_OUT" ? SIGNED_OUT_MESSAGE : FORBIDDEN_MESSAGE;
  return { ok: false, response: Response.json({ ok: false, formError: message }, { status }) };
}

/**
 * For a route handler under a dashboard meeting (/dashboard/convocazioni/[id]/…):
 * the session and role first, then the id's shape (a malformed one is 404).
 */
export async function guardMeetingRoute(
  permission: Permission,
  params: Promise<{ id: string }>,
): Promise<{ ok: true; user: DashboardUser; meetingId: string } | { ok: false; response: Response }> {
  const guard = await guardRoute(permission);
  if (!guard.ok) return guard;
  const { id } = await params;
  if (!isUuid(id)) return { ok: false, response: Response.json({ ok: false, formError: MEETING_NOT_FOUND }, { status: 404 }) };
  return { ok: true, user: guard.user, meetingId: id };
}

/**
 * A dashboard form action: checks session and role first, then runs the body
 * like a public form action (unexpected errors become a generic message, the
 * form keeps what was typed). A refusal also keeps the typed values, so a
 * coordinator whose session expired signs in again without losing their work.
 */
export async function runDashboardAction<Values>(
  name: string,
  permission: Permission,
  values: Values,
  body: (user: DashboardUser) => Promise<ActionOutcome<Values>>,
): Promise<FormState<Values>> {
  const verdict = await authorize(permission);
  if (!verdict.ok) return errorState(values, {}, verdict.reason === "SIGNED_OUT" ? SIGNED_OUT_MESSAGE : FORBIDDEN_MESSAGE);
  return runFormAction(name, values, () => body(verdict.user));
}
