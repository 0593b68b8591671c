import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "../../generated/prisma/client";
import { createTestDatabase } from "../../test/database";
import { createMeeting, createUser, registrationInput } from "../../test/factories";
import { generateToken, hashToken } from "../../platform/security/tokens";
import { acceptInvitation, register } from "../mutations";
import type { RegistrationFormValues } from "../schema";
import {
  daysBetween,
  getRegistrationCounts,
  getRegistrationsMeeting,
  listMeetingRegistrations,
  listRegistrationsForExport,
  registrationsPerDay,
} from "./queries";
import { DEFAULT_LIST_PARAMS, parseRegistrationListParams, registrationListHref } from "./schema";

const { db, url } = await createTestDatabase();

async function municipality(name: string, province: "PA" | "CT") {
  return db.municipality.create({
    data: { istatCode: String(100000 + Math.floor(Math.random() * 899999)), name, province, provinceName: province, saiMember: true },
  });
}

async function registered(slug: string, values: Partial<RegistrationFormValues>) {
  const result = await register(db, { slug, ...registrationInput(values) });
  if (!result.ok) throw new Error(`registration refused: ${result.reason}`);
  return result.registrationId;
}

// Someone registered for another meeting first: arrival numbers are global, positions per meeting.
await registered((await createMeeting(db)).slug, {});
// One meeting with two seats and a mix of people, organisations and states.
const meeting = await createMeeting(db, { capacity: 2 });
const palermo = await municipality("Palermo", "PA");
const catania = await municipality("Catania", "CT");
const maria = await registered(meeting.slug, {
  firstName: "Maria",
  lastName: "Rossi",
  email: "maria.rossi@comune.palermo.example.it",
  organisationType: "COMUNE",
  municipalityId: palermo.id,
  organisationName: "",
});
const giuseppe = await registered(meeting.slug, {
  firstName: "Giuseppe",
  lastName: "Verdi",
  email: "g.verdi@comune.catania.example.it",
  organisationType: "COMUNE",
  municipalityId: catania.id,
  organisationName: "",
});
const anna = await registered(meeting.slug, {
  firstName: "Anna",
  lastName: "Bianchi",
  email: "anna@coop-alfa.example.it",
  organisationType: "ENTE_GESTORE",
  organisationName: "Cooperativa Alfa",
});
// Maria nominated Luca, who accepted: Luca was invited by Maria.
const invitationToken = generateToken();
const invitation = await db.invitation.create({
  data: {
    meetingId: meeting.id,
    invitedByRegistrationId: maria,
    email: "luca.neri@coop-beta.example.it",
    firstName: "Luca",
    lastName: "Neri",
    managingBodyName: "Cooperativa Beta",
    tokenHash: hashToken(invitationToken),
    tokenExpiresAt: meeting.endsAt,
  },
});
await db.invitation.create({
  data: {
    meetingId: meeting.id,
    invitedByRegistrationId: maria,
    email: "silvia@coop-gamma.example.it",
    firstName: "Silvia",
    lastName: "Gialli",
    managingBodyName: "Cooperativa Gamma",
    tokenHash: hashToken(generateToken()),
    tokenExpiresAt: meeting.endsAt,
  },
});
const accepted = await acceptInvitation(db, {
  token: invitationToken,
  ...registrationInput({ firstName: "Luca", lastName: "Neri", organisationType: "ENTE_GESTORE", organisationName: "Cooperativa Beta" }),
});
if (!accepted.ok) throw new Error("invitation not accepted");
const luca = accepted.registrationId;
await db.registration.update({ where: { id: anna }, data: { status: "CANCELLED", cancelledAt: new Date() } });
const coordinator = await createUser(db);
await db.attendance.create({ data: { registrationId: maria, status: "PRESENT", method: "CHECK_IN", checkedInAt: new Date(), recordedById: coordinator.id } });
await db.attendance.create({ data: { registrationId: giuseppe, status: "ABSENT", method: "MANUAL", recordedById: coordinator.id } });

const list = (params: Partial<typeof DEFAULT_LIST_PARAMS>) => listMeetingRegistrations(db, { meetingId: meeting.id, ...params });
const ids = async (params: Partial<typeof DEFAULT_LIST_PARAMS>) => (await list(params)).rows.map((row) => row.id);

