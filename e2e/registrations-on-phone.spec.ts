import { expect, test } from "@playwright/test";
import { expectNoViolations } from "./support/axe";
import { seedMeeting } from "./support/database";
import { registerViaApi, signInAs } from "./support/dashboard";
import { uniqueEmail } from "./support/registration";

test.describe.configure({ timeout: 90_000 });

async function meetingWithRegistrations(baseURL: string) {
  const meeting = await seedMeeting({ capacity: 1, title: "Tavolo tecnico al telefono" });
  for (const name of ["Anna", "Bruno"]) {
    await registerViaApi(baseURL, meeting.slug, { firstName: name, lastName: "Telefono", email: uniqueEmail(name.toLowerCase()), municipality: "Monreale" });
  }
  return meeting;
}

test("at 1280px the list comes first, under folded filters", async ({ page, baseURL }) => {
  const meeting = await meetingWithRegistrations(baseURL!);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAs(page, "COORDINATOR");
  await page.goto(`/dashboard/convocazioni/${meeting.id}/iscrizioni`);
  const list = page.getByRole("heading", { level: 2, name: "Elenco delle iscrizioni" });
  expect((await list.boundingBox())!.y, "the list starts on the first screen").toBeLessThan(800);
  const summary = (await page.getByRole("heading", { level: 2, name: "Riepilogo" }).boundingBox())!;
  expect(summary.y).toBeGreaterThan((await list.boundingBox())!.y);

  const search = page.getByRole("searchbox", { name: "Cerca per nome, email o ente" });
  await expect(search).toBeHidden();
  await page.getByText("Cerca e filtra").click();
  await search.fill("Bruno");
  await page.getByRole("button", { name: "Applica" }).click();
  await expect(page).toHaveURL(/q=Bruno/);
  // A search in force keeps the filters open, and says so.
  await expect(search).toBeVisible();
  await expect(page.locator("details.registration-filters summary")).toContainText("filtri attivi");
  await expect(page.getByRole("region", { name: "Tabella delle iscrizioni" })).toContainText("Telefono Bruno");
  await expect(page.getByRole("region", { name: "Tabella delle iscrizioni" })).not.toContainText("Telefono Anna");
});

test("on a phone each registration is a card: check in from its menu, which then shuts, with no sideways scrolling", async ({ page, baseURL }) => {
  const meeting = await meetingWithRegistrations(baseURL!);
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "COORDINATOR");
  await page.goto(`/dashboard/convocazioni/${meeting.id}/iscrizioni`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoViolations(page);

  const card = page.locator("tbody tr", { hasText: "Telefono Anna" });
  const cardBox = (await card.boundingBox())!;
  expect(cardBox.x).toBeGreaterThanOrEqual(0);
  expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(390);
  await expect(card).toContainText("Confermata");
  // Each value is labelled on the card, as the column's header would.
  const labels = await card.locator("td[data-label]").evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell, "::before").content));
  expect(labels).toEqual(['"N.: "', '"Ente: "', '"Stato: "', '"Presenza: "', '"Iscrizione: "', '"Provenienza: "']);
  await expect(page.locator("tbody tr", { hasText: "Telefono Bruno" })).toContainText("In lista d'attesa");

  const menu = card.locator("details");
  await card.getByText("Azioni").click();
  await expect(menu).toHaveAttribute("open", "");
  await card.getByRole("button", { name: "Check-in ora (Anna Telefono)" }).click();
  const outcome = page.locator(".form-outcome .alert");
  await expect(outcome).toHaveText("Check-in registrato per 1 iscrizione.");
  await expect(outcome).toHaveClass(/alert-success/);
  await expect(card.locator('td[data-label="Presenza"]')).toContainText("Presente");
  await expect(menu).not.toHaveAttribute("open", "");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Marking someone absent twice: the second time nothing changes, and that is not a success.
  for (const expected of [/^Assenza registrata per 1 iscrizione\.$/, /^Nessuna iscrizione modificata\./]) {
    await card.getByText("Azioni").click();
    await card.getByRole("button", { name: "Segna assente (Anna Telefono)" }).click();
    await expect(outcome).toHaveText(expected);
    await expect(menu).not.toHaveAttribute("open", "");
  }
  await expect(outcome).toHaveClass(/alert-info/);
  await expect(outcome).not.toHaveClass(/alert-success/);
});
