import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../test/database";
import { getPublicMeeting, lastPublicUpdate, listPublicMeetings } from "./queries";

const { db } = await createTestDatabase();

const base = {
  kind: "WEBINAR" as const,
  subject: "Oggetto di prova",
  mode: "ONLINE" as const,
  body: "Testo della convocazione.",
  signatoryName: "Firmatario",
  signatoryTitle: "Segretario Generale",
  fundingFund: "FAMI 2014-2020",
  fundingLine: "Fondo Asilo, Migrazione e Integrazione 2014-2020",
  projectCode: "3031",
  projectName: "COOPERA",
};

function meeting(slug: string, status: "DRAFT" | "PUBLISHED" | "CANCELLED" | "ARCHIVED", startsAt: string) {
  const start = new Date(startsAt);
  return db.meeting.create({
    data: {
      ...base,
      slug,
      status,
      title: `Incontro ${slug}`,
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * 3600_000),
      joinUrl: `https://videoconferenza.example/j/${slug}-segreto`,
    },
  });
}

const now = new Date("2026-06-01T10:00:00Z");
await meeting("futuro", "PUBLISHED", "2026-06-10T13:00:00Z");
await meeting("prossimo", "PUBLISHED", "2026-06-05T13:00:00Z");
await meeting("annullato", "CANCELLED", "2026-06-07T13:00:00Z");
await meeting("bozza", "DRAFT", "2026-06-08T13:00:00Z");
await meeting("passato", "PUBLISHED", "2026-05-01T13:00:00Z");
await meeting("archiviato", "ARCHIVED", "2026-04-01T13:00:00Z");

describe("public meeting queries", () => {
  it("never return a draft", async () => {
    expect(await getPublicMeeting(db, "bozza")).toBeNull();
    expect(await getPublicMeeting(db, "inesistente")).toBeNull();
  });

  it("never return the join link", async () => {
    const found = await getPublicMeeting(db, "futuro");
    expect(found).not.toBeNull();
    expect(found).not.toHaveProperty("joinUrl");
    expect(JSON.stringify(found)).not.toContain("segreto");
  });

  it("list upcoming meetings soonest first and past ones latest first, without drafts", async () => {
    const { upcoming, past } = await listPublicMeetings(db, now);
    expect(upcoming.map((m) => m.slug)).toEqual(["prossimo", "annullato", "futuro"]);
    expect(past.map((m) => m.slug)).toEqual(["passato", "archiviato"]);
    expect(JSON.stringify({ upcoming, past })).not.toContain("segreto");
  });

  it("date the footer by the latest public change, ignoring drafts", async () => {
    const draft = await db.meeting.update({ where: { slug: "bozza" }, data: { title: "Bozza modificata" } });
    const latest = await lastPublicUpdate(db);
    expect(latest).not.toBeNull();
    expect(latest!.getTime()).toBeLessThan(draft.updatedAt.getTime());
  });
});
