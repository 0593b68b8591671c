import { expect, test, type Page } from "@playwright/test";
import { expectNoViolations } from "./support/axe";
import { registerViaApi, signInAs } from "./support/dashboard";
import { seedMeeting, testDb } from "./support/database";
import { linkFromEmail, person, registerThroughForm, uniqueEmail } from "./support/registration";

const FULL = "Posti esauriti: puoi iscriverti alla lista d'attesa";

async function atBothWidths(page: Page, check: () => Promise<void>) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await check();
  }
}

test("seats left show on the home card, the convocation box and the form, and a full meeting says so before anyone registers", async ({ page, baseURL }) => {
  const title = `Webinar a numero chiuso ${uniqueEmail("posti").split("@")[0]}`;
  const meeting = await seedMeeting({ capacity: 2, title });
  const card = page.locator("article").filter({ has: page.getByRole("link", { name: title }) });
  const box = page.getByRole("region", { name: "Iscrizione", exact: true });

  await page.goto("/");
  await expect(card).toContainText("Iscrizioni aperte - Posti disponibili: 2");
  await registerViaApi(baseURL!, meeting.slug, { firstName: "Prima", lastName: "Iscritta", email: uniqueEmail("posti.uno") });
  await page.goto(`/convocazioni/${meeting.slug}`);
  await expect(box).toContainText("Posto disponibile: 1");
  await expect(box.getByRole("link", { name: "Iscriviti", exact: true })).toBeVisible();

  await registerViaApi(baseURL!, meeting.slug, { firstName: "Seconda", lastName: "Iscritta", email: uniqueEmail("posti.due") });
  await page.goto("/");
  await expect(card).toContainText(FULL);
  await expect(card).not.toContainText("Iscrizioni aperte");

  await page.goto(`/convocazioni/${meeting.slug}`);
  await expect(box).toContainText(FULL);
  await expect(box.getByRole("link", { name: "Iscriviti alla lista d'attesa" })).toHaveAttribute("href", `/convocazioni/${meeting.slug}/iscrizione`);
  await atBothWidths(page, () => expectNoViolations(page));

  await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
  await expect(page.getByRole("heading", { name: FULL })).toBeVisible();
  await atBothWidths(page, () => expectNoViolations(page));
});

test("the waitlisted are told their place in the queue on the confirmation and on their personal page", async ({ page, baseURL }) => {
  const meeting = await seedMeeting({ capacity: 1 });
  await registerViaApi(baseURL!, meeting.slug, { firstName: "Unica", lastName: "Confermata", email: uniqueEmail("coda.confermata") });
  await registerViaApi(baseURL!, meeting.slug, { firstName: "Primo", lastName: "In attesa", email: uniqueEmail("coda.primo") });

  const second = person("coda.secondo", { firstName: "Sara" });
  const personalPath = await registerThroughForm(page, meeting.slug, second, { type: "Altro ente", name: "Prefettura" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sei in lista d'attesa");
  const outcome = page.getByRole("status").filter({ hasText: "in lista d'attesa" });
  await expect(outcome).toContainText("Posizione in lista d'attesa: 2");
  await atBothWidths(page, () => expectNoViolations(page));

  await page.goto(await linkFromEmail(second.email, "registration-waitlisted", "personalUrl"));
  await expect(page.locator("main .callout.warning")).toContainText("Posizione in lista d'attesa: 2");
  expect(new URL(page.url()).pathname).toBe(personalPath);
  await atBothWidths(page, () => expectNoViolations(page));
});

test("the coverage page offers no reminders for a full meeting and says why", async ({ page, baseURL }) => {
  const meeting = await seedMeeting({ capacity: 1, title: "Tavolo tecnico al completo" });
  await registerViaApi(baseURL!, meeting.slug, { firstName: "Unica", lastName: "Iscritta", email: uniqueEmail("copertura.piena") });
  // A SAI Comune with a referent and nobody registered: the reminder would be offered if seats were left.
  const pollina = await testDb().municipality.findFirstOrThrow({ where: { name: "Pollina" } });
  const municipality = await testDb().municipality.update({ where: { id: pollina.id }, data: { saiMember: true } });
  const referent = await testDb().person.create({ data: { email: uniqueEmail("referente.pollina"), firstName: "Rita", lastName: "Referente" } });
  await testDb().referent.create({ data: { municipalityId: municipality.id, personId: referent.id, role: "POLITICAL", source: "COORDINATOR" } });

  await signInAs(page, "COORDINATOR");
  await page.goto(`/dashboard/convocazioni/${meeting.id}/copertura`);
  const section = page.getByRole("region", { name: /Con referente ma senza iscrizioni/ });
  await expect(section).toContainText(municipality.name);
  await expect(section).toContainText("I posti sono esauriti: i promemoria non vengono inviati");
  await expect(page.getByRole("button", { name: "Invia il promemoria ai referenti" })).toHaveCount(0);
});
