// Counts agree with their words ("1 Comune … ha", "1 giorno prima"), and the
// texts addressed to the reader do not guess their gender.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { minutesLabel } from "@/lib/attendance/messages";
import { ineligibleLabel } from "@/lib/certificates/eligibility";
import { coverageSentence } from "@/lib/coverage/figures";
import { renderEmail } from "@/lib/email/render";
import { emailTemplateSchemas, type EmailTemplateName } from "@/lib/email/schema";
import { describeOffset, offsetUnitLabel } from "@/lib/join-link/schema";
import { unitLabel } from "@/lib/message-rules/labels";
import { RULE_SUGGESTIONS } from "@/lib/message-rules/suggestions";
import { describeWhen } from "@/lib/message-rules/timing";
import { approvedMessage } from "@/lib/referents/sheets/messages";
import { bulkSuccessMessage, skippedSentence } from "@/lib/registrations/dashboard/messages";
import { SAMPLE_DATA } from "@/lib/test/email-fixtures";

describe("counts agree with their words", () => {
  test("the coverage summary: one Comune has, several have", () => {
    expect(coverageSentence({ registered: 1, total: 4, percent: 25, referentOnly: 1, missing: 2 })).toEqual({
      headline: "1 Comune su 4 (25%)",
      rest: "ha almeno un iscritto; 1 ha un referente ma nessuna iscrizione; 2 non hanno né iscritti né referenti. Le iscrizioni annullate non contano.",
    });
    expect(coverageSentence({ registered: 3, total: 4, percent: 75, referentOnly: 0, missing: 1 }).rest).toBe(
      "hanno almeno un iscritto; 0 hanno un referente ma nessuna iscrizione; 1 non ha né iscritti né referenti. Le iscrizioni annullate non contano.",
    );
  });

  test("days, hours and minutes", () => {
    expect(describeWhen({ anchor: "AFTER_END", offsetMinutes: 1440 })).toBe("1 giorno dopo la fine");
    expect(describeWhen({ anchor: "BEFORE_START", offsetMinutes: 2880 })).toBe("2 giorni prima dell'inizio");
    expect(describeOffset(60)).toBe("1 ora prima");
    expect(describeOffset(2880)).toBe("2 giorni prima");
    expect(minutesLabel(1)).toBe("1 minuto");
    // The unit chosen beside a typed amount: "1 [giorno prima]", not "1 [giorni prima]".
    expect(offsetUnitLabel("giorni", "1")).toBe("giorno prima");
    expect(offsetUnitLabel("ore", "24")).toBe("ore prima");
    expect(offsetUnitLabel("minuti", "")).toBe("minuti prima");
    expect(unitLabel("DAYS", "1")).toBe("giorno");
    expect(unitLabel("HOURS", 3)).toBe("ore");
    expect(minutesLabel(90)).toBe("90 minuti");
    expect(ineligibleLabel("BELOW_THRESHOLD", 1, 60)).toBe("Presente per 1 minuto, meno dei 60 richiesti");
  });

  test("the dashboard's messages after an operation", () => {
    expect(bulkSuccessMessage("confirm", 1, [])).toContain("Confermata 1 iscrizione dalla lista d'attesa: la persona è stata avvisata");
    expect(bulkSuccessMessage("cancel", 3, [])).toContain("Annullate 3 iscrizioni: le persone sono state avvisate");
    expect(skippedSentence([{ id: "a", reason: "ALREADY_CANCELLED" }])).toBe(" Non modificate: 1 era già annullata.");
    expect(approvedMessage(1, 1)).toBe("Scheda approvata: 1 referente è ora attivo; 1 referente non più indicato è stato revocato. Ciascun referente riceve un'email.");
    expect(approvedMessage(2, 0)).toBe("Scheda approvata: 2 referenti sono ora attivi. Ciascun referente riceve un'email.");
  });

  test("an attestato for one minute says minuto", async () => {
    const email = await renderEmail("certificate", { ...SAMPLE_DATA.certificate, minutes: 1 });
    expect(email.text).toContain("risulti presente per 1 minuto.");
  });
});

// "iscritto/a", "invitato/a", "uscito/a": the reader's gender guessed twice.
const GENDERED = /\p{L}+o\/a\b|(?<!il )\bbenvenut[oa]\b|\b(?:sei|eri) (?:già )?(?:mancat|iscritt|invitat|stat|uscit|registrat)[oa]\b/giu;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("neutral wording for a reader of unknown gender", () => {
  const TEMPLATES = Object.keys(emailTemplateSchemas) as EmailTemplateName[];

  test.each(TEMPLATES)("the %s email", async (template) => {
    const email = await renderEmail(template, SAMPLE_DATA[template]);
    expect(`${email.subject}\n${email.text}`.match(GENDERED)).toBeNull();
  });

  test("the suggested messages", () => {
    const texts = RULE_SUGGESTIONS.flatMap((suggestion) => [suggestion.label, suggestion.values.subject, suggestion.values.body]);
    expect(texts.join("\n").match(GENDERED)).toBeNull();
    expect(texts.join("\n")).toContain("ci è mancata la tua presenza");
  });

  test("the public pages, the sign-in and the dashboard's greeting", () => {
    const root = process.cwd();
    const files = [...sources(path.join(root, "app/(public)")), ...sources(path.join(root, "components/auth")), path.join(root, "app/dashboard/page.tsx")];
    const found = files.flatMap((file) => (readFileSync(file, "utf8").match(GENDERED) ?? []).map((word) => `${path.relative(root, file)}: ${word}`));
    expect(found).toEqual([]);
  });
});
