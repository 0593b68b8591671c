import type { Province } from "@/lib/generated/prisma/enums";

/** The nine provinces (liberi consorzi and città metropolitane) of Sicily, by their code. */
export const PROVINCES = {
  AG: "Agrigento",
  CL: "Caltanissetta",
  CT: "Catania",
  EN: "Enna",
  ME: "Messina",
  PA: "Palermo",
  RG: "Ragusa",
  SR: "Siracusa",
  TP: "Trapani",
} as const satisfies Record<Province, string>;
