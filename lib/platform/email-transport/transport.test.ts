import { describe, expect, test } from "vitest";
import { outboxSummary, REDACTED_LINK, redactPrivateUrls } from "./outbox-transport";
import { isRetryableResendError } from "./resend-transport";
import { createEmailTransport, formatAddress } from "./transport";

describe("Resend errors", () => {
  test.each([
    ["no answer (network, timeout)", "application_error", null, true],
    ["rate limit", "rate_limit_exceeded", 429, true],
    ["server error", "internal_server_error", 500, true],
    ["unparsable 502 from a proxy", "application_error", 502, true],
    ["same key still in flight", "concurrent_idempotent_requests", 409, true],
    ["daily quota", "daily_quota_exceeded", 429, true],
    ["wrong API key (an operator can fix it)", "invalid_api_key", 403, true],
    ["invalid field", "validation_error", 422, false],
    ["missing field", "missing_required_field", 422, false],
    ["bad sender domain", "invalid_from_address", 403, false],
    ["same key, different email", "invalid_idempotent_request", 409, false],
  ] as const)("%s → retryable: %s", (_, name, statusCode, retryable) => {
    expect(isRetryableResendError({ name, statusCode })).toBe(retryable);
  });
});

describe("redactPrivateUrls", () => {
  const secret = "https://zoom.us/j/81234567890?pwd=Segreto";

  test("hides the join link however it is written, and leaves other links alone", () => {
    const text = [
      `link: ${secret}`,
      "link: https://zoom.us/j/81234567890?pwd=Segreto&amp;uname=x",
      "link: https://zoom.us/j/81234567890/",
      "link: http://localhost:3000/iscrizione/abc",
    ].join("\n");
    const redacted = redactPrivateUrls(text, [secret]);
    expect(redacted).not.toContain("81234567890");
    expect(redacted.match(new RegExp(REDACTED_LINK.replace(/[[\]]/g, "\\$&"), "g"))).toHaveLength(3);
    expect(redacted).toContain("http://localhost:3000/iscrizione/abc");
  });
});

test("formatAddress quotes the name and drops characters that would break the header", () => {
  expect(formatAddress("m@example.it", "Maria Rossi")).toBe('"Maria Rossi" <m@example.it>');
  expect(formatAddress("m@example.it", 'Rossi, "Maria" <x>')).toBe('"Rossi, Maria x" <m@example.it>');
  expect(formatAddress("m@example.it", null)).toBe("m@example.it");
});

test("RESEND_API_KEY chooses Resend; without it the outbox", () => {
  expect(createEmailTransport({}).name).toBe("outbox");
  expect(createEmailTransport({ RESEND_API_KEY: "  " }).name).toBe("outbox");
  expect(createEmailTransport({ RESEND_API_KEY: "re_123" }).name).toBe("resend");
});

describe("outboxSummary", () => {
  const email = {
    id: "00000000-0000-4000-8000-000000000001",
    to: "coordinatore@anci.example.it",
    subject: "Accesso all'area riservata di Convoca",
    html: "",
    text: "Accedi: http://localhost:3000/api/auth/callback/email?token=segreto",
  };

  test("in development prints the links a developer needs to click", () => {
    expect(outboxSummary(email, true)).toContain("link: http://localhost:3000/api/auth/callback/email?token=segreto");
  });

  test("in production prints who and what, never a link", () => {
    const summary = outboxSummary(email, false);
    expect(summary).toContain("coordinatore@anci.example.it");
    expect(summary).not.toContain("segreto");
  });
});
