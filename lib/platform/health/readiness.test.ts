import { readFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ReadinessFacts } from "./queries";
import { assessReadiness, HEARTBEAT_MAX_AGE_SECONDS, PGBOSS_SCHEMA_VERSION, shippedMigrations } from "./readiness";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const QUEUES = ["email.deliver", "email.batch", "meetings.tick"];

describe("readiness", () => {
  it("expects the schema version of the pg-boss installed", async () => {
    const { schema } = JSON.parse(await readFile(path.join(ROOT, "node_modules/pg-boss/version.json"), "utf8"));
    expect(PGBOSS_SCHEMA_VERSION).toBe(schema);
  });

  it("lists the migrations folder as Prisma does", async () => {
    const shipped = await shippedMigrations();
    expect(shipped.length).toBeGreaterThan(10);
    expect(shipped).toEqual([...shipped].sort());
    expect(shipped[0]).toBe("20261126100909_init");
  });

  it("is ready exactly when every required check passes, and names each one that does not", () => {
    const name = fc.constantFrom(...QUEUES, "other");
    const facts: fc.Arbitrary<ReadinessFacts | null> = fc.option(
      fc.record({
        appliedMigrations: fc.subarray(["a", "b", "c"]),
        queue: fc.record({
          schemaVersion: fc.option(fc.constantFrom(23, 24, 25)),
          queues: fc.uniqueArray(name),
          schedules: fc.uniqueArray(name),
          maintainedSecondsAgo: fc.option(fc.double({ min: 0, max: 3600, noNaN: true })),
          cronSecondsAgo: fc.option(fc.double({ min: 0, max: 3600, noNaN: true })),
        }),
      }),
    );
    fc.assert(
      fc.property(facts, fc.boolean(), (input, runsWorkers) => {
        const result = assessReadiness({ facts: input, shipped: ["a", "b", "c"], queues: QUEUES, schedules: ["meetings.tick"], runsWorkers });
        const expected =
          input !== null &&
          input.appliedMigrations.length === 3 &&
          input.queue.schemaVersion === 24 &&
          QUEUES.every((q) => input.queue.queues.includes(q)) &&
          input.queue.schedules.includes("meetings.tick") &&
          (!runsWorkers ||
            [input.queue.maintainedSecondsAgo, input.queue.cronSecondsAgo].every((s) => s !== null && s <= HEARTBEAT_MAX_AGE_SECONDS));
        expect(result.ok).toBe(expected);
        expect(result.ok).toBe(result.notReady.length === 0);
        for (const failing of result.notReady) expect(result.checks[failing as keyof typeof result.checks].ok).toBe(false);
        if (!runsWorkers) expect(result.notReady).not.toContain("workers");
      }),
      { numRuns: 500 },
    );
  });

  it("does not call the migrations applied when their folder cannot be read", () => {
    const facts: ReadinessFacts = {
      appliedMigrations: [],
      queue: { schemaVersion: 24, queues: QUEUES, schedules: ["meetings.tick"], maintainedSecondsAgo: 1, cronSecondsAgo: 1 },
    };
    const result = assessReadiness({ facts, shipped: null, queues: QUEUES, schedules: ["meetings.tick"], runsWorkers: true });
    expect(result.notReady).toEqual(["migrations"]);
  });
});
