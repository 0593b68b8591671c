import { expect, test } from "@playwright/test";
import { seedMeeting, testDb } from "./support/database";
import { emailsTo, fillRegistrationForm, person, registerThroughForm } from "./support/registration";

const MESSAGE = "Risulti già tra gli iscritti: ti abbiamo inviato di nuovo il link personale per gestire l'iscrizione.";

test("a second registration with the same email says so as information, sends the personal link again and creates nothing", async ({ page }) => {
  const meeting = await seedMeeting();
  const referent = person("referente.doppio", { firstName: "Carla", lastName: "Russo" });
  await registerThroughForm(page, meeting.slug, referent);

  // Same address typed differently, other details changed.
  await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
  await fillRegistrationForm(page, { ...referent, firstName: "Carlo", email: `  ${referent.email.toUpperCase()} ` }, { type: "Altro ente", name: "Ente qualsiasi" });
  await page.getByRole("button", { name: "Invia l'iscrizione" }).click();

  // Nothing is wrong: no red summary, no field marked invalid, the message in an information alert.
  const outcome = page.locator("#iscrizione-esito");
  await expect(outcome.locator(".alert-info")).toHaveText(MESSAGE);
  await expect(outcome.locator(".alert-danger")).toHaveCount(0);
  await expect(outcome).not.toContainText("errore");
  await expect(outcome).toBeFocused();
  const email = page.getByRole("region", { name: "I tuoi dati" }).getByRole("textbox", { name: "Email", exact: true });
  await expect(email).not.toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(`/convocazioni/${meeting.slug}/iscrizione`);
  // Nothing about the existing registration is shown, and what was typed stays.
  await expect(page.locator("main")).not.toContainText("Carla");
  await expect(page.getByRole("region", { name: "I tuoi dati" }).getByRole("textbox", { name: "Nome", exact: true })).toHaveValue("Carlo");

  const registrations = await testDb().registration.findMany({ where: { meetingId: meeting.id }, include: { person: true } });
  expect(registrations).toHaveLength(1);
  expect(registrations[0].person.firstName).toBe("Carla");
  expect((await emailsTo(referent.email)).map((message) => message.template)).toEqual(["registration-confirmed", "personal-link"]);
});
