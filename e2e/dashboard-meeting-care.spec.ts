import { expect, test } from "@playwright/test";
import { seedMeeting, testDb } from "./support/database";
import { registerViaApi, signInAs } from "./support/dashboard";
import { deliveredLink } from "./support/email";
import { tick, uniqueEmail } from "./support/registration";

test.describe.configure({ timeout: 120_000 });

test("cancelling a convocation tells each registrant once, and the page says so", async ({ page, baseURL }) => {
  const meeting = await seedMeeting({ capacity: 1, title: "Tavolo tecnico da annullare" });
  const people = [uniqueEmail("primo"), uniqueEmail("secondo")];
  for (const [index, email] of people.entries()) await registerViaApi(baseURL!, meeting.slug, { firstName: `Persona${index}`, lastName: "Iscritta", email });

  await signInAs(page, "COORDINATOR");
  await page.goto(`/dashboard/convocazioni/${meeting.id}`);
  await page.getByRole("textbox", { name: /Motivo dell'annullamento/ }).fill("Il relatore non potrà essere presente.");
  await tick(page.getByRole("checkbox", { name: "Confermo di voler annullare la convocazione" }));
  await page.getByRole("button", { name: "Annulla la convocazione" }).click();
  await expect(page.getByText("Convocazione annullata: la pagina pubblica lo segnala")).toBeVisible();

  for (const email of people) {
    await expect.poll(() => testDb().emailMessage.count({ where: { toEmail: email, template: "meeting-cancelled" } })).toBe(1);
  }
  // Only attendance is left to record: no second email can be sent from the list.
  await page.goto(`/dashboard/convocazioni/${meeting.id}/iscrizioni`);
  await expect(page.getByRole("button", { name: "Annulla iscrizioni" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Annulla iscrizione/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Reinvia link personale/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Segna presenti" })).toBeVisible();

  await page.goto(`/convocazioni/${meeting.slug}`);
  await expect(page.getByText("Il relatore non potrà essere presente.")).toBeVisible();
});

test("a coordinator reminds the referents of SAI municipalities that have not registered, and watches the sending", async ({ page }) => {
  const meeting = await seedMeeting({ title: "Tavolo tecnico con promemoria" });
  const municipality = await testDb().municipality.update({ where: { istatCode: "082057" }, data: { saiMember: true } });
  const referentEmail = uniqueEmail("referente.promemoria");
  const person = await testDb().person.create({ data: { email: referentEmail, firstName: "Rita", lastName: "Referente" } });
  await testDb().referent.create({ data: { municipalityId: municipality.id, personId: person.id, role: "POLITICAL", source: "COORDINATOR" } });

  await signInAs(page, "COORDINATOR");
  await page.goto(`/dashboard/convocazioni/${meeting.id}/copertura`);
  await expect(page.getByRole("region", { name: /Con referente ma senza iscrizioni/ })).toContainText(municipality.name);
  await page.getByRole("button", { name: "Invia il promemoria ai referenti" }).click();
  await expect(page.getByText(/Promemoria in invio a \d+ referent/)).toBeVisible();
  // The progress bar follows the worker until every reminder has left.
  await expect(page.getByRole("status").filter({ hasText: "Promemoria:" })).toContainText("Invio completato.", { timeout: 30_000 });
  expect(await testDb().emailMessage.findMany({ where: { toEmail: referentEmail, template: "coverage-reminder" }, select: { status: true } })).toEqual([
    { status: "SENT" },
  ]);

  // A second click within 24 hours reminds nobody twice.
  await page.getByRole("button", { name: "Invia il promemoria ai referenti" }).click();
  // (Other specs' referents of SAI municipalities may be reminded too: the message counts them all.)
  await expect(page.getByText(/Nessun nuovo promemoria da inviare\. \d+ referent[ei] aveva(no)? già ricevuto un promemoria/)).toBeVisible();
  expect(await testDb().emailMessage.count({ where: { toEmail: referentEmail, template: "coverage-reminder" } })).toBe(1);
});

test("a coordinator invites a gestore directly, then revokes the invitation", async ({ page }) => {
  const meeting = await seedMeeting({ title: "Tavolo tecnico con invito diretto" });
  const gestore = uniqueEmail("gestore.diretto");
  await signInAs(page, "COORDINATOR");
  await page.goto(`/dashboard/convocazioni/${meeting.id}/inviti`);
  const form = page.getByRole("region", { name: "Invita un rappresentante di ente gestore" });
  await form.getByRole("combobox", { name: "Comune (solo per l'invito diretto)" }).selectOption({ label: "Valderice" });
  await form.getByRole("textbox", { name: /^Nome/ }).fill("Dario");
  await form.getByRole("textbox", { name: /^Cognome/ }).fill("Diretto");
  await form.getByRole("textbox", { name: /^Email/ }).fill(gestore);
  await form.getByRole("combobox", { name: /^Ente gestore/ }).fill("Cooperativa Diretta");
  await form.getByRole("button", { name: "Invia l'invito" }).click();
  await expect(page.getByText(`Invito inviato a Dario Diretto (${gestore}).`)).toBeVisible();

  const row = page.getByRole("row", { name: /Dario Diretto/ });
  await expect(row).toContainText("segreteria del coordinamento");
  await expect(row).toContainText("Valderice");
  const message = await testDb().emailMessage.findFirstOrThrow({ where: { toEmail: gestore, template: "invitation" } });
  const invitationPath = new URL(await deliveredLink(message.id, /\/invito\//)).pathname;

  await row.getByRole("button", { name: /^Revoca/ }).click();
  await expect(page.getByRole("row", { name: /Dario Diretto/ })).toContainText("Revocato");
  // A revoked link is no link at all.
  expect((await page.goto(invitationPath))?.status()).toBe(404);
  expect((await testDb().invitation.findFirstOrThrow({ where: { email: gestore } })).status).toBe("REVOKED");
});
