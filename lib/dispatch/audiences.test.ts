import fc from "fast-check";
import { expect, test } from "vitest";
import type { DispatchAudience } from "@/lib/generated/prisma/enums";
import { AUDIENCES, mergeAudiences, type Candidate } from "./audiences";

const candidate = (audience: DispatchAudience, address: string, name = address): Candidate => ({
  audience,
  address,
  name,
  municipalityId: null,
  municipalityName: null,
  personId: null,
});

test("each audience is counted on its own; the total removes the addresses two audiences share", () => {
  const { perAudience, recipients } = mergeAudiences(
    [
      candidate("SAI_PEC", "protocollo@pec.comune.monreale.pa.it"),
      candidate("ALL_PEC", "protocollo@pec.comune.monreale.pa.it"),
      candidate("ALL_PEC", "protocollo@pec.comune.cefalu.pa.it"),
      candidate("REFERENTS", "Rosa.Rossi@comune.monreale.pa.it"),
      candidate("CONSENTED", " rosa.rossi@comune.monreale.pa.it "),
      candidate("CONSENTED", "mario@example.it"),
    ],
    ["SAI_PEC", "ALL_PEC", "REFERENTS", "CONSENTED"],
  );
  expect(perAudience).toEqual({ SAI_PEC: 1, ALL_PEC: 2, REFERENTS: 1, CONSENTED: 2 });
  expect(recipients.map((recipient) => [recipient.address, recipient.channel, recipient.audiences])).toEqual([
    ["protocollo@pec.comune.monreale.pa.it", "PEC", ["SAI_PEC", "ALL_PEC"]],
    ["protocollo@pec.comune.cefalu.pa.it", "PEC", ["ALL_PEC"]],
    ["rosa.rossi@comune.monreale.pa.it", "EMAIL", ["REFERENTS", "CONSENTED"]],
    ["mario@example.it", "EMAIL", ["CONSENTED"]],
  ]);
});

test("an address that is both a Comune's PEC and a person's email goes once, by PEC", () => {
  const { recipients } = mergeAudiences(
    [candidate("REFERENTS", "ufficio@pec.comune.erice.tp.it", "Rosa Rossi"), candidate("ALL_PEC", "ufficio@pec.comune.erice.tp.it", "Comune di Erice")],
    ["REFERENTS", "ALL_PEC"],
  );
  expect(recipients).toHaveLength(1);
  expect(recipients[0]).toMatchObject({ channel: "PEC", name: "Comune di Erice" });
});

test("audiences not chosen count nothing and reach no one", () => {
  const { perAudience, recipients } = mergeAudiences([candidate("ALL_PEC", "a@pec.it"), candidate("REFERENTS", "b@example.it")], ["REFERENTS"]);
  expect(perAudience.ALL_PEC).toBe(0);
  expect(recipients.map((recipient) => recipient.address)).toEqual(["b@example.it"]);
});

test("whatever the candidates, every address appears once and the total is at most the sum of the counts", () => {
  const address = fc.constantFrom("a@pec.it", "A@pec.it ", "b@example.it", "c@example.it", "d@pec.it", "  ");
  fc.assert(
    fc.property(
      fc.array(fc.record({ audience: fc.constantFrom(...AUDIENCES), address }), { maxLength: 30 }),
      fc.subarray([...AUDIENCES]),
      (rows, chosen) => {
        const { perAudience, recipients } = mergeAudiences(rows.map((row) => candidate(row.audience, row.address)), chosen);
        const addresses = recipients.map((recipient) => recipient.address);
        expect(new Set(addresses).size).toBe(addresses.length);
        expect(addresses.every((value) => value !== "" && value === value.trim().toLowerCase())).toBe(true);
        const sum = Object.values(perAudience).reduce((total, count) => total + count, 0);
        expect(recipients.length).toBeLessThanOrEqual(sum);
        for (const audience of AUDIENCES) if (!chosen.includes(audience)) expect(perAudience[audience]).toBe(0);
        const expected = new Set(rows.filter((row) => chosen.includes(row.audience)).map((row) => row.address.trim().toLowerCase()).filter(Boolean));
        expect(new Set(addresses)).toEqual(expected);
      },
    ),
  );
});
