import { existsSync } from "node:fs";

// Debian's Chromium where there is one (this machine cannot download
// Playwright's browser); elsewhere Playwright's own, which
// scripts/ensure-browser.ts installs when missing.
const SYSTEM_CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];

export function systemChromium(): string | undefined {
  return SYSTEM_CHROMIUM.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
}

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
