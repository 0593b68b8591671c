// The figures of one run: the summary printed at the end, and BENCHMARKS.md,
// which the registration benchmark rewrites and the others add their section to.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { RaceResponses } from "./api-load";
import type { CpuPerRegistration } from "./cpu";
import { formatStatuses, ms, percent, rate, type LoadFigures } from "./stats";

export type Machine = {
  cores: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
  postgres: string;
  /** 1-minute load average when the run started: other work on the machine skews the figures. */
  loadAverage: number;
};

export type RaceOutcome = {
  submissions: number;
  seats: number;
  responses: RaceResponses;
  confirmed: number;
  waitlisted: number;
  /** Every confirmed registration arrived before every waitlisted one. */
  inArrivalOrder: boolean;
};

export type BenchRun = {
  command: string;
  date: Date;
  machine: Machine;
  setup: string[];
  api: LoadFigures;
  /** Registrations the API phase left in the database (201s plus any in flight when the clock stopped). */
  apiRowsInDatabase: number;
  raw: LoadFigures;
  /** CPU milliseconds per registration in each phase (Linux only). */
  cpu: { api: CpuPerRegistration | null; raw: CpuPerRegistration | null };
  race: RaceOutcome;
  emails: { written: number; delivered: number };
};

type Aim = { aim: string; measured: string; met: boolean };

export function aimsOf(run: BenchRun): Aim[] {
  const ratio = run.api.perSecond / run.raw.perSecond;
  return [
    { aim: "≥ 200 registrations/s through the API", measured: rate(run.api.perSecond), met: run.api.perSecond >= 200 },
    { aim: "p95 latency ≤ 300 ms", measured: ms(run.api.latency.p95), met: run.api.latency.p95 <= 300 },
    { aim: "API / raw SQL ratio ≥ 50 %", measured: percent(ratio), met: ratio >= 0.5 },
    {
      aim: `exactly ${run.race.seats} confirmed of ${run.race.submissions} simultaneous`,
      measured: `${run.race.confirmed} confirmed, ${run.race.waitlisted} waitlisted`,
      met: run.race.confirmed === run.race.seats,
    },
  ];
}

function figureRows(run: BenchRun): [string, string][] {
  const { api, raw, race } = run;
  return [
    ["API registrations/s (HTTP 201)", `${rate(api.perSecond)} (${api.registrations} in ${api.seconds.toFixed(1)} s)`],
    ["API latency p50 / p95 / p99 / max", [api.latency.p50, api.latency.p95, api.latency.p99, api.latency.max].map(ms).join(" / ")],
    ["API non-2xx responses", String(api.non2xx)],
    ["API connection errors / timeouts", String(api.errors)],
    ["API status codes", formatStatuses(api.statusCounts)],
    ["API registrations in the database", String(run.apiRowsInDatabase)],
    ["Raw SQL registrations/s (pg, same writes)", `${rate(raw.perSecond)} (${raw.registrations} in ${raw.seconds.toFixed(1)} s)`],
    ["Raw SQL latency p50 / p95 / p99", [raw.latency.p50, raw.latency.p95, raw.latency.p99].map(ms).join(" / ")],
    ["Raw SQL failed transactions", String(raw.errors)],
    ["API / raw ratio", percent(api.perSecond / raw.perSecond)],
    [
      "CPU per API registration",
      run.cpu.api
        ? `next start ${ms(run.cpu.api.next)}, serve.ts + email worker ${ms(run.cpu.api.serve)}, ` +
          `PostgreSQL ${ms(run.cpu.api.postgres)}, load generator ${ms(run.cpu.api.bench)}`
        : "n/a (Linux only)",
    ],
    [
      "CPU per raw SQL registration",
      run.cpu.raw ? `pg clients (Node) ${ms(run.cpu.raw.bench)}, PostgreSQL ${ms(run.cpu.raw.postgres)}` : "n/a (Linux only)",
    ],
    [
      `Race: ${race.submissions} at once for ${race.seats} seats`,
      `${race.confirmed} confirmed, ${race.waitlisted} waitlisted` +
        `${race.inArrivalOrder ? ", in arrival order" : ", NOT in arrival order"}`,
    ],
    ["Race responses", `${formatStatuses(race.responses.statusCounts)}${race.responses.failures ? `, ${race.responses.failures} without answer` : ""}`],
    ["Race: all answered in / p95 / max", `${race.responses.seconds.toFixed(2)} s / ${ms(race.responses.latency.p95)} / ${ms(race.responses.latency.max)}`],
    ["Emails written / delivered by the worker during the run", `${run.emails.written} / ${run.emails.delivered}`],
  ];
}

