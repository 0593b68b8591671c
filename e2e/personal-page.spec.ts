import { expect, test } from "@playwright/test";
import { seedMeeting, testDb } from "./support/database";
import { emailsTo, fillNominees, linkFromEmail, person, registerThroughForm, registrationOf, tick, uniqueEmail } from "./support/registration";

test("from the personal link a registrant edits, then cancels; the first waitlisted person is promoted", async ({ page }) => {
  const meeting = await seedMeeting({ capacity: 1, title: "Webinar a posti limitati" });
  const first = person("primo.iscritto", { firstName: "Elena", lastName: "Marino" });
  const second = person("in.attesa", { firstName: "Marco", lastName: "Ferrari" });

  await registerThroughForm(page, meeting.slug, first);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iscrizione confermata");
  await registerThroughForm(page, meeting.slug, second, { type: "Altro ente", name: "Prefettura" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sei in lista d'attesa");
  await expect(page.locator("main")).not.toContainText("Il link di collegamento sarà inviato prima dell'incontro all'indirizzo");
  expect((await registrationOf(second.email, meeting.id))?.status).toBe("WAITLISTED");

  // The personal link, as the confirmation email carries it.
  const personalPath = await linkFromEmail(first.email, "registration-confirmed", "personalUrl");
  await page.goto(personalPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("La tua iscrizione");
  const main = page.locator("main");
  await expect(main).toContainText("Iscrizione confermata");
  await expect(main).toContainText("Elena Marino");
  await expect(main).toContainText("Comune di Palermo");
  await expect(main.getByRole("link", { name: /Aggiungi al calendario/ })).toHaveAttribute("href", `${personalPath}/calendario.ics`);

  // Edit: a bad phone number is refused next to the field, then corrected.
  const edit = page.locator("#modifica");
  await edit.getByRole("textbox", { name: "Ruolo o qualifica", exact: true }).fill("Dirigente dei servizi sociali");
  await edit.getByRole("textbox", { name: "Telefono (facoltativo)" }).fill("12");
  await edit.getByRole("button", { name: "Salva le modifiche" }).click();
  await expect(edit.getByRole("textbox", { name: "Telefono (facoltativo)" })).toHaveAttribute("aria-invalid", "true");
  await expect(edit.getByRole("textbox", { name: "Telefono (facoltativo)" })).toBeFocused();
  await edit.getByRole("textbox", { name: "Telefono (facoltativo)" }).fill("333 123 4567");
  await tick(edit.getByRole("checkbox", { name: /comunicazioni del Coordinamento/ }));
  await edit.getByRole("button", { name: "Salva le modifiche" }).click();
  await expect(edit).toContainText("Modifiche salvate.");
  await expect(main).toContainText("Dirigente dei servizi sociali");
  let row = await registrationOf(first.email, meeting.id);
  expect(row).toMatchObject({ roleTitle: "Dirigente dei servizi sociali", communicationsConsent: true });
  expect(row?.communicationsConsentAt).not.toBeNull();
  expect(row?.person.phone).toBe("333 123 4567");

  // Cancel: the confirmation is required, then the seat goes to the waiting list.
  const cancel = page.locator("#annullamento");
  await cancel.getByRole("button", { name: "Annulla l'iscrizione" }).click();
  await expect(cancel).toContainText("Per annullare l'iscrizione spunta la casella di conferma");
  expect((await registrationOf(first.email, meeting.id))?.status).toBe("CONFIRMED");
  await tick(cancel.getByRole("checkbox", { name: "Confermo di voler annullare la mia iscrizione" }));
  await cancel.getByRole("button", { name: "Annulla l'iscrizione" }).click();
  await expect(page.getByRole("heading", { name: "Iscrizione annullata" })).toBeVisible();
  await expect(page.locator("#modifica")).toHaveCount(0);
  await expect(page.locator("#annullamento")).toHaveCount(0);

  row = await registrationOf(first.email, meeting.id);
  expect(row?.status).toBe("CANCELLED");
  const promoted = await registrationOf(second.email, meeting.id);
  expect(promoted?.status).toBe("CONFIRMED");
  expect((await emailsTo(second.email)).map((message) => message.template)).toEqual(["registration-waitlisted", "registration-promoted"]);
  expect((await emailsTo(first.email)).map((message) => message.template)).toEqual(["registration-confirmed", "registration-cancelled"]);

  // The promoted person's page now says confirmed.
  await page.goto(await linkFromEmail(second.email, "registration-waitlisted", "personalUrl"));
  await expect(page.locator("main")).toContainText("Iscrizione confermata");
});

test("the personal page invites more gestori and lists every invitation with its status", async ({ page }) => {
  const meeting = await seedMeeting();
  const referent = person("referente.inviti");
  const already = { firstName: "Sara", lastName: "Costa", email: uniqueEmail("gestore.prima"), managingBodyName: "Cooperativa Aurora" };
  const personalPath = await registerThroughForm(page, meeting.slug, referent, { type: "Comune", municipality: "Catania" }, [already]);

  await page.goto(personalPath);
  const invitations = page.getByRole("region", { name: "Rappresentanti degli enti gestori invitati" });
  await expect(invitations).toContainText("Sara Costa");
  await expect(invitations).toContainText("Invito inviato, in attesa di risposta");

  const more = [
    { firstName: "Pietro", lastName: "Fontana", email: uniqueEmail("gestore.dopo"), managingBodyName: "Associazione Ponte" },
    { ...already, firstName: "Sara" },
  ];
  await fillNominees(page, more);
  await page.getByRole("button", { name: "Invia gli inviti" }).click();
  await expect(page.locator("#nuovi-inviti")).toContainText("Abbiamo inviato 1 invito. Chi era già stato invitato a questo incontro non riceve un secondo invito.");
  await expect(invitations).toContainText("Pietro Fontana");
  // The sent rows are cleared.
  await expect(page.getByRole("group", { name: "Rappresentante 1", exact: true }).getByRole("textbox", { name: "Email", exact: true })).toHaveValue("");

  expect(await testDb().invitation.count({ where: { meetingId: meeting.id } })).toBe(2);
  expect((await emailsTo(already.email)).map((message) => message.template)).toEqual(["invitation"]);
  expect((await emailsTo(more[0].email)).map((message) => message.template)).toEqual(["invitation"]);
});

test("an unknown or malformed personal link is not found; an expired one says so", async ({ page }) => {
  for (const path of ["/iscrizione/" + "A".repeat(43), "/iscrizione/non-un-token", "/iscrizione/" + "B".repeat(43) + "/conferma"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  }
  const meeting = await seedMeeting();
  const referent = person("referente.scaduto");
  const personalPath = await registerThroughForm(page, meeting.slug, referent);
  const registration = await registrationOf(referent.email, meeting.id);
  await testDb().registration.update({ where: { id: registration!.id }, data: { tokenExpiresAt: new Date(Date.now() - 1000) } });
  await page.goto(personalPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Link scaduto");
  await expect(page.locator("main")).not.toContainText(referent.email);
});