describe("listMeetingRegistrations", () => {
  it("lists in arrival order by default, with organisation, status and who invited whom", async () => {
    const page = await list({});
    expect(page.rows.map((row) => row.id)).toEqual([maria, giuseppe, anna, luca]);
    expect(page.rows.map((row) => row.arrival)).toEqual([1, 2, 3, 4]);
    expect((await list({ status: "WAITLISTED" })).rows.map((row) => row.arrival)).toEqual([4]);
    expect(page.total).toBe(4);
    const [first, , third, fourth] = page.rows;
    expect(first).toMatchObject({ organisation: "Comune di Palermo (PA)", status: "CONFIRMED", nomineeCount: 2, attendance: { status: "PRESENT" } });
    expect(third).toMatchObject({ organisation: "Cooperativa Alfa", status: "CANCELLED" });
    expect(fourth).toMatchObject({
      status: "WAITLISTED",
      source: "INVITATION",
      invitedBy: { name: "Maria Rossi", email: "maria.rossi@comune.palermo.example.it", organisation: "Comune di Palermo (PA)" },
    });
  });

  it("searches name, email and organisation, every word, ignoring case", async () => {
    expect(await ids({ q: "rossi" })).toEqual([maria]);
    expect(await ids({ q: "MARIA rossi" })).toEqual([maria]);
    expect(await ids({ q: "maria verdi" })).toEqual([]);
    expect(await ids({ q: "comune.catania" })).toEqual([giuseppe]);
    expect(await ids({ q: "catania" })).toEqual([giuseppe]);
    expect(await ids({ q: "cooperativa" })).toEqual([anna, luca]);
    expect(await ids({ q: "%" })).toEqual([]);
    expect(await ids({ q: "_" })).toEqual([]);
    expect(await ids({ q: "coop-alfa" })).toEqual([anna]);
  });

  it("filters by status, organisation type, province and attendance", async () => {
    expect(await ids({ status: "CONFIRMED" })).toEqual([maria, giuseppe]);
    expect(await ids({ status: "WAITLISTED" })).toEqual([luca]);
    expect(await ids({ organisationType: "ENTE_GESTORE" })).toEqual([anna, luca]);
    expect(await ids({ province: "CT" })).toEqual([giuseppe]);
    expect(await ids({ attendance: "PRESENT" })).toEqual([maria]);
    expect(await ids({ attendance: "ABSENT" })).toEqual([giuseppe]);
    expect(await ids({ attendance: "NONE" })).toEqual([anna, luca]);
    expect(await ids({ organisationType: "COMUNE", province: "PA", status: "CONFIRMED" })).toEqual([maria]);
  });

  it("sorts by name, email, organisation and status, both ways", async () => {
    expect(await ids({ sort: "name" })).toEqual([anna, luca, maria, giuseppe]);
    expect(await ids({ sort: "name", dir: "desc" })).toEqual([giuseppe, maria, luca, anna]);
    expect(await ids({ sort: "email" })).toEqual([anna, giuseppe, luca, maria]);
    expect(await ids({ sort: "organisation" })).toEqual([giuseppe, maria, anna, luca]);
    expect(await ids({ sort: "status" })).toEqual([maria, giuseppe, luca, anna]);
    expect(await ids({ sort: "arrival", dir: "desc" })).toEqual([luca, anna, giuseppe, maria]);
  });

  it("paginates on the server and shows the last page for a page past the end", async () => {
    const big = await createMeeting(db);
    for (let i = 0; i < 27; i++) await registered(big.slug, { email: `persona${String(i).padStart(2, "0")}@ente.example.it` });
    const first = await listMeetingRegistrations(db, { meetingId: big.id, pageSize: 25 });
    expect(first).toMatchObject({ total: 27, page: 1, pageCount: 2 });
    expect(first.rows).toHaveLength(25);
    const second = await listMeetingRegistrations(db, { meetingId: big.id, pageSize: 25, page: 2 });
    expect(second.rows.map((row) => row.email)).toEqual(["persona25@ente.example.it", "persona26@ente.example.it"]);
    const past = await listMeetingRegistrations(db, { meetingId: big.id, pageSize: 25, page: 99 });
    expect(past.page).toBe(2);
    expect(past.params.page).toBe(2);
    const empty = await listMeetingRegistrations(db, { meetingId: big.id, q: "nessuno-corrisponde" });
    expect(empty).toMatchObject({ total: 0, page: 1, pageCount: 1, rows: [] });
  });
});

