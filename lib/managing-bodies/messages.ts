// What the managing-body forms say when the service refuses.
import { routes } from "@/lib/routes";

export const MANAGING_BODY_MESSAGES = {
  NOT_FOUND: "Ente gestore non trovato: forse è stato unito a un altro o eliminato. Ricarica la pagina.",
  INVALID_BODY: "Ente gestore non valido. Ricarica la pagina.",
  MERGE_SAME: "Scegli un ente gestore diverso da questo.",
  MERGE_NOT_FOUND: "Uno dei due enti gestori non esiste più: ricarica la pagina.",
  taxCodeTaken: (other: { name: string } | null) =>
    other
      ? `Questo codice fiscale è già dell'ente gestore «${other.name}»: se è lo stesso ente, uniscili invece di crearne un altro.`
      : "Questo codice fiscale è già di un altro ente gestore.",
} as const;

export const MANAGING_BODIES_PATH = routes.dashboard.managingBodies();

export function managingBodyPath(id: string): string {
  return routes.dashboard.managingBody(id);
}
