import { expect, test } from "@playwright/test";
import { expectNoViolations } from "./support/axe";
import { createDashboardUser, goToSection, openSectionGroup, sectionsNav, signInAs, signInThroughEmail } from "./support/dashboard";

const GROUPS = ["Convocazioni", "Anagrafiche", "Comunicazioni", "Amministrazione"];

test("at 1280px the sections are one row of grouped dropdowns, opened by mouse or keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAs(page, "ADMIN");
  const nav = sectionsNav(page);
  await expect(nav.getByRole("button", { name: "Menu", exact: true })).toBeHidden();
  const tops = await nav.locator(".navbar-nav > li").evaluateAll((items) => items.map((item) => item.getBoundingClientRect().top));
  expect(tops).toHaveLength(5);
  expect(new Set(tops).size, `one row: ${tops.join(", ")}`).toBe(1);
  await expect(nav.getByRole("link", { name: "Panoramica" })).toHaveAttribute("aria-current", "page");

  // By mouse: the group opens, a click elsewhere shuts it.
  const registry = nav.getByRole("button", { name: "Anagrafiche" });
  await registry.click();
  await expect(registry).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Comuni" })).toBeVisible();
  await expectNoViolations(page);
  await page.locator("main h1").click();
  await expect(nav.getByRole("link", { name: "Comuni" })).toBeHidden();

  // By keyboard: Enter opens, Escape shuts and gives the focus back, Tab reaches the links.
  await registry.focus();
  await page.keyboard.press("Enter");
  await expect(registry).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Escape");
  await expect(registry).toHaveAttribute("aria-expanded", "false");
  await expect(registry).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Comuni" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard\/comuni$/);
  await expect(page.getByRole("heading", { level: 1, name: "Comuni" })).toBeVisible();
  await expect(nav.getByRole("button", { name: "Anagrafiche" })).toHaveClass(/active/);
  await expect(nav.getByRole("link", { name: "Comuni" })).toBeHidden();
});

test("on a phone the sections fold behind a menu button, and the page's title is on the first screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "COORDINATOR");
  const nav = sectionsNav(page);
  const toggle = nav.getByRole("button", { name: "Menu", exact: true });
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("button", { name: "Anagrafiche" })).toBeHidden();
  const header = (await page.getByRole("banner").boundingBox())!;
  expect(header.height, "the header leaves most of the screen to the page").toBeLessThan(844 / 3);
  const title = (await page.getByRole("heading", { level: 1 }).boundingBox())!;
  expect(title.y + title.height).toBeLessThan(844);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("button", { name: "Nascondi il menu" })).toBeFocused();
  await expectNoViolations(page);
  await page.keyboard.press("Escape");
  await expect(toggle).toBeFocused();
  await expect(nav.getByRole("button", { name: "Anagrafiche" })).toBeHidden();

  await goToSection(page, "Comunicazioni", "Email inviate");
  await expect(page).toHaveURL(/\/dashboard\/email$/);
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
});

test("each role sees the entries it may use", async ({ browser }) => {
  const entries = async (role: "ADMIN" | "COORDINATOR" | "OBSERVER") => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signInThroughEmail(page, (await createDashboardUser(role)).email);
    const seen: string[] = [];
    for (const group of GROUPS) {
      const nav = await openSectionGroup(page, group);
      const menu = nav.locator(`#${await nav.getByRole("button", { name: group }).getAttribute("aria-controls")}`);
      seen.push(`${group}: ${(await menu.getByRole("link").allTextContents()).join(", ")}`);
    }
    await context.close();
    return seen;
  };
  expect(await entries("ADMIN")).toEqual([
    "Convocazioni: Elenco delle convocazioni, Nuova convocazione",
    "Anagrafiche: Comuni, Referenti, Enti gestori, Persone",
    "Comunicazioni: Inviti agli enti gestori, Email inviate",
    "Amministrazione: Registro attività, Valutazioni delle pagine, Utenti, Conservazione dei dati",
  ]);
  expect(await entries("COORDINATOR")).toContain("Amministrazione: Registro attività, Valutazioni delle pagine");
  expect(await entries("OBSERVER")).toEqual([
    "Convocazioni: Elenco delle convocazioni",
    "Anagrafiche: Comuni, Referenti, Enti gestori, Persone",
    "Comunicazioni: Inviti agli enti gestori, Email inviate",
    "Amministrazione: Registro attività",
  ]);
});

test("without JavaScript every section is still a link away", async ({ browser }) => {
  const user = await createDashboardUser("OBSERVER");
  const signedIn = await browser.newContext();
  const page = await signedIn.newPage();
  await signInThroughEmail(page, user.email);
  const state = await signedIn.storageState();
  await signedIn.close();

  for (const width of [1280, 390]) {
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: state, viewport: { width, height: 844 } });
    const noScript = await context.newPage();
    await noScript.goto("/dashboard");
    const nav = noScript.getByRole("navigation", { name: "Sezioni dell'area riservata" });
    await expect(nav).toHaveCount(1);
    await expect(nav.getByRole("link", { name: "Comuni" })).toBeVisible();
    await nav.getByRole("link", { name: "Registro attività" }).click();
    await expect(noScript).toHaveURL(/\/dashboard\/registro-attivita$/);
    await context.close();
  }
});
