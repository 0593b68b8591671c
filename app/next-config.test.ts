// next.config.mjs as Next reads it: what it decides for a real browser.
import { createRequire } from "node:module";
import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";

// A plain .mjs (Next loads it without TypeScript), so it is typed here.
const { default: nextConfig } = (await import("../next.config.mjs" as string)) as { default: NextConfig };

const require = createRequire(import.meta.url);
const { shouldServeStreamingMetadata } = require("next/dist/server/lib/streaming-metadata") as {
  shouldServeStreamingMetadata: (userAgent: string, htmlLimitedBots: string | undefined) => boolean;
};

const BROWSERS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0",
];

describe("next.config.mjs", () => {
  it("puts every page's title in the <head> for every browser, never streamed after the content", () => {
    // Next turns the RegExp into its source when it loads the config.
    const htmlLimitedBots = (nextConfig.htmlLimitedBots as RegExp | undefined)?.source;
    for (const userAgent of BROWSERS) expect(shouldServeStreamingMetadata(userAgent, htmlLimitedBots), userAgent).toBe(false);
  });
});
