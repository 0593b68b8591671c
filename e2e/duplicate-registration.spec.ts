import { expect, test } from "@playwright/test";
import { seedMeeting, testDb } from "./support/database";
import { emailsTo, fillRegistrationForm, person, registerThroughForm } from "./support/registration";

const MESSAGE = "Questo indirizzo risulta già iscritto: ti abbiamo inviato di nuovo il link personale per gestire l'iscrizione.";

test("a second registration with the same email says so on the email field, sends the personal link again and creates nothing", async ({ page }) => {
  const meeting = await seedMeeting();
  const referent = person("referente.doppio", { firstName: "Carla", lastName: "Russo" });
  await registerThroughForm(page, meeting.slug, referent);

  // Same address typed differently, other details changed.
  await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
  await fillRegistrationForm(page, { ...referent, firstName: "Carlo", email: `  ${referent.email.toUpperCase()} ` }, { type: "Altro ente", name: "Ente qualsiasi" });
  await page.getByRole("button", { name: "Invia l'iscrizione" }).click();

  const email = page.getByRole("region", { name: "I tuoi dati" }).getByRole("textbox", { name: "Email", exact: true });
  await expect(email).toHaveAccessibleDescription(new RegExp(MESSAGE.replace(/[.:']/g, ".")));
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toBeFocused();
  await expect(page.locator("#iscrizione-esito").getByRole("link", { name: MESSAGE })).toHaveAttribute("href", "#iscrizione-email");
  await expect(page).toHaveURL(`/convocazioni/${meeting.slug}/iscrizione`);
  // Nothing about the existing registration is shown, and what was typed stays.
  await expect(page.locator("main")).not.toContainText("Carla");
  await expect(page.getByRole("region", { name: "I tuoi dati" }).getByRole("textbox", { name: "Nome", exact: true })).toHaveValue("Carlo");

  const registrations = await testDb().registration.findMany({ where: { meetingId: meeting.id }, include: { person: true } });
  expect(registrations).toHaveLength(1);
  expect(registrations[0].person.firstName).toBe("Carla");
  expect((await emailsTo(referent.email)).map((message) => message.template)).toEqual(["registration-confirmed", "personal-link"]);
});
