import type { MunicipalityOption } from "@/lib/municipalities/queries";
import type { MunicipalityGroup } from "./organisation-fields";

/** One option group per province, in the order the municipalities come. */
export function groupByProvince(municipalities: readonly MunicipalityOption[]): MunicipalityGroup[] {
  const groups = new Map<string, MunicipalityGroup>();
  for (const municipality of municipalities) {
    const label = `Provincia di ${municipality.provinceName}`;
    const group = groups.get(label) ?? { label, options: [] };
    group.options.push({ value: municipality.id, label: municipality.name });
    groups.set(label, group);
  }
  return [...groups.values()];
}
