// What the user-management forms say when the service refuses.
export const USER_MESSAGES = {
  ALREADY_ACTIVE: "Questo indirizzo ha già accesso all'area riservata: per cambiarne il profilo usa l'elenco degli utenti.",
  NOT_FOUND: "Utente non trovato: forse è stato modificato da qualcun altro. Ricarica la pagina.",
  SELF_ROLE: "Non puoi cambiare il tuo profilo: chiedilo a un altro amministratore.",
  SELF_DEACTIVATE: "Non puoi disattivare il tuo account: chiedilo a un altro amministratore.",
  LAST_ADMIN_ROLE: "È l'unico amministratore attivo: nomina prima un altro amministratore, poi cambia questo profilo.",
  LAST_ADMIN_DEACTIVATE: "È l'unico amministratore attivo: nomina prima un altro amministratore, poi disattiva questo account.",
  INVALID_USER: "Utente non valido. Ricarica la pagina.",
} as const;
