import "server-only";
import type { Db } from "@/lib/db";

export type MunicipalityOption = { id: string; name: string; province: string; provinceName: string };

const collator = new Intl.Collator("it", { sensitivity: "base" });

/**
 * The 391 Sicilian municipalities for the registration form's select,
 * grouped by province and in Italian alphabetical order within it (the
 * database's collation may not sort accented names as Italians expect).
 */
export async function listMunicipalitiesForSelect(db: Db): Promise<MunicipalityOption[]> {
  const rows = await db.municipality.findMany({
    select: { id: true, name: true, province: true, provinceName: true },
    orderBy: [{ province: "asc" }, { name: "asc" }],
  });
  return rows.sort((a, b) => a.provinceName.localeCompare(b.provinceName, "it") || collator.compare(a.name, b.name));
}
