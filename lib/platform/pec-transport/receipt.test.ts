// Reading receipts: daticert.xml's data, the headers, and anything else in
// the mailbox read as "not a receipt" rather than an error.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { buildPecReceipt, daticertXml } from "@/lib/test/pec-receipts";
import { daticertTime, parseDaticert, parsePecReceipt } from "./receipt";

describe("daticert.xml", () => {
  const xml = daticertXml({
    kind: "errore-consegna",
    reference: "<abc@pec.anci.example.it>",
    sender: "protocollo@pec.anci.example.it",
    recipient: "protocollo@pec.comune.example.it",
    subject: "Convocazione <Tavolo> & co.",
    giorno: "27/03/2022",
    ora: "09:05:00",
    zona: "+0200",
    errore: "no-dest",
    erroreEsteso: "5.1.1 - Utente \"sconosciuto\"",
    identificativo: "opec.1@pec.example.it",
  });

  test("gives the kind, error, time in its zone, identifier, msgid and the mailbox", () => {
    expect(parseDaticert(xml)).toEqual({
      kind: "errore-consegna",
      error: 'no-dest: 5.1.1 - Utente "sconosciuto"',
      at: new Date("2022-03-27T07:05:00Z"),
      identifier: "opec.1@pec.example.it",
      msgid: "<abc@pec.anci.example.it>",
      delivery: "protocollo@pec.comune.example.it",
      recipients: ["protocollo@pec.comune.example.it"],
    });
  });

  test("a time that is no time is null", () => {
    const at = (giorno: string, ora: string, zona = "+0100") => daticertTime(`<data zona="${zona}"><giorno>${giorno}</giorno><ora>${ora}</ora></data>`);
    expect(at("15/03/2022", "10:31:05")).toEqual(new Date("2022-03-15T09:31:05Z"));
    expect(at("31/02/2022", "10:00:00")).toBeNull();
    expect(at("15/13/2022", "10:00:00")).toBeNull();
    expect(at("15/03/2022", "25:00:00")).toBeNull();
    expect(at("2022-03-15", "10:00:00")).toBeNull();
    expect(daticertTime("<postacert/>")).toBeNull();
  });
});

describe("parsePecReceipt", () => {
  test("a receipt in the provider's layout", async () => {
    const receipt = await parsePecReceipt(
      await buildPecReceipt({ kind: "avvenuta-consegna", reference: "<id-1@pec.anci.example.it>", sender: "a@pec.anci.example.it", recipient: "Comune@PEC.example.it", messageId: "<ricevuta-1@pec.gestore.example.it>" }),
    );
    expect(receipt).toMatchObject({
      kind: "avvenuta-consegna",
      receiptMessageId: "<ricevuta-1@pec.gestore.example.it>",
      referenceMessageId: "<id-1@pec.anci.example.it>",
      recipient: "comune@pec.example.it",
      at: new Date("2022-03-15T09:31:05Z"),
      error: null,
    });
  });

  test("an ordinary email is not a receipt", async () => {
    expect(await parsePecReceipt(Buffer.from("From: a@b.it\r\nSubject: ciao\r\nX-Ricevuta: qualcosa\r\n\r\nciao\r\n"))).toBeNull();
  });

  test("any bytes: a receipt or null, never a throw", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2000 }), fc.string().map((text) => new TextEncoder().encode(`X-Ricevuta: accettazione\r\n${text}`))), async (bytes) => {
        const receipt = await parsePecReceipt(Buffer.from(bytes));
        if (receipt) expect(receipt.receiptMessageId).toMatch(/^<.+>$/);
      }),
      { numRuns: 100 },
    );
  });
});
