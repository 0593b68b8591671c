// npm test: lint, the structure check, typecheck, Vitest, then the production build and Playwright.
// Stops at the first failing step and ends with one line counting every test.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const REPORTS = "reports";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

const steps: [string, string[]][] = [
  ["lint", ["eslint", "."]],
  // lib/'s layout and import rules (ARCHITECTURE.md, scripts/structure/rules.ts).
  ["structure", ["tsx", "scripts/check-structure.ts"]],
  // typegen writes next-env.d.ts and the route types a fresh clone lacks.
  ["typegen", ["next", "typegen"]],
  ["typecheck", ["tsc", "--noEmit"]],
  ["unit", ["vitest", "run"]],
  ["build", ["next", "build"]],
  ["browser", ["tsx", "scripts/ensure-browser.ts"]],
  ["e2e", ["playwright", "test"]],
];

type Counts = { passed: number; failed: number; skipped: number };

function vitestCounts(): Counts | null {
  const file = `${REPORTS}/vitest.json`;
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, "utf8"));
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(): Counts | null {
  const file = `${REPORTS}/playwright.json`;
  if (!existsSync(file)) return null;
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

rmSync(REPORTS, { recursive: true, force: true });
let failedStep: string | null = null;
for (const [name, [command, ...args]] of steps) {
  console.log(`\n▶ ${name}: ${command} ${args.join(" ")}`);
  const result = spawnSync(`node_modules/.bin/${command}`, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    failedStep = name;
    break;
  }
}

const counts = [vitestCounts(), playwrightCounts()].filter((c): c is Counts => c !== null);
const total = counts.reduce((sum, c) => ({ passed: sum.passed + c.passed, failed: sum.failed + c.failed, skipped: sum.skipped + c.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
if (failedStep) console.error(`\nStep "${failedStep}" failed.`);
console.log(`\nTests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedStep || total.failed ? 1 : 0);
