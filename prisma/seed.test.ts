import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../lib/test/database";
import { isEmpty, seed } from "./seed";
import { DEMO_USERS, REFERENCE_MEETING_SLUG } from "./seed/reference-meeting";

const { db } = await createTestDatabase();

async function snapshot() {
  return {
    municipalities: await db.municipality.findMany({ orderBy: { istatCode: "asc" } }),
    meetings: await db.meeting.findMany({ include: { speakers: true, agendaItems: true } }),
    users: await db.user.findMany(),
  };
}

describe("seed", () => {
  it("adds the 391 municipalities of Sicily, the reference convocation and the demo users", async () => {
    expect(await isEmpty(db)).toBe(true);
    const result = await seed(db);
    expect(result).toEqual({ municipalities: 391, meetingCreated: true, usersCreated: 3 });
    expect(await isEmpty(db)).toBe(false);

    expect(await db.municipality.count()).toBe(391);
    const perProvince = await db.municipality.groupBy({ by: ["province"], _count: true, orderBy: { province: "asc" } });
    expect(Object.fromEntries(perProvince.map((row) => [row.province, row._count]))).toEqual({
      AG: 43, CL: 22, CT: 58, EN: 20, ME: 108, PA: 82, RG: 12, SR: 21, TP: 25,
    });
    expect(await db.municipality.findUnique({ where: { istatCode: "082053" } })).toMatchObject({
      name: "Palermo", province: "PA", provinceName: "Palermo",
    });
    expect(await db.municipality.findUnique({ where: { istatCode: "081025" } })).toMatchObject({ name: "Misiliscemi" });
    expect(await db.municipality.findUnique({ where: { istatCode: "084011" } })).toMatchObject({ name: "Canicattì" });

    const users = await db.user.findMany({ select: { email: true, role: true, active: true }, orderBy: { email: "asc" } });
    expect(users).toEqual([
      { email: "admin@convoca.test", role: "ADMIN", active: true },
      { email: "coordinatore@convoca.test", role: "COORDINATOR", active: true },
      { email: "osservatore@convoca.test", role: "OBSERVER", active: true },
    ]);
    expect(DEMO_USERS).toHaveLength(3);
  });

  it("publishes the reference letter with every element", async () => {
    const meeting = await db.meeting.findUniqueOrThrow({
      where: { slug: REFERENCE_MEETING_SLUG },
      include: { speakers: true, agendaItems: { orderBy: { position: "asc" } } },
    });
    expect(meeting).toMatchObject({
      status: "PUBLISHED",
      kind: "TAVOLO_TECNICO",
      mode: "ONLINE",
      protocolNumber: "0227/15/03/22",
      signatoryName: "Mario Emanuele Alvano",
      signatoryTitle: "Segretario Generale ANCI Sicilia",
      projectCode: "3031",
      invitesManagingBodies: true,
      joinUrl: null,
    });
    expect(meeting.startsAt.toISOString()).toBe("2022-03-24T14:00:00.000Z");
    expect(meeting.endsAt.toISOString()).toBe("2022-03-24T16:00:00.000Z");
    expect(meeting.subject).toContain('Progetto 3031 "COOPERA"');
    // As the letter prints it: the Oggetto's date and time in bold, and its place and date above the protocol.
    expect(meeting.subject).toMatch(/; \*\*giovedì 24 marzo 2022 ore 15:00-17\.00\*\*$/);
    expect(meeting.placeAndDate).toBe("Palermo, 15 marzo 2022");
    expect(meeting.fundingLine).toContain("Obiettivo nazionale ON 3 Capacity building - lettera j) Governance dei servizi");
    expect(meeting.body).toContain("si chiede ai rappresentanti degli enti locali di invitare i rappresentanti degli enti gestori");
    expect(meeting.body).toContain("indicando uno o più referenti dell'Ente");
    expect(meeting.speakers).toEqual([
      expect.objectContaining({
        name: "Edoardo Barbarossa",
        affiliation: "Fondazione Ebbene",
        talkTitle: "Co-programmazione e co-progettazione nelle politiche territoriali di accoglienza integrata (SAI)",
      }),
    ]);
    expect(meeting.agendaItems.map((item) => item.title)).toContain("Le occasioni offerte dal PNRR e dalla programmazione comunitaria");
  });

  it("changes nothing when run a second time", async () => {
    const before = await snapshot();
    expect(await seed(db)).toEqual({ municipalities: 0, meetingCreated: false, usersCreated: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it("keeps a coordinator's edit to the seeded convocation", async () => {
    await db.meeting.update({ where: { slug: REFERENCE_MEETING_SLUG }, data: { title: "Titolo modificato" } });
    await seed(db);
    const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: REFERENCE_MEETING_SLUG } });
    expect(meeting.title).toBe("Titolo modificato");
  });
});
