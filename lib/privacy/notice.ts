/**
 * Version of the GDPR art. 13 notice at /privacy. Registrations record the
 * version the person accepted, so change it whenever the notice changes.
 */
export const PRIVACY_NOTICE_VERSION = "2026-12-04";

/**
 * Why registrations and attendance are kept for years: what the FAMI asks of
 * a project's records, as the notice cites it.
 */
export const FAMI_RETENTION_BASIS =
  "Gli elenchi dei partecipanti e i registri delle presenze documentano le attività del progetto COOPERA, finanziato dal Fondo Asilo, Migrazione e Integrazione (FAMI), e devono restare a disposizione dell'Autorità Responsabile (Ministero dell'Interno), della Commissione europea e degli organismi di controllo e di audit: per il FAMI 2014-2020 secondo il Regolamento (UE) n. 514/2014 e la convenzione di sovvenzione del progetto; per il FAMI 2021-2027 l'art. 82 del Regolamento (UE) 2021/1060 prevede cinque anni dal 31 dicembre dell'anno dell'ultimo pagamento al beneficiario.";
