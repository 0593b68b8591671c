import { expect, test } from "@playwright/test";
import { expectNoViolations } from "./support/axe";
import { seedMeeting } from "./support/database";
import { fillRegistrationForm, linkFromEmail, person, registerThroughForm, uniqueEmail } from "./support/registration";

// Each journey registers through the form and runs axe up to five times, a few
// seconds each on a loaded two-core machine: the default 30 s is too tight.
test.describe.configure({ timeout: 90_000 });

test.describe("axe finds no WCAG 2.1 A/AA violation along the registration journey", () => {
  test("the form, empty and with errors", async ({ page }) => {
    const meeting = await seedMeeting();
    await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
    await expectNoViolations(page);

    await page.getByRole("region", { name: "I tuoi dati" }).getByRole("textbox", { name: "Email", exact: true }).fill("sbagliata");
    await page.getByRole("button", { name: "Invia l'iscrizione" }).click();
    await expect(page.locator("#iscrizione-esito .alert-danger")).toBeVisible();
    await expectNoViolations(page);
  });

  // axe itself needs JavaScript: the page's own scripts are blocked instead,
  // so the form posts natively and the server renders its errors.
  test("the form with the errors the server returned, without the page's scripts", async ({ page }) => {
    await page.route("**/_next/static/**/*.js", (route) => route.abort());
    const meeting = await seedMeeting();
    await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
    await expectNoViolations(page);
    await page.getByRole("button", { name: "Invia l'iscrizione" }).click();
    await page.waitForURL(`/convocazioni/${meeting.slug}/iscrizione`, { waitUntil: "load" });
    await expect(page.locator("#iscrizione-esito .alert-danger")).toBeVisible();
    await expect(page.getByRole("region", { name: "I tuoi dati" }).getByRole("textbox", { name: "Nome", exact: true })).toBeFocused();
    await expectNoViolations(page);
  });

  test("the confirmation pages, the personal page and its forms with errors", async ({ page }) => {
    const meeting = await seedMeeting({ capacity: 1, joinUrl: "https://videoconferenza.example/j/accessibile" });
    const gestore = { firstName: "Luca", lastName: "Bianchi", email: uniqueEmail("axe.gestore"), managingBodyName: "Cooperativa Sole" };
    const personalPath = await registerThroughForm(page, meeting.slug, person("axe.confermata"), { type: "Comune", municipality: "Palermo" }, [gestore]);
    await expectNoViolations(page);
    await registerThroughForm(page, meeting.slug, person("axe.in.attesa"), { type: "Altro ente", name: "Prefettura" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sei in lista d'attesa");
    await expectNoViolations(page);

    await page.goto(personalPath);
    await expectNoViolations(page);
    const edit = page.locator("#modifica");
    await edit.getByRole("textbox", { name: "Nome", exact: true }).fill("");
    await edit.getByRole("button", { name: "Salva le modifiche" }).click();
    await expect(edit.locator(".alert-danger")).toBeVisible();
    await page.locator("#nuovi-inviti").getByRole("textbox", { name: "Nome", exact: true }).first().fill("Solo il nome");
    await page.getByRole("button", { name: "Invia gli inviti" }).click();
    await expect(page.locator("#nuovi-inviti .alert-danger")).toBeVisible();
    await page.locator("#annullamento").getByRole("button", { name: "Annulla l'iscrizione" }).click();
    await expect(page.locator("#annullamento .alert-danger")).toBeVisible();
    await expectNoViolations(page);
  });

  test("the invitation page, its errors and its answer", async ({ page }) => {
    const meeting = await seedMeeting();
    const gestore = { firstName: "Luca", lastName: "Bianchi", email: uniqueEmail("axe.invitato"), managingBodyName: "Cooperativa Sole" };
    await registerThroughForm(page, meeting.slug, person("axe.invita"), { type: "Comune", municipality: "Siracusa" }, [gestore]);
    await page.goto(await linkFromEmail(gestore.email, "invitation", "invitationUrl"));
    await expectNoViolations(page);
    await page.locator("#accetta-invito").getByRole("button", { name: "Accetto e mi iscrivo" }).click();
    await expect(page.locator("#accetta-invito-esito .alert-danger")).toBeVisible();
    await expectNoViolations(page);
    await page.getByRole("link", { name: "Non potrò partecipare" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confermi che non potrai partecipare?");
    await expectNoViolations(page);
    await page.getByRole("button", { name: "Sì, non potrò partecipare" }).click();
    await expect(page.locator("main")).toContainText("hai comunicato che non potrai partecipare");
    await expectNoViolations(page);
  });

  test("the closed form and an unknown personal link", async ({ page }) => {
    const closed = await seedMeeting({ registrationOpensAt: new Date(Date.now() + 3 * 24 * 3600_000) });
    await page.goto(`/convocazioni/${closed.slug}/iscrizione`);
    await expect(page.locator("main")).toContainText("Le iscrizioni apriranno");
    await expect(page.getByRole("button", { name: "Invia l'iscrizione" })).toHaveCount(0);
    await expectNoViolations(page);
    await page.goto("/iscrizione/" + "D".repeat(43));
    await expectNoViolations(page);
  });
});

test("fields are labelled, described by their errors and the summary links to them", async ({ page }) => {
  const meeting = await seedMeeting();
  await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
  await fillRegistrationForm(page, { ...person("etichette"), firstName: "" }, { type: "Comune", municipality: "Enna" });
  await page.getByRole("button", { name: "Invia l'iscrizione" }).click();
  const firstName = page.getByRole("region", { name: "I tuoi dati" }).getByRole("textbox", { name: "Nome", exact: true });
  await expect(firstName).toBeFocused();
  await expect(firstName).toHaveAccessibleDescription("Errore: Inserisci il nome");
  await page.getByRole("region", { name: "Ente di appartenenza" }).getByRole("combobox", { name: "Comune" }).focus();
  await page.locator("#iscrizione-esito").getByRole("link", { name: "Inserisci il nome" }).click();
  await expect(firstName).toBeFocused();
});
