// npm run bench:lighthouse [-- --runs=3]
//
// Lighthouse (mobile preset, its default: simulated slow 4G and a 4× slower
// CPU) on the home, the reference convocation and the registration form of an
// open meeting, served by the production server (`scripts/serve.ts start`,
// see bench/support/public-pages.ts). Chromium is Debian's when there is one,
// else Playwright's. With --runs=N each page is measured N times and the run
// with the median performance score is kept. It prints the scores, and the
// audits that cost a category points, and rewrites its section of
// BENCHMARKS.md (between the markers); it asserts nothing.
import os from "node:os";
import path from "node:path";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Result } from "lighthouse";
import { log, runBenchmark, tableText } from "./support/in-process";
import { exitWithHelp, numberOption, requireProjectRoot, ROOT } from "./support/options";
import { startPublicPages } from "./support/public-pages";
import { markdownTable } from "./support/report";
import { ensureProductionBuild } from "./support/stack";

requireProjectRoot("npm run bench:lighthouse");

const HELP = `Usage: npm run bench:lighthouse [-- options]

  --runs=N     Lighthouse runs per page (the median by performance is kept)   BENCH_RUNS   1
  --no-write   do not rewrite BENCHMARKS.md's section                         BENCH_WRITE=0`;

const CHROMIUM_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
/** The aims of issue 16 (SEO has none). */
const AIMS: Partial<Record<(typeof CATEGORIES)[number], number>> = { performance: 95, accessibility: 100, "best-practices": 100 };
const START = "<!-- bench:lighthouse start -->";
const END = "<!-- bench:lighthouse end -->";
const HEADING = "## Lighthouse, mobile (npm run bench:lighthouse)";

function readOptions() {
  const { values } = parseArgs({ options: { runs: { type: "string" }, "no-write": { type: "boolean" }, help: { type: "boolean" } } });
  exitWithHelp(values.help, HELP);
  return {
    runs: numberOption(HELP)(values.runs, process.env.BENCH_RUNS, 1, { min: 1, max: 9, integer: true }),
    write: !values["no-write"] && process.env.BENCH_WRITE !== "0",
  };
}

function chromiumPath(): { path: string; which: string } {
  if (existsSync("/usr/bin/chromium")) return { path: "/usr/bin/chromium", which: "/usr/bin/chromium (system)" };
  const playwrights = chromium.executablePath();
  return { path: playwrights, which: `${playwrights} (Playwright's)` };
}

type Scores = { page: string; path: string; categories: Record<(typeof CATEGORIES)[number], number>; lcp: number; tbt: number; cls: number; losses: string[] };

