import { plural, pluralForm } from "@/lib/platform/format/plural";

/** A share as a whole percentage (registered SAI municipalities, attendance); 0 when there is nothing to count. */
export function percentOf(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part / total) * 100);
}

type Totals = { total: number; registered: number; referentOnly: number; missing: number; percent: number };

/**
 * The coverage page's summary, each count agreeing with its verb:
 * "1 Comune su 4 (25%)" + "ha almeno un iscritto; 2 hanno un referente …".
 */
export function coverageSentence(totals: Totals): { headline: string; rest: string } {
  const have = (count: number) => pluralForm(count, { one: "ha", other: "hanno" });
  return {
    headline: `${plural(totals.registered, "Comune", "Comuni")} su ${totals.total} (${totals.percent}%)`,
    rest:
      `${have(totals.registered)} almeno un iscritto; ${totals.referentOnly} ${have(totals.referentOnly)} un referente ma nessuna iscrizione; ` +
      `${totals.missing} non ${have(totals.missing)} né iscritti né referenti. Le iscrizioni annullate non contano.`,
  };
}
