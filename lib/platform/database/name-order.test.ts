// Lists ordered by name follow Italian alphabetical order, not byte order:
// "Alì" comes before "Altofonte", "Érice" among the E's.
import { describe, expect, test } from "vitest";
import { listManagingBodies, listManagingBodyNames } from "@/lib/managing-bodies/queries";
import { listDashboardMunicipalities } from "@/lib/municipalities/dashboard/queries";
import { searchPeople } from "@/lib/people/queries";
import { listReferents } from "@/lib/referents/queries";
import { createTestDatabase } from "@/lib/test/database";
import { createMunicipalityIn, createReferent } from "@/lib/test/factories";

const { db } = await createTestDatabase();

// Byte order would put "Alì" after "Altofonte" and "Érice" after "Zafferana".
const NAMES = ["Altofonte", "Zafferana Etnea", "Alì", "Érice", "Alcara li Fusi", "Enna"];
const ITALIAN = ["Alcara li Fusi", "Alì", "Altofonte", "Enna", "Érice", "Zafferana Etnea"];

const municipalities = [];
for (const name of NAMES) municipalities.push(await createMunicipalityIn(db, { name: `${name} (ordine)`, province: "ME" }));
for (const name of NAMES) await db.managingBody.create({ data: { name: `${name} ordine cooperativa` } });
for (const [index, name] of NAMES.entries()) {
  await createReferent(db, municipalities[0].id, { email: `ordine.${index}@comune.example.it`, lastName: name, firstName: "Ordine" });
}

const strip = (suffix: string) => (value: string) => value.replace(suffix, "");

describe("Italian name order", () => {
  test("the Comuni list puts Alì before Altofonte", async () => {
    const { rows } = await listDashboardMunicipalities(db, { search: "(ordine)", page: 1 });
    expect(rows.map((row) => row.name).map(strip(" (ordine)"))).toEqual(ITALIAN);
  });

  test("the managing bodies list and the names offered in the form", async () => {
    const { bodies } = await listManagingBodies(db, { search: "ordine cooperativa", page: 1 });
    expect(bodies.map((body) => body.name).map(strip(" ordine cooperativa"))).toEqual(ITALIAN);
    const names = (await listManagingBodyNames(db)).filter((name) => name.endsWith(" ordine cooperativa"));
    expect(names.map(strip(" ordine cooperativa"))).toEqual(ITALIAN);
  });

  test("people and referents by surname", async () => {
    const { rows } = await searchPeople(db, { search: "Ordine", page: 1 });
    expect(rows.map((row) => row.lastName)).toEqual(ITALIAN);
    const { referents } = await listReferents(db, { search: "Ordine", page: 1 });
    expect(referents.map((referent) => referent.person.lastName)).toEqual(ITALIAN);
  });
});
