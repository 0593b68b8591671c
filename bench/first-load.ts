// npm run bench:first-load
//
// What a first visit downloads before the page works, for the home, the
// reference convocation and the registration form of an open meeting: the
// stylesheets and the scripts their HTML references (<link rel="stylesheet">,
// <script src>, less the noModule polyfills a modern browser skips), as served by the production server (`scripts/serve.ts
// start`), each file read from the build (.next/static) and gzipped here.
// It prints the figures against the targets of issue 16 and asserts nothing.
import os from "node:os";
import path from "node:path";
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { log, runBenchmark, tableText } from "./support/in-process";
import { requireProjectRoot, ROOT } from "./support/options";
import { startPublicPages, type PublicPage } from "./support/public-pages";
import { ensureProductionBuild } from "./support/stack";

requireProjectRoot("npm run bench:first-load");

/** Targets of issue 16, in kB (1000 bytes) of gzip. */
const CSS_TARGET_KB = 30;
const JS_TARGET_KB: Record<PublicPage["name"], number> = { home: 120, convocation: 120, form: 160 };

export type Asset = { url: string; kind: "css" | "js"; bytes: number; gzip: number };

/** The stylesheets and scripts an HTML page references, in document order. */
export function referencedAssets(html: string): { url: string; kind: "css" | "js" }[] {
  const found: { url: string; kind: "css" | "js" }[] = [];
  for (const tag of html.match(/<(link|script)\b[^>]*>/g) ?? []) {
    const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    if (tag.startsWith("<script")) {
      const src = attribute("src");
      // A browser that runs modules never fetches a noModule script (Next's polyfills for old browsers).
      if (src && !/\snomodule(=|\s|>)/i.test(tag)) found.push({ url: src, kind: "js" });
    } else if (attribute("rel") === "stylesheet" && attribute("href")) {
      found.push({ url: attribute("href")!, kind: "css" });
    }
  }
  return found.filter((asset, index) => found.findIndex((other) => other.url === asset.url) === index);
}

/** A /_next/static/… file as the build wrote it. */
function readBuiltFile(url: string): Buffer {
  const pathname = decodeURIComponent(new URL(url, "http://localhost").pathname);
  if (!pathname.startsWith("/_next/static/")) throw new Error(`Not a file of the build: ${url}`);
  const file = path.join(ROOT, ".next", "static", pathname.slice("/_next/static/".length));
  if (!existsSync(file)) throw new Error(`${url} is referenced by the page but missing from .next/static: is the build the one the server runs?`);
  return readFileSync(file);
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

await runBenchmark(async (resources) => {
  const loadAverage = os.loadavg()[0];
  log(`load average at the start: ${os.loadavg().map((value) => value.toFixed(2)).join(" ")}`);
  const build = ensureProductionBuild(log);
  log(`build ${build.buildId} of ${build.builtAt.toISOString()}`);
  const { stack, pages } = await startPublicPages(resources, log);

  const rows: string[][] = [];
  const verdicts: string[] = [];
  let allMet = true;
  for (const page of pages) {
    const response = await fetch(stack.baseUrl + page.path);
    if (!response.ok) throw new Error(`${page.path} answered ${response.status}`);
    const html = await response.text();
    const assets: Asset[] = referencedAssets(html).map(({ url, kind }) => {
      const content = readBuiltFile(url);
      return { url, kind, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
    });
    const sum = (kind: Asset["kind"], key: "bytes" | "gzip") => assets.filter((asset) => asset.kind === kind).reduce((total, asset) => total + asset[key], 0);
    const css = sum("css", "gzip");
    const js = sum("js", "gzip");
    const htmlGzip = gzipSync(html, { level: 9 }).length;
    rows.push([
      page.label,
      page.path,
      String(assets.filter((asset) => asset.kind === "css").length),
      kb(css),
      String(assets.filter((asset) => asset.kind === "js").length),
      kb(js),
      kb(css + js),
      kb(htmlGzip),
    ]);
    const cssMet = css <= CSS_TARGET_KB * 1000;
    const jsMet = js <= JS_TARGET_KB[page.name] * 1000;
    allMet &&= cssMet && jsMet;
    verdicts.push(`  [${cssMet ? "met" : "MISSED"}] ${page.label}: CSS ${kb(css)} gzip ≤ ${CSS_TARGET_KB} kB`);
    verdicts.push(`  [${jsMet ? "met" : "MISSED"}] ${page.label}: first-load JS ${kb(js)} gzip ≤ ${JS_TARGET_KB[page.name]} kB`);
    if (process.env.BENCH_VERBOSE) {
      for (const asset of assets) console.log(`    ${asset.kind} ${kb(asset.gzip).padStart(9)} gzip ${kb(asset.bytes).padStart(9)} raw  ${asset.url}`);
    }
  }

  console.log("\n══════════════════════ First load (gzip -9 of the files each page's HTML references) ══════════════════════");
  console.log(`load average at the start: ${loadAverage.toFixed(2)}; build ${build.buildId}`);
  console.log(tableText(["page", "path", "CSS files", "CSS gzip", "JS files", "JS gzip", "CSS + JS gzip", "HTML gzip"], rows, 2));
  console.log("\ntargets (issue 16):");
  console.log(verdicts.join("\n"));
  return 0;
});
