import { REFERENT_ROLE_LABELS, REFERENT_ROLES } from "@/lib/referents/labels";

export const ROLE_OPTIONS = REFERENT_ROLES.map((role) => ({ value: role, label: REFERENT_ROLE_LABELS[role] }));
