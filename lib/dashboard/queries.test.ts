import { describe, expect, it } from "vitest";
import { cancelRegistration, register } from "../registrations/mutations";
import { createTestDatabase } from "../test/database";
import { createMeeting, createMunicipalityIn, registrationInput } from "../test/factories";
import { getDashboardMeetingHeading, getDashboardOverview } from "./queries";

const { db } = await createTestDatabase();

const DAY = 24 * 3600_000;
const now = new Date();

// Four SAI municipalities and one that is not.
const [palermo, monreale, erice, catania] = await Promise.all(
  [
    { name: "Palermo", province: "PA" as const },
    { name: "Monreale", province: "PA" as const },
    { name: "Erice", province: "TP" as const },
    { name: "Catania", province: "CT" as const },
  ].map((values) => createMunicipalityIn(db, values)),
);
const cefalu = await createMunicipalityIn(db, { name: "Cefalù", saiMember: false });
const forMunicipality = (municipalityId: string) => registrationInput({ organisationType: "COMUNE", municipalityId });

async function registerMany(slug: string, inputs: ReturnType<typeof registrationInput>[], at?: Date) {
  const results = [];
  for (const input of inputs) results.push(await register(db, { slug, ...input, options: at ? { now: at } : {} }));
  return results.map((result) => {
    if (!result.ok) throw new Error(result.reason);
    return result;
  });
}

// Upcoming, two seats: Palermo twice (confirmed), Monreale (waitlisted), Erice (cancelled), Cefalù (not SAI, waitlisted).
const soon = await createMeeting(db, { title: "Tavolo imminente", capacity: 2 }, now);
const soonRegistrations = await registerMany(soon.slug, [
  forMunicipality(palermo.id),
  forMunicipality(palermo.id),
  forMunicipality(monreale.id),
  forMunicipality(erice.id),
  forMunicipality(cefalu.id),
]);
await cancelRegistration(db, { token: soonRegistrations[3].token });
// A draft further ahead is listed; a cancelled one is not.
const draft = await createMeeting(db, { title: "Bozza futura", status: "DRAFT", capacity: null }, new Date(now.getTime() + 5 * DAY));
await createMeeting(db, { title: "Annullata", status: "CANCELLED" }, now);

// Two past meetings: one with attendance recorded (2 present of 3 confirmed), one without.
const pastNow = new Date(now.getTime() - 30 * DAY);
const recorded = await createMeeting(db, { title: "Tavolo passato" }, pastNow);
const attended = await registerMany(recorded.slug, [forMunicipality(catania.id), registrationInput(), registrationInput()], new Date(pastNow.getTime() + DAY));
await db.attendance.createMany({
  data: [
    { registrationId: attended[0].registrationId, status: "PRESENT", method: "MANUAL" },
    { registrationId: attended[1].registrationId, status: "PRESENT", method: "CHECK_IN" },
    { registrationId: attended[2].registrationId, status: "ABSENT", method: "MANUAL" },
  ],
});
const unrecorded = await createMeeting(db, { title: "Webinar passato" }, new Date(pastNow.getTime() - 10 * DAY));
await registerMany(unrecorded.slug, [registrationInput()], new Date(pastNow.getTime() - 9 * DAY));

describe("the dashboard overview", () => {
  it("lists upcoming meetings soonest first with confirmed / capacity, waiting list and SAI coverage", async () => {
    const { upcoming, saiTotal } = await getDashboardOverview(db, now);
    expect(saiTotal).toBe(4);
    expect(upcoming.map((meeting) => meeting.title)).toEqual(["Tavolo imminente", "Bozza futura"]);
    // Palermo (twice) and Monreale count; Erice cancelled and Cefalù (not SAI) do not.
    expect(upcoming[0]).toMatchObject({ id: soon.id, confirmed: 2, capacity: 2, waitlisted: 2, saiRegistered: 2, saiTotal: 4, saiPercent: 50 });
    expect(upcoming[1]).toMatchObject({ id: draft.id, status: "DRAFT", confirmed: 0, capacity: null, saiPercent: 0 });
  });

  it("gives recent meetings' attendance as present out of confirmed, and none where nothing was recorded", async () => {
    const { recent } = await getDashboardOverview(db, now);
    expect(recent.map((meeting) => [meeting.title, meeting.confirmed, meeting.present, meeting.attendancePercent])).toEqual([
      ["Tavolo passato", 3, 2, 67],
      ["Webinar passato", 1, 0, null],
    ]);
  });

  it("finds a meeting's heading by id, and nothing for a malformed or unknown one", async () => {
    expect(await getDashboardMeetingHeading(db, soon.id)).toMatchObject({ title: "Tavolo imminente" });
    expect(await getDashboardMeetingHeading(db, "non-un-id")).toBeNull();
    expect(await getDashboardMeetingHeading(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
