import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseIndicePaFile, type IndicePaRow } from "./parse";
import { isPecAddress, pecChange, planPecImport, type StoredMunicipality } from "./plan";

const FIXTURE = path.join(import.meta.dirname, "../../test/fixtures/indicepa/enti-sicilia.csv");

function fixtureRows(): IndicePaRow[] {
  const parsed = parseIndicePaFile(new Uint8Array(readFileSync(FIXTURE)));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.rows;
}

const row = (fields: Partial<IndicePaRow> & Pick<IndicePaRow, "line" | "istatCode">): IndicePaRow => ({ taxCode: null, name: "Comune", pec: null, ipaCode: "", ...fields });

/** As stored: some Comuni without a PEC, some with one, one the list does not have (Acate). */
const STORED: StoredMunicipality[] = [
  { id: "pa", istatCode: "082053", name: "Palermo", pec: null },
  { id: "ct", istatCode: "087015", name: "Catania", pec: "comune.catania@old-pec.it" },
  { id: "me", istatCode: "083048", name: "Messina", pec: " Protocollo@PEC.Comune.Messina.it " },
  { id: "ag", istatCode: "084001", name: "Agrigento", pec: "protocollo@pec.comune.agrigento.it" },
  { id: "en", istatCode: "086009", name: "Enna", pec: "protocollo@pec.comune.enna.it" },
  { id: "ac", istatCode: "088001", name: "Acate", pec: "protocollo@pec.comune.acate.rg.it" },
  { id: "sr", istatCode: "089017", name: "Siracusa", pec: "" },
  { id: "cf", istatCode: "082027", name: "Cefalù", pec: null },
];

describe("planning the fixture against the stored Comuni", () => {
  const plan = planPecImport(fixtureRows(), STORED);
  const change = (id: string) => plan.municipalities.find((entry) => entry.municipality.id === id)?.change;

  test("a Comune without a PEC gets IndicePA's, lower-cased (Palermo); an empty one counts as none (Siracusa)", () => {
    expect(change("pa")).toEqual({ kind: "new", pec: "protocollo@cert.comune.palermo.it", line: 10 });
    expect(change("sr")).toEqual({ kind: "new", pec: "protocollo@pec.comune.siracusa.it", line: 15 });
  });

  test("a different PEC is a change from the stored one to IndicePA's (Catania)", () => {
    expect(change("ct")).toEqual({ kind: "changed", from: "comune.catania@old-pec.it", to: "protocollo@pec.comune.catania.it", line: 7 });
  });

  test("the same PEC in another case or with spaces is unchanged (Messina)", () => {
    expect(change("me")).toEqual({ kind: "unchanged", pec: "protocollo@pec.comune.messina.it", line: 9 });
  });

  test("a Comune listed with no «Pec» address keeps its own (Agrigento); one not listed is said so (Acate)", () => {
    expect(change("ag")).toEqual({ kind: "no-pec", line: 4 });
    expect(change("ac")).toEqual({ kind: "not-listed" });
  });

  test("a «Pec» that is not an email address changes nothing and is listed with its line (Enna)", () => {
    expect(change("en")).toEqual({ kind: "invalid-pec", found: "protocollo.pec.comune.enna.it", line: 6 });
    expect(plan.invalidPecs).toEqual([{ line: 6, istatCode: "086009", name: "Comune di Enna", pec: "protocollo.pec.comune.enna.it" }]);
  });

  test("the accented name does not matter: the match is by ISTAT code (Cefalù)", () => {
    expect(change("cf")).toEqual({ kind: "new", pec: "protocollo@pec.comune.cefalu.pa.it", line: 8 });
  });

  test("rows whose ISTAT code is no stored Comune's are listed, in file order", () => {
    expect(plan.unmatched.map((entry) => [entry.line, entry.istatCode, entry.name])).toEqual([
      [3, "087002", "Comune di Aci Castello"],
      [5, "085004", "Comune di Caltanissetta"],
      [11, "088009", "Comune di Ragusa"],
      [14, "085017", "Comune di Santa Caterina Villarmosa"],
      [16, "081021", "Comune di Trapani"],
    ]);
  });

  test("applying writes only the new and changed PECs; every stored Comune has one outcome, in the order given", () => {
    expect(plan.updates).toEqual([
      { id: "pa", pec: "protocollo@cert.comune.palermo.it" },
      { id: "ct", pec: "protocollo@pec.comune.catania.it" },
      { id: "sr", pec: "protocollo@pec.comune.siracusa.it" },
      { id: "cf", pec: "protocollo@pec.comune.cefalu.pa.it" },
    ]);
    expect(plan.municipalities.map((entry) => entry.municipality.id)).toEqual(STORED.map((municipality) => municipality.id));
    expect(plan.totals).toEqual({ new: 3, changed: 1, unchanged: 1, "no-pec": 1, "invalid-pec": 1, "not-listed": 1, unmatched: 5, duplicates: 0 });
  });
});

