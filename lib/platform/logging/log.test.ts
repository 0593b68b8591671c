import { afterEach, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { logError, logEvent, logInfo, logLine, logText, safeLine } from "./log";

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

describe("log lines in production (NODE_ENV=production): pino, one JSON object per event", () => {
  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => out.push(String(chunk)) > 0);
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => err.push(String(chunk)) > 0);
    return { out, err };
  };
  const lines = (chunks: string[]) => chunks.join("").split("\n").filter(Boolean);

  afterEach(() => vi.unstubAllEnvs());

  it("writes level, time, msg and the fields as one JSON line; warnings and errors on stderr", () => {
    vi.stubEnv("NODE_ENV", "production");
    const { out, err } = capture();
    logInfo`[email] ${"m1"}: sent`;
    logEvent("warn", "[tick] slow", { ms: 1200, queue: "meetings.tick" });
    logError`POST /api/convocazioni/${FORGED_SLUG}/iscrizioni failed: ${"TypeError"}`;
    logText("Database: embedded PostgreSQL on port 54329");
    vi.restoreAllMocks();
    expect(lines(out).map((line) => JSON.parse(line))).toEqual([
      { level: "info", time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), msg: "[email] m1: sent" },
      { level: "info", time: expect.any(String), msg: "Database: embedded PostgreSQL on port 54329" },
    ]);
    expect(lines(err).map((line) => JSON.parse(line))).toEqual([
      { level: "warn", time: expect.any(String), msg: "[tick] slow", ms: 1200, queue: "meetings.tick" },
      { level: "error", time: expect.any(String), msg: "POST /api/convocazioni/\\u0000\\n[tick] forged log line/iscrizioni failed: TypeError" },
    ]);
  });

  it("no input, message or field, makes a second line: every event parses back as one object", () => {
    vi.stubEnv("NODE_ENV", "production");
    const input = fc.oneof(
      fc.string({ unit: "binary" }),
      fc.constantFrom("\n", "\r\n", "\u2028", "\u2029", "\u001b[31m", "toString", "__proto__", "constructor", "msg", "level"),
    );
    fc.assert(
      fc.property(input, input, fc.anything(), (a, b, c) => {
        const { out, err } = capture();
        logInfo`[email] ${a}: ${b}`;
        logEvent("error", a, { [b]: c, value: a });
        logText(`${a}\n${b}`);
        vi.restoreAllMocks();
        expect(lines(out)).toHaveLength(2);
        expect(lines(err)).toHaveLength(1);
        for (const line of [...lines(out), ...lines(err)]) {
          expect(line).not.toMatch(/[\u2028\u2029\r]/);
          expect(() => JSON.parse(line)).not.toThrow();
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a join link, a token or an email body passed to the common paths never reaches a production line", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const { outboxSummary, createOutboxTransport } = await import("../email-transport/outbox-transport");
    const JOIN = "https://zoom.us/j/555?pwd=collegamento";
    const TOKEN = "Tok3nPersonaleDiProva";
    const BODY = "Gentile Maria, ecco il link personale";
    const { out, err } = capture();
    const email = {
      id: "6f1c2a52-8a5e-4a70-9d1e-2b8c1f0e6a11",
      to: "maria.rossi@comune.example.it",
      subject: "Conferma",
      text: `${BODY} http://localhost:3000/iscrizione/${TOKEN} e il collegamento ${JOIN}`,
      html: `<p>${BODY}</p>`,
      privateUrls: [JOIN],
    };
    await createOutboxTransport(undefined, null).send(email as never);
    logText(outboxSummary(email as never));
    vi.restoreAllMocks();
    const printed = [...out, ...err].join("");
    expect(lines(out).length).toBe(2);
    for (const secret of [JOIN, "pwd=", TOKEN, BODY]) expect(printed).not.toContain(secret);
  });
});
