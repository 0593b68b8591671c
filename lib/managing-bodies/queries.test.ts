import { expect, test } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { createManagingBodyRecord, createMunicipalityIn, createSaiProjectRecord } from "@/lib/test/factories";
import { parseManagingBodyFilters } from "./filters";
import { getManagingBody, listManagingBodies } from "./queries";

const { db } = await createTestDatabase();

test("the list searches name and tax code, filters by tax code and by the province of the projects, and counts", async () => {
  const catania = await createMunicipalityIn(db, { name: "Acireale", province: "CT" });
  const palermo = await createMunicipalityIn(db, { name: "Partinico", province: "PA" });
  const etna = await createManagingBodyRecord(db, { name: "Cooperativa Etna Lista", taxCode: "00743110157" });
  const plain = await createManagingBodyRecord(db, { name: "Associazione Lista Senza" });
  await createSaiProjectRecord(db, { managingBodyId: etna.id, municipalityId: catania.id });
  await createSaiProjectRecord(db, { managingBodyId: etna.id, municipalityId: palermo.id, category: "MSNA" });

  const names = async (params: Record<string, string>) => (await listManagingBodies(db, parseManagingBodyFilters(params))).bodies.map((body) => body.name);
  expect(await names({ cerca: "lista" })).toEqual(["Associazione Lista Senza", "Cooperativa Etna Lista"]);
  expect(await names({ cerca: "0074 3110" })).toEqual(["Cooperativa Etna Lista"]);
  expect(await names({ "codice-fiscale": "senza", cerca: "lista" })).toEqual(["Associazione Lista Senza"]);
  expect(await names({ provincia: "CT" })).toEqual(["Cooperativa Etna Lista"]);
  expect(await names({ provincia: "XX", "codice-fiscale": "forse", pagina: "-3" })).toHaveLength(2);

  const { bodies } = await listManagingBodies(db, parseManagingBodyFilters({ cerca: "Etna" }));
  expect(bodies[0]).toMatchObject({ projectCount: 2, registrationCount: 0, provinces: ["CT", "PA"] });
  expect((await getManagingBody(db, plain.id))?.saiProjects).toEqual([]);
});
