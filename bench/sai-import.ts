// npm run bench:import [-- --rows=5000 --runs=3 …]
//
// The SAI projects import at its largest: a list of --rows rows (by default
// the most the upload accepts) read from a CSV and from an XLSX, previewed
// against the empty registry, applied, applied again as a new upload (which
// must change nothing), and previewed against the full registry. The service
// functions are called in this process through one Prisma client, as the
// route handler and the server action call them, without HTTP or Next. It
// prints figures and rewrites its own section of BENCHMARKS.md; it asserts
// nothing about time, and what it checks about the outcome it prints.
//
// It starts a fresh embedded PostgreSQL in a folder under the system temp
// dir, migrates and seeds it (the 391 municipalities, none a SAI member yet),
// and stops and removes it at the end, on error and on Ctrl-C.
//
// The queries import "server-only": the npm script runs tsx with
// --conditions=react-server, as for bench:dashboard (see there). They are
// loaded once DATABASE_URL points at the benchmark's database, in case
// anything reached for the default client; every call passes the
// benchmark's own.
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ImportSummary } from "../lib/sai-projects/import/summary";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, parseImportFile, type ImportRow } from "../lib/sai-projects/import/parse";
import { readMunicipalities } from "../prisma/seed/municipalities";
import { exitWithHelp, numberOption, requireProjectRoot, ROOT } from "./support/options";
import { markdownTable, sectionPreamble, writeSection } from "./support/report";
import { generateImportList, toCsv, toXlsx, type ImportList } from "./support/sai-import-data";
import { log, machineLine, runBenchmark, startSeededDatabase, tableText } from "./support/in-process";
import type { Resources } from "./support/stack";
import { ms, spreadOf, type Spread } from "./support/stats";

requireProjectRoot("npm run bench:import");

const HELP = `Usage: npm run bench:import [-- options]

  --rows=N     rows of the list (the upload takes ${MAX_IMPORT_ROWS} at most)  BENCH_ROWS    ${MAX_IMPORT_ROWS}
  --runs=N     timed runs of each parse and preview step         BENCH_RUNS    3
  --no-write   do not rewrite BENCHMARKS.md's section            BENCH_WRITE=0

Applying is timed once, then once again with the same list.`;

/** The interactive transaction's timeout in applySaiImport (lib/sai-projects/import/mutations.ts). */
const APPLY_TIMEOUT_MS = 60_000;

const SECTION_HEADING = "## SAI projects import (npm run bench:import)";

function readOptions() {
  const { values } = parseArgs({
    options: {
      rows: { type: "string" },
      runs: { type: "string" },
      "no-write": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  exitWithHelp(values.help, HELP);
  const env = process.env;
  const number = numberOption(HELP);
  return {
    rows: number(values.rows, env.BENCH_ROWS, MAX_IMPORT_ROWS, { min: 10, max: MAX_IMPORT_ROWS, integer: true }),
    runs: number(values.runs, env.BENCH_RUNS, 3, { min: 1, integer: true }),
    write: !values["no-write"] && env.BENCH_WRITE !== "0",
  };
}

/** The modules that reach the database, loaded once DATABASE_URL is set. */
async function loadImportModules() {
  try {
    const [queries, plan, mutations] = await Promise.all([
      import("../lib/sai-projects/import/queries"),
      import("../lib/sai-projects/import/plan"),
      import("../lib/sai-projects/import/mutations"),
    ]);
    return { ...queries, ...plan, ...mutations };
  } catch (error) {
    if (/Client Component/.test(String(error))) {
      throw new Error('"server-only" refused to load: run through `npm run bench:import` (tsx --conditions=react-server).', { cause: error });
    }
    throw error;
  }
}

/** `runs` timed calls one after the other, the first included (no warm-up); the last answer is kept. */
async function timeRuns<T>(runs: number, run: () => T | Promise<T>): Promise<{ spread: Spread; last: T }> {
  const samples: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = await run();
    samples.push(performance.now() - started);
  }
  return { spread: spreadOf(samples), last: last as T };
}

async function timeOnce<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

const count = (value: number) => value.toLocaleString("en-US");
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
const share = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)} %`;

function listLine(list: ImportList, csv: Uint8Array, xlsx: Uint8Array) {
  const bad = Object.entries(list.bad).map(([kind, n]) => `${n} ${kind}`).join(", ");
  return (
    `${count(list.records.length)} rows: ${count(list.valid)} valid (${count(list.bodies)} managing bodies with valid 11-digit tax codes, ` +
    `${list.municipalities} of the 391 municipalities, categories ORDINARI/MSNA/DM_DS in several spellings, unique project codes, places), ` +
    `${count(list.records.length - list.valid)} bad (${bad}); CSV ${kib(csv.byteLength)} (UTF-8 with BOM, ";"), ` +
    `XLSX ${kib(xlsx.byteLength)} (exceljs); the upload's limit is ${kib(MAX_IMPORT_BYTES)}`
  );
}

