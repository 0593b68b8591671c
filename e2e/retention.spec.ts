import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { retentionCutoffs } from "../lib/retention/due";
import { planRetention } from "../lib/retention/queries";
import { retentionSettings } from "../lib/retention/settings";
import { expectNoViolations } from "./support/axe";
import { testDb } from "./support/database";
import { goToSection, signInAs } from "./support/dashboard";
import { shoot } from "./support/screenshots";

test.describe.configure({ timeout: 120_000 });

const DAY = 24 * 60 * 60 * 1000;

test("an administrator sees the periods, what the next run would touch (changing nothing) and the runs so far", async ({ page }) => {
  const db = testDb();
  // An expired sign-in code, a month old: due under the 7 days of the default settings.
  const identifier = `scaduto.${randomBytes(4).toString("hex")}@anci.example.it`;
  await db.verificationToken.create({ data: { identifier, token: randomBytes(32).toString("hex"), expires: new Date(Date.now() - 30 * DAY) } });
  // A run of last year, as the tick records it.
  const day = new Date(Date.UTC(new Date().getUTCFullYear() - 1, 5, 15));
  await db.retentionRun.upsert({
    where: { day },
    create: { day, startedAt: new Date(day.getTime() + 3 * 60 * 60 * 1000), finishedAt: new Date(day.getTime() + 3 * 60 * 60 * 1000 + 900), counts: { people: 3, auditEntries: 120, sessions: 0 } },
    update: {},
  });

  await signInAs(page, "ADMIN");
  await goToSection(page, "Amministrazione", "Conservazione dei dati");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Conservazione dei dati");

  const plan = await planRetention(db, retentionCutoffs(retentionSettings(), new Date()));
  expect(plan.sessions).toBeGreaterThanOrEqual(1);
  const next = page.getByRole("table", { name: /quanti dati sono scaduti ora/ });
  const sessions = next.getByRole("row", { name: /Sessioni e codici di accesso/ });
  await expect(sessions).toContainText("7 giorni dalla scadenza");
  await expect(sessions.getByRole("cell").last()).toHaveText(plan.sessions.toLocaleString("it-IT"));
  await expect(next.getByRole("row", { name: /Iscrizioni e presenze/ })).toContainText("5 anni dal 31 dicembre dell'anno dell'incontro");

  const runs = page.getByRole("table", { name: /esecuzion/ });
  const lastYear = runs.getByRole("row", { name: new RegExp(`15 giugno ${day.getUTCFullYear()}`) });
  await expect(lastYear).toContainText("Persone: 3");
  await expect(lastYear).toContainText("Registro attività: 120");
  await expect(lastYear).not.toContainText("Sessioni");

  // A dry run: the code is still there.
  expect(await db.verificationToken.count({ where: { identifier } })).toBe(1);
  await shoot(page, "conservazione");

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.reload();
    await expectNoViolations(page);
  }
});

test("the page is for administrators only: a coordinator neither sees the link nor opens it", async ({ page }) => {
  await signInAs(page, "COORDINATOR");
  await page.goto("/dashboard");
  await expect(page.getByRole("link", { name: "Conservazione dei dati" })).toHaveCount(0);
  const response = await page.goto("/dashboard/conservazione");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Accesso non consentito" })).toBeVisible();
});

test("the privacy notice states the same periods, with the FAMI rules they come from", async ({ page }) => {
  await page.goto("/privacy#conservazione");
  const table = page.getByRole("table", { name: /Periodi di conservazione/ });
  await expect(table.getByRole("row", { name: /Iscrizioni e presenze/ })).toContainText("5 anni dal 31 dicembre dell'anno dell'incontro");
  await expect(table.getByRole("row", { name: /Registro email/ })).toContainText("12 mesi dall'invio");
  await expect(table.getByRole("row", { name: /Registro attività/ })).toContainText("24 mesi");
  await expect(table.getByRole("row", { name: /Referenti revocati/ })).toContainText("12 mesi dalla revoca");
  await expect(table.getByRole("row", { name: /Consenso alle comunicazioni/ })).toContainText("fino alla revoca");
  await expect(page.locator("main")).toContainText("Regolamento (UE) n. 514/2014");
  await expect(page.locator("main")).toContainText("art. 82 del Regolamento (UE) 2021/1060");
  await expect(page.locator("main")).toContainText("4 dicembre 2026");
  await shoot(page, "privacy-conservazione");
});
