import path from "node:path";
import { defineConfig } from "vitest/config";

// Far from Rome (UTC+14): a date shown without converting to Europe/Rome
// lands on the wrong day or hour and fails a test.
process.env.TZ = "Pacific/Kiritimati";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Next enforces "server-only" at build time; in tests it is a no-op.
      "server-only": path.resolve(import.meta.dirname, "lib/test/empty-module.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["lib/test/global-setup.ts"],
    // next-auth imports "next/server" without an extension, which Node's ESM resolution refuses.
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { TZ: "Pacific/Kiritimati" },
    reporters: ["default", "json"],
    outputFile: { json: "reports/vitest.json" },
  },
});
