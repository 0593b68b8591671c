import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * The contrast of every visible badge's text against its own background.
 * axe leaves a badge inside a scrolling table "to review" rather than failing
 * it, so the badges are measured here (WCAG 2.1 relative luminance).
 */
export async function badgeContrasts(page: Page): Promise<{ text: string; ratio: number }[]> {
  return page.locator(".badge").evaluateAll((badges) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const channel = (value: number) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const luminance = ([r, g, b]: number[]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const background = (element: Element | null): number[] => {
      for (let node = element; node; node = node.parentElement) {
        const [r, g, b, a = 1] = rgb(getComputedStyle(node).backgroundColor);
        if (a > 0) return [r, g, b];
      }
      return [255, 255, 255];
    };
    return badges
      .filter((badge) => (badge as HTMLElement).offsetParent !== null || getComputedStyle(badge).position === "fixed")
      .map((badge) => {
        const fore = luminance(rgb(getComputedStyle(badge).color));
        const back = luminance(background(badge));
        const ratio = (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05);
        return { text: badge.textContent?.trim() ?? "", ratio: Math.round(ratio * 100) / 100 };
      });
  });
}

/** Fails with the rule and the elements of every WCAG 2.1 A/AA violation on the page as it is now, and with every badge under 4.5:1. */
export async function expectNoViolations(page: Page) {
  // A page reached by a click may still be streaming in: wait until it has its title (or fail on that, clearly).
  await expect.poll(() => page.title(), { message: "the page has no <title>" }).not.toBe("");
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary).toEqual([]);
  const faint = (await badgeContrasts(page)).filter((badge) => badge.ratio < 4.5);
  expect(faint, "badges under 4.5:1").toEqual([]);
}
