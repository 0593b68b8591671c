// What the dashboard's referent forms say when a service refuses.
export const REFERENT_MESSAGES = {
  NOT_FOUND: "Referente non trovato: forse è stato modificato da qualcun altro. Ricarica la pagina.",
  ALREADY_ACTIVE: "Questa persona è già referente attivo di questo Comune: per cambiarne ruolo o ufficio apri la sua scheda dall'elenco dei referenti.",
  ALREADY_REVOKED: "Questo referente risulta già revocato.",
  UNKNOWN_MUNICIPALITY: "Seleziona il Comune dall'elenco",
} as const;