function machineLine(machine: Machine) {
  return (
    `${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGb} GB RAM, Node ${machine.node}, ${machine.platform}, ` +
    `PostgreSQL ${machine.postgres}; load average ${machine.loadAverage.toFixed(2)} at the start`
  );
}

export function summaryText(run: BenchRun): string {
  const width = Math.max(...figureRows(run).map(([label]) => label.length));
  const lines = [
    "══════════════════════ Registration benchmark ══════════════════════",
    `command: ${run.command}`,
    `date:    ${run.date.toISOString()}`,
    `machine: ${machineLine(run.machine)}`,
    "",
    ...figureRows(run).map(([label, value]) => `${label.padEnd(width)}  ${value}`),
    "",
    "aims:",
    ...aimsOf(run).map(({ aim, measured, met }) => `  [${met ? "met" : "MISSED"}] ${aim}: ${measured}`),
    "═════════════════════════════════════════════════════════════════════",
  ];
  return lines.join("\n");
}

const NOTES_MARKER = "<!-- Everything below this line is kept when the benchmark rewrites this file. -->";

/** Rewrites BENCHMARKS.md with this run's figures, keeping the hand-written notes under the marker. */
export function writeBenchmarksFile(file: string, run: BenchRun) {
  const previous = existsSync(file) ? readFileSync(file, "utf8") : "";
  const notesAt = previous.indexOf(NOTES_MARKER);
  const notes = notesAt >= 0 ? previous.slice(notesAt + NOTES_MARKER.length).trim() : "## Notes\n\n(none yet)";
  const markdown = [
    "# Benchmarks",
    "",
    "Written by `npm run bench:registration` (bench/registration.ts) at the end of each run;",
    "the figures are one run's, on the machine described, not a guarantee.",
    "",
    "## Registration",
    "",
    `- **Command:** \`${run.command}\``,
    `- **Date:** ${run.date.toISOString()}`,
    `- **Machine:** ${machineLine(run.machine)}`,
    ...run.setup.map((line) => `- ${line}`),
    "",
    "| aim (issue 3) | measured | met |",
    "| --- | --- | --- |",
    ...aimsOf(run).map(({ aim, measured, met }) => `| ${aim} | ${measured} | ${met ? "yes" : "**no**"} |`),
    "",
    "| figure | value |",
    "| --- | --- |",
    ...figureRows(run).map(([label, value]) => `| ${label} | ${value} |`),
    "",
    NOTES_MARKER,
    "",
    notes,
    "",
  ];
  writeFileSync(file, markdown.join("\n"));
}

/**
 * Replaces one benchmark's section of BENCHMARKS.md (from its heading up to the
 * next "## "), or appends it; the rest of the file stays as it is. `section`
 * starts with `heading`.
 */
/** The opening lines every in-process benchmark's section shares: what wrote it, and the run's command, date and machine. */
export function sectionPreamble(run: { heading: string; script: string; file: string; command: string; date: Date; machine: string }): string[] {
  return [
    run.heading,
    "",
    `Written by \`npm run ${run.script}\` (${run.file}) at the end of each run, which replaces this`,
    "section only; the figures are one run's, on the machine described, not a guarantee.",
    "",
    `- **Command:** \`${run.command}\``,
    `- **Date:** ${run.date.toISOString()}`,
    `- **Machine:** ${run.machine}`,
  ];
}

export function markdownTable(header: string[], rows: string[][]): string {
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

export function writeSection(file: string, heading: string, section: string) {
  const previous = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const start = previous.indexOf(heading);
  if (start < 0) {
    writeFileSync(file, `${previous.trimEnd()}\n\n${section}\n`);
    return;
  }
  const next = previous.indexOf("\n## ", start + heading.length);
  const rest = next < 0 ? "" : previous.slice(next);
  writeFileSync(file, `${previous.slice(0, start)}${section}\n${rest}`.trimEnd() + "\n");
}
