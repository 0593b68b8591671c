// The import plan's own steps, apart from the whole plan (mutations.test.ts).
import { describe, expect, it } from "vitest";
import { matchMunicipality, municipalityLookup, projectChanges, type ProjectSide } from "./plan";

const lookup = municipalityLookup([
  { id: "pa", istatCode: "082053", name: "Palermo", saiMember: false },
  { id: "c1", istatCode: "081001", name: "Calatafimi-Segesta", saiMember: false },
  { id: "s1", istatCode: "083001", name: "San Marco", saiMember: false },
  { id: "s2", istatCode: "087001", name: "San Marco", saiMember: false },
]);

describe("matching a row's Comune", () => {
  it("by ISTAT code, with its leading zero restored, and checked against the name", () => {
    expect(matchMunicipality({ istatCode: "82053", municipality: "palermo" }, lookup).municipality?.id).toBe("pa");
    expect(matchMunicipality({ istatCode: "082053", municipality: "Catania" }, lookup).reasons).toEqual([
      "Il codice ISTAT 082053 è del Comune di Palermo, non di «Catania».",
    ]);
    expect(matchMunicipality({ istatCode: "12", municipality: "" }, lookup).reasons).toEqual(["Codice ISTAT «12» non valido: sono 6 cifre."]);
  });

  it("by name, folded; two Comuni of one name ask for the code", () => {
    expect(matchMunicipality({ istatCode: "", municipality: "CALATAFIMI-SEGESTA" }, lookup)).toEqual({ municipality: expect.objectContaining({ id: "c1" }), reasons: [] });
    expect(matchMunicipality({ istatCode: "", municipality: "San Marco" }, lookup)).toEqual({
      municipality: null,
      reasons: ["Più Comuni si chiamano «San Marco»: indica il codice ISTAT."],
    });
    expect(matchMunicipality({ istatCode: "", municipality: "" }, lookup).reasons).toEqual(["Manca il Comune (nome o codice ISTAT)."]);
  });
});

describe("what an update changes", () => {
  const side: ProjectSide = {
    municipalityId: "pa",
    municipalityName: "Palermo",
    managingBodyRef: "b1",
    managingBodyName: "Coop Uno",
    category: "ORDINARI",
    projectCode: null,
    places: 20,
  };

  it("names each changed field in Italian, from the old value to the new", () => {
    expect(projectChanges(side, { ...side, places: 25, projectCode: "PROG-1" })).toEqual([
      { field: "Codice progetto", from: "—", to: "PROG-1" },
      { field: "Posti", from: "20", to: "25" },
    ]);
    expect(projectChanges(side, side)).toEqual([]);
  });
});
