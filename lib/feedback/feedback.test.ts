// The satisfaction widget's data: what a rating stores (and what it never
// does), the comment's personal data replaced, the pages it may be about,
// and the dashboard's report per page and per month, against PostgreSQL.
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting } from "@/lib/test/factories";
import type { FeedbackReason } from "./labels";
import { matchFeedbackPage } from "./pages";
import { recordFeedback } from "./mutations";
import { getFeedbackReport, lastMonths, listRatedPages, monthLabel } from "./queries";
import { redactPersonalData } from "./redact";
import { feedbackSchema } from "./schema";

const { db } = await createTestDatabase();
const TOKEN = "KnownTok3nDelleProveFuzz_0123456789abcdefgh";

describe("which page a rating is about", () => {
  it("stores a convocation's slug, and a personal link or an attestato only as its pattern", () => {
    expect(matchFeedbackPage("/convocazioni/tavolo-24-marzo")).toMatchObject({ page: "/convocazioni/[slug]", slug: "tavolo-24-marzo" });
    expect(matchFeedbackPage(`/invito/${TOKEN}`)).toMatchObject({ page: "/invito/[token]", slug: null });
    expect(matchFeedbackPage(`/iscrizione/${TOKEN}/conferma`)).toMatchObject({ page: "/iscrizione/[token]/conferma", slug: null });
    expect(matchFeedbackPage("/attestati/K7QF-2M9X-4HNC-8RTA-ZP3W")).toMatchObject({ page: "/attestati/[code]", slug: null });
    expect(matchFeedbackPage("/")).toMatchObject({ page: "/", slug: null });
  });

  it("is no page for the sign-in pages, the dashboard, another site, a query string or a trick path", () => {
    for (const path of ["/accedi", "/accedi/controlla-email", "/dashboard", "//evil.example/", "https://evil.example/", "/privacy?x=1", "/privacy#a", "/privacy/", "/convocazioni/../dashboard", "/\\evil", "privacy", "/convocazioni/a%2Fb"]) {
      expect(matchFeedbackPage(path), path).toBeNull();
    }
  });

  it("the schema refuses a token or code of the wrong shape, which the page would not have served", () => {
    expect(feedbackSchema.safeParse({ path: "/invito/corto", rating: "3" }).success).toBe(false);
    expect(feedbackSchema.safeParse({ path: "/convocazioni/Non_Uno_Slug", rating: "3" }).success).toBe(false);
    expect(feedbackSchema.safeParse({ path: `/invito/${TOKEN}`, rating: "3" }).data).toMatchObject({ page: "/invito/[token]", slug: null, path: `/invito/${TOKEN}` });
  });
});

describe("the comment", () => {
  it("has email addresses, phone numbers, tax codes and token-like strings replaced by [rimosso]", () => {
    expect(redactPersonalData("Scrivete a mario.rossi@comune.palermo.it o a mario (at) comune [dot] it")).toBe("Scrivete a [rimosso] o a [rimosso]");
    expect(redactPersonalData("Chiamatemi al 333 123 4567 oppure +39 091-1234567")).toBe("Chiamatemi al [rimosso] oppure [rimosso]");
    expect(redactPersonalData("Il mio CF è RSSMRA80A01G273M")).toBe("Il mio CF è [rimosso]");
    expect(redactPersonalData(`Il link /iscrizione/${TOKEN} non va`)).toBe("Il link /iscrizione/[rimosso] non va");
    // What says nothing of anyone stays as written.
    expect(redactPersonalData("Il 24/03/2022 alle 15:00, prot. n. 1234: tutto chiaro!")).toBe("Il 24/03/2022 alle 15:00, prot. n. 1234: tutto chiaro!");
  });

  it("is redacted by the schema, and a reason of the other list is dropped, not refused", () => {
    const parsed = feedbackSchema.parse({ path: "/privacy", rating: "5", reason: "UNCLEAR", comment: "  scrivetemi a anna@example.it  " });
    expect(parsed).toMatchObject({ page: "/privacy", rating: 5, reason: null, comment: "scrivetemi a [rimosso]", honeypot: false });
    expect(feedbackSchema.parse({ path: "/privacy", rating: "2", reason: "UNCLEAR" }).reason).toBe("UNCLEAR");
    expect(feedbackSchema.safeParse({ path: "/privacy", rating: "2", comment: "x".repeat(201) }).success).toBe(false);
  });
});

