import { expect, test } from "@playwright/test";
import { seedMeeting, testDb } from "./support/database";
import { linkFromEmail, person, registerThroughForm, registrationOf, tick, uniqueEmail } from "./support/registration";

test("a gestore accepts the prefilled invitation and is registered by invitation; another declines", async ({ page }) => {
  const meeting = await seedMeeting({ title: "Tavolo tecnico sugli enti gestori" });
  const referent = person("referente.invito", { firstName: "Rosa", lastName: "Lombardo" });
  const accepting = { firstName: "Luca", lastName: "Bianchi", email: uniqueEmail("gestore.accetta"), managingBodyName: "Cooperativa Sole" };
  const declining = { firstName: "Anna", lastName: "Verdi", email: uniqueEmail("gestore.rifiuta"), managingBodyName: "Associazione Luna" };
  const personalPath = await registerThroughForm(page, meeting.slug, referent, { type: "Comune", municipality: "Palermo" }, [accepting, declining]);

  await page.goto(await linkFromEmail(accepting.email, "invitation", "invitationUrl"));
  const main = page.locator("main");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invito all'incontro");
  await expect(main).toContainText("Rosa Lombardo (Comune di Palermo) ti ha indicato come rappresentante di Cooperativa Sole");
  const form = page.locator("#accetta-invito");
  await expect(form.getByRole("textbox", { name: "Nome", exact: true })).toHaveValue("Luca");
  await expect(form.getByRole("textbox", { name: "Cognome", exact: true })).toHaveValue("Bianchi");
  // The address cannot change, so it is text, not a field.
  await expect(form.getByRole("textbox", { name: "Email", exact: true })).toHaveCount(0);
  await expect(form.getByRole("definition")).toHaveText(accepting.email.toLowerCase());
  const email = form.locator('input[type="hidden"][name="email"]');
  await expect(form.getByRole("radio", { name: "Ente gestore", exact: true })).toBeChecked();
  await expect(form.getByRole("textbox", { name: "Nome dell'ente", exact: true })).toHaveValue("Cooperativa Sole");

  await form.getByRole("textbox", { name: "Ruolo o qualifica", exact: true }).fill("Coordinatore del progetto SAI");
  await tick(form.getByRole("checkbox", { name: /informativa sul trattamento/ }));
  // The address is the invitation's whatever the page sends.
  await email.evaluate((input: HTMLInputElement) => {
    input.value = "altro.indirizzo@esempio.example.it";
  });
  await form.getByRole("button", { name: "Accetto e mi iscrivo" }).click();
  await expect(page).toHaveURL(/\/iscrizione\/[A-Za-z0-9_-]{43}\/conferma$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iscrizione confermata");

  const registration = await registrationOf(accepting.email, meeting.id);
  expect(registration).toMatchObject({ status: "CONFIRMED", source: "INVITATION", organisationType: "ENTE_GESTORE", organisationName: "Cooperativa Sole" });
  expect(await testDb().person.count({ where: { email: "altro.indirizzo@esempio.example.it" } })).toBe(0);
  const accepted = await testDb().invitation.findFirstOrThrow({ where: { meetingId: meeting.id, email: accepting.email.toLowerCase() } });
  expect(accepted).toMatchObject({ status: "ACCEPTED", acceptedRegistrationId: registration!.id });

  // The same link afterwards says it was answered.
  await page.goto(await linkFromEmail(accepting.email, "invitation", "invitationUrl"));
  await expect(main).toContainText("Invito già accettato");
  await expect(page.locator("#accetta-invito")).toHaveCount(0);

  await page.goto(await linkFromEmail(declining.email, "invitation", "invitationUrl"));
  await page.getByRole("link", { name: "Non potrò partecipare" }).click();
  await page.getByRole("button", { name: "Sì, non potrò partecipare" }).click();
  await expect(main).toContainText("hai comunicato che non potrai partecipare");
  await expect(page.getByRole("heading", { name: "Hai cambiato idea? Puoi ancora partecipare" })).toBeVisible();
  const declined = await testDb().invitation.findFirstOrThrow({ where: { meetingId: meeting.id, email: declining.email.toLowerCase() } });
  expect(declined.status).toBe("DECLINED");
  expect(await registrationOf(declining.email, meeting.id)).toBeNull();

  // The referent sees how each invitation went.
  await page.goto(personalPath);
  const invitations = page.getByRole("region", { name: "Rappresentanti degli enti gestori invitati" });
  await expect(invitations.getByRole("listitem").filter({ hasText: "Luca Bianchi" })).toContainText("Ha accettato l'invito");
  await expect(invitations.getByRole("listitem").filter({ hasText: "Anna Verdi" })).toContainText("Non potrà partecipare");
});

test("an invitee who already registered is told so instead of getting the form", async ({ page }) => {
  const meeting = await seedMeeting();
  const gestore = person("gestore.gia.iscritto", { firstName: "Franco", lastName: "Rizzo" });
  await registerThroughForm(page, meeting.slug, gestore, { type: "Ente gestore", name: "Cooperativa Terra" });
  const referent = person("referente.invita.iscritto");
  await registerThroughForm(page, meeting.slug, referent, { type: "Comune", municipality: "Messina" }, [
    { firstName: "Franco", lastName: "Rizzo", email: gestore.email, managingBodyName: "Cooperativa Terra" },
  ]);

  await page.goto(await linkFromEmail(gestore.email, "invitation", "invitationUrl"));
  await expect(page.locator("main")).toContainText("La tua iscrizione a questo incontro c'è già");
  await expect(page.locator("#accetta-invito")).toHaveCount(0);
});

test("an unknown invitation link is not found; an expired one says so", async ({ page }) => {
  expect((await page.goto("/invito/" + "C".repeat(43)))?.status()).toBe(404);
  expect((await page.goto("/invito/troppo-corto"))?.status()).toBe(404);

  const meeting = await seedMeeting();
  const gestore = { firstName: "Ida", lastName: "Conti", email: uniqueEmail("gestore.scaduto"), managingBodyName: "Cooperativa Faro" };
  await registerThroughForm(page, meeting.slug, person("referente.invito.scaduto"), { type: "Comune", municipality: "Trapani" }, [gestore]);
  await testDb().invitation.updateMany({ where: { meetingId: meeting.id }, data: { tokenExpiresAt: new Date(Date.now() - 1000) } });
  await page.goto(await linkFromEmail(gestore.email, "invitation", "invitationUrl"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invito scaduto");
});
