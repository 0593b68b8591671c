// npm run bench:dashboard [-- --registrations=5000 --runs=20 …]
//
// The coordinators' dashboard's heavy reads at a realistic-large scale: the
// service functions themselves (lib/**/queries.ts and the export builders),
// called in this process through one Prisma client as the server makes it,
// without HTTP or Next. It prints figures and rewrites its own section of
// BENCHMARKS.md; it asserts nothing about time.
//
// It starts a fresh embedded PostgreSQL in a folder under the system temp
// dir, migrates and seeds it, fills it in SQL (bench/support/dashboard-data.ts)
// and stops and removes it at the end, on error and on Ctrl-C.
//
// The query modules import "server-only", whose default build throws outside
// Next: the npm script runs tsx with --conditions=react-server, which resolves
// it to its empty build as Next's server bundles do (none of the other
// packages these modules load has a react-server build). They also import
// lib/db.ts, whose client is made on first use only: every call here passes
// the benchmark's client, and DATABASE_URL points at the benchmark's database
// in case anything reached for the default one.
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_LIST_PARAMS } from "../lib/registrations/dashboard/schema";
import { fillDatabase, type DataSummary } from "./support/dashboard-data";
import { markdownTable, sectionPreamble, writeSection } from "./support/report";
import { log, machineLine, runBenchmark, startSeededDatabase, tableText } from "./support/in-process";
import type { Resources } from "./support/stack";
import { exitWithHelp, numberOption, requireProjectRoot, ROOT } from "./support/options";
import { latencyOf, ms, type Latency } from "./support/stats";

requireProjectRoot("npm run bench:dashboard");

const HELP = `Usage: npm run bench:dashboard [-- options]

  --registrations=N   registrations of the main meeting        BENCH_REGISTRATIONS   5000
  --runs=N            timed runs of each read                  BENCH_RUNS            20
  --warmups=N         untimed runs first                       BENCH_WARMUPS         2
  --audit=N           audit log entries                        BENCH_AUDIT_ENTRIES   50000
  --sai=N             SAI member municipalities (of 391)       BENCH_SAI_MEMBERS     250
  --no-write          do not rewrite BENCHMARKS.md's section   BENCH_WRITE=0`;

