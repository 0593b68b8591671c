import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS, systemChromium } from "./e2e/support/browser";
import { assertLocalDatabase } from "./e2e/support/database";
import { BASE_URL, E2E_DATABASE_URL, E2E_OUTBOX_DIR, E2E_PG_DIR, E2E_PG_PORT, E2E_PORT } from "./e2e/support/environment";

assertLocalDatabase(E2E_DATABASE_URL);
const executablePath = systemChromium();

// Runs against a production build (`next build` first, see npm run test:e2e)
// served by `npm start` on a fresh embedded PostgreSQL, migrated and seeded.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  timeout: 30_000,
  use: {
    baseURL: BASE_URL,
    locale: "it-IT",
    // Far from Rome: the pages must show Rome's time whatever the browser's zone.
    timezoneId: "America/Los_Angeles",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: executablePath ? { executablePath, args: CHROMIUM_FLAGS } : { args: CHROMIUM_FLAGS },
      },
    },
  ],
  webServer: {
    command: `rm -rf "${E2E_PG_DIR}" "${E2E_OUTBOX_DIR}" && node_modules/.bin/tsx scripts/serve.ts start`,
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    env: {
      PORT: String(E2E_PORT),
      EMBEDDED_PG_PORT: String(E2E_PG_PORT),
      EMBEDDED_PG_DIR: E2E_PG_DIR,
      EMAIL_OUTBOX_DIR: E2E_OUTBOX_DIR,
      // Every spec submits from 127.0.0.1; the per-email limit stays as in production.
      RATE_LIMIT_PER_IP: "100000",
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
    },
  },
});