describe("recordFeedback", () => {
  it("stores the page, stars, reason, comment and the Rome day, and nothing else", async () => {
    // 23:30 in Rome on 31 March, 21:30 UTC: Rome's day, not UTC's, is kept.
    const result = await recordFeedback(db, { page: "/privacy", slug: null, rating: 4, reason: "CLEAR", comment: "Chiara", now: new Date("2026-03-31T21:30:00Z") });
    expect(result).toEqual({ ok: true });
    const rows = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "Feedback" WHERE comment = 'Chiara'`;
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]).sort()).toEqual(["comment", "day", "id", "page", "rating", "reason", "slug"]);
    expect((rows[0].day as Date).toISOString()).toBe("2026-03-31T00:00:00.000Z");
    const late = await recordFeedback(db, { page: "/privacy", slug: null, rating: 4, reason: null, comment: "Dopo mezzanotte", now: new Date("2026-03-31T22:30:00Z") });
    expect(late.ok).toBe(true);
    expect((await db.feedback.findFirstOrThrow({ where: { comment: "Dopo mezzanotte" } })).day.toISOString()).toBe("2026-04-01T00:00:00.000Z");
  });

  it("refuses a convocation's page while the convocation is not public, and a slug that is no convocation", async () => {
    const draft = await createMeeting(db, { status: "DRAFT" });
    const before = await db.feedback.count();
    expect(await recordFeedback(db, { page: "/convocazioni/[slug]", slug: draft.slug, rating: 3, reason: null, comment: null, now: new Date() })).toEqual({ ok: false, reason: "PAGE_NOT_FOUND" });
    expect(await recordFeedback(db, { page: "/convocazioni/[slug]", slug: "non-esiste", rating: 3, reason: null, comment: null, now: new Date() })).toEqual({ ok: false, reason: "PAGE_NOT_FOUND" });
    expect(await db.feedback.count()).toBe(before);
  });

  it("the database refuses a rating outside 1–5 even when the code is bypassed", async () => {
    await expect(db.feedback.create({ data: { page: "/privacy", rating: 6, day: new Date("2026-01-01") } })).rejects.toThrow();
    await expect(db.feedback.create({ data: { page: "/privacy", rating: 0, day: new Date("2026-01-01") } })).rejects.toThrow();
  });
});

describe("the report", () => {
  it("counts per month in Rome, per page, the 1–5 distribution, the average, the reasons and the latest comments", async () => {
    const { db: fresh } = await createTestDatabase();
    const meeting = await createMeeting(fresh);
    const at = (iso: string) => new Date(iso);
    const ratings: [string, string | null, number, FeedbackReason | null, string | null, string][] = [
      ["/convocazioni/[slug]", meeting.slug, 5, "CLEAR", null, "2026-10-15T10:00:00Z"],
      ["/convocazioni/[slug]", meeting.slug, 4, "CLEAR", "Molto utile", "2026-10-20T10:00:00Z"],
      // 31 October 23:30 UTC is 1 November in Rome (still CET+1: 00:30).
      ["/convocazioni/[slug]", meeting.slug, 2, "UNCLEAR", "Orari poco chiari", "2026-10-31T23:30:00Z"],
      ["/privacy", null, 3, "TECHNICAL_PROBLEMS", null, "2026-12-02T09:00:00Z"],
      ["/privacy", null, 1, null, null, "2025-01-10T09:00:00Z"],
    ];
    for (const [page, slug, rating, reason, comment, now] of ratings) {
      expect((await recordFeedback(fresh, { page, slug, rating, reason, comment, now: at(now) })).ok).toBe(true);
    }
    const report = await getFeedbackReport(fresh, { only: null, now: at("2026-12-03T12:00:00Z") });
    expect(report.total).toBe(5);
    expect(report.average).toBe(3);
    expect(report.distribution).toEqual([1, 2, 3, 4, 5].map((rating) => ({ rating, count: 1 })));
    expect(report.months).toHaveLength(12);
    expect(report.months[0]).toMatchObject({ month: "2026-01", label: "gennaio 2026", count: 0, average: null });
    const byMonth = Object.fromEntries(report.months.map((month) => [month.month, month]));
    expect(byMonth["2026-10"]).toMatchObject({ count: 2, average: 4.5, positive: 2, negative: 0 });
    expect(byMonth["2026-11"]).toMatchObject({ label: "novembre 2026", count: 1, average: 2, positive: 0, negative: 1 });
    expect(byMonth["2026-12"]).toMatchObject({ count: 1, average: 3, negative: 1 });
    // January 2025 is outside the 12 months, but in the totals.
    expect(report.months.reduce((sum, month) => sum + month.count, 0)).toBe(4);
    expect(report.pages).toEqual([
      { page: "/convocazioni/[slug]", slug: meeting.slug, label: "Convocazione", count: 3, average: 3.7, lastDay: "2026-11-01" },
      { page: "/privacy", slug: null, label: "Informativa privacy", count: 2, average: 2, lastDay: "2026-12-02" },
    ]);
    expect(report.reasons[0]).toMatchObject({ code: "CLEAR", label: "Le indicazioni erano chiare", positive: true, count: 2 });
    expect(report.reasons.map((reason) => reason.code).sort()).toEqual(["CLEAR", "TECHNICAL_PROBLEMS", "UNCLEAR"]);
    expect(report.comments.map((comment) => [comment.day, comment.comment])).toEqual([
      ["2026-11-01", "Orari poco chiari"],
      ["2026-10-20", "Molto utile"],
    ]);

    const one = await getFeedbackReport(fresh, { only: { page: "/privacy", slug: null }, now: at("2026-12-03T12:00:00Z") });
    expect(one).toMatchObject({ total: 2, average: 2, comments: [] });
    expect(one.pages).toHaveLength(1);
    expect(await listRatedPages(fresh)).toHaveLength(2);
  });

  it("names the months in Italian and counts back across a year", () => {
    expect(monthLabel("2026-03")).toBe("marzo 2026");
    expect(lastMonths(new Date("2026-02-10T12:00:00Z"), 3)).toEqual(["2025-12", "2026-01", "2026-02"]);
    // 31 January 23:30 UTC is already February in Rome.
    expect(lastMonths(new Date("2026-01-31T23:30:00Z"), 1)).toEqual(["2026-02"]);
  });
});
