import { expect, test } from "@playwright/test";
import { seedMeeting } from "./support/database";

test.describe("home, privacy notice and accessibility statement", () => {
  test("the home page lists upcoming and past convocations and explains the Coordinamento", async ({ page }) => {
    const upcoming = await seedMeeting({ title: `Webinar in arrivo sul SAI ${Date.now()}` });
    const draft = await seedMeeting({ status: "DRAFT", title: "Bozza riservata ai coordinatori" });
    await page.goto("/");
    const main = page.locator("main");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(main).toContainText(/Coordinamento/);
    await expect(main.getByRole("link", { name: upcoming.title })).toHaveAttribute(
      "href",
      `/convocazioni/${upcoming.slug}`,
    );
    await expect(main.getByRole("link", { name: /Tavolo tecnico tra i Referenti/ })).toHaveAttribute(
      "href",
      "/convocazioni/tavolo-tecnico-2022-03-24",
    );
    await expect(main).not.toContainText(draft.title);
  });

  test("every page's footer links the privacy notice and the accessibility statement, with a last-update date", async ({
    page,
  }) => {
    for (const path of ["/", "/convocazioni/tavolo-tecnico-2022-03-24", "/privacy", "/accessibilita"]) {
      await page.goto(path);
      const footer = page.locator("footer");
      await expect(footer.getByRole("link", { name: /privacy/i }).first()).toHaveAttribute("href", "/privacy");
      await expect(footer.getByRole("link", { name: /accessibilit/i }).first()).toHaveAttribute("href", "/accessibilita");
      await expect(footer).toContainText(/ultimo aggiornamento/i);
      await expect(footer.locator("a[href^='mailto:']").first()).toBeAttached();
    }
  });

  test("the privacy notice names controller, purposes, recipients, retention, rights and the Garante", async ({ page }) => {
    await page.goto("/privacy");
    const main = page.locator("main");
    for (const text of [/ANCI Sicilia/, /titolare/i, /finalit/i, /base giuridica/i, /Ministero dell.Interno/i, /enti gestori/i, /conserva/i, /diritt/i, /Garante per la protezione dei dati personali/i, /consenso/i]) {
      await expect(main).toContainText(text);
    }
  });

  test("the accessibility statement says its status, how to report a problem and the enforcement procedure", async ({ page }) => {
    await page.goto("/accessibilita");
    const main = page.locator("main");
    for (const text of [/dichiarazione di accessibilit/i, /conforme/i, /meccanismo di feedback|segnala/i, /Difensore civico per il digitale/i, /AgID/]) {
      await expect(main).toContainText(text);
    }
  });

  test("the design system's stylesheet and fonts are served by the portal itself", async ({ page }) => {
    const external: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith("http://localhost")) external.push(request.url());
    });
    const fonts: string[] = [];
    page.on("response", (response) => {
      if (/\.(woff2?|ttf)(\?|$)/.test(response.url()) && response.ok()) fonts.push(response.url());
    });
    await page.goto("/");
    await page.evaluate(() => document.fonts.ready);
    expect(external).toEqual([]);
    expect(fonts.length).toBeGreaterThan(0);
    const family = await page.locator("body").evaluate((body) => getComputedStyle(body).fontFamily);
    expect(family).toMatch(/Titillium/i);
  });
});