describe("the table's URL", () => {
  it("reads Italian keys and values, and falls back to defaults on anything bad", () => {
    expect(
      parseRegistrationListParams({
        q: "  rossi ",
        stato: "in-attesa",
        tipo: "comune",
        provincia: "pa",
        presenza: "presenti",
        ordina: "nome",
        verso: "desc",
        pagina: "3",
        righe: "100",
      }),
    ).toEqual({
      q: "rossi",
      status: "WAITLISTED",
      organisationType: "COMUNE",
      province: "PA",
      attendance: "PRESENT",
      sort: "name",
      dir: "desc",
      page: 3,
      pageSize: 100,
    });
    expect(
      parseRegistrationListParams({
        q: "x".repeat(500),
        stato: "CONFIRMED",
        tipo: ["boh"],
        provincia: "MI",
        ordina: "password",
        verso: "sideways",
        pagina: "-4",
        righe: "7",
        other: "ignored",
      }),
    ).toEqual({ ...DEFAULT_LIST_PARAMS, q: "" });
    expect(parseRegistrationListParams({ pagina: ["2", "5"], stato: ["annullate", "confermate"] })).toMatchObject({ page: 2, status: "CANCELLED" });
    expect(parseRegistrationListParams(new URLSearchParams("stato=confermate&pagina=abc"))).toMatchObject({ status: "CONFIRMED", page: 1 });
  });

  it("writes links back without defaults, and a parsed link round-trips", () => {
    const params = { ...DEFAULT_LIST_PARAMS, q: "rossi", status: "CONFIRMED" as const, sort: "name" as const };
    const href = registrationListHref("/x", params, { page: 2 });
    expect(href).toBe("/x?q=rossi&stato=confermate&ordina=nome&pagina=2");
    expect(parseRegistrationListParams(new URLSearchParams(href.split("?")[1]))).toEqual({ ...params, page: 2 });
    expect(registrationListHref("/x", DEFAULT_LIST_PARAMS)).toBe("/x");
  });
});

describe("counts and the registrations per day", () => {
  it("counts each status, attendance of live registrations and the seats left", async () => {
    expect(await getRegistrationCounts(db, meeting.id)).toEqual({
      total: 4,
      confirmed: 2,
      waitlisted: 1,
      cancelled: 1,
      present: 1,
      absent: 1,
      capacity: 2,
      freeSeats: 0,
    });
  });

  it("groups by the day in Rome, across the change to summer time, with empty days as zero", async () => {
    const other = await createMeeting(db);
    const a = await registered(other.slug, {});
    const b = await registered(other.slug, {});
    const c = await registered(other.slug, {});
    const d = await registered(other.slug, {});
    // 23:30 UTC on 28 March 2026 is 00:30 on the 29th in Rome (CET);
    // 22:30 UTC on 30 March is 00:30 on the 31st (CEST). The 30th has none.
    await db.registration.update({ where: { id: a }, data: { createdAt: new Date("2026-03-28T22:59:00Z") } });
    await db.registration.update({ where: { id: b }, data: { createdAt: new Date("2026-03-28T23:30:00Z") } });
    await db.registration.update({ where: { id: c }, data: { createdAt: new Date("2026-03-29T21:59:00Z") } });
    await db.registration.update({ where: { id: d }, data: { createdAt: new Date("2026-03-30T22:30:00Z") } });
    expect(await registrationsPerDay(db, other.id)).toEqual([
      { day: "2026-03-28", count: 1 },
      { day: "2026-03-29", count: 2 },
      { day: "2026-03-30", count: 0 },
      { day: "2026-03-31", count: 1 },
    ]);
    expect(await registrationsPerDay(db, (await createMeeting(db)).id)).toEqual([]);
    expect(daysBetween("2024-02-28", "2024-03-01")).toEqual(["2024-02-28", "2024-02-29", "2024-03-01"]);
  });
});

