// A stand-in for the Resend API (POST /emails only), for tests that drive the
// real Resend SDK through RESEND_BASE_URL. It keeps Resend's promises that
// matter here: an Idempotency-Key already accepted returns the first email's
// id without sending again, and errors come back in Resend's JSON shape.
import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type StubDelivery = {
  id: string;
  idempotencyKey: string | null;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  attachments: { filename: string; content: string; content_type?: string }[];
};

/** An HTTP status to answer with, or "drop" to close the socket without an answer. */
export type StubFailure = 429 | 500 | 502 | 503 | "drop";

export type ResendStub = {
  /** For RESEND_BASE_URL. */
  url: string;
  /** Every email the stub accepted and "sent", in order; an idempotent replay adds nothing. */
  deliveries: StubDelivery[];
  /** Every POST /emails, failed and replayed ones included. */
  requests: number;
  /** How many emails were really sent for one idempotency key (the EmailMessage id). */
  deliveriesFor(idempotencyKey: string): number;
  /** The next `count` requests fail. */
  failNext(count: number, failure?: StubFailure): void;
  /** Requests fail for `ms` from now, cycling through the failures given. */
  failFor(ms: number, failures?: StubFailure[]): void;
  /** Requests to these addresses get a 422 validation_error, as Resend gives for a bad recipient. */
  reject(address: string): void;
  /** Accept (and count) the email at once, but answer only after `ms`: the window where a client may die. */
  setResponseDelay(ms: number): void;
  close(): Promise<void>;
};

type KeyState = { id: string; bodyHash: string; done: boolean };

const FAILURE_BODIES: Record<Exclude<StubFailure, "drop">, { name: string; message: string }> = {
  429: { name: "rate_limit_exceeded", message: "Too many requests. You can only make 2 requests per second." },
  500: { name: "internal_server_error", message: "An unexpected error occurred." },
  502: { name: "internal_server_error", message: "Bad gateway." },
  503: { name: "internal_server_error", message: "Service unavailable." },
};

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function reply(response: http.ServerResponse, status: number, body: unknown) {
  if (response.destroyed) return;
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

function error(response: http.ServerResponse, status: number, name: string, message: string) {
  reply(response, status, { statusCode: status, name, message });
}

export async function startResendStub(): Promise<ResendStub> {
  const deliveries: StubDelivery[] = [];
  const keys = new Map<string, KeyState>();
  const rejected = new Set<string>();
  let failNextCount = 0;
  let failNextWith: StubFailure = 500;
  let failUntil = 0;
  let failCycle: StubFailure[] = [500];
  let failCursor = 0;
  let responseDelay = 0;

  const stub: ResendStub = {
    url: "",
    deliveries,
    requests: 0,
    deliveriesFor: (key) => deliveries.filter((delivery) => delivery.idempotencyKey === key).length,
    failNext(count, failure = 500) {
      failNextCount = count;
      failNextWith = failure;
    },
    failFor(ms, failures = [500]) {
      failUntil = Date.now() + ms;
      failCycle = failures;
      failCursor = 0;
    },
    reject: (address) => void rejected.add(address.toLowerCase()),
    setResponseDelay(ms) {
      responseDelay = ms;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  function currentFailure(): StubFailure | null {
    if (failNextCount > 0) {
      failNextCount--;
      return failNextWith;
    }
    if (Date.now() < failUntil) return failCycle[failCursor++ % failCycle.length];
    return null;
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
    if (request.method !== "POST" || request.url !== "/emails") {
      return error(response, 404, "not_found", "The requested endpoint does not exist.");
    }
    stub.requests++;
    const raw = await readBody(request);
    if (!request.headers.authorization?.startsWith("Bearer ")) {
      return error(response, 401, "missing_api_key", "Missing API key in the authorization header.");
    }
    const failure = currentFailure();
    if (failure === "drop") return void request.socket.destroy();
    if (failure) return error(response, failure, FAILURE_BODIES[failure].name, FAILURE_BODIES[failure].message);

    const body = JSON.parse(raw) as Partial<StubDelivery> & { to?: string | string[] };
    const to = Array.isArray(body.to) ? body.to : body.to ? [body.to] : [];
    if (!body.from || !body.subject || to.length === 0) {
      return error(response, 422, "missing_required_field", "Missing `from`, `to` or `subject` field.");
    }
    const address = (value: string) => (value.match(/<([^>]+)>/)?.[1] ?? value).toLowerCase();
    if (to.some((recipient) => rejected.has(address(recipient)))) {
      return error(response, 422, "validation_error", "Invalid `to` field.");
    }

    const key = typeof request.headers["idempotency-key"] === "string" ? request.headers["idempotency-key"] : null;
    const bodyHash = createHash("sha256").update(raw).digest("hex");
    const seen = key ? keys.get(key) : undefined;
    if (seen) {
      if (seen.bodyHash !== bodyHash) {
        return error(response, 409, "invalid_idempotent_request", "Same idempotency key used with a different request payload.");
      }
      if (!seen.done) {
        return error(response, 409, "concurrent_idempotent_requests", "Same idempotency key used while original request is still in progress.");
      }
      return reply(response, 200, { id: seen.id });
    }

    const id = randomUUID();
    const state: KeyState = { id, bodyHash, done: false };
    if (key) keys.set(key, state);
    deliveries.push({
      id,
      idempotencyKey: key,
      from: body.from,
      to,
      subject: body.subject,
      html: body.html ?? "",
      text: body.text ?? "",
      attachments: body.attachments ?? [],
    });
    // Sent, whatever happens to the answer: a client that dies now never learns it.
    if (responseDelay > 0) await new Promise((resolve) => setTimeout(resolve, responseDelay));
    state.done = true;
    reply(response, 200, { id });
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((cause: unknown) => error(response, 500, "internal_server_error", String(cause)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return stub;
}
