import { describe, expect, it } from "vitest";
import { buildAttendanceRegister, NO_PROVINCE, organisationLabel, type RegisterRegistration } from "./rows";

let next = 0;
function registration(values: Partial<RegisterRegistration> & Pick<RegisterRegistration, "lastName">): RegisterRegistration {
  next += 1;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, "0")}`,
    firstName: "Maria",
    organisationType: "ALTRO_ENTE",
    organisationName: "Prefettura di Palermo",
    municipality: null,
    managingBody: null,
    roleTitle: "Funzionaria",
    attendance: { status: "PRESENT", minutes: 90, method: "PLATFORM_REPORT" },
    ...values,
  };
}

const palermo = { name: "Palermo", province: "PA" as const };
const catania = { name: "Catania", province: "CT" as const };

describe("buildAttendanceRegister", () => {
  const register = buildAttendanceRegister([
    registration({ lastName: "Zito", organisationType: "COMUNE", municipality: palermo, attendance: { status: "PRESENT", minutes: 120, method: "MANUAL" } }),
    registration({ lastName: "Àlvaro", firstName: "Nicolò", organisationType: "ENTE_GESTORE", managingBody: "Cooperativa Alfa", municipality: catania, attendance: { status: "PRESENT", minutes: 45, method: "PLATFORM_REPORT" } }),
    registration({ lastName: "Bianchi", organisationType: "ALTRO_ENTE", attendance: { status: "PRESENT", minutes: null, method: "CHECK_IN" } }),
    registration({ lastName: "Neri", organisationType: "COMUNE", municipality: catania, attendance: { status: "ABSENT", minutes: null, method: "MANUAL" } }),
    registration({ lastName: "Verdi", organisationType: "COMUNE", municipality: palermo, attendance: null }),
  ]);

  it("lists the present only, by surname with Italian collation, numbered, with organisation, place, role, minutes and method", () => {
    expect(register.participants.map((row) => row.lastName)).toEqual(["Àlvaro", "Bianchi", "Zito"]);
    expect(register.participants[0]).toMatchObject({
      number: 1,
      firstName: "Nicolò",
      organisationType: "Ente gestore",
      organisation: "Cooperativa Alfa",
      municipality: "Catania",
      province: "CT",
      role: "Funzionaria",
      minutes: 45,
      method: "Report della piattaforma",
    });
    expect(register.participants[1]).toMatchObject({ number: 2, organisation: "Prefettura di Palermo", municipality: "", province: "", minutes: null, method: "Check-in" });
    expect(register.participants[2]).toMatchObject({ number: 3, organisationType: "Comune", organisation: "Comune di Palermo", method: "Registrata a mano" });
  });

  it("lists the confirmed registrants not present separately, saying whether the absence was recorded", () => {
    expect(register.absent).toEqual([
      expect.objectContaining({ number: 1, lastName: "Neri", organisation: "Comune di Catania", note: "Assenza registrata" }),
      expect.objectContaining({ number: 2, lastName: "Verdi", organisation: "Comune di Palermo", note: "Presenza non registrata" }),
    ]);
  });

  it("totals participants and minutes by organisation type (all three, zeros included) and by province (present ones, then none)", () => {
    expect(register.byOrganisationType).toEqual([
      { label: "Comune", participants: 1, minutes: 120 },
      { label: "Ente gestore", participants: 1, minutes: 45 },
      { label: "Altro ente", participants: 1, minutes: 0 },
    ]);
    expect(register.byProvince).toEqual([
      { label: "Catania (CT)", participants: 1, minutes: 45 },
      { label: "Palermo (PA)", participants: 1, minutes: 120 },
      { label: NO_PROVINCE, participants: 1, minutes: 0 },
    ]);
    expect(register.total).toEqual({ label: "Totale", participants: 3, minutes: 165 });
  });

  it("gives an empty register for a meeting with nobody confirmed", () => {
    const empty = buildAttendanceRegister([]);
    expect(empty.participants).toEqual([]);
    expect(empty.absent).toEqual([]);
    expect(empty.byProvince).toEqual([]);
    expect(empty.byOrganisationType.every((row) => row.participants === 0)).toBe(true);
    expect(empty.total).toEqual({ label: "Totale", participants: 0, minutes: 0 });
  });
});

describe("organisationLabel", () => {
  it("names a municipality 'Comune di …', a managing body by its record, falls back to the typed name", () => {
    expect(organisationLabel({ organisationType: "COMUNE", municipality: palermo, organisationName: null, managingBody: null })).toBe("Comune di Palermo");
    expect(organisationLabel({ organisationType: "ENTE_GESTORE", municipality: null, organisationName: "Coop scritta a mano", managingBody: null })).toBe("Coop scritta a mano");
    expect(organisationLabel({ organisationType: "ENTE_GESTORE", municipality: null, organisationName: "x", managingBody: "Cooperativa Beta" })).toBe("Cooperativa Beta");
  });
});
