import { chmod, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { unreachableAncestor } from "./embedded";

const isRoot = process.getuid?.() === 0;
const base = await mkdtemp(path.join(os.tmpdir(), "convoca-reach-"));
await chmod(base, 0o755); // mkdtemp makes it 700
afterAll(() => rm(base, { recursive: true, force: true }));

describe("unreachableAncestor", () => {
  it.runIf(isRoot)("names the closed folder the postgres user cannot walk through", async () => {
    const closed = path.join(base, "closed");
    await mkdir(closed, { mode: 0o700 });
    await chmod(closed, 0o700);
    expect(unreachableAncestor(path.join(closed, "project", ".data", "postgres"))).toBe(closed);
  });

  it.runIf(isRoot)("accepts a folder under the system temp dir", async () => {
    const open = path.join(base, "open");
    await mkdir(open, { mode: 0o755 });
    await chmod(open, 0o755);
    expect(unreachableAncestor(path.join(open, "postgres"))).toBeNull();
  });

  it.skipIf(isRoot)("has nothing to check when not running as root", () => {
    expect(unreachableAncestor("/root/anything")).toBeNull();
  });
});
