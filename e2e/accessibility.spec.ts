import { test } from "@playwright/test";
import { expectNoViolations } from "./support/axe";
import { seedMeeting } from "./support/database";

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

for (const viewport of VIEWPORTS) {
  test.describe(`axe finds no WCAG 2.1 A/AA violation at ${viewport.width}px`, () => {
    test.use({ viewport });

    for (const path of ["/", "/convocazioni/tavolo-tecnico-2022-03-24", "/privacy", "/accessibilita", "/pagina-inesistente"]) {
      test(`on ${path}`, async ({ page }) => {
        await page.goto(path);
        await expectNoViolations(page);
      });
    }

    test("on an open and on a cancelled convocation, and on the home page listing the cancelled one", async ({ page }) => {
      const open = await seedMeeting({ mode: "HYBRID", venueName: "Sala Consiliare", venueAddress: "Via Roma 1, Palermo" });
      await page.goto(`/convocazioni/${open.slug}`);
      await expectNoViolations(page);
      const cancelled = await seedMeeting({ status: "CANCELLED", cancellationReason: "Rinviato" });
      await page.goto(`/convocazioni/${cancelled.slug}`);
      await expectNoViolations(page);
      await page.goto("/");
      await expectNoViolations(page);
    });
  });
}
