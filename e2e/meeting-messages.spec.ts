import { expect, test } from "@playwright/test";
import { createRegistrationRecord } from "../lib/test/factories";
import { expectNoViolations } from "./support/axe";
import { signInAs } from "./support/dashboard";
import { seedMeeting, testDb } from "./support/database";
import { uniqueEmail } from "./support/registration";

test.describe.configure({ timeout: 120_000 });

const HOUR = 3600_000;

test("a coordinator thanks those present: the rule is sent now to the two present only, and marked sent to 2", async ({ page }) => {
  const startsAt = new Date(Date.now() - 4 * HOUR);
  const meeting = await seedMeeting({ title: "Webinar concluso con presenze", startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR) });
  const present = [uniqueEmail("presente.uno"), uniqueEmail("presente.due")];
  const absent = uniqueEmail("assente");
  await createRegistrationRecord(testDb(), meeting.id, { email: present[0], firstName: "Paola", lastName: "Presente", attendance: "PRESENT" });
  await createRegistrationRecord(testDb(), meeting.id, { email: present[1], firstName: "Piero", lastName: "Presente", attendance: "PRESENT" });
  await createRegistrationRecord(testDb(), meeting.id, { email: absent, firstName: "Alda", lastName: "Assente", attendance: "ABSENT" });

  await signInAs(page, "COORDINATOR");
  await page.goto(`/dashboard/convocazioni/${meeting.id}/messaggi`);
  await expect(page.getByRole("heading", { level: 1, name: "Promemoria e messaggi" })).toBeVisible();
  await expect(page.getByText("Nessun messaggio programmato per questa convocazione.")).toBeVisible();

  // Start from the suggested text, then move it a day later so only "Invia ora" sends it.
  await page.getByRole("link", { name: "Grazie e materiali ai presenti" }).click();
  const form = page.getByRole("region", { name: "Aggiungi un messaggio" });
  await expect(form.getByRole("textbox", { name: /^Oggetto/ })).toHaveValue("Grazie per la partecipazione: {incontro}");
  await expect(form.getByRole("radio", { name: "Presenti" })).toBeChecked();
  await form.getByRole("textbox", { name: /^Quanto prima o dopo/ }).fill("1");
  // After "1" the unit agrees: "giorno", not "giorni".
  await form.getByRole("combobox", { name: "Unità" }).selectOption({ label: "giorno" });
  await form.getByRole("textbox", { name: /^Testo/ }).fill("Gentile {nome},\n\ngrazie! Le **slide** sono sul sito del progetto.");
  const preview = page.getByRole("region", { name: /Anteprima/ });
  await expect(preview).toContainText("Grazie per la partecipazione: Webinar concluso con presenze");
  await expect(preview.locator("strong", { hasText: "slide" })).toBeVisible();
  await expect(preview).toContainText("Gentile Maria,");

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  await form.getByRole("button", { name: "Aggiungi il messaggio" }).click();
  await expect(page.getByText("Messaggio aggiunto.")).toBeVisible();
  const row = page.getByRole("row", { name: /Grazie per la partecipazione/ });
  await expect(row).toContainText("1 giorno dopo la fine");
  await expect(row).toContainText("Presenti");
  await expect(row).toContainText("Programmato");

  await row.getByRole("button", { name: /^Invia ora/ }).click();
  await expect(page.getByText("Messaggio in invio")).toBeVisible();
  await expect(row).toContainText("Inviato");
  await expect(row).toContainText("a 2 persone");
  await expect(row).toContainText("Già inviato: sola lettura");
  await expect(row.getByRole("button")).toHaveCount(0);

  const messages = await testDb().emailMessage.findMany({ where: { meetingId: meeting.id, template: "meeting-message" }, orderBy: { toEmail: "asc" } });
  expect(messages.map((message) => message.toEmail)).toEqual([...present].sort());
  const data = messages.map((message) => message.data as { subject: string; body: string; audience: string });
  expect(data.map((d) => d.subject)).toEqual(["Grazie per la partecipazione: Webinar concluso con presenze", "Grazie per la partecipazione: Webinar concluso con presenze"]);
  expect(data.map((d) => d.body.split(",")[0]).sort()).toEqual(["Gentile Paola", "Gentile Piero"]);
  expect(await testDb().emailMessage.count({ where: { toEmail: absent } })).toBe(0);

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoViolations(page);
  }
});

test("an observer reads the rules but has no form and no buttons", async ({ page }) => {
  const meeting = await seedMeeting({ title: "Tavolo con promemoria" });
  await testDb().meetingMessageRule.create({
    data: { meetingId: meeting.id, anchor: "BEFORE_START", offsetMinutes: 1440, audience: "CONFIRMED", subject: "Promemoria di domani", body: "A domani." },
  });
  await signInAs(page, "OBSERVER");
  await page.goto(`/dashboard/convocazioni/${meeting.id}/messaggi`);
  const row = page.getByRole("row", { name: /Promemoria di domani/ });
  await expect(row).toContainText("1 giorno prima dell'inizio");
  await expect(row).toContainText("Iscritti confermati");
  await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Aggiungi un messaggio" })).toHaveCount(0);
});
