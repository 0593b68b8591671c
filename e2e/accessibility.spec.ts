import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { seedMeeting } from "./support/database";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectNoViolations(page: import("@playwright/test").Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary).toEqual([]);
}

test.describe("axe finds no WCAG 2.1 A/AA violation", () => {
  for (const path of ["/", "/convocazioni/tavolo-tecnico-2022-03-24", "/privacy", "/accessibilita", "/pagina-inesistente"]) {
    test(`on ${path}`, async ({ page }) => {
      await page.goto(path);
      await expectNoViolations(page);
    });
  }

  test("on an open and on a cancelled convocation", async ({ page }) => {
    const open = await seedMeeting({ mode: "HYBRID", venueName: "Sala Consiliare", venueAddress: "Via Roma 1, Palermo" });
    await page.goto(`/convocazioni/${open.slug}`);
    await expectNoViolations(page);
    const cancelled = await seedMeeting({ status: "CANCELLED", cancellationReason: "Rinviato" });
    await page.goto(`/convocazioni/${cancelled.slug}`);
    await expectNoViolations(page);
  });
});
