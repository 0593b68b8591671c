// What the funder's reporting reads, as a coordinator sets it: the SAI flag
// for a selection of Comuni at once (with and without JavaScript), and the
// attestati page naming who is present with no minutes before issuing.
import { expect, test, type Page } from "@playwright/test";
import { createRegistrationRecord } from "../lib/test/factories";
import { expectNoViolations } from "./support/axe";
import { signInAs, signInThroughEmail, createDashboardUser } from "./support/dashboard";
import { seedMeeting, testDb } from "./support/database";

test.describe.configure({ timeout: 120_000 });

const HOUR = 3600_000;
// Small Comuni no other spec touches: their SAI flags are ours to set.
const COMUNI = ["Castel di Lucio", "Moio Alcantara", "Roccafiorita"];

async function axeAtBothWidths(page: Page, screenshot?: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoViolations(page);
    if (screenshot) await page.screenshot({ path: `test-results/${screenshot}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const flags = async () =>
  Object.fromEntries(
    (await testDb().municipality.findMany({ where: { name: { in: COMUNI } }, select: { name: true, saiMember: true } })).map((m) => [m.name, m.saiMember]),
  );

test("a coordinator sets and clears the SAI flag of a selection of Comuni, with and without JavaScript", async ({ page, browser, baseURL }) => {
  await testDb().municipality.updateMany({ where: { name: { in: COMUNI } }, data: { saiMember: false } });
  const coordinator = await signInAs(page, "COORDINATOR");
  await page.goto("/dashboard/comuni?provincia=ME&cerca=io");
  const table = page.getByRole("table", { name: /Comuni/ });
  await expect(table).toBeVisible();
  await page.getByRole("checkbox", { name: "Seleziona Castel di Lucio" }).check();
  await page.getByRole("checkbox", { name: "Seleziona Moio Alcantara" }).check();
  await expect(page.getByText("2 Comuni selezionati.")).toBeVisible();
  await page.getByRole("button", { name: "Segna come aderenti al SAI" }).click();
  await expect(page.getByText("2 Comuni segnati come aderenti al SAI: Castel di Lucio e Moio Alcantara.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Castel di Lucio/ })).toContainText("Aderente");
  expect(await flags()).toEqual({ "Castel di Lucio": true, "Moio Alcantara": true, Roccafiorita: false });
  const audited = await testDb().auditEntry.count({ where: { action: "municipality.sai-flag", actorId: coordinator.id } });
  expect(audited).toBe(2);
  await axeAtBothWidths(page, "comuni-sai-selezione");

  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const noJs = await context.newPage();
  const again = await createDashboardUser("COORDINATOR");
  await signInThroughEmail(noJs, again.email);
  await noJs.goto("/dashboard/comuni?provincia=ME&cerca=io");
  await noJs.getByRole("checkbox", { name: "Seleziona Castel di Lucio" }).check();
  await noJs.getByRole("checkbox", { name: "Seleziona Roccafiorita" }).check();
  await noJs.getByRole("button", { name: "Togli l'adesione al SAI" }).click();
  await expect(noJs.getByText("1 Comune non più segnato come aderente al SAI: Castel di Lucio. 1 Comune aveva già questo valore.")).toBeVisible();
  expect(await flags()).toEqual({ "Castel di Lucio": false, "Moio Alcantara": true, Roccafiorita: false });
  await context.close();
});

test("an observer sees the Comuni without the selection", async ({ page }) => {
  await signInAs(page, "OBSERVER");
  await page.goto("/dashboard/comuni?provincia=ME&cerca=io");
  await expect(page.getByRole("table", { name: /Comuni/ })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /^Seleziona/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Segna come aderenti al SAI" })).toHaveCount(0);
});

test("before issuing, the attestati page lists who is present with no minutes", async ({ page }) => {
  const db = testDb();
  const startsAt = new Date(Date.now() - 4 * HOUR);
  const meeting = await seedMeeting({ title: "Tavolo tecnico con check-in", startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR), registrationOpensAt: new Date(startsAt.getTime() - 10 * 24 * HOUR) });
  await createRegistrationRecord(db, meeting.id, { firstName: "Rita", lastName: "Conminuti", attendance: { status: "PRESENT", minutes: 90, method: "PLATFORM_REPORT" } });
  await createRegistrationRecord(db, meeting.id, { firstName: "Carmelo", lastName: "Soloingresso", organisationName: "Prefettura di Enna", attendance: { status: "PRESENT", minutes: null, method: "CHECK_IN" } });

  await signInAs(page, "COORDINATOR");
  await page.goto(`/dashboard/convocazioni/${meeting.id}/attestati`);
  const section = page.getByRole("region", { name: "Presenti senza minuti registrati (1)" });
  await expect(section).toBeVisible();
  await expect(section).toContainText("Questa persona è segnata presente senza minuti, mentre altri partecipanti li hanno: non riceverà l'attestato");
  await expect(section.getByRole("listitem")).toHaveText(["Soloingresso Carmelo (Prefettura di Enna)"]);
  await expect(section.getByRole("link", { name: "Presenze" })).toHaveAttribute("href", `/dashboard/convocazioni/${meeting.id}/presenze`);
  await expect(page.getByRole("heading", { name: "Con i requisiti, senza attestato (1)" })).toBeVisible();
  await axeAtBothWidths(page, "attestati-senza-minuti");
});
