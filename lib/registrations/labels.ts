import type { InvitationStatus, OrganisationType, RegistrationStatus } from "@/lib/generated/prisma/enums";

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  CONFIRMED: "Confermata",
  WAITLISTED: "In lista d'attesa",
  CANCELLED: "Annullata",
};

export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  SENT: "Invito inviato, in attesa di risposta",
  ACCEPTED: "Ha accettato l'invito",
  DECLINED: "Non potrà partecipare",
  EXPIRED: "Invito scaduto",
  REVOKED: "Invito revocato",
};

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  COMUNE: "Comune",
  ENTE_GESTORE: "Ente gestore",
  ALTRO_ENTE: "Altro ente",
};