function scoresOf(page: string, pagePath: string, lhr: Result): Scores {
  const categories = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])) as Scores["categories"];
  // What costs points outside performance (whose losses are the timings below).
  const losses = CATEGORIES.filter((id) => id !== "performance").flatMap((id) =>
    (lhr.categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${id}: ${ref.id} (${lhr.audits[ref.id].title})`),
  );
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return { page, path: pagePath, categories, lcp: numeric("largest-contentful-paint"), tbt: numeric("total-blocking-time"), cls: numeric("cumulative-layout-shift"), losses };
}

function rowsOf(all: Scores[]): string[][] {
  return all.map((scores) => [
    scores.page,
    ...CATEGORIES.map((id) => String(scores.categories[id])),
    `${(scores.lcp / 1000).toFixed(2)} s`,
    `${Math.round(scores.tbt)} ms`,
    scores.cls.toFixed(3),
  ]);
}

const HEADER = ["page", "performance", "accessibility", "best practices", "SEO", "LCP", "TBT", "CLS"];

function aimLines(all: Scores[]): string[] {
  return all.flatMap((scores) =>
    Object.entries(AIMS).map(([id, aim]) => {
      const score = scores.categories[id as keyof Scores["categories"]];
      return `[${score >= aim! ? "met" : "MISSED"}] ${scores.page}: ${id} ${score} ≥ ${aim}`;
    }),
  );
}

function writeBenchmarks(markdown: string) {
  const file = path.join(ROOT, "BENCHMARKS.md");
  const previous = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const start = previous.indexOf(START);
  const end = previous.indexOf(END);
  const section = `${START}\n${markdown}\n${END}`;
  const next = start >= 0 && end > start ? previous.slice(0, start) + section + previous.slice(end + END.length) : `${previous.trimEnd()}\n\n${HEADING}\n\n${section}\n`;
  writeFileSync(file, next);
}

await runBenchmark(async (resources) => {
  const options = readOptions();
  const loadAverage = os.loadavg();
  log(`load average at the start: ${loadAverage.map((value) => value.toFixed(2)).join(" ")}`);
  const build = ensureProductionBuild(log);
  const { stack, pages } = await startPublicPages(resources, log);
  const browser = chromiumPath();
  log(`Chromium: ${browser.which}`);
  const chrome = await chromeLauncher.launch({ chromePath: browser.path, chromeFlags: CHROMIUM_FLAGS, logLevel: "error" });
  resources.add("Chromium", async () => chrome.kill());
  const version = await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json() as { Browser: string };

  const all: Scores[] = [];
  for (const page of pages) {
    const runs: Scores[] = [];
    for (let run = 0; run < options.runs; run++) {
      // A first request warms the server's caches, so the run measures the page, not the first render after start.
      await fetch(stack.baseUrl + page.path);
      const result = await lighthouse(stack.baseUrl + page.path, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${page.path}: ${result.lhr.runtimeError.message}`);
      runs.push(scoresOf(page.label, page.path, result.lhr));
      log(`${page.label}: run ${run + 1}/${options.runs}, performance ${runs.at(-1)!.categories.performance}`);
    }
    runs.sort((a, b) => a.categories.performance - b.categories.performance);
    all.push(runs[Math.floor(runs.length / 2)]);
  }

  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "unknown"}), Node ${process.version}, ${version.Browser}; load average ${loadAverage[0].toFixed(2)} at the start`;
  const command = `npm run bench:lighthouse${options.runs > 1 ? ` -- --runs=${options.runs}` : ""}`;
  const losses = [...new Set(all.flatMap((scores) => scores.losses.map((loss) => `${scores.page}: ${loss}`)))];
  console.log("\n══════════════════════ Lighthouse, mobile preset ══════════════════════");
  console.log(`command: ${command}`);
  console.log(`machine: ${machine}`);
  console.log(`build:   ${build.buildId} of ${build.builtAt.toISOString()}; Lighthouse ${lighthouseVersion()}`);
  console.log("");
  console.log(tableText(HEADER, rowsOf(all), 1));
  console.log("\naims (issue 16):");
  console.log(aimLines(all).map((line) => `  ${line}`).join("\n"));
  if (losses.length) console.log(`\npoints lost outside performance:\n${losses.map((loss) => `  ${loss}`).join("\n")}`);

  if (options.write) {
    writeBenchmarks(
      [
        `Written by \`npm run bench:lighthouse\` (bench/lighthouse.ts), which replaces what lies between`,
        "this section's markers only; one run's scores, on the machine described, not a guarantee.",
        "",
        `- **Command:** \`${command}\``,
        `- **Date:** ${new Date().toISOString()}`,
        `- **Machine:** ${machine}`,
        `- **Lighthouse:** ${lighthouseVersion()}, mobile preset (simulated throttling); pages: ${all.map((scores) => `${scores.page} \`${scores.path}\``).join(", ")}`,
        "",
        markdownTable(HEADER, rowsOf(all)),
        "",
        ...(losses.length ? ["Points lost outside performance:", "", ...losses.map((loss) => `- ${loss}`)] : ["No audit outside performance lost points."]),
        "",
        "| aim (issue 16) | met |",
        "| --- | --- |",
        ...aimLines(all).map((line) => `| ${line.replace(/^\[(met|MISSED)\] /, "")} | ${line.startsWith("[met]") ? "yes" : "**no**"} |`),
      ].join("\n"),
    );
    log("BENCHMARKS.md: the Lighthouse section rewritten");
  }
  return 0;
});

function lighthouseVersion(): string {
  return JSON.parse(readFileSync(path.join(ROOT, "node_modules", "lighthouse", "package.json"), "utf8")).version;
}
