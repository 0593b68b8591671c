// What the SAI project forms say when the service refuses.
export const SAI_PROJECT_MESSAGES = {
  NOT_FOUND: "Progetto non trovato: forse è stato modificato o eliminato da qualcun altro. Ricarica la pagina.",
  BODY_NOT_FOUND: "Ente gestore non trovato: forse è stato unito a un altro. Ricarica la pagina.",
  MUNICIPALITY_NOT_FOUND: "Comune non trovato: sceglilo dall'elenco.",
  INVALID: "Progetto non valido. Ricarica la pagina.",
  DUPLICATE: "Questo ente gestisce già un progetto di questa categoria in questo Comune: modifica quello.",
  codeTaken: (other: { managingBodyName: string; municipalityName: string }) =>
    `Questo codice progetto è già usato dal progetto di «${other.managingBodyName}» a ${other.municipalityName}.`,
} as const;