function readOptions() {
  const { values } = parseArgs({
    options: {
      registrations: { type: "string" },
      runs: { type: "string" },
      warmups: { type: "string" },
      audit: { type: "string" },
      sai: { type: "string" },
      "no-write": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  exitWithHelp(values.help, HELP);
  const env = process.env;
  const number = numberOption(HELP);
  const integer = (flag: string | undefined, variable: string | undefined, fallback: number, min: number, max?: number) =>
    number(flag, variable, fallback, { min, max, integer: true });
  return {
    registrations: integer(values.registrations, env.BENCH_REGISTRATIONS, 5000, 10, 20_000),
    runs: integer(values.runs, env.BENCH_RUNS, 20, 1),
    warmups: integer(values.warmups, env.BENCH_WARMUPS, 2, 0),
    auditEntries: integer(values.audit, env.BENCH_AUDIT_ENTRIES, 50_000, 1),
    saiMembers: integer(values.sai, env.BENCH_SAI_MEMBERS, 250, 1, 391),
    write: !values["no-write"] && env.BENCH_WRITE !== "0",
  };
}

/** The modules under test, loaded once DATABASE_URL is set. */
async function loadReads() {
  try {
    const [registrations, files, coverage, invitations, overview, audit] = await Promise.all([
      import("../lib/registrations/dashboard/queries"),
      import("../lib/registrations/dashboard/export"),
      import("../lib/coverage/queries"),
      import("../lib/invitations/dashboard/queries"),
      import("../lib/dashboard/queries"),
      import("../lib/audit/queries"),
    ]);
    return { registrations, files, coverage, invitations, overview, audit };
  } catch (error) {
    if (/Client Component/.test(String(error))) {
      throw new Error('"server-only" refused to load: run through `npm run bench:dashboard` (tsx --conditions=react-server).', { cause: error });
    }
    throw error;
  }
}

type Read = { name: string; run: () => Promise<string> };
type Measured = { name: string; result: string; latency: Latency };

/** Warm-ups, then timed runs one after the other; `result` describes the last run's answer. */
async function measure(read: Read, warmups: number, runs: number): Promise<Measured> {
  for (let i = 0; i < warmups; i++) await read.run();
  const samples: number[] = [];
  let result = "";
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await read.run();
    samples.push(performance.now() - started);
  }
  return { name: read.name, result, latency: latencyOf(samples) };
}

const count = (value: number) => value.toLocaleString("en-US");
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

function dataLine(data: DataSummary, options: ReturnType<typeof readOptions>, seconds: number) {
  const status = (name: string) => count(data.mainByStatus[name] ?? 0);
  return (
    `main meeting (published, in 10 days): ${count(options.registrations)} registrations (${status("CONFIRMED")} confirmed = capacity, ` +
    `${status("WAITLISTED")} waitlisted, ${status("CANCELLED")} cancelled), ${count(data.attendance)} with attendance, ` +
    `${count(data.invitations)} invitations (nominees of ~10 % of the registrants, and direct ones); ` +
    `${data.meetings - 1} other meetings (5 ended and 1 upcoming with ${count(Math.round(options.registrations / 10))} registrations each, a draft, the seeded one), ` +
    `${count(data.registrations)} registrations in all; ${data.saiMembers} SAI municipalities, ${data.referents} referents (about half of them have some); ` +
    `${count(data.persons)} people, ${count(data.emails)} emails, ${count(data.auditEntries)} audit entries; VACUUM ANALYZE after loading (${seconds.toFixed(1)} s)`
  );
}


const SECTION_HEADING = "## Dashboard reads (npm run bench:dashboard)";

async function main(resources: Resources) {
  const options = readOptions();
  const date = new Date();
  const loadAverage = os.loadavg()[0];

  const { db, databaseUrl, postgres } = await startSeededDatabase(resources, "dashboard");

  const loadStarted = performance.now();
  const now = new Date();
  log(`Writing the data: ${count(options.registrations)} registrations for the main meeting, ${count(options.auditEntries)} audit entries…`);
  const data = await fillDatabase(databaseUrl, {
    registrations: options.registrations,
    saiMembers: options.saiMembers,
    auditEntries: options.auditEntries,
    now,
  });
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  log(`  ${dataLine(data, options, loadSeconds)}`);

  process.env.DATABASE_URL = databaseUrl;
  const { registrations, files, coverage, invitations, overview, audit } = await loadReads();
  const meetingId = data.mainMeetingId;
  const lastPage = Math.ceil(options.registrations / DEFAULT_LIST_PARAMS.pageSize);
  const page = (params: Omit<Parameters<typeof registrations.listMeetingRegistrations>[1], "meetingId">) => async () => {
    const found = await registrations.listMeetingRegistrations(db, { meetingId, ...params });
    return `page ${found.page}: ${found.rows.length} of ${count(found.total)} rows`;
  };
  let exportRows: Awaited<ReturnType<typeof registrations.listRegistrationsForExport>> = [];
  let auditPages = 1;

  const reads: Read[] = [
    { name: "registrations: page 1, by arrival", run: page({}) },
    { name: 'registrations: search "russo"', run: page({ q: "russo" }) },
    { name: "registrations: province PA + confirmed", run: page({ province: "PA", status: "CONFIRMED" }) },
    { name: "registrations: by name, descending", run: page({ sort: "name", dir: "desc" }) },
    { name: "registrations: last page", run: page({ page: lastPage }) },
    {
      name: "registrations: counts",
      run: async () => {
        const counts = await registrations.getRegistrationCounts(db, meetingId);
        return `${count(counts.total)} total, ${count(counts.present)} present`;
      },
    },
    {
      name: "registrations: per day",
      run: async () => `${(await registrations.registrationsPerDay(db, meetingId)).length} days`,
    },
    {
      name: "registrations page (all its reads)",
      run: async () => {
        const page = await registrations.loadRegistrationsDashboard(db, { meetingId, ...DEFAULT_LIST_PARAMS });
        return `${page?.page.rows.length ?? 0} rows, counts, ${page?.perDay.length ?? 0} days`;
      },
    },
    {
      name: "export: rows query (all)",
      run: async () => {
        exportRows = await registrations.listRegistrationsForExport(db, { meetingId });
        return `${count(exportRows.length)} rows`;
      },
    },
    { name: "export: build CSV", run: async () => kib(Buffer.byteLength(files.buildRegistrationsCsv(exportRows))) },
    { name: "export: build XLSX", run: async () => kib((await files.buildRegistrationsXlsx(exportRows)).byteLength) },
    {
      name: "coverage (SAI municipalities)",
      run: async () => {
        const { totals } = await coverage.getMeetingCoverage(db, meetingId);
        return `${totals.total} municipalities, ${totals.registered} registered`;
      },
    },
    {
      name: "invitations: meeting, page 1",
      run: async () => {
        const list = await invitations.listInvitations(db, { meeting: meetingId, q: undefined, page: 1, now });
        return `${list.rows.length} of ${count(list.total)}`;
      },
    },
    {
      name: 'invitations: all meetings, search "coop"',
      run: async () => {
        const list = await invitations.listInvitations(db, { q: "coop", page: 1, now });
        return `${list.rows.length} of ${count(list.total)}`;
      },
    },
    {
      name: "overview (dashboard home)",
      run: async () => {
        const figures = await overview.getDashboardOverview(db, now);
        return `${figures.upcoming.length} upcoming, ${figures.recent.length} recent`;
      },
    },
    {
      name: "audit log: page 1",
      run: async () => {
        const found = await audit.listAuditEntries(db, { page: 1 });
        auditPages = found.pageCount;
        return `${found.entries.length} of ${count(found.total)}`;
      },
    },
    {
      name: 'audit log: action "registration."',
      run: async () => {
        const found = await audit.listAuditEntries(db, { action: "registration.", page: 1 });
        return `${found.entries.length} of ${count(found.total)}`;
      },
    },
    {
      name: "audit log: last page",
      run: async () => {
        const found = await audit.listAuditEntries(db, { page: auditPages });
        return `page ${found.page}: ${found.entries.length}`;
      },
    },
  ];

  log(`Timing ${reads.length} reads: ${options.runs} runs each after ${options.warmups} warm-ups, one call at a time`);
  const measured: Measured[] = [];
  for (const read of reads) {
    const result = await measure(read, options.warmups, options.runs);
    measured.push(result);
    log(`  ${result.name}: p50 ${ms(result.latency.p50)}, p95 ${ms(result.latency.p95)} (${result.result})`);
  }

  const flags = process.argv.slice(2).join(" ");
  const command = `npm run bench:dashboard${flags ? ` -- ${flags}` : ""}`;
  const machine = machineLine(postgres, loadAverage);
  const header = ["read", "result", "p50", "p95", "max"];
  const rows = measured.map((m) => [m.name, m.result, ms(m.latency.p50), ms(m.latency.p95), ms(m.latency.max)]);
  console.log(
    [
      "",
      "═══════════════════════════ Dashboard reads ═══════════════════════════",
      `command: ${command}`,
      `date:    ${date.toISOString()}`,
      `machine: ${machine}`,
      `data:    ${dataLine(data, options, loadSeconds)}`,
      "",
      tableText(header, rows, 2),
      "════════════════════════════════════════════════════════════════════════",
      "",
    ].join("\n"),
  );

  if (options.write) {
    const section = [
      ...sectionPreamble({ heading: SECTION_HEADING, script: "bench:dashboard", file: "bench/dashboard.ts", command, date, machine }),
      `- **Data:** ${dataLine(data, options, loadSeconds)}.`,
      `- **Method:** the service functions called in process (no HTTP, no Next rendering) through one Prisma client ` +
        `(pg adapter, 10 connections) as lib/db.ts makes it; each read ${options.runs} times after ${options.warmups} warm-ups, ` +
        `one call at a time; wall-clock time of the call, Prisma's mapping and the page's shaping included. ` +
        `The CSV and XLSX are built from the rows of the export query; their sizes are in the result column.`,
      "",
      markdownTable(header, rows),
    ].join("\n");
    writeSection(path.join(ROOT, "BENCHMARKS.md"), SECTION_HEADING, section);
    log("BENCHMARKS.md: section rewritten.");
  }
  return 0;
}

await runBenchmark(main);
