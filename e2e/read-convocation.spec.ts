import { expect, test } from "@playwright/test";
import { seedMeeting } from "./support/database";

const REFERENCE = "/convocazioni/tavolo-tecnico-2022-03-24";

test.describe("anyone reads a convocation", () => {
  test("the reference letter is published with every element", async ({ page }) => {
    await page.goto(REFERENCE);
    const main = page.locator("main");

    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Funding header, as on the letter.
    await expect(page.getByRole("img", { name: /Unione Europea/i }).first()).toBeVisible();
    await expect(page.getByRole("img", { name: /Ministero dell.Interno/i }).first()).toBeVisible();
    await expect(page.getByRole("img", { name: /Città di Palermo/i }).first()).toBeVisible();
    await expect(main).toContainText("Obiettivo Specifico 2");
    await expect(main).toContainText("Obiettivo nazionale ON 3 Capacity building - lettera j) Governance dei servizi");
    await expect(main).toContainText(/3031/);
    await expect(main).toContainText(/COOPERA - I Comuni migliorano PER Arginare le vulnerabilità/i);

    await expect(main).toContainText("Prot. n. 0227/15/03/22");
    await expect(main).toContainText("Oggetto");
    await expect(main).toContainText('CONVOCAZIONE TAVOLO TECNICO tra i Referenti del Coordinamento dei Comuni siciliani aderenti al SAI - Progetto 3031 "COOPERA"');
    // Rome's time, although the browser runs in Los Angeles.
    await expect(main).toContainText("giovedì 24 marzo 2022, ore 15:00–17:00");
    await expect(main.locator("time[datetime^='2022-03-24T14:00']").first()).toBeAttached();
    await expect(main).toContainText(/videoconferenza/i);

    await expect(main).toContainText("Edoardo Barbarossa");
    await expect(main).toContainText("Fondazione Ebbene");
    await expect(main).toContainText("Co-programmazione e co-progettazione nelle politiche territoriali di accoglienza integrata (SAI)");
    await expect(main).toContainText("Le occasioni offerte dal PNRR e dalla programmazione comunitaria");
    await expect(main).toContainText("si chiede ai rappresentanti degli enti locali di invitare i rappresentanti degli enti gestori");
    await expect(main).toContainText(/link di collegamento .*sarà inviato prima/i);
    await expect(main.getByRole("link", { name: /scheda referenti/i }).first()).toHaveAttribute("href", "/scheda-referenti");

    await expect(main).toContainText("Mario Emanuele Alvano");
    await expect(main).toContainText("Segretario Generale ANCI Sicilia");

    // The meeting is past: registration is clearly closed, with no form link.
    await expect(main.getByText(/iscrizioni chiuse/i).first()).toBeVisible();
    await expect(main.getByRole("link", { name: /^iscriviti/i })).toHaveCount(0);
  });

  test("the letter's body is published word for word", async ({ page }) => {
    await page.goto(REFERENCE);
    const main = page.locator("main");
    for (const sentence of [
      "Gentilissimi,",
      "Vi invito a partecipare al Tavolo Tecnico tra i Referenti del Coordinamento dei Comuni Siciliani aderenti al SAI che si svolgerà, giovedì 24 marzo 2022, alle ore 15:00, in videoconferenza.",
      "Al termine dell'intervento seguirà un momento di confronto tra i partecipanti e i relatori.",
      "si colloca all'interno dell'obiettivo nazionale accoglienza e asilo al fine di potenziare l'offerta dei servizi delle Amministrazioni locali",
      "è necessaria la compilazione dell'allegata scheda, indicando uno o più referenti dell'Ente.",
      "In attesa di incontrarvi, l'occasione è gradita per porgere cordiali saluti",
    ]) {
      await expect(main).toContainText(sentence);
    }
    await expect(main.locator("strong", { hasText: "Edoardo Barbarossa" })).toBeVisible();
  });

  test("an open meeting invites to register; a cancelled one says so", async ({ page }) => {
    const open = await seedMeeting();
    await page.goto(`/convocazioni/${open.slug}`);
    await expect(page.getByRole("link", { name: /iscriviti/i }).first()).toHaveAttribute(
      "href",
      `/convocazioni/${open.slug}/iscrizione`,
    );

    const cancelled = await seedMeeting({ status: "CANCELLED", cancellationReason: "Indisponibilità dei relatori" });
    await page.goto(`/convocazioni/${cancelled.slug}`);
    await expect(page.locator("main")).toContainText(/annullat/i);
    await expect(page.locator("main")).toContainText("Indisponibilità dei relatori");
    await expect(page.getByRole("link", { name: /^iscriviti/i })).toHaveCount(0);
  });

  test("registration not yet open says when it opens", async ({ page }) => {
    const later = await seedMeeting({ registrationOpensAt: new Date(Date.now() + 3 * 24 * 3600_000) });
    await page.goto(`/convocazioni/${later.slug}`);
    await expect(page.locator("main")).toContainText(/iscrizioni apriranno/i);
    await expect(page.getByRole("link", { name: /^iscriviti/i })).toHaveCount(0);
  });

  test("a draft or unknown slug is not found", async ({ page }) => {
    const draft = await seedMeeting({ status: "DRAFT" });
    for (const slug of [draft.slug, "non-esiste"]) {
      const response = await page.goto(`/convocazioni/${slug}`);
      expect(response?.status()).toBe(404);
      await expect(page.locator("main")).toContainText(/non trovata|non esiste|non è disponibile/i);
    }
    const ics = await page.request.get(`/convocazioni/${draft.slug}/calendario.ics`);
    expect(ics.status()).toBe(404);
  });

  test("the calendar file describes the meeting in UTC", async ({ page }) => {
    const response = await page.request.get(`${REFERENCE}/calendario.ics`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/calendar");
    expect(response.headers()["content-disposition"]).toContain("tavolo-tecnico-2022-03-24.ics");
    const body = await response.text();
    expect(body).toContain("BEGIN:VCALENDAR\r\n");
    expect(body).toContain("DTSTART:20220324T140000Z");
    expect(body).toContain("DTEND:20220324T160000Z");
    expect(body).toMatch(/SUMMARY:.*Tavolo tecnico/i);

    await page.goto(REFERENCE);
    await expect(page.getByRole("link", { name: /calendario/i }).first()).toHaveAttribute(
      "href",
      `${REFERENCE}/calendario.ics`,
    );
  });
});
