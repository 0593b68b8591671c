import { afterEach, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { logError, logInfo, logLine, safeLine } from "./log";

// The slug of the forged request, as Next decodes it.
const FORGED_SLUG = decodeURIComponent("%00%0A%5Btick%5D%20forged%20log%20line");
const C0_OR_SEPARATOR = /[\u0000-\u001f\u007f\u2028\u2029]/;

afterEach(() => vi.restoreAllMocks());

describe("log lines", () => {
  it("the forged slug of the registration route's error log stays one line, its control characters escaped", () => {
    const printed: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => printed.push(args.join(" ")));
    logError`POST /api/convocazioni/${FORGED_SLUG}/iscrizioni failed: ${"TypeError"}`;
    expect(printed).toEqual(["POST /api/convocazioni/\\u0000\\n[tick] forged log line/iscrizioni failed: TypeError"]);
    expect(printed.join("\n").split("\n")).toHaveLength(1);
  });

  it("no logged line ever contains a raw control character from its inputs", () => {
    const printed: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => printed.push(args.join(" ")));
    const input = fc.oneof(fc.string({ unit: "binary" }), fc.string(), fc.constantFrom("\n", "\r\n", "\u0000", "\u2028", "\u001b[31m"));
    fc.assert(
      fc.property(input, input, fc.anything(), (a, b, c) => {
        printed.length = 0;
        logInfo`[email] ${a}: ${b} (${c}) ${new Error(a)}`;
        expect(printed).toHaveLength(1);
        expect(printed[0]).not.toMatch(C0_OR_SEPARATOR);
        expect(safeLine(`${a}${b}`)).not.toMatch(C0_OR_SEPARATOR);
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps printable text as it is", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ -~àèéìòù€]*$/), (text) => {
        expect(logLine`${text}`).toBe(text);
      }),
    );
  });
});
