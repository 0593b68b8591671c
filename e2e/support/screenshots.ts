import type { Page } from "@playwright/test";

const SHOTS = process.env.E2E_SCREENSHOTS;

/** With E2E_SCREENSHOTS set to a folder: full-page screenshots at 1280 and 390 px, to look at what a spec walked through. */
export async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
