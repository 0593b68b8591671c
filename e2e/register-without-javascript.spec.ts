import { expect, test } from "@playwright/test";
import { seedMeeting, testDb } from "./support/database";
import { emailsTo, fillRegistrationForm, linkFromEmail, person, registrationOf, tick, uniqueEmail } from "./support/registration";

test.use({ javaScriptEnabled: false });

test("without JavaScript a referent registers and nominates two gestori; a server-side error keeps everything typed", async ({ page }) => {
  const meeting = await seedMeeting();
  const referent = person("referente.senza.js", { firstName: "Giuseppe", lastName: "Greco" });
  const gestori = [
    { firstName: "Luca", lastName: "Bianchi", email: uniqueEmail("nojs.gestore.uno"), managingBodyName: "Cooperativa Sole" },
    { firstName: "Anna", lastName: "Verdi", email: "non-è-un-indirizzo", managingBodyName: "Associazione Luna" },
  ];

  await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
  // Without JavaScript the page offers fixed rows and no add/remove buttons.
  await expect(page.getByRole("group", { name: /^Rappresentante \d$/ })).toHaveCount(3);
  await expect(page.getByRole("button", { name: "Aggiungi un rappresentante" })).toHaveCount(0);

  await fillRegistrationForm(page, { ...referent, roleTitle: "" }, { type: "Comune", municipality: "Agrigento" }, gestori);
  await page.getByRole("button", { name: "Invia l'iscrizione" }).click();

  // The server answered with the form again: errors next to the fields and in the summary.
  await expect(page).toHaveURL(`/convocazioni/${meeting.slug}/iscrizione`);
  const summary = page.locator("#iscrizione-esito");
  await expect(summary.getByRole("heading")).toHaveText("Ci sono 2 errori da correggere");
  await expect(summary.getByRole("link", { name: "Indica il ruolo o la qualifica" })).toHaveAttribute("href", "#iscrizione-roleTitle");
  await expect(summary.getByRole("link", { name: /Rappresentante 2: Inserisci un indirizzo email valido/ })).toBeVisible();
  const role = page.getByRole("textbox", { name: "Ruolo o qualifica", exact: true });
  await expect(role).toHaveAttribute("aria-invalid", "true");
  await expect(role).toHaveAccessibleDescription(/Indica il ruolo o la qualifica/);
  await expect(role).toBeFocused();

  // Nothing typed is lost.
  const personal = page.getByRole("region", { name: "I tuoi dati" });
  await expect(personal.getByRole("textbox", { name: "Nome", exact: true })).toHaveValue("Giuseppe");
  await expect(personal.getByRole("textbox", { name: "Email", exact: true })).toHaveValue(referent.email);
  await expect(page.getByRole("radio", { name: "Comune", exact: true })).toBeChecked();
  await expect(page.getByRole("combobox", { name: "Comune" }).locator("option:checked")).toHaveText("Agrigento");
  await expect(page.getByRole("checkbox", { name: /informativa sul trattamento/ })).toBeChecked();
  const second = page.getByRole("group", { name: "Rappresentante 2", exact: true });
  await expect(second.getByRole("combobox", { name: "Ente gestore", exact: true })).toHaveValue("Associazione Luna");
  await expect(second.getByRole("textbox", { name: "Email", exact: true })).toHaveValue("non-è-un-indirizzo");
  await expect(second.getByRole("textbox", { name: "Email", exact: true })).toHaveAttribute("aria-invalid", "true");
  expect(await testDb().registration.count({ where: { meetingId: meeting.id } })).toBe(0);

  await role.fill(referent.roleTitle);
  const fixedEmail = uniqueEmail("nojs.gestore.due");
  await second.getByRole("textbox", { name: "Email", exact: true }).fill(fixedEmail);
  await page.getByRole("button", { name: "Invia l'iscrizione" }).click();

  await expect(page).toHaveURL(/\/iscrizione\/[A-Za-z0-9_-]{43}\/conferma$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iscrizione confermata");
  const registration = await registrationOf(referent.email, meeting.id);
  expect(registration).toMatchObject({ status: "CONFIRMED", organisationType: "COMUNE", roleTitle: referent.roleTitle });
  for (const email of [gestori[0].email, fixedEmail]) {
    expect((await emailsTo(email)).map((message) => message.template)).toEqual(["invitation"]);
  }
});

test("without JavaScript the privacy consent is checked by the server", async ({ page }) => {
  const meeting = await seedMeeting();
  const referent = person("referente.senza.consenso");
  await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
  await fillRegistrationForm(page, referent, { type: "Ente gestore", name: "Cooperativa Alba" });
  await tick(page.getByRole("checkbox", { name: /informativa sul trattamento/ }), false);
  await page.getByRole("button", { name: "Invia l'iscrizione" }).click();
  const consent = page.getByRole("checkbox", { name: /informativa sul trattamento/ });
  await expect(consent).toHaveAttribute("aria-invalid", "true");
  await expect(consent).toBeFocused();
  await expect(page.getByRole("textbox", { name: "Nome dell'ente", exact: true })).toHaveValue("Cooperativa Alba");
  expect(await testDb().registration.count({ where: { meetingId: meeting.id } })).toBe(0);
});

test("without JavaScript the personal page edits, refuses an unconfirmed cancellation, then cancels", async ({ page }) => {
  const meeting = await seedMeeting();
  const referent = person("personale.senza.js", { firstName: "Teresa", lastName: "Gallo" });
  await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
  await fillRegistrationForm(page, referent, { type: "Comune", municipality: "Caltanissetta" });
  await page.getByRole("button", { name: "Invia l'iscrizione" }).click();
  await expect(page).toHaveURL(/\/conferma$/);
  await page.goto(await linkFromEmail(referent.email, "registration-confirmed", "personalUrl"));

  const edit = page.locator("#modifica");
  await edit.getByRole("textbox", { name: "Cognome", exact: true }).fill("");
  await edit.getByRole("textbox", { name: "Ruolo o qualifica", exact: true }).fill("Sindaca");
  await edit.getByRole("button", { name: "Salva le modifiche" }).click();
  await expect(edit.getByRole("textbox", { name: "Cognome", exact: true })).toBeFocused();
  await expect(edit.getByRole("textbox", { name: "Ruolo o qualifica", exact: true })).toHaveValue("Sindaca");
  await edit.getByRole("textbox", { name: "Cognome", exact: true }).fill("Gallo Rossi");
  await edit.getByRole("button", { name: "Salva le modifiche" }).click();
  await expect(edit).toContainText("Modifiche salvate.");
  await expect(page.getByRole("region", { name: "I tuoi dati", exact: true })).toContainText("Teresa Gallo Rossi");

  const cancel = page.locator("#annullamento");
  await cancel.getByRole("button", { name: "Annulla l'iscrizione" }).click();
  await expect(cancel).toContainText("Per annullare l'iscrizione spunta la casella di conferma");
  expect((await registrationOf(referent.email, meeting.id))?.status).toBe("CONFIRMED");
  await tick(cancel.getByRole("checkbox", { name: "Confermo di voler annullare la mia iscrizione" }));
  await cancel.getByRole("button", { name: "Annulla l'iscrizione" }).click();
  await expect(page.getByRole("heading", { name: "Iscrizione annullata" })).toBeVisible();
  const row = await registrationOf(referent.email, meeting.id);
  expect(row).toMatchObject({ status: "CANCELLED", roleTitle: "Sindaca" });
  expect(row?.person.lastName).toBe("Gallo Rossi");
});

test("without JavaScript a gestore answers the invitation: accepts after an error, another declines", async ({ page }) => {
  const meeting = await seedMeeting();
  const accepting = { firstName: "Nino", lastName: "Sorrentino", email: uniqueEmail("nojs.accetta"), managingBodyName: "Cooperativa Etna" };
  const declining = { firstName: "Lia", lastName: "Caruso", email: uniqueEmail("nojs.rifiuta"), managingBodyName: "Cooperativa Iblea" };
  await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
  await fillRegistrationForm(page, person("nojs.referente.invita"), { type: "Comune", municipality: "Catania" }, [accepting, declining]);
  await page.getByRole("button", { name: "Invia l'iscrizione" }).click();
  await expect(page).toHaveURL(/\/conferma$/);

  await page.goto(await linkFromEmail(accepting.email, "invitation", "invitationUrl"));
  const form = page.locator("#accetta-invito");
  await tick(form.getByRole("checkbox", { name: /informativa sul trattamento/ }));
  await form.getByRole("button", { name: "Accetto e mi iscrivo" }).click();
  const role = form.getByRole("textbox", { name: "Ruolo o qualifica", exact: true });
  await expect(role).toBeFocused();
  await expect(form.getByRole("checkbox", { name: /informativa sul trattamento/ })).toBeChecked();
  await expect(form.getByRole("definition")).toHaveText(accepting.email.toLowerCase());
  await role.fill("Operatore legale");
  await form.getByRole("button", { name: "Accetto e mi iscrivo" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iscrizione confermata");
  expect(await registrationOf(accepting.email, meeting.id)).toMatchObject({ source: "INVITATION", roleTitle: "Operatore legale" });

  await page.goto(await linkFromEmail(declining.email, "invitation", "invitationUrl"));
  await page.getByRole("link", { name: "Non potrò partecipare" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confermi che non potrai partecipare?");
  await page.getByRole("button", { name: "Sì, non potrò partecipare" }).click();
  await expect(page.locator("main")).toContainText("hai comunicato che non potrai partecipare");
  expect((await testDb().invitation.findFirstOrThrow({ where: { meetingId: meeting.id, email: declining.email.toLowerCase() } })).status).toBe("DECLINED");
});
