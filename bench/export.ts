// npm run bench:export [-- --registrations=5000 --runs=5 …]
//
// The registrations export of one meeting, the old path against the new one
// in the same run: the rows (Prisma's relation loading, a statement per
// relation, against one SQL query) and the XLSX (the whole workbook in
// memory, zipped again by JSZip, against exceljs's streaming writer yielding
// between slices of rows). For each: the statements sent and their time as
// Prisma reports it, the wall-clock time, and what the request's thread
// spent: its busy time (performance.eventLoopUtilization), its longest single
// block (perf_hooks.monitorEventLoopDelay at 1 ms) and the process's CPU
// (process.cpuUsage, zlib's pool threads included). It checks that both paths
// give the same rows and the same cells, prints a table and rewrites its own
// section of BENCHMARKS.md; it asserts nothing about time.
//
// Same set-up as bench:dashboard (bench/support/in-process.ts, the data of
// bench/support/dashboard-data.ts); run with tsx --conditions=react-server
// for the "server-only" imports. The old path is a copy of the code as it
// was (bench/support/export-before.ts).
import { deepStrictEqual } from "node:assert/strict";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import ExcelJS from "exceljs";
import { PrismaClient } from "../lib/generated/prisma/client";
import type { RegistrationListParams } from "../lib/registrations/dashboard/schema";
import { fillDatabase } from "./support/dashboard-data";
import { buildRegistrationsXlsxBefore, listRegistrationsForExportBefore } from "./support/export-before";
import { log, machineLine, runBenchmark, startSeededDatabase, tableText } from "./support/in-process";
import { exitWithHelp, numberOption, requireProjectRoot, ROOT } from "./support/options";
import { markdownTable, sectionPreamble, writeSection } from "./support/report";
import type { Resources } from "./support/stack";

requireProjectRoot("npm run bench:export");

const HELP = `Usage: npm run bench:export [-- options]

  --registrations=N   registrations of the exported meeting    BENCH_REGISTRATIONS   5000
  --runs=N            timed runs of each step                  BENCH_RUNS            5
  --warmups=N         untimed runs first                       BENCH_WARMUPS         1
  --no-write          do not rewrite BENCHMARKS.md's section   BENCH_WRITE=0`;

function readOptions() {
  const { values } = parseArgs({
    options: {
      registrations: { type: "string" },
      runs: { type: "string" },
      warmups: { type: "string" },
      "no-write": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  exitWithHelp(values.help, HELP);
  const env = process.env;
  const number = numberOption(HELP);
  return {
    registrations: number(values.registrations, env.BENCH_REGISTRATIONS, 5000, { min: 10, max: 20_000, integer: true }),
    runs: number(values.runs, env.BENCH_RUNS, 5, { min: 1, integer: true }),
    warmups: number(values.warmups, env.BENCH_WARMUPS, 1, { min: 0, integer: true }),
    write: !values["no-write"] && env.BENCH_WRITE !== "0",
  };
}

async function loadModules() {
  try {
    const [queries, files] = await Promise.all([import("../lib/registrations/dashboard/queries"), import("../lib/registrations/dashboard/export")]);
    return { queries, files };
  } catch (error) {
    if (/Client Component/.test(String(error))) {
      throw new Error('"server-only" refused to load: run through `npm run bench:export` (tsx --conditions=react-server).', { cause: error });
    }
    throw error;
  }
}

/** A client as lib/platform/database/client.ts makes it, that also tells each statement it sends and its time. */
function countingClient(url: string) {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 10, options: "-c TimeZone=UTC" }),
    log: [{ emit: "event", level: "query" }],
  });
  const sent = { count: 0, ms: 0 };
  client.$on("query", (event) => {
    sent.count += 1;
    sent.ms += event.duration;
  });
  return { client, sent };
}

type Sample = { wall: number; busy: number; longest: number; cpu: number; queries: number; queryMs: number; result: number };

const RESOLUTION_MS = 1;

