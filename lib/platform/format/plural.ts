// Italian counts through Intl.PluralRules('it'): "1 Comune", "2 Comuni", "0 Comuni".
// Every count shown in the UI and in emails goes through here, so no text says
// "1 giorni" or "1 Comuni … hanno".
const rules = new Intl.PluralRules("it");

export type PluralForms = { one: string; other: string; many?: string };

/** The form that agrees with `count` (without the number). */
export function pluralForm(count: number, forms: PluralForms): string {
  const category = rules.select(count);
  if (category === "one") return forms.one;
  if (category === "many" && forms.many) return forms.many;
  return forms.other;
}

/**
 * The count and its agreeing words: plural(3, "Comune", "Comuni") → "3 Comuni".
 * A "#" in a form stands for the number where it must not lead:
 * plural(1, "ne manca #", "ne mancano #") → "ne manca 1".
 */
export function plural(count: number, one: string, other: string): string {
  const form = pluralForm(count, { one, other });
  const number = count.toLocaleString("it-IT");
  return form.includes("#") ? form.replaceAll("#", number) : `${number} ${form}`;
}
