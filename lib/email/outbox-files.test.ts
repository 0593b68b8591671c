// The outbox's delivered copies: what /dev/email and the e2e suite read the
// links from, since a sent message keeps none in the database.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { createOutboxTransport, outboxDir, readDeliveredEmail } from "../platform/email-transport/outbox-transport";

const dir = await mkdtemp(path.join(os.tmpdir(), "convoca-outbox-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

const email = (id: string) => ({
  id,
  to: "maria.rossi@comune.example.it",
  toName: "Maria Rossi",
  subject: "La tua iscrizione",
  html: '<a href="http://localhost:3000/iscrizione/Tok3n">Apri</a>',
  text: "Apri http://localhost:3000/iscrizione/Tok3n",
});

test("with a folder, each delivered email is written there, one by one or in a batch, and read back by its message id", async () => {
  const transport = createOutboxTransport(() => {}, dir);
  const one = "0b8f6a4e-1d2c-4e5f-8a9b-0c1d2e3f4a5b";
  const batch = ["1b8f6a4e-1d2c-4e5f-8a9b-0c1d2e3f4a5b", "2b8f6a4e-1d2c-4e5f-8a9b-0c1d2e3f4a5b"];
  await transport.send(email(one));
  await transport.sendBatch!(batch.map(email), { idempotencyKey: "x" });
  expect((await readdir(dir)).sort()).toEqual([one, ...batch].map((id) => `${id}.json`).sort());
  expect(await readDeliveredEmail(one, dir)).toMatchObject({ id: one, subject: "La tua iscrizione", text: email(one).text, attachments: [] });
  expect(await readDeliveredEmail("3b8f6a4e-1d2c-4e5f-8a9b-0c1d2e3f4a5b", dir)).toBeNull();
  // Only a message id names a file: nothing outside the folder is read or written.
  expect(await readDeliveredEmail("../../etc/passwd", dir)).toBeNull();
  await expect(transport.send(email("../fuori"))).rejects.toThrow("Not a message id");
});

test("without a folder nothing is written (npm start)", async () => {
  expect(outboxDir({})).toBeNull();
  expect(outboxDir({ EMAIL_OUTBOX_DIR: "  " })).toBeNull();
  expect(await readDeliveredEmail("0b8f6a4e-1d2c-4e5f-8a9b-0c1d2e3f4a5b", null)).toBeNull();
});

test("a reader polling for a delivery never sees half a file (the e2e helpers poll while the worker writes)", async () => {
  const transport = createOutboxTransport(() => {}, dir);
  const id = "4b8f6a4e-1d2c-4e5f-8a9b-0c1d2e3f4a5b";
  const large = { ...email(id), html: `<p>${"Convocazione ".repeat(800_000)}</p>` };
  let reading = true;
  let reads = 0;
  const poll = (async () => {
    while (reading) {
      // Throws on a partly written file (invalid JSON); null until the file exists.
      if (await readDeliveredEmail(id, dir)) reading = false;
      reads++;
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  await transport.send(large);
  await poll;
  expect(reads).toBeGreaterThan(0);
  expect((await readDeliveredEmail(id, dir))?.html).toBe(large.html);
  expect((await readdir(dir)).filter((name) => name.endsWith(".partial"))).toEqual([]);
});
