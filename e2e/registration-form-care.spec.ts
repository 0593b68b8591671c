import { expect, test, type Page } from "@playwright/test";
import { registerViaApi } from "./support/dashboard";
import { seedMeeting, testDb } from "./support/database";
import { fillRegistrationForm, linkFromEmail, person, registerThroughForm, registrationOf, tick, uniqueEmail } from "./support/registration";

/** Clicking the words of the privacy consent ticks it and opens nothing; the notice is a link of its own beside it. */
async function expectPrivacyLabelTicks(page: Page) {
  const box = page.getByRole("checkbox", { name: /informativa sul trattamento/ });
  await expect(box).not.toBeChecked();
  await page.locator(".form-check", { has: box }).getByText("informativa sul trattamento dei dati personali").click();
  await expect(box).toBeChecked();
  expect(page.context().pages()).toHaveLength(1);
  const notice = page.getByRole("link", { name: /Leggi l'informativa sulla privacy/ });
  await expect(notice).toHaveAttribute("href", "/privacy");
  await expect(notice).toHaveAttribute("target", "_blank");
}

test("the privacy consent's label ticks the box on the registration, invitation and scheda referenti forms", async ({ page, baseURL }) => {
  const meeting = await seedMeeting();
  await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
  await expectPrivacyLabelTicks(page);

  const nominee = { firstName: "Luca", lastName: "Bianchi", email: uniqueEmail("privacy.invitato"), managingBodyName: "Cooperativa Sole" };
  await registerViaApi(baseURL!, meeting.slug, { firstName: "Rosa", lastName: "Lombardo", email: uniqueEmail("privacy.invita"), municipality: "Palermo", nominees: [nominee] });
  await page.goto(await linkFromEmail(nominee.email, "invitation", "invitationUrl"));
  await expectPrivacyLabelTicks(page);

  await page.goto("/scheda-referenti");
  await expectPrivacyLabelTicks(page);
});

test("the confirmation is a success alert with a button to manage the registration", async ({ page }) => {
  const meeting = await seedMeeting();
  const personalPath = await registerThroughForm(page, meeting.slug, person("conferma.alert", { firstName: "Elena" }));
  const outcome = page.getByRole("status").filter({ hasText: "Grazie, Elena: la tua iscrizione all'incontro è confermata." });
  await expect(outcome).toHaveClass(/alert-success/);
  await expect(page.locator("main")).not.toContainText(`${new URL(page.url()).origin}${personalPath}`);
  await outcome.getByRole("link", { name: "Gestisci la tua iscrizione" }).click();
  await expect(page).toHaveURL(personalPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("La tua iscrizione");
});

test("'Enti gestori da invitare' is offered only to someone registering for a Comune", async ({ page }) => {
  const meeting = await seedMeeting();
  await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
  const nominees = page.getByRole("heading", { name: "Enti gestori da invitare" });
  const organisation = page.getByRole("region", { name: "Ente di appartenenza" });
  await expect(nominees).toHaveCount(0);
  await tick(organisation.getByRole("radio", { name: "Altro ente", exact: true }));
  await expect(nominees).toHaveCount(0);
  await tick(organisation.getByRole("radio", { name: "Comune", exact: true }));
  await expect(nominees).toBeVisible();
  await tick(organisation.getByRole("radio", { name: "Ente gestore", exact: true }));
  await expect(nominees).toHaveCount(0);
});

test("the Comune is found by typing a few letters and chosen with the keyboard", async ({ page }) => {
  const meeting = await seedMeeting();
  const who = person("comune.tastiera");
  await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
  await fillRegistrationForm(page, who, { type: "Altro ente", name: "Da cambiare" });
  const organisation = page.getByRole("region", { name: "Ente di appartenenza" });
  await tick(organisation.getByRole("radio", { name: "Comune", exact: true }));

  const field = organisation.getByRole("combobox", { name: "Comune" });
  await expect(field).toHaveAttribute("aria-expanded", "false");
  await field.focus();
  await page.keyboard.type("ali");
  await expect(field).toHaveAttribute("aria-expanded", "true");
  const list = organisation.getByRole("listbox", { name: "Comune" });
  // Accents do not matter: "ali" finds Alì, Alì Terme, Alia, Alimena, Aliminusa, grouped by province.
  await expect(list.getByRole("option")).toHaveText(["Alì", "Alì Terme", "Alia", "Alimena", "Aliminusa"]);
  await expect(list.getByRole("group", { name: "Provincia di Messina" }).getByRole("option")).toHaveCount(2);
  await page.keyboard.press("ArrowDown");
  await expect(field).toHaveAttribute("aria-activedescendant", (await list.getByRole("option", { name: "Alì Terme" }).getAttribute("id"))!);
  await page.keyboard.press("Enter");
  await expect(field).toHaveValue("Alì Terme");
  await expect(field).toHaveAttribute("aria-expanded", "false");
  // Escape clears the choice, typing the full name chooses again.
  await page.keyboard.press("Escape");
  await expect(field).toHaveValue("");
  await page.keyboard.type("alì terme");
  await page.keyboard.press("Tab");
  await expect(field).toHaveValue("Alì Terme");

  await page.getByRole("button", { name: "Invia l'iscrizione" }).click();
  await expect(page).toHaveURL(/\/conferma$/);
  const registration = await registrationOf(who.email, meeting.id);
  const municipality = await testDb().municipality.findUniqueOrThrow({ where: { id: registration!.municipalityId! } });
  expect(municipality.name).toBe("Alì Terme");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("nominees from someone not registering for a Comune are refused with an Italian message, keeping what was typed", async ({ page }) => {
    const meeting = await seedMeeting();
    const who = person("nominati.non.comune");
    const gestore = { firstName: "Luca", lastName: "Bianchi", email: uniqueEmail("nominato.rifiutato"), managingBodyName: "Cooperativa Sole" };
    await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
    await expect(page.getByRole("combobox", { name: "Comune" })).toHaveJSProperty("tagName", "SELECT");
    await fillRegistrationForm(page, who, { type: "Ente gestore", name: "Cooperativa Arcobaleno" }, [gestore]);
    await page.getByRole("button", { name: "Invia l'iscrizione" }).click();

    await expect(page).toHaveURL(`/convocazioni/${meeting.slug}/iscrizione`);
    await expect(page.locator("#iscrizione-esito")).toContainText("Solo chi partecipa per conto di un Comune può invitare gli enti gestori");
    const row = page.getByRole("group", { name: "Rappresentante 1", exact: true });
    await expect(row.getByRole("textbox", { name: "Email", exact: true })).toHaveValue(gestore.email);
    await expect(page.getByRole("textbox", { name: "Nome dell'ente", exact: true })).toHaveValue("Cooperativa Arcobaleno");
    expect(await registrationOf(who.email, meeting.id)).toBeNull();
    expect(await testDb().invitation.count({ where: { email: gestore.email.toLowerCase() } })).toBe(0);
  });
});
