// Before the e2e suite: a system Chromium if there is one, else Playwright's
// own browser, installed on first use.
import { execFileSync } from "node:child_process";
import { systemChromium } from "../e2e/support/browser";
import { logInfo } from "../lib/platform/logging/log";

const system = systemChromium();
if (system) {
  logInfo`E2E browser: ${system}`;
} else {
  console.log("No system Chromium: installing Playwright's own.");
  execFileSync("node_modules/.bin/playwright", ["install", "chromium"], { stdio: "inherit" });
}
