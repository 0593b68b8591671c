// AGPL-3.0 §13: a program offered over a network must offer its users the
// source. The public footer carries the link and names the licence; the link
// is the repository publiccode.yml declares, or the deployment's own.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { SiteFooter } from "@/components/layout/site-footer";
import { SOURCE_CODE_LICENSE, SOURCE_CODE_URL, sourceCodeUrl } from "@/lib/site";

const ROOT = path.resolve(import.meta.dirname, "..");
const footer = () => renderToStaticMarkup(createElement(SiteFooter, { lastUpdated: new Date("2026-12-03T10:00:00Z") }));

/** The footer's links, as [text, href] pairs. */
function links(html: string): [string, string][] {
  return [...html.matchAll(/<a [^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((match) => [match[2].replace(/<[^>]+>/g, "").trim(), match[1]]);
}

afterEach(() => vi.unstubAllEnvs());

describe("the public footer offers the source code", () => {
  it("links «Codice sorgente» to the repository publiccode.yml names, and names the licence of package.json", () => {
    vi.stubEnv("SOURCE_CODE_URL", "");
    const html = footer();
    expect(links(html)).toContainEqual(["Codice sorgente", SOURCE_CODE_URL]);
    expect(html).toContain(`Licenza ${SOURCE_CODE_LICENSE}`);
    expect(parse(readFileSync(path.join(ROOT, "publiccode.yml"), "utf8")).url).toBe(SOURCE_CODE_URL);
    expect(JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).license).toBe(SOURCE_CODE_LICENSE);
  });

  it("links a deployment's own repository when SOURCE_CODE_URL is set", () => {
    vi.stubEnv("SOURCE_CODE_URL", " https://git.example.org/ente/convoca-modificato ");
    expect(sourceCodeUrl()).toBe("https://git.example.org/ente/convoca-modificato");
    expect(links(footer())).toContainEqual(["Codice sorgente", "https://git.example.org/ente/convoca-modificato"]);
  });

  it("keeps the project's repository when SOURCE_CODE_URL is not a web address", () => {
    for (const value of ["javascript:alert(1)", "git.example.org/convoca", "   "]) {
      vi.stubEnv("SOURCE_CODE_URL", value);
      expect(sourceCodeUrl(), value).toBe(SOURCE_CODE_URL);
    }
  });
});