describe("a Comune listed twice", () => {
  test("its own entry (IPA code c_ and its cadastral code) is used wherever it stands; the other is set aside", () => {
    const rows = [
      row({ line: 2, istatCode: "082053", name: "Comune di Palermo - Area Servizi", ipaCode: "G7KX2P0A", pec: "servizi@pec.comune.palermo.it" }),
      row({ line: 3, istatCode: "082053", name: "Comune di Palermo", ipaCode: "c_g273", pec: "protocollo@cert.comune.palermo.it" }),
    ];
    const plan = planPecImport(rows, [{ id: "pa", istatCode: "082053", name: "Palermo", pec: null }]);
    expect(plan.municipalities[0].change).toEqual({ kind: "new", pec: "protocollo@cert.comune.palermo.it", line: 3 });
    expect(plan.duplicates).toEqual([{ line: 2, istatCode: "082053", name: "Comune di Palermo - Area Servizi", pec: "servizi@pec.comune.palermo.it", usedLine: 3 }]);
    expect(plan.totals.duplicates).toBe(1);
  });

  test("with no own entry, the first row is used", () => {
    const rows = [row({ line: 2, istatCode: "087015", ipaCode: "X1", pec: "uno@pec.it" }), row({ line: 5, istatCode: "087015", ipaCode: "X2", pec: "due@pec.it" })];
    const plan = planPecImport(rows, [{ id: "ct", istatCode: "087015", name: "Catania", pec: null }]);
    expect(plan.municipalities[0].change).toMatchObject({ kind: "new", pec: "uno@pec.it" });
    expect(plan.duplicates.map((entry) => entry.line)).toEqual([5]);
  });

  test("a row with a PEC wins over one without: the Comune's own entry first, else any other", () => {
    const own = [
      row({ line: 2, istatCode: "082053", ipaCode: "c_g273", pec: null }),
      row({ line: 3, istatCode: "082053", ipaCode: "c_g273", pec: "protocollo@cert.comune.palermo.it" }),
    ];
    expect(planPecImport(own, [{ id: "pa", istatCode: "082053", name: "Palermo", pec: null }]).municipalities[0].change).toMatchObject({ kind: "new", line: 3 });
    const other = [row({ line: 2, istatCode: "087015", ipaCode: "X1", pec: "non-un-indirizzo" }), row({ line: 4, istatCode: "087015", ipaCode: "X2", pec: "due@pec.it" })];
    expect(planPecImport(other, [{ id: "ct", istatCode: "087015", name: "Catania", pec: null }]).municipalities[0].change).toMatchObject({ kind: "new", pec: "due@pec.it" });
  });
});

describe("the PEC check", () => {
  test("the forms' email check: an address is accepted, text that is not one refused", () => {
    for (const address of ["protocollo@pec.comune.palermo.it", "comune.santacaterinavillarmosa@pec.it"]) expect(isPecAddress(address)).toBe(true);
    for (const text of ["protocollo.pec.comune.enna.it", "protocollo@pec comune.it", "@pec.it", "protocollo@", ""]) expect(isPecAddress(text)).toBe(false);
  });

  test("one Comune's outcome, each case", () => {
    expect(pecChange("a@pec.it", undefined)).toEqual({ kind: "not-listed" });
    expect(pecChange(null, row({ line: 2, istatCode: "082053" }))).toEqual({ kind: "no-pec", line: 2 });
    expect(pecChange(null, row({ line: 2, istatCode: "082053", pec: "a@pec.it" }))).toEqual({ kind: "new", pec: "a@pec.it", line: 2 });
    expect(pecChange("b@pec.it", row({ line: 2, istatCode: "082053", pec: "a@pec.it" }))).toEqual({ kind: "changed", from: "b@pec.it", to: "a@pec.it", line: 2 });
  });
});

describe("purity", () => {
  test("the rows and the stored Comuni are left as they were", () => {
    const rows = fixtureRows();
    const stored = structuredClone(STORED);
    const before = structuredClone({ rows, stored });
    planPecImport(Object.freeze(rows.map((entry) => Object.freeze(entry))), Object.freeze(stored.map((entry) => Object.freeze(entry))));
    expect({ rows, stored }).toEqual(before);
  });

  test("for any rows and Comuni: one outcome per Comune, updates only for new or changed, each a valid address", () => {
    const code = fc.constantFrom("082053", "087015", "083048", "084001", "089017");
    const pec = fc.option(fc.oneof(fc.constantFrom("a@pec.it", "A@PEC.IT", "b@pec.it", "non-valida"), fc.string()), { nil: null });
    const rows = fc.array(fc.record({ line: fc.integer({ min: 2, max: 99 }), istatCode: code, taxCode: fc.constant(null), name: fc.string(), pec, ipaCode: fc.constantFrom("", "c_g273", "X") }));
    const stored = fc.uniqueArray(fc.record({ id: fc.uuid(), istatCode: code, name: fc.string(), pec }), { selector: (entry) => entry.istatCode });
    fc.assert(
      fc.property(rows, stored, (rowList, storedList) => {
        const plan = planPecImport(rowList, storedList);
        const updatable = plan.municipalities.filter((entry) => entry.change.kind === "new" || entry.change.kind === "changed");
        return (
          plan.municipalities.length === storedList.length &&
          plan.updates.length === updatable.length &&
          plan.updates.every((update) => isPecAddress(update.pec) && update.pec === update.pec.toLowerCase())
        );
      }),
    );
  });
});
