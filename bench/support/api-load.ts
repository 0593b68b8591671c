// Load on the JSON API: autocannon with a fresh person (a unique email) in
// every request, and a burst of simultaneous submissions for a full meeting.
import autocannon, { type AutocannonResult } from "autocannon";
import { count, latencyOf, type LoadFigures } from "./stats";

/** A registration as an integration would post it; the email makes it unique. */
export function registrationBody(email: string): string {
  return JSON.stringify({
    firstName: "Carmela",
    lastName: "Benchmark",
    email,
    phone: "091 123 4567",
    roleTitle: "Funzionaria dei servizi sociali",
    organisationType: "ALTRO_ENTE",
    organisationName: "Ente del benchmark",
    privacyConsent: true,
    communicationsConsent: false,
    nominees: [],
  });
}

export type Sender = {
  /** Unique per phase and per run, so every request is a new person. */
  tag: string;
  /**
   * Distinct client addresses sent as X-Forwarded-For (round robin); 0 sends
   * none, so every request is the same client ("unknown") to the limiter.
   */
  clientIps: number;
};

function headers(sender: Sender, n: number): Record<string, string> {
  const base = { "content-type": "application/json" };
  if (!sender.clientIps) return base;
  const ip = n % sender.clientIps;
  return { ...base, "x-forwarded-for": `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}` };
}

const emailOf = (sender: Sender, n: number) => `bench.${sender.tag}.${n}@example.it`;

export function registrationPath(slug: string) {
  return `/api/convocazioni/${encodeURIComponent(slug)}/iscrizioni`;
}

export async function runApiLoad(options: {
  baseUrl: string;
  slug: string;
  connections: number;
  durationSeconds: number;
  sender: Sender;
}): Promise<LoadFigures> {
  const { sender } = options;
  let sequence = 0;
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let created = 0;

  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        duration: options.durationSeconds,
        timeout: 60,
        requests: [
          {
            method: "POST",
            path: registrationPath(options.slug),
            setupRequest: (request) => {
              const n = sequence++;
              return { ...request, headers: headers(sender, n), body: registrationBody(emailOf(sender, n)) };
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      count(statusCounts, statusCode);
      if (statusCode === 201) created++;
    });
  });

  return {
    registrations: created,
    seconds: result.duration,
    perSecond: created / result.duration,
    latency: latencyOf(latencies),
    non2xx: result.non2xx,
    errors: result.errors,
    statusCounts,
  };
}

export type RaceResponses = {
  statusCounts: Record<string, number>;
  /** Requests that got no HTTP answer at all. */
  failures: number;
  seconds: number;
  latency: ReturnType<typeof latencyOf>;
};

/** Every submission built first, then all sent at once, each on its own connection. */
export async function runRace(options: { baseUrl: string; slug: string; submissions: number; sender: Sender }): Promise<RaceResponses> {
  const { sender } = options;
  const url = `${options.baseUrl}${registrationPath(options.slug)}`;
  const requests = Array.from({ length: options.submissions }, (_, n) => ({
    headers: headers(sender, n),
    body: registrationBody(emailOf(sender, n)),
  }));
  const statusCounts: Record<string, number> = {};
  const latencies: number[] = [];
  let failures = 0;

  const started = performance.now();
  await Promise.all(
    requests.map(async ({ headers, body }) => {
      const sent = performance.now();
      try {
        const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(120_000) });
        await response.arrayBuffer();
        latencies.push(performance.now() - sent);
        count(statusCounts, response.status);
      } catch {
        failures++;
      }
    }),
  );
  return {
    statusCounts,
    failures,
    seconds: (performance.now() - started) / 1000,
    latency: latencyOf(latencies),
  };
}
