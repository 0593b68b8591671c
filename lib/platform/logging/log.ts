// Every log line goes through here. A value that reaches a log line may come
// from a request (a slug, a name, an error message quoting input): its control
// characters are written as escapes, so no input can end the line and forge a
// line of its own ("%0A[tick] forged log line"). In production
// (NODE_ENV=production) each event is one JSON object on one line, written by
// pino: {"level":"info","time":"…","msg":"…", …fields}.
import pino from "pino";

// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and lone surrogates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SHORT: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escape(text: string): string {
  return text.replace(UNSAFE, (char) => SHORT[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (value === undefined || typeof value !== "object") return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * What may be logged about a failure: the error's class and, for Prisma,
 * its code. Never the message, which can quote submitted values or a token.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && /^[A-Z0-9_]{1,12}$/.test(code) ? `${error.name} ${code}` : error.name;
}

/** A value as it may appear inside a log line: one line, control characters escaped. */
export function logValue(value: unknown): string {
  return escape(describe(value));
}

/** A tagged template for log lines: the literal text as written, every interpolated value escaped. */
export function logLine(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((line, part, index) => line + part + (index < values.length ? logValue(values[index]) : ""), "");
}

/** A line for whatever prints it (console.log, a worker's `log` option): one line, whatever the input. */
export function safeLine(line: string): string {
  return escape(line);
}

export type LogLevel = "info" | "warn" | "error";

let json: pino.Logger | undefined;

// JSON.stringify leaves U+2028/U+2029 raw; written as escapes they stay one line for any reader.
const SEPARATORS = /[\u2028\u2029]/g;
const stream = (out: () => NodeJS.WriteStream) => ({
  write: (chunk: string) => void out().write(chunk.replace(SEPARATORS, (c) => `\\u${c.charCodeAt(0).toString(16)}`)),
});

function jsonLogger(): pino.Logger {
  json ??= pino(
    { base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
    // info to stdout, warn and error to stderr, as in development.
    pino.multistream(
      [
        { level: "info", stream: stream(() => process.stdout) },
        { level: "warn", stream: stream(() => process.stderr) },
      ],
      { dedupe: true },
    ),
  );
  return json;
}

// pino looks a field's serializer up by its name, so a field named after an
// Object.prototype member ("toString") would be written by that member as
// broken JSON; such names, and pino's own keys, are written with a prefix.
const RESERVED = new Set(["level", "time", "msg"]);
function fieldName(key: string): string {
  const name = safeLine(key);
  return name in Object.prototype || RESERVED.has(name) ? `field_${name}` : name;
}

function fieldValue(value: unknown): unknown {
  return typeof value === "number" || typeof value === "boolean" || value === null ? value : logValue(value);
}

/**
 * One event: in production a JSON line with `fields` beside level, time and
 * msg; otherwise today's readable line, the fields appended as key=value.
 * Every string is escaped as in logLine.
 */
export function logEvent(level: LogLevel, message: string, fields: Record<string, unknown> = {}): void {
  const msg = safeLine(message);
  const safe = Object.fromEntries(Object.entries(fields).map(([key, value]) => [fieldName(key), fieldValue(value)]));
  if (process.env.NODE_ENV === "production") {
    jsonLogger()[level](safe, msg);
    return;
  }
  const extra = Object.entries(safe).map(([key, value]) => ` ${key}=${String(value)}`).join("");
  console[level === "info" ? "log" : level](msg + extra);
}

/**
 * A finished line (its caller escaped it: logLine, safeLine), the default of
 * the workers' `log` option: printed as it is in development, one JSON event in production.
 */
export function logText(line: string): void {
  if (process.env.NODE_ENV === "production") jsonLogger().info(safeLine(line));
  else console.log(line);
}

export function logInfo(strings: TemplateStringsArray, ...values: unknown[]): void {
  logEvent("info", logLine(strings, ...values));
}

export function logWarn(strings: TemplateStringsArray, ...values: unknown[]): void {
  logEvent("warn", logLine(strings, ...values));
}

export function logError(strings: TemplateStringsArray, ...values: unknown[]): void {
  logEvent("error", logLine(strings, ...values));
}