/** One run of `step`, with what the thread did meanwhile. */
async function sample(sent: { count: number; ms: number }, step: () => Promise<number>): Promise<Sample> {
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  // The histogram records from its timer's second turn on: a block before that would go unseen.
  await new Promise((resolve) => setTimeout(resolve, 5 * RESOLUTION_MS));
  sent.count = 0;
  sent.ms = 0;
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await step();
  const wall = performance.now() - started;
  const busy = performance.eventLoopUtilization(elu).active;
  const used = process.cpuUsage(cpu);
  const queries = { ...sent };
  // One more timer turn, so a block that ended with the step is measured too.
  await new Promise((resolve) => setTimeout(resolve, 5 * RESOLUTION_MS));
  delay.disable();
  // The histogram holds the interval between two turns of its timer: the block is what exceeds the resolution.
  const longest = Math.max(0, delay.max / 1e6 - RESOLUTION_MS);
  return { wall, busy, longest, cpu: (used.user + used.system) / 1000, queries: queries.count, queryMs: queries.ms, result };
}

type Unit = "rows" | "bytes";
type Figures = { step: string; path: string; unit: Unit; samples: Sample[] };

async function measure(step: string, pathName: string, unit: Unit, sent: { count: number; ms: number }, run: () => Promise<number>, options: ReturnType<typeof readOptions>) {
  for (let i = 0; i < options.warmups; i++) await run();
  const samples: Sample[] = [];
  for (let i = 0; i < options.runs; i++) samples.push(await sample(sent, run));
  const figures: Figures = { step, path: pathName, unit, samples };
  log(`  ${step}, ${pathName}: ${describe(figures).join(", ")}`);
  return figures;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const msText = (value: number) => `${value.toFixed(1)} ms`;
const count = (value: number) => value.toLocaleString("en-US");

/** Medians over the runs; the longest block is the worst run's. */
function describe({ samples, unit }: Figures): string[] {
  const of = (key: keyof Sample) => median(samples.map((sample) => sample[key]));
  const result = of("result");
  return [
    count(of("queries")),
    msText(of("queryMs")),
    msText(of("wall")),
    msText(of("busy")),
    msText(Math.max(...samples.map((sample) => sample.longest))),
    msText(of("cpu")),
    unit === "bytes" ? `${(result / 1024).toFixed(0)} KiB` : `${count(result)} rows`,
  ];
}

/** Every cell's value and number format, the column widths, the view and the filter: what a reader of the file sees. */
async function workbookContent(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Iscrizioni");
  if (!sheet) throw new Error("no sheet Iscrizioni");
  const cells: unknown[] = [];
  sheet.eachRow((row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells.push([cell.address, cell.value instanceof Date ? cell.value.toISOString() : cell.value, cell.numFmt ?? null, cell.font?.bold ?? false]);
    });
  });
  return {
    title: workbook.title,
    creator: workbook.creator,
    rowCount: sheet.rowCount,
    widths: sheet.columns.map((column) => column.width),
    views: sheet.views,
    autoFilter: sheet.autoFilter,
    cells,
  };
}

const SECTION_HEADING = "## Registrations export (npm run bench:export)";