type Row = string[];


type Check = { what: string; ok: boolean };

async function main(resources: Resources) {
  const options = readOptions();
  const date = new Date();
  const loadAverage = os.loadavg()[0];

  const list = generateImportList(options.rows, await readMunicipalities());
  const csv = toCsv(list);
  const xlsx = await toXlsx(list);
  log(`The list: ${listLine(list, csv, xlsx)}`);

  const { db, databaseUrl, postgres } = await startSeededDatabase(resources, "import");
  const actor = await db.user.findFirst({ where: { role: "COORDINATOR" }, select: { id: true } });
  if (!actor) throw new Error("The seed made no coordinator to upload and apply the list.");

  process.env.DATABASE_URL = databaseUrl;
  const { loadPlanContext, planImport, createSaiImport, applySaiImport } = await loadImportModules();
  const registry = async () => ({ projects: await db.saiProject.count(), bodies: await db.managingBody.count() });
  const checks: Check[] = [];
  const check = (what: string, ok: boolean) => {
    checks.push({ what, ok });
    log(`  [${ok ? "ok" : "NOT AS EXPECTED"}] ${what}`);
  };

  log(`1. Parsing, ${options.runs} runs each…`);
  const rowsOf = (parsed: Awaited<ReturnType<typeof parseImportFile>>): ImportRow[] => {
    if (!parsed.ok) throw new Error(`The upload refused the generated list: ${parsed.code}`);
    return parsed.rows;
  };
  const parseCsv = await timeRuns(options.runs, () => parseImportFile("progetti-sai.csv", csv));
  const parseXlsx = await timeRuns(options.runs, () => parseImportFile("progetti-sai.xlsx", xlsx));
  const rows = rowsOf(parseCsv.last);
  const xlsxRows = rowsOf(parseXlsx.last);
  check(`CSV: ${count(rows.length)} rows read; XLSX: the same ${count(xlsxRows.length)} rows, cell for cell`, rows.length === options.rows && JSON.stringify(rows) === JSON.stringify(xlsxRows));

  const preview = async (label: string) => {
    const context = await timeRuns(options.runs, () => loadPlanContext(db));
    const plan = await timeRuns(options.runs, () => planImport(rows, context.last));
    const { municipalities, bodies, projects } = context.last;
    const totals = plan.last.totals;
    const contextResult = `${municipalities.length} municipalities, ${count(bodies.length)} bodies, ${count(projects.length)} projects`;
    const planResult =
      `${count(totals.create)} create, ${count(totals.update)} update, ${count(totals.unchanged)} unchanged, ${count(totals.rejected)} rejected; ` +
      `${count(totals.bodiesToCreate)} new bodies, ${totals.municipalitiesToMark} to mark`;
    log(`  ${label}: context ${ms(context.spread.median)} (${contextResult}), plan ${ms(plan.spread.median)} (${planResult})`);
    return { context, plan, contextResult, planResult, totals };
  };

  log(`2. Preview on the empty registry, ${options.runs} runs each…`);
  const empty = await preview("empty registry");
  const bad = rows.length - list.valid;
  check(
    `preview (empty): ${count(list.valid)} to create, ${count(bad)} rejected, ${count(list.bodies)} new bodies, ${list.municipalities} municipalities to mark`,
    empty.totals.create === list.valid && empty.totals.rejected === bad && empty.totals.bodiesToCreate === list.bodies && empty.totals.municipalitiesToMark === list.municipalities,
  );

  const upload = (fileName: string) => timeOnce(() => createSaiImport(db, { actor, fileName, fileHash: createHash("sha256").update(csv).digest("hex"), rows }));
  type Applied = { ok: true; summary: ImportSummary } | { ok: false; failure: string };
  // A failure (the transaction's timeout above all) is a finding to print, not a reason to lose the figures.
  const apply = async (importId: string): Promise<{ ms: number; applied: Applied }> => {
    const started = performance.now();
    const applied: Applied = await applySaiImport(db, { actor, importId }).then(
      (result) => (result.ok ? result : { ok: false as const, failure: `refused: ${result.reason}` }),
      (error: unknown) => ({
        ok: false as const,
        failure: `threw: ${String(error instanceof Error ? error.message : error)
          .split("\n")
          .find(Boolean)}`,
      }),
    );
    return { ms: performance.now() - started, applied };
  };
  const appliedResult = (applied: Applied) => {
    if (!applied.ok) return `FAILED, ${applied.failure}`;
    const s = applied.summary;
    return (
      `${count(s.created)} created, ${count(s.updated)} updated, ${count(s.unchanged)} unchanged, ${count(s.rejected)} rejected; ` +
      `${count(s.bodiesCreated)} bodies created, ${s.municipalitiesMarked.length} municipalities marked`
    );
  };

  log("3. Upload and apply, once…");
  const firstUpload = await upload("progetti-sai.csv");
  const first = await apply(firstUpload.result.id);
  log(`  upload ${ms(firstUpload.ms)}, apply ${seconds(first.ms)}: ${appliedResult(first.applied)}`);
  const afterFirst = await registry();
  const s1 = first.applied.ok ? first.applied.summary : null;
  check(
    `first apply: ${count(list.valid)} created, ${count(bad)} rejected, ${count(list.bodies)} bodies created, ${list.municipalities} municipalities marked`,
    !!s1 && s1.created === list.valid && s1.updated === 0 && s1.unchanged === 0 && s1.rejected === bad && s1.bodiesCreated === list.bodies && s1.municipalitiesMarked.length === list.municipalities,
  );
  check(`registry after it: ${count(afterFirst.projects)} SaiProject, ${count(afterFirst.bodies)} ManagingBody rows`, afterFirst.projects === list.valid && afterFirst.bodies === list.bodies);

  log("4. The same list uploaded and applied again…");
  const secondUpload = await upload("progetti-sai (2).csv");
  const again = await apply(secondUpload.result.id);
  log(`  upload ${ms(secondUpload.ms)}, apply ${seconds(again.ms)}: ${appliedResult(again.applied)}`);
  const afterAgain = await registry();
  const s2 = again.applied.ok ? again.applied.summary : null;
  check(
    `again: all ${count(list.valid)} valid rows unchanged, ${count(bad)} rejected, nothing created or updated, no body created, no municipality marked`,
    !!s2 && s2.unchanged === list.valid && s2.rejected === bad && s2.created === 0 && s2.updated === 0 && s2.bodiesCreated === 0 && s2.municipalitiesMarked.length === 0,
  );
  check(
    `again: SaiProject rows ${count(afterFirst.projects)} → ${count(afterAgain.projects)}, ManagingBody rows ${count(afterFirst.bodies)} → ${count(afterAgain.bodies)}`,
    afterAgain.projects === afterFirst.projects && afterAgain.bodies === afterFirst.bodies,
  );

  log(`5. Preview on the full registry, ${options.runs} runs each…`);
  const full = await preview("full registry");
  check(`preview (full): all ${count(list.valid)} valid rows unchanged, ${count(bad)} rejected`, full.totals.unchanged === list.valid && full.totals.rejected === bad && full.totals.create + full.totals.update === 0);

  const timedHeader = ["step", "result", "median", "min", "max"];
  const spreadCells = (spread: Spread) => [ms(spread.median), ms(spread.min), ms(spread.max)];
  const timed: Row[] = [
    [`parse CSV (${kib(csv.byteLength)})`, `${count(rows.length)} rows`, ...spreadCells(parseCsv.spread)],
    [`parse XLSX (${kib(xlsx.byteLength)})`, `${count(xlsxRows.length)} rows`, ...spreadCells(parseXlsx.spread)],
    ["preview, empty registry: loadPlanContext", empty.contextResult, ...spreadCells(empty.context.spread)],
    ["preview, empty registry: planImport", empty.planResult, ...spreadCells(empty.plan.spread)],
    ["preview, full registry: loadPlanContext", full.contextResult, ...spreadCells(full.context.spread)],
    ["preview, full registry: planImport", full.planResult, ...spreadCells(full.plan.spread)],
  ];
  const onceHeader = ["write (one run)", "result", "time", "of the 60 s timeout"];
  const once: Row[] = [
    ["first: createSaiImport", `${count(rows.length)} rows stored`, ms(firstUpload.ms), ""],
    ["first: applySaiImport", appliedResult(first.applied), seconds(first.ms), `${share(first.ms, APPLY_TIMEOUT_MS)} (${seconds(APPLY_TIMEOUT_MS - first.ms)} below)`],
    ["again: createSaiImport", `${count(rows.length)} rows stored`, ms(secondUpload.ms), ""],
    ["again: applySaiImport", appliedResult(again.applied), seconds(again.ms), `${share(again.ms, APPLY_TIMEOUT_MS)} (${seconds(APPLY_TIMEOUT_MS - again.ms)} below)`],
  ];
  // New bodies, new projects and the municipalities marked go in one statement each; updates one by one.
  const scaling = s1
    ? `first apply: ${(first.ms / rows.length).toFixed(2)} ms per row; ` +
      `the plan alone takes ${ms(empty.plan.spread.median)} of it on the empty registry`
    : `first apply FAILED after ${seconds(first.ms)}: ${appliedResult(first.applied)}`;

  const flags = process.argv.slice(2).join(" ");
  const command = `npm run bench:import${flags ? ` -- ${flags}` : ""}`;
  const machine = machineLine(postgres, loadAverage);
  const failed = checks.filter((c) => !c.ok);
  console.log(
    [
      "",
      "═════════════════════════ SAI projects import ═════════════════════════",
      `command: ${command}`,
      `date:    ${date.toISOString()}`,
      `machine: ${machine}`,
      `list:    ${listLine(list, csv, xlsx)}`,
      "",
      tableText(timedHeader, timed, 2),
      "",
      tableText(onceHeader, once, 2),
      "",
      scaling,
      `checks:  ${failed.length ? `${failed.length} NOT AS EXPECTED: ${failed.map((c) => c.what).join("; ")}` : `all ${checks.length} as expected`}`,
      "═══════════════════════════════════════════════════════════════════════",
      "",
    ].join("\n"),
  );

  if (options.write) {
    const section = [
      ...sectionPreamble({ heading: SECTION_HEADING, script: "bench:import", file: "bench/sai-import.ts", command, date, machine }),
      `- **List:** ${listLine(list, csv, xlsx)}.`,
      `- **Method:** the service functions called in process (no HTTP, no Next rendering) through one Prisma client ` +
        `(pg adapter, 10 connections) as lib/db.ts makes it, on a freshly migrated and seeded database. Parsing and each ` +
        `preview step ${options.runs} times, one after the other, the first run included; uploading and applying once, ` +
        `then the same rows once more as a new upload. Wall-clock time of the call.`,
      `- **Scaling:** ${scaling}.`,
      `- **Checks:** ${checks.map((c) => `${c.ok ? "✓" : "**✗**"} ${c.what}`).join("; ")}.`,
      "",
      markdownTable(timedHeader, timed),
      "",
      markdownTable(onceHeader, once),
    ].join("\n");
    writeSection(path.join(ROOT, "BENCHMARKS.md"), SECTION_HEADING, section);
    log("BENCHMARKS.md: section rewritten.");
  }
  return 0;
}

await runBenchmark(main);
