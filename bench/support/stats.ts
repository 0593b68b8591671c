export type Latency = { p50: number; p95: number; p99: number; max: number };

/** Percentiles by nearest rank over every observed latency (ms), not a sampled histogram. */
export function latencyOf(samples: number[]): Latency {
  if (!samples.length) return { p50: NaN, p95: NaN, p99: NaN, max: NaN };
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] };
}

/** What one load phase measured. */
export type LoadFigures = {
  /** Completed registrations (HTTP 201, or committed transactions for raw writes). */
  registrations: number;
  seconds: number;
  perSecond: number;
  latency: Latency;
  /** Responses other than 2xx. */
  non2xx: number;
  /** Connection errors and timeouts, or failed transactions. */
  errors: number;
  statusCounts: Record<string, number>;
};

export function count(into: Record<string, number>, key: string | number) {
  into[key] = (into[key] ?? 0) + 1;
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : "n/a");
export const rate = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)}/s` : "n/a");
export const percent = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)} %` : "n/a");

export function formatStatuses(statuses: Record<string, number>): string {
  const entries = Object.entries(statuses).sort(([a], [b]) => a.localeCompare(b));
  return entries.length ? entries.map(([status, n]) => `${status}: ${n}`).join(", ") : "none";
}

export type Spread = { median: number; min: number; max: number };

/** For a few runs of one step: the middle one (the mean of the two middle ones for an even count), the fastest, the slowest. */
export function spreadOf(samples: number[]): Spread {
  if (!samples.length) return { median: NaN, min: NaN, max: NaN };
  const sorted = Float64Array.from(samples).sort();
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}
