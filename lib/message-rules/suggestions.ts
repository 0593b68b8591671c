// Texts a coordinator can start from: each fills the form, to be edited.
import type { MessageRuleRaw } from "./schema";

export type RuleSuggestion = { slug: string; label: string; description: string; values: MessageRuleRaw };

export const RULE_SUGGESTIONS: readonly RuleSuggestion[] = [
  {
    slug: "promemoria-giorno-prima",
    label: "Promemoria il giorno prima",
    description: "agli iscritti confermati, 1 giorno prima dell'inizio",
    values: {
      anchor: "BEFORE_START",
      offsetValue: "1",
      offsetUnit: "DAYS",
      audience: "CONFIRMED",
      subject: "Promemoria: {incontro} è domani",
      body: [
        "Gentile {nome},",
        "",
        "ti ricordiamo che domani, {data}, si terrà l'incontro **{incontro}** ({luogo}).",
        "",
        "Se non potrai partecipare, annulla l'iscrizione dalla tua pagina personale: il posto andrà a chi è in lista d'attesa.",
      ].join("\n"),
      active: true,
    },
  },
  {
    slug: "grazie-presenti",
    label: "Grazie e materiali ai presenti",
    description: "a chi era presente, 2 ore dopo la fine",
    values: {
      anchor: "AFTER_END",
      offsetValue: "2",
      offsetUnit: "HOURS",
      audience: "PRESENT",
      subject: "Grazie per la partecipazione: {incontro}",
      body: [
        "Gentile {nome},",
        "",
        "grazie per aver partecipato all'incontro **{incontro}** di {data}.",
        "",
        "Trovi le slide e i materiali presentati qui: (incolla il link ai materiali).",
      ].join("\n"),
      active: true,
    },
  },
  {
    slug: "materiali-assenti",
    label: "Ci è mancata la tua presenza: i materiali agli assenti",
    description: "agli iscritti che non risultano presenti, 1 giorno dopo la fine",
    values: {
      anchor: "AFTER_END",
      offsetValue: "1",
      offsetUnit: "DAYS",
      audience: "ABSENT",
      subject: "I materiali dell'incontro {incontro}",
      body: [
        "Gentile {nome},",
        "",
        "non risulti tra i presenti all'incontro **{incontro}** di {data}: ci è mancata la tua presenza!",
        "",
        "Trovi le slide e i materiali presentati qui: (incolla il link ai materiali).",
      ].join("\n"),
      active: true,
    },
  },
  {
    slug: "posto-lista-attesa",
    label: "Aggiornamento a chi è in lista d'attesa",
    description: "a chi è in lista d'attesa, 2 giorni prima dell'inizio",
    values: {
      anchor: "BEFORE_START",
      offsetValue: "2",
      offsetUnit: "DAYS",
      audience: "WAITLISTED",
      subject: "Lista d'attesa: {incontro}",
      body: [
        "Gentile {nome},",
        "",
        "sei ancora in lista d'attesa per l'incontro **{incontro}** di {data}. Se si libera un posto ti scriveremo subito.",
      ].join("\n"),
      active: true,
    },
  },
];

export function findSuggestion(slug: string | undefined): RuleSuggestion | undefined {
  return RULE_SUGGESTIONS.find((suggestion) => suggestion.slug === slug);
}
