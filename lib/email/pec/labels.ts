// The words for PEC receipts: what the dispatch page lists, and the file
// name of a receipt downloaded as evidence.
import type { PecReceiptKind } from "@/lib/generated/prisma/enums";

export const PEC_RECEIPT_KIND_LABELS: Record<PecReceiptKind, string> = {
  ACCETTAZIONE: "Accettazione",
  NON_ACCETTAZIONE: "Non accettazione",
  PRESA_IN_CARICO: "Presa in carico",
  AVVENUTA_CONSEGNA: "Avvenuta consegna",
  ERRORE_CONSEGNA: "Mancata consegna",
  PREAVVISO_ERRORE_CONSEGNA: "Preavviso di mancata consegna",
  RILEVAZIONE_VIRUS: "Rilevazione virus",
};

/** The kind as a file name says it: "ricevuta-avvenuta-consegna-….eml". */
export const PEC_RECEIPT_KIND_SLUGS: Record<PecReceiptKind, string> = {
  ACCETTAZIONE: "accettazione",
  NON_ACCETTAZIONE: "non-accettazione",
  PRESA_IN_CARICO: "presa-in-carico",
  AVVENUTA_CONSEGNA: "avvenuta-consegna",
  ERRORE_CONSEGNA: "mancata-consegna",
  PREAVVISO_ERRORE_CONSEGNA: "preavviso-mancata-consegna",
  RILEVAZIONE_VIRUS: "rilevazione-virus",
};

export const PEC_RECEIPT_NOT_FOUND = "Ricevuta non trovata.";
