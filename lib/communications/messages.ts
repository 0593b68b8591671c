// What the unsubscribe link's page and endpoints say.

export const UNSUBSCRIBE_NOT_FOUND =
  "Questo link per non ricevere più comunicazioni non è valido: è incompleto, oppure i dati a cui si riferiva sono stati cancellati.";
export const UNSUBSCRIBE_DONE = "Fatto: non riceverai più comunicazioni del Coordinamento a questo indirizzo.";
export const UNSUBSCRIBE_ALREADY_DONE = "Già fatto: non riceverai più comunicazioni del Coordinamento a questo indirizzo.";
export const ONE_CLICK_BAD_BODY = "Richiesta non valida: il corpo deve essere List-Unsubscribe=One-Click (RFC 8058).";
