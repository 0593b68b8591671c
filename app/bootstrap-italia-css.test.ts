// app/bootstrap-italia.css is generated (scripts/purge-css.ts) and committed:
// a component that starts using a Bootstrap Italia class the file lacks
// would render unstyled, so the file must be what the script writes today.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { OUTPUT_CSS, purgedStylesheet } from "../scripts/purge-css";

describe("app/bootstrap-italia.css", () => {
  it("is what `npm run css:purge` writes from the current source (run it and commit the file if this fails)", async () => {
    expect(readFileSync(OUTPUT_CSS, "utf8") === (await purgedStylesheet())).toBe(true);
  });

  it("keeps what JavaScript-free components and the focus ring rely on", () => {
    const css = readFileSync(OUTPUT_CSS, "utf8");
    for (const selector of ["*:focus:not([data-focus-mouse=true])", ".navbar .navbar-collapsable.expanded", ".dropdown-menu.show", ".btn-outline-danger", ".visually-hidden-focusable", ".it-header-wrapper"]) {
      expect(css, selector).toContain(selector);
    }
  });

  it("stays well under the 30 kB gzip a public page may load in CSS (issue 16)", () => {
    expect(gzipSync(readFileSync(OUTPUT_CSS)).length).toBeLessThan(25_000);
  });
});