async function main(resources: Resources) {
  const options = readOptions();
  const date = new Date();
  const loadAverage = os.loadavg();

  const { databaseUrl, postgres } = await startSeededDatabase(resources, "export");
  log(`Writing the data: ${count(options.registrations)} registrations for the exported meeting…`);
  const data = await fillDatabase(databaseUrl, { registrations: options.registrations, saiMembers: 250, auditEntries: 1000, now: new Date() });
  process.env.DATABASE_URL = databaseUrl;
  const { queries, files } = await loadModules();
  const { client: db, sent } = countingClient(databaseUrl);
  resources.add("the counting Prisma client", () => db.$disconnect());
  const meetingId = data.mainMeetingId;
  const title = "Iscrizioni - Tavolo tecnico";

  log("Checking that both paths give the same rows and the same workbook…");
  const checked: Partial<RegistrationListParams>[] = [{}, { sort: "name", dir: "desc" }, { q: "russo" }, { sort: "organisation", status: "CONFIRMED" }, { attendance: "NONE", sort: "email" }];
  for (const params of checked) {
    const before = await listRegistrationsForExportBefore(db, { meetingId, ...params });
    const after = await queries.listRegistrationsForExport(db, { meetingId, ...params });
    deepStrictEqual(after, before, `rows differ for ${JSON.stringify(params)}`);
  }
  const rows = await queries.listRegistrationsForExport(db, { meetingId });
  const invited = rows.filter((row) => row.invitedBy).length;
  const nominees = rows.reduce((sum, row) => sum + row.nominees.length, 0);
  deepStrictEqual(await workbookContent(await files.buildRegistrationsXlsx(rows, title)), await workbookContent(await buildRegistrationsXlsxBefore(rows, title)));
  log(`  rows identical under ${checked.length} searches, filters and sorts; XLSX cells, formats, widths, view and filter identical`);

  log(`Timing: ${options.runs} runs of each step after ${options.warmups} warm-up(s), one at a time`);
  // As a client reads the response: chunk by chunk, as they come.
  const readStream = async (stream: ReadableStream<Uint8Array>) => {
    const reader = stream.getReader();
    let bytes = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
    return bytes;
  };
  const measured = [
    await measure("rows", "before: Prisma relations", "rows", sent, async () => (await listRegistrationsForExportBefore(db, { meetingId })).length, options),
    await measure("rows", "after: one SQL query", "rows", sent, async () => (await queries.listRegistrationsForExport(db, { meetingId })).length, options),
    await measure("XLSX", "before: in memory + JSZip", "bytes", sent, async () => (await buildRegistrationsXlsxBefore(rows, title)).byteLength, options),
    await measure("XLSX", "after: streaming writer", "bytes", sent, () => readStream(files.streamRegistrationsXlsx(rows, title)), options),
    await measure("CSV", "unchanged: one string", "bytes", sent, async () => Buffer.byteLength(files.buildRegistrationsCsv(rows)), options),
  ];

  const header = ["step", "path", "queries", "query time", "wall", "thread busy", "longest block", "process CPU", "result"];
  const table = measured.map((figures) => [figures.step, figures.path, ...describe(figures)]);
  const xlsxAfter = measured[3].samples;
  const busy = median(xlsxAfter.map((s) => s.busy));
  const longest = Math.max(...xlsxAfter.map((s) => s.longest));
  const aim = `aim: XLSX of ${count(rows.length)} rows with at most 150 ms blocking the request thread: ${longest <= 150 ? "met" : "NOT met"} (longest block ${msText(longest)}, ${msText(busy)} busy in all, spread over the stream)`;
  const flags = process.argv.slice(2).join(" ");
  const command = `npm run bench:export${flags ? ` -- ${flags}` : ""}`;
  const machine = machineLine(postgres, loadAverage[0]);
  const dataText = `one meeting of ${count(options.registrations)} registrations (bench/support/dashboard-data.ts: ${count(invited)} invited by someone, ${count(nominees)} nominees listed), exported whole (${count(rows.length)} rows)`;
  console.log(
    [
      "",
      "══════════════════════════ Registrations export ══════════════════════════",
      `command: ${command}`,
      `date:    ${date.toISOString()}`,
      `machine: ${machine}`,
      `load:    ${loadAverage.map((value) => value.toFixed(2)).join(" ")} (1, 5, 15 min) at the start`,
      `data:    ${dataText}`,
      `figures: medians of ${options.runs} runs; longest block is the worst run's; query time as Prisma reports it`,
      "",
      tableText(header, table, 2),
      "",
      aim,
      "═══════════════════════════════════════════════════════════════════════════",
      "",
    ].join("\n"),
  );

  if (options.write) {
    const section = [
      ...sectionPreamble({ heading: SECTION_HEADING, script: "bench:export", file: "bench/export.ts", command, date, machine }),
      `- **Data:** ${dataText}.`,
      `- **Method:** in process, through one Prisma client (pg adapter, 10 connections) logging its statements; each step ${options.runs} times after ` +
        `${options.warmups} warm-up(s). "before" is the code as it was (bench/support/export-before.ts), "after" the portal's. Thread busy is ` +
        `performance.eventLoopUtilization's active time during the step, longest block the worst of perf_hooks.monitorEventLoopDelay (1 ms) ` +
        `over the runs, process CPU process.cpuUsage (zlib's threads included). Both paths' rows and cells are checked equal first.`,
      `- **${aim[0].toUpperCase()}${aim.slice(1)}.**`,
      "",
      markdownTable(header, table),
    ].join("\n");
    writeSection(path.join(ROOT, "BENCHMARKS.md"), SECTION_HEADING, section);
    log("BENCHMARKS.md: section rewritten.");
  }
  return 0;
}

await runBenchmark(main);
