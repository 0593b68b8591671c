// CPU time used by the processes under test, from Linux's /proc. Wall-clock
// figures move with whatever else runs on the machine; CPU per registration
// moves much less, and says which side (Node or PostgreSQL) does the work.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

type ProcStat = { pid: number; command: string; ppid: number; pgrp: number; own: number; children: number };

const ticksPerSecond = (() => {
  if (!existsSync("/proc/self/stat")) return null;
  const value = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout);
  return Number.isFinite(value) && value > 0 ? value : 100;
})();

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces; every later field follows its closing parenthesis.
    const close = text.lastIndexOf(")");
    const command = text.slice(text.indexOf("(") + 1, close);
    const fields = text.slice(close + 2).split(" ").map(Number);
    return { pid, command, ppid: fields[1], pgrp: fields[2], own: fields[11] + fields[12], children: fields[13] + fields[14] };
  } catch {
    return null; // Exited while we looked.
  }
}

function allProcesses(): ProcStat[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== null);
}

export type CpuSample = {
  /** The `next start` process. */
  next: number;
  /** The rest of the server's process group: tsx and serve.ts, with the email worker it runs. */
  serve: number;
  postgres: number;
  /** This process: the load generator, or the pg clients of the raw phase. */
  bench: number;
};

/**
 * CPU seconds so far of the server's process group, of the PostgreSQL cluster
 * (the postmaster, its live backends, and the backends it has already reaped)
 * and of this process. Null off Linux.
 */
export function cpuSample(serverGroup: number, postmasterPidFile: string): CpuSample | null {
  if (!ticksPerSecond || !existsSync(postmasterPidFile)) return null;
  const postmaster = Number(readFileSync(postmasterPidFile, "utf8").split("\n")[0]);
  const processes = allProcesses();
  const database = new Set(processes.filter((stat) => stat.pid === postmaster || stat.ppid === postmaster).map((stat) => stat.pid));
  let next = 0;
  let serve = 0;
  let postgres = 0;
  for (const stat of processes) {
    if (stat.pid === postmaster) postgres += stat.own + stat.children;
    else if (database.has(stat.pid)) postgres += stat.own;
    else if (stat.pgrp === serverGroup && stat.command.startsWith("next-server")) next += stat.own;
    else if (stat.pgrp === serverGroup) serve += stat.own;
  }
  const usage = process.cpuUsage();
  return {
    next: next / ticksPerSecond,
    serve: serve / ticksPerSecond,
    postgres: postgres / ticksPerSecond,
    bench: (usage.user + usage.system) / 1e6,
  };
}

/** Milliseconds of CPU per registration between two samples, by side. */
export function cpuPerRegistration(before: CpuSample | null, after: CpuSample | null, registrations: number) {
  if (!before || !after || !registrations) return null;
  const per = (key: keyof CpuSample) => ((after[key] - before[key]) * 1000) / registrations;
  return { next: per("next"), serve: per("serve"), postgres: per("postgres"), bench: per("bench") };
}

export type CpuPerRegistration = NonNullable<ReturnType<typeof cpuPerRegistration>>;
