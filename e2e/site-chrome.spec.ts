import { expect, test, type Page } from "@playwright/test";
import { NOT_CONFIGURED, ownerDetails } from "../lib/site";
import { signInAs } from "./support/dashboard";

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/**
 * Where the header's first item starts (the brand; on a phone the menu button,
 * with the brand after it), where the slim header's owner starts, and where
 * the main content's text starts.
 */
async function leftEdges(page: Page) {
  return page.evaluate(() => {
    const x = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().x;
    const main = document.querySelector("main")!;
    const toggler = document.querySelector(".custom-navbar-toggler")!;
    return {
      brand: toggler.getClientRects().length > 0 ? x(".custom-navbar-toggler") : x(".it-header-center-wrapper .it-brand-wrapper a"),
      owner: x(".it-header-slim-wrapper .navbar-brand"),
      content: main.getBoundingClientRect().x + parseFloat(getComputedStyle(main).paddingLeft),
    };
  });
}

test("the home page loads with no 404, its favicon among what it asks for", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  expect(missing).toEqual([]);
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(icon).toBeTruthy();
  const iconResponse = await page.request.get(icon!);
  expect(iconResponse.status()).toBe(200);
  expect(iconResponse.headers()["content-type"]).toContain("image/svg+xml");
  for (const mark of ["/marchi/anci-sicilia.svg", "/marchi/coordinamento-comuni-sai.svg"]) {
    const response = await page.request.get(mark);
    expect(response.status(), mark).toBe(200);
    expect(await response.text(), mark).toContain("<title");
  }
});

for (const viewport of VIEWPORTS) {
  test(`at ${viewport.width}px the header starts where the content starts, in public pages and in the dashboard`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signInAs(page, "OBSERVER");
    for (const path of ["/", "/privacy", "/dashboard", "/dashboard/comuni"]) {
      await page.goto(path);
      const edges = await leftEdges(page);
      expect(Math.abs(edges.brand - edges.content), `${path} brand ${JSON.stringify(edges)}`).toBeLessThanOrEqual(2);
      expect(Math.abs(edges.owner - edges.content), `${path} owner ${JSON.stringify(edges)}`).toBeLessThanOrEqual(2);
    }
  });
}

test("the slim header leads to the reserved area, through sign-in", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("banner").getByRole("link", { name: "Area riservata" }).click();
  await expect(page).toHaveURL(/\/accedi\?callbackUrl=%2Fdashboard/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the footer gives ANCI Sicilia's PEC and tax code, and the privacy notice the DPO's contact", async ({ page }) => {
  const owner = ownerDetails();
  await page.goto("/");
  const footer = page.getByRole("contentinfo");
  await expect(footer).toContainText(`Codice fiscale: ${owner.taxCode}`);
  await expect(footer).toContainText(`PEC: ${owner.pec}`);
  // The e2e server runs unconfigured: it says so instead of showing a made-up number.
  expect(owner.taxCode).toBe(NOT_CONFIGURED);

  await page.goto("/privacy");
  const dpo = page.locator("h2#rpd + p");
  await expect(dpo).toContainText(owner.dpo.name);
  await expect(dpo.getByRole("link", { name: owner.dpo.email })).toHaveAttribute("href", `mailto:${owner.dpo.email}`);
  // A contact, not a pointer to another site.
  await expect(dpo.locator('a[href^="http"]')).toHaveCount(0);
});