describe("export rows and the meeting", () => {
  it("carry every answer, who invited whom and the nominees with their invitation status, under the same filters", async () => {
    const rows = await listRegistrationsForExport(db, { meetingId: meeting.id, q: "rossi" });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      firstName: "Maria",
      municipality: "Palermo",
      province: "PA",
      status: "CONFIRMED",
      source: "SELF",
      privacyNoticeVersion: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      attendanceStatus: "PRESENT",
      attendanceMethod: "CHECK_IN",
      invitedBy: null,
    });
    expect(rows[0].nominees).toEqual([
      { name: "Luca Neri", email: invitation.email, managingBody: "Cooperativa Beta", status: "ACCEPTED" },
      { name: "Silvia Gialli", email: "silvia@coop-gamma.example.it", managingBody: "Cooperativa Gamma", status: "SENT" },
    ]);
    const all = await listRegistrationsForExport(db, { meetingId: meeting.id });
    expect(all.map((row) => row.email)).toHaveLength(4);
    expect(all.map((row) => row.arrival)).toEqual([1, 2, 3, 4]);
    expect(all[3].invitedBy).toMatchObject({ name: "Maria Rossi" });
  });

  it("are the table's rows in the table's order under every search, filter and sort, with the same inviter", async () => {
    // A coordinator's direct invitation naming a municipality, accepted, next to Maria's nomination.
    const director = await createUser(db, "ADMIN");
    const directToken = generateToken();
    await db.invitation.create({
      data: {
        meetingId: meeting.id,
        invitedByUserId: director.id,
        municipalityId: catania.id,
        email: "direct@coop-delta.example.it",
        firstName: "Dario",
        lastName: "Diretto",
        managingBodyName: "Cooperativa Delta",
        tokenHash: hashToken(directToken),
        tokenExpiresAt: meeting.endsAt,
      },
    });
    const direct = await acceptInvitation(db, {
      token: directToken,
      ...registrationInput({ firstName: "Dario", lastName: "Diretto", organisationType: "ENTE_GESTORE", organisationName: "Cooperativa Delta" }),
    });
    if (!direct.ok) throw new Error("direct invitation not accepted");
    const combinations: Partial<typeof DEFAULT_LIST_PARAMS>[] = [
      {},
      { q: "cooperativa" },
      { q: "COMUNE catania" },
      { q: "%" },
      { q: "coop-" },
      { status: "CONFIRMED" },
      { status: "WAITLISTED" },
      { organisationType: "ENTE_GESTORE" },
      { province: "PA" },
      { attendance: "NONE" },
      { attendance: "ABSENT" },
      ...(["arrival", "name", "email", "organisation", "registeredAt", "status"] as const).flatMap((sort) => [
        { sort },
        { sort, dir: "desc" as const },
      ]),
    ];
    for (const params of combinations) {
      const table = (await list({ ...params, pageSize: 100 })).rows;
      const exported = await listRegistrationsForExport(db, { meetingId: meeting.id, ...params });
      expect(exported.map((row) => [row.arrival, row.email, row.status, row.invitedBy]), JSON.stringify(params)).toEqual(
        table.map((row) => [row.arrival, row.email, row.status, row.invitedBy]),
      );
    }
    const [dario] = await listRegistrationsForExport(db, { meetingId: meeting.id, q: "diretto" });
    expect(dario.invitedBy).toEqual({
      name: `${director.name} (la segreteria del coordinamento)`,
      email: director.email,
      organisation: "ANCI Sicilia - segreteria del Coordinamento per il Comune di Catania (CT)",
    });
    await db.registration.delete({ where: { id: direct.registrationId } });
  });

  it("are read in at most two queries", async () => {
    const counted = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, options: "-c TimeZone=UTC" }), log: [{ emit: "event", level: "query" }] });
    const queries: string[] = [];
    counted.$on("query", (event) => queries.push(event.query));
    try {
      const rows = await listRegistrationsForExport(counted as unknown as typeof db, { meetingId: meeting.id, sort: "name", q: "e" });
      expect(rows.length).toBeGreaterThan(0);
      // The counter hears every statement Prisma sends: at least the one that read the rows.
      expect(queries.length).toBeGreaterThanOrEqual(1);
      expect(queries.length, queries.join("\n")).toBeLessThanOrEqual(2);
    } finally {
      await counted.$disconnect();
    }
  });

  it("finds the meeting by id, and nothing for a malformed or unknown id", async () => {
    expect(await getRegistrationsMeeting(db, meeting.id)).toMatchObject({ slug: meeting.slug, capacity: 2 });
    expect(await getRegistrationsMeeting(db, "non-un-uuid")).toBeNull();
    expect(await getRegistrationsMeeting(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
