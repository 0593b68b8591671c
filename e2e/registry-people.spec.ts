import { readFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectNoViolations } from "./support/axe";
import { seedMeeting, testDb } from "./support/database";
import { signInAs } from "./support/dashboard";
import { tick, uniqueEmail } from "./support/registration";

// Whole journeys with an axe check of every page at two widths: more than the default 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 180_000 });

// A small Comune no other spec touches: its SAI flag is ours to set.
const ISTAT = "082069";
const NAME = "Sclafani Bagni";

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/** axe on the page as it is, at a desktop width and at a phone's. */
async function axeAtBothWidths(page: Page) {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await expectNoViolations(page);
  }
  await page.setViewportSize(VIEWPORTS[0]);
}

/** A person with a registration for the Comune, written straight to the database. */
async function seedPerson(lastName: string, { resetSaiFlag = false } = {}) {
  const meeting = await seedMeeting({ title: `Tavolo tecnico ${lastName}` });
  // Only the coordinator's test sets the flag (the tests of a file may run at the same time).
  const municipality = resetSaiFlag
    ? await testDb().municipality.update({ where: { istatCode: ISTAT }, data: { saiMember: false } })
    : await testDb().municipality.findUniqueOrThrow({ where: { istatCode: ISTAT } });
  const email = uniqueEmail("ermenegilda");
  const person = await testDb().person.create({ data: { email, firstName: "Ermenegilda", lastName, phone: "333 987 6543" } });
  await testDb().registration.create({
    data: {
      meetingId: meeting.id,
      personId: person.id,
      status: "CONFIRMED",
      organisationType: "COMUNE",
      municipalityId: municipality.id,
      roleTitle: "Assessora",
      privacyNoticeVersion: "2026-11-26",
      privacyConsentAt: new Date(),
      tokenHash: randomBytes(32).toString("hex"),
      tokenExpiresAt: new Date(Date.now() + 30 * 24 * 3600_000),
      confirmedAt: new Date(),
    },
  });
  return { meeting, municipality, person, email };
}

test("a coordinator filters the Comuni, sets the SAI flag, exports a person's data and erases it", async ({ page }) => {
  const lastName = `Cancellabile${randomBytes(3).toString("hex")}`;
  const { meeting, municipality, person, email } = await seedPerson(lastName, { resetSaiFlag: true });
  const coordinator = await signInAs(page, "COORDINATOR");

  await page.goto("/dashboard/comuni");
  await expect(page.getByRole("heading", { level: 1, name: "Comuni" })).toBeVisible();
  // The 391 of the seed, and any other spec added meanwhile.
  const total = Number((await page.getByRole("status").textContent())?.match(/^(\d+) Comuni/)?.[1]);
  expect(total).toBeGreaterThanOrEqual(391);
  await axeAtBothWidths(page);
  await page.getByLabel("Nome o codice ISTAT").fill("sclafani");
  await page.getByLabel("Provincia").selectOption("PA");
  await page.getByRole("button", { name: "Filtra" }).click();
  await expect(page).toHaveURL(/cerca=sclafani/);
  await expect(page).toHaveURL(/provincia=PA/);
  await expect(page.getByRole("status")).toContainText("2 Comuni");
  const row = page.getByRole("row", { name: new RegExp(NAME) });
  await expect(row).toContainText("Non aderente");
  await expect(row).toContainText(ISTAT);
  await row.getByRole("link", { name: NAME }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Comune di ${NAME}` })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(meeting.title) })).toContainText(`Ermenegilda ${lastName}`);
  await axeAtBothWidths(page);
  await page.getByRole("button", { name: "Segna come aderente al SAI" }).click();
  await expect(page.getByText(`${NAME} è ora segnato come aderente al SAI.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Togli l'adesione al SAI" })).toBeVisible();
  await expect.poll(async () => (await testDb().municipality.findUniqueOrThrow({ where: { id: municipality.id } })).saiMember).toBe(true);
  expect(await testDb().auditEntry.count({ where: { action: "municipality.sai-flag", entityId: municipality.id, actorId: coordinator.id } })).toBe(1);

  await page.goto(`/dashboard/persone?cerca=${lastName}`);
  await expect(page.getByRole("status")).toContainText("1 persona");
  await axeAtBothWidths(page);
  await page.getByRole("link", { name: `${lastName} Ermenegilda` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Ermenegilda ${lastName}` })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(meeting.title) })).toContainText("Confermata");
  await axeAtBothWidths(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Esporta i dati (JSON)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`persona-${person.id}.json`);
  const exported = JSON.parse(await readFile((await file.path())!, "utf8"));
  expect(exported.person).toMatchObject({ email, lastName });
  expect(exported.registrations).toHaveLength(1);
  expect(JSON.stringify(exported)).not.toContain("tokenHash");

  await tick(page.getByRole("checkbox", { name: "Confermo di voler cancellare i dati di questa persona" }));
  await page.getByRole("button", { name: "Cancella i dati" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Persona con dati cancellati" })).toBeVisible();
  await expect(page).toHaveTitle(/^Persona con dati cancellati/);
  // The title is in the HTML's <head>, not streamed after the content (next.config.mjs: htmlLimitedBots).
  const html = await (await page.request.get(`/dashboard/persone/${person.id}`)).text();
  expect(html.indexOf("<title>Persona con dati cancellati")).toBeGreaterThan(-1);
  expect(html.indexOf("<title>")).toBeLessThan(html.indexOf("</head>"));
  await expect(page.getByText(/I dati di questa persona sono stati cancellati il/)).toBeVisible();
  await expect(page.getByText(email)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancella i dati" })).toHaveCount(0);
  await axeAtBothWidths(page);
  expect(await testDb().auditEntry.count({ where: { action: { in: ["person.export", "person.erase"] }, entityId: person.id } })).toBe(2);
  expect(await testDb().registration.count({ where: { personId: person.id, status: "CONFIRMED" } })).toBe(1);
});

test("an observer reads the Comune and the person, with no SAI or erase form, and cannot export", async ({ page }) => {
  const lastName = `Osservata${randomBytes(3).toString("hex")}`;
  const { municipality, person } = await seedPerson(lastName);
  await signInAs(page, "OBSERVER");

  await page.goto(`/dashboard/comuni/${municipality.id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Comune di ${NAME}` })).toBeVisible();
  await expect(page.getByRole("button", { name: /aderente al SAI|adesione al SAI/ })).toHaveCount(0);

  await page.goto(`/dashboard/persone/${person.id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Ermenegilda ${lastName}` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancella i dati" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Esporta i dati (JSON)" })).toHaveCount(0);
  const response = await page.request.get(`/dashboard/persone/${person.id}/esporta`);
  expect(response.status()).toBe(403);

  expect((await page.goto("/dashboard/comuni/non-un-id"))?.status()).toBe(404);
  expect((await page.goto("/dashboard/persone/00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);
});
