import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Fails with the rule and the elements of every WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectNoViolations(page: Page) {
  // A page reached by a click may still be streaming in: wait until it has its title (or fail on that, clearly).
  await expect.poll(() => page.title(), { message: "the page has no <title>" }).not.toBe("");
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary).toEqual([]);
}
