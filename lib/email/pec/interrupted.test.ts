// A PEC whose worker died mid-send: SMTP has no idempotency key, so the
// next attempt asks the receipts before sending again. An acceptance means
// the Comune has it (SENT, not sent twice); none yet waits while receipts
// are read, then goes again; with no receipts to read it goes again at once.
import { afterEach, beforeAll, expect, test } from "vitest";
import { createTestDatabase } from "../../test/database";
import { SAMPLE_DATA } from "../../test/email-fixtures";
import { buildPecReceipt } from "../../test/pec-receipts";
import { waitFor } from "../../test/wait-for";
import type { EmailTransport } from "../../platform/email-transport/transport";
import { enqueueEmail } from "../mutations";
import { ensureEmailQueue } from "../queue";
import { startEmailWorker, type EmailWorker } from "../worker";
import { storePecReceipt } from "./mutations";

const { url, db } = await createTestDatabase();
const sent: string[] = [];
const pecTransport: EmailTransport = { name: "pec", send: async (email) => (sent.push(email.id), { providerId: `<${email.id}@pec.anci.example.it>` }) };
const unused: EmailTransport = { name: "outbox", send: async () => Promise.reject(new Error("no email in this test")) };
let worker: EmailWorker | undefined;

beforeAll(async () => {
  await ensureEmailQueue(url, { retryLimit: 8, retryDelay: 1, retryBackoff: false, expireInSeconds: 60 });
});

afterEach(async () => {
  await worker?.stop({ timeoutMs: 2_000 });
  worker = undefined;
  sent.length = 0;
});

/** A PEC message left SENDING by a worker that died after starting the SMTP session; its job comes back. */
async function interruptedPec(address: string) {
  const { id } = await enqueueEmail(db, { template: "meeting-message", toEmail: address, channel: "PEC", data: SAMPLE_DATA["meeting-message"] });
  await db.emailMessage.update({ where: { id }, data: { status: "SENDING", attempts: 1 } });
  // Its job is the dead attempt's, back as a retry.
  await db.$executeRaw`UPDATE pgboss.job SET retry_count = 1 WHERE data->>'messageId' = ${id}`;
  return id;
}

async function start(pecReceiptsRead: boolean) {
  worker = await startEmailWorker({ url, concurrency: 1, pollingIntervalSeconds: 0.5, transport: unused, pecTransport, pecReceiptsRead, log: () => {} });
}

const statusOf = async (id: string) => (await db.emailMessage.findUniqueOrThrow({ where: { id } })).status;

test("the server's acceptance receipt is there: SENT, and the Comune does not get it twice", async () => {
  const id = await interruptedPec("protocollo@pec.comune.monreale.pa.it");
  const eml = await buildPecReceipt({ kind: "accettazione", reference: `<${id}@pec.anci.example.it>`, sender: "protocollo@pec.anci.example.it", recipient: "protocollo@pec.comune.monreale.pa.it" });
  expect(await storePecReceipt(db, { eml })).toMatchObject({ outcome: "stored", emailMessageId: id });
  await start(true);
  await waitFor("the PEC SENT", async () => (await statusOf(id)) === "SENT" || null);
  expect(sent).toEqual([]);
  expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ transport: "pec", providerId: `<${id}@pec.anci.example.it>` });
});

test("no receipt while receipts are read: it waits over the next retries, then goes once", async () => {
  const id = await interruptedPec("protocollo@pec.comune.erice.tp.it");
  await start(true);
  // One retry a second here: not before the sixth.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(sent).toEqual([]);
  expect(await statusOf(id)).toBe("SENDING");
  await waitFor("the PEC sent after the wait", async () => (await statusOf(id)) === "SENT" || null, 20_000);
  expect(sent).toEqual([id]);
});

test("with no receipts to read, or a non accettazione, it goes again at once", async () => {
  const blind = await interruptedPec("protocollo@pec.comune.cefalu.pa.it");
  const refused = await interruptedPec("protocollo@pec.comune.ustica.pa.it");
  const eml = await buildPecReceipt({ kind: "non-accettazione", reference: `<${refused}@pec.anci.example.it>`, sender: "protocollo@pec.anci.example.it", recipient: "protocollo@pec.comune.ustica.pa.it" });
  await storePecReceipt(db, { eml });
  await start(false);
  await waitFor("both PECs SENT", async () => ((await statusOf(blind)) === "SENT" && (await statusOf(refused)) === "SENT") || null);
  expect(sent.sort()).toEqual([blind, refused].sort());
});

test("a PEC that was only waiting for its turn is sent as usual", async () => {
  const { id } = await enqueueEmail(db, { template: "meeting-message", toEmail: "protocollo@pec.comune.bagheria.pa.it", channel: "PEC", data: SAMPLE_DATA["meeting-message"] });
  await start(true);
  await waitFor("the PEC SENT", async () => (await statusOf(id)) === "SENT" || null);
  expect(sent).toEqual([id]);
});
