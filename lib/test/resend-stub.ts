// A stand-in for the Resend API (POST /emails and POST /emails/batch), for
// tests that drive the real Resend SDK through RESEND_BASE_URL. It keeps
// Resend's promises that matter here: an Idempotency-Key already accepted
// returns the first answer without sending again, a batch holds at most 100
// emails, errors come back in Resend's JSON shape, and (when asked) more than
// N requests in a second are refused with 429.
import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type StubDelivery = {
  id: string;
  idempotencyKey: string | null;
  /** The EmailMessage id, from the email's "message" tag (batch emails carry it). */
  messageId: string | null;
  /** Delivered through POST /emails/batch. */
  batch: boolean;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  attachments: { filename: string; content: string; content_type?: string }[];
  /** Extra header lines, as sent (List-Unsubscribe). */
  headers: Record<string, string>;
};

/** An HTTP status to answer with, or "drop" to close the socket without an answer. */
export type StubFailure = 429 | 500 | 502 | 503 | "drop";

export type ResendStub = {
  /** For RESEND_BASE_URL. */
  url: string;
  /** Every email the stub accepted and "sent", in order; an idempotent replay adds nothing. */
  deliveries: StubDelivery[];
  /** Every POST /emails and /emails/batch, failed and replayed ones included. */
  requests: number;
  /** Every POST /emails/batch, failed and replayed ones included. */
  batchRequests: number;
  /** When each POST /emails and /emails/batch arrived (Date.now()), failed and replayed ones included. */
  arrivals: { at: number; batch: boolean }[];
  /** Requests refused with 429 by the rate limit (not those of failNext/failFor). */
  rateLimited: number;
  /** How many emails were really sent for one EmailMessage id (its "message" tag, or the single email's key). */
  deliveriesForMessage(messageId: string): number;
  /** Above `perSecond` requests in any one-second window, answer 429 as Resend does; null lifts the limit. */
  setRateLimit(perSecond: number | null): void;
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

type KeyState = { answer: unknown; bodyHash: string; done: boolean };

export type ResendStubOptions = { rateLimitPerSecond?: number | null };

/** Resend's limit on one batch call. */
export const STUB_MAX_BATCH = 100;

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

export async function startResendStub(options: ResendStubOptions = {}): Promise<ResendStub> {
  const deliveries: StubDelivery[] = [];
  let rateLimit = options.rateLimitPerSecond ?? null;
  const recent: number[] = [];
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
    batchRequests: 0,
    arrivals: [],
    rateLimited: 0,
    deliveriesFor: (key) => deliveries.filter((delivery) => delivery.idempotencyKey === key).length,
    deliveriesForMessage: (messageId) =>
      deliveries.filter((delivery) => (delivery.messageId ?? delivery.idempotencyKey) === messageId).length,
    setRateLimit(perSecond) {
      rateLimit = perSecond;
    },
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

  /** A sliding one-second window: the request that would be the (N+1)th in it is refused. */
  function overRateLimit(now: number): boolean {
    if (rateLimit === null) return false;
    while (recent.length > 0 && recent[0] <= now - 1000) recent.shift();
    if (recent.length >= rateLimit) return true;
    recent.push(now);
    return false;
  }

  type Email = Partial<Omit<StubDelivery, "to">> & { to?: string | string[]; tags?: { name: string; value: string }[] };
  const address = (value: string) => (value.match(/<([^>]+)>/)?.[1] ?? value).toLowerCase();
  const recipients = (email: Email) => (Array.isArray(email.to) ? email.to : email.to ? [email.to] : []);

  /** Why Resend would refuse this email, or null. */
  function invalid(email: Email): { status: number; name: string; message: string } | null {
    if (!email.from || !email.subject || recipients(email).length === 0) {
      return { status: 422, name: "missing_required_field", message: "Missing `from`, `to` or `subject` field." };
    }
    if (recipients(email).some((recipient) => rejected.has(address(recipient)))) {
      return { status: 422, name: "validation_error", message: "Invalid `to` field." };
    }
    return null;
  }

  function deliver(email: Email, key: string | null, batch: boolean): string {
    const id = randomUUID();
    deliveries.push({
      id,
      idempotencyKey: key,
      messageId: email.tags?.find((tag) => tag.name === "message")?.value ?? null,
      batch,
      from: email.from ?? "",
      to: recipients(email),
      subject: email.subject ?? "",
      html: email.html ?? "",
      text: email.text ?? "",
      attachments: email.attachments ?? [],
      headers: email.headers ?? {},
    });
    return id;
  }

  async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
    // When the request arrived, not when its (large) body was read.
    const arrived = Date.now();
    const batch = request.url === "/emails/batch";
    if (request.method !== "POST" || (request.url !== "/emails" && !batch)) {
      return error(response, 404, "not_found", "The requested endpoint does not exist.");
    }
    stub.requests++;
    if (batch) stub.batchRequests++;
    stub.arrivals.push({ at: arrived, batch });
    const raw = await readBody(request);
    if (!request.headers.authorization?.startsWith("Bearer ")) {
      return error(response, 401, "missing_api_key", "Missing API key in the authorization header.");
    }
    if (overRateLimit(arrived)) {
      stub.rateLimited++;
      return error(response, 429, FAILURE_BODIES[429].name, FAILURE_BODIES[429].message.replace("2", String(rateLimit)));
    }
    const failure = currentFailure();
    if (failure === "drop") return void request.socket.destroy();
    if (failure) return error(response, failure, FAILURE_BODIES[failure].name, FAILURE_BODIES[failure].message);

    const parsed = JSON.parse(raw) as Email | Email[];
    const emails = batch ? (Array.isArray(parsed) ? parsed : null) : Array.isArray(parsed) ? null : [parsed];
    if (!emails || (batch && (emails.length === 0 || emails.length > STUB_MAX_BATCH))) {
      return error(response, 422, "validation_error", `A batch holds between 1 and ${STUB_MAX_BATCH} emails.`);
    }
    if (batch && emails.some((email) => email.attachments?.length)) {
      return error(response, 422, "validation_error", "Attachments are not supported in batch emails.");
    }
    // Strict validation, Resend's default: one bad email refuses the whole batch.
    const refusal = emails.map(invalid).find(Boolean);
    if (refusal) return error(response, refusal.status, refusal.name, refusal.message);

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
      return reply(response, 200, seen.answer);
    }

    const ids = emails.map((email) => deliver(email, key, batch));
    const answer = batch ? { data: ids.map((id) => ({ id })) } : { id: ids[0] };
    const state: KeyState = { answer, bodyHash, done: false };
    if (key) keys.set(key, state);
    // Sent, whatever happens to the answer: a client that dies now never learns it.
    if (responseDelay > 0) await new Promise((resolve) => setTimeout(resolve, responseDelay));
    state.done = true;
    reply(response, 200, answer);
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((cause: unknown) => error(response, 500, "internal_server_error", String(cause)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return stub;
}
