import { describe, expect, test } from "vitest";
import { renderEmail } from "@/lib/email/render";
import { SAMPLE_DATA } from "@/lib/test/email-fixtures";

describe("the meeting-message email", () => {
  test("carries the coordinator's subject and Markdown body as HTML and text, the meeting facts and why it arrives", async () => {
    const email = await renderEmail("meeting-message", SAMPLE_DATA["meeting-message"]);
    expect(email.subject).toBe("Grazie per la partecipazione: Tavolo tecnico del Coordinamento dei Comuni SAI");
    expect(email.html).toContain("<strong>le slide</strong>");
    expect(email.html).toContain('href="https://www.progettocoopera.it/materiali"');
    expect(email.text).toContain("le slide");
    expect(email.text).toContain("giovedì 24 marzo 2022, ore 15:00–17:00");
    expect(email.text).toContain("Videoconferenza (Zoom)");
    expect(email.text).toContain("perché risulti tra i presenti a questo incontro");
    expect(email.privateUrls).toEqual([]);
  });

  test("raw HTML and unsafe links in the body are not rendered", async () => {
    const email = await renderEmail("meeting-message", {
      ...SAMPLE_DATA["meeting-message"],
      body: "Ciao <script>alert(1)</script> <b>grassetto</b> [clic](javascript:alert(1)) ![x](https://tracker.example/p.gif)",
    });
    expect(email.html).not.toContain("<script");
    expect(email.html).not.toContain("<b>");
    expect(email.html).not.toContain("javascript:");
    expect(email.html).not.toContain("tracker.example");
  });

  test("each audience says why the person receives it", async () => {
    const reasons = {
      CONFIRMED: "perché hai un'iscrizione a questo incontro",
      WAITLISTED: "perché sei in lista d'attesa",
      PRESENT: "perché risulti tra i presenti",
      ABSENT: "non risulti tra i presenti",
    } as const;
    for (const [audience, reason] of Object.entries(reasons)) {
      const email = await renderEmail("meeting-message", { ...SAMPLE_DATA["meeting-message"], audience: audience as keyof typeof reasons });
      expect(email.text).toContain(reason);
    }
  });
});
