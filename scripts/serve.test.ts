import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("npm start with a TRUSTED_PROXIES it cannot read", () => {
  it("refuses to start, saying what is wrong, before it starts anything", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/serve.ts", "start"], {
      env: { ...process.env, TRUSTED_PROXIES: "10.0.0.0/33", EMBEDDED_PG_DIR: "/nonexistent/convoca-serve-test", DATABASE_URL: "" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('TRUSTED_PROXIES: "10.0.0.0/33": the prefix length must be 0 to 32 (see TRUSTED_PROXIES in README.md)');
    expect(run.stdout).not.toMatch(/Database:|Migrations/);
  });
});
