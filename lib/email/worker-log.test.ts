// What the worker's log says about a failed delivery: the error's class,
// never its message, which can quote a recipient or the provider's reply.
// The row keeps the message (the dashboard shows it to the coordinator).
import { afterAll, expect, test } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { SAMPLE_DATA } from "@/lib/test/email-fixtures";
import { waitFor } from "@/lib/test/wait-for";
import { EmailDeliveryError } from "../platform/email-transport/delivery-error";
import { enqueueEmail } from "./mutations";
import { ensureEmailQueue } from "./queue";
import { startEmailWorker, type EmailWorker } from "./worker";

const { url, db } = await createTestDatabase();
const SECRET = "rifiutato per maria.rossi@comune.example.it token=q1w2e3r4t5y6";
const printed: string[] = [];
let worker: EmailWorker | undefined;

afterAll(async () => {
  await worker?.stop({ timeoutMs: 2_000 });
});

test("a delivery that fails for good is logged by the error's class, its message only on the row", async () => {
  await ensureEmailQueue(url, { retryDelay: 1 });
  worker = await startEmailWorker({
    url,
    concurrency: 1,
    pollingIntervalSeconds: 0.5,
    log: (line) => void printed.push(line),
    transport: {
      name: "resend",
      send: async () => {
        throw new EmailDeliveryError(SECRET, false);
      },
    },
  });
  const { id } = await enqueueEmail(db, {
    template: "registration-confirmed",
    toEmail: "maria.rossi@comune.example.it",
    toName: "Maria Rossi",
    data: SAMPLE_DATA["registration-confirmed"],
  });
  await waitFor("the failure", async () => (await db.emailMessage.findUniqueOrThrow({ where: { id } })).status === "FAILED");

  const lines = printed.filter((line) => line.includes(id));
  expect(lines).toContain(`[email] ${id}: attempt 1 failed for good, marked FAILED (EmailDeliveryError)`);
  expect(printed.filter((line) => line.includes("maria.rossi") || line.includes("token="))).toEqual([]);
  expect((await db.emailMessage.findUniqueOrThrow({ where: { id } })).lastError).toContain(SECRET);
});
