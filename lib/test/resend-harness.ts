// For a test file that delivers through the real Resend SDK: the email queue
// with the file's retry policy, the local stub with RESEND_BASE_URL pointing at
// it, and, after the file's tests, the worker it started stopped and the stub closed.
import { afterAll, beforeAll, vi } from "vitest";
import { ensureEmailQueue, type EmailRetryPolicy } from "../email/queue";
import type { EmailWorker } from "../email/worker";
import { startResendStub, type ResendStub } from "./resend-stub";

export type ResendHarness = { stub: ResendStub; worker?: EmailWorker };

export function resendStubForFile(url: string, policy: Partial<EmailRetryPolicy>): ResendHarness {
  const harness = {} as ResendHarness;
  beforeAll(async () => {
    await ensureEmailQueue(url, policy);
    harness.stub = await startResendStub();
    vi.stubEnv("RESEND_BASE_URL", harness.stub.url);
    vi.stubEnv("RESEND_API_KEY", "re_test_dummy");
  });
  afterAll(async () => {
    await harness.worker?.stop({ timeoutMs: 2_000 });
    await harness.stub?.close();
    vi.unstubAllEnvs();
  });
  return harness;
}
