import { describe, expect, it } from "vitest";
import { pdfPagesText } from "@/lib/platform/pdf/testing";
import type { RegisterMeeting } from "./meeting";
import { buildRegisterPdf } from "./pdf";
import { buildAttendanceRegister, type RegisterRegistration } from "./rows";

const meeting: RegisterMeeting = {
  id: "00000000-0000-4000-8000-000000000001",
  slug: "tavolo-tecnico",
  title: "Tavolo tecnico",
  subject: "CONVOCAZIONE TAVOLO TECNICO",
  protocolNumber: null,
  startsAt: new Date("2022-03-24T14:00:00Z"),
  endsAt: new Date("2022-03-24T16:00:00Z"),
  mode: "IN_PERSON",
  platform: null,
  venueName: "Sala Martorana",
  venueAddress: "Via Cusmano 28, Palermo",
  fundingFund: "Fondo Asilo, Migrazione e Integrazione 2014-2020",
  fundingLine: "Obiettivo Specifico 2",
  projectCode: "3031",
  projectName: "COOPERA",
};

const person = (index: number, lastName = `Cognome${String(index).padStart(3, "0")}`): RegisterRegistration => ({
  id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
  firstName: "Nome",
  lastName,
  organisationType: "ALTRO_ENTE",
  organisationName: "Ente",
  municipality: null,
  managingBody: null,
  roleTitle: null,
  attendance: { status: "PRESENT", minutes: 100, method: "MANUAL" },
});

describe("the register PDF", () => {
  it("numbers every page 'Pagina N di M' and repeats the table header on each", async () => {
    const register = buildAttendanceRegister(Array.from({ length: 90 }, (_, index) => person(index + 1)));
    const pages = await pdfPagesText(await buildRegisterPdf(meeting, register, new Date("2022-03-25T09:00:00Z")));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((text, index) => {
      expect(text).toContain(`Pagina ${index + 1} di ${pages.length}`);
      expect(text).toContain("Generato il 25/03/2022 10:00 (ora italiana)");
    });
    expect(pages[1]).toContain("Cognome Nome Tipo di ente");
    expect(pages.join(" ")).toContain("In presenza - Sala Martorana, Via Cusmano 28, Palermo");
  });

  it("draws names outside the standard fonts' encoding instead of failing", async () => {
    const register = buildAttendanceRegister([person(1, "Łukasiewicz"), person(2, "Zoë 🙂 Nguyễn")]);
    const text = (await pdfPagesText(await buildRegisterPdf(meeting, register))).join(" ");
    expect(text).toContain("?ukasiewicz");
    expect(text).toContain("Zoë ? Nguyen");
  });
});
