"use server";
// The email log's one write: sending a failed message again.
import { runDashboardAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { errorState, type FormState } from "@/lib/platform/forms/action-state";
import { readForm } from "@/lib/platform/forms/form-data";
import { retryEmail } from "./mutations";
import { emailIdSchema, retryEmailForm, type RetryEmailRaw } from "./schema";
import { routes } from "@/lib/routes";

const RETRY_MESSAGES = {
  NOT_FOUND: "Messaggio non trovato. Ricarica la pagina.",
  NOT_FAILED: "Il messaggio non è più tra quelli non inviati (è già in coda o è stato inviato): non viene inviato di nuovo.",
} as const;

export async function retryEmailAction(
  messageId: string,
  _state: FormState<RetryEmailRaw>,
  formData: FormData,
): Promise<FormState<RetryEmailRaw>> {
  const values = readForm(formData, retryEmailForm);
  return runDashboardAction("retry-email", "write", values, async (user) => {
    const id = emailIdSchema.safeParse(messageId);
    if (!id.success) return errorState(values, {}, RETRY_MESSAGES.NOT_FOUND);
    const result = await retryEmail(db(), { actor: user, id: id.data });
    if (!result.ok) return errorState(values, {}, RETRY_MESSAGES[result.reason]);
    return { status: "success", message: "Messaggio rimesso in coda: sarà inviato tra pochi istanti.", values, revalidate: [routes.dashboard.emails()] };
  });
}
