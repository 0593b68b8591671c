// What registering costs the database and what it holds the meeting's lock
// for: the statements of one registration, counted on the connection, and the
// join link reaching everyone confirmed when registrations and its send meet.
import pg from "pg";
import { emailTemplateSchemas } from "@/lib/email/schema";
import { describe, expect, it } from "vitest";
import { sendJoinLinkNow } from "@/lib/join-link/mutations";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createMunicipality, createUser, registrationInput } from "@/lib/test/factories";
import { createCountingClient } from "@/lib/test/round-trips";
import { invitationEmail, registrationEmail } from "./emails";
import { register } from "./mutations";

const { db, url } = await createTestDatabase(30);
const counting = createCountingClient(url);

const JOIN_URL = "https://zoom.us/j/5550002?pwd=riservato";

/** The statements one call sends, once the client's connections are warm. */
async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  counting.statements.length = 0;
  await run();
  return [...counting.statements];
}

describe("one registration's round trips", () => {
  it("without a capacity: seven statements from BEGIN to COMMIT, the meeting's row never locked for update", async () => {
    const meeting = await createMeeting(counting.db);
    await register(counting.db, { slug: meeting.slug, ...registrationInput() }); // warm-up
    const statements = await statementsOf(() => register(counting.db, { slug: meeting.slug, ...registrationInput() }));
    expect(statements.length).toBeLessThanOrEqual(7);
    expect(statements[0]).toMatch(/^BEGIN/);
    expect(statements.at(-1)).toMatch(/^COMMIT/);
    expect(statements.join("\n")).not.toMatch(/FOR UPDATE/);
  });

  it("with a capacity: seven statements, and the lock taken for update after the person is written", async () => {
    const meeting = await createMeeting(counting.db, { capacity: 10 });
    const statements = await statementsOf(() => register(counting.db, { slug: meeting.slug, ...registrationInput() }));
    expect(statements.length).toBeLessThanOrEqual(7);
    const lock = statements.findIndex((statement) => /FOR UPDATE/.test(statement));
    expect(lock).toBeGreaterThan(0);
    // The lock's statement writes the person; after it: the seat and the registration, the email row, its job, COMMIT.
    expect(statements[lock]).toMatch(/INSERT INTO "Person"/);
    expect(statements.slice(lock + 1)).toHaveLength(4);
    expect(statements.at(-1)).toMatch(/^COMMIT/);
  });

  it("a registrant with consent and nominees still reads no row twice: the nominees' emails are the only statements added", async () => {
    const meeting = await createMeeting(counting.db);
    const nominees = [{ firstName: "Luca", lastName: "Verdi", email: `luca.${Date.now()}@coop.example.it`, managingBodyName: "Cooperativa Alfa" }];
    const statements = await statementsOf(() =>
      register(counting.db, { slug: meeting.slug, ...registrationInput({ communicationsConsent: true, nominees }) }),
    );
    // BEGIN, meeting, person, registration, its email and job; the known bodies, the invitation, its email and job; COMMIT.
    const reads = statements.filter((statement) => /^SELECT/.test(statement.trim()));
    expect(reads).toHaveLength(2);
    expect(reads[1]).toMatch(/FROM "public"\."ManagingBody"/);
    expect(statements).toHaveLength(11);
  });
});

describe("registrations while the join link goes out", () => {
  for (const capacity of [null, 1000]) {
    it(`${capacity === null ? "without" : "with"} a capacity: everyone confirmed gets the link exactly once, in the confirmation or in the send`, async () => {
      const coordinator = await createUser(db, "COORDINATOR");
      const start = new Date(Date.now() + 2 * 3600_000);
      const meeting = await createMeeting(db, { capacity, joinUrl: JOIN_URL, platform: "Zoom", startsAt: start, endsAt: new Date(start.getTime() + 3600_000) });
      const registerOne = (i: number) => register(db, { slug: meeting.slug, ...registrationInput({ email: `corsa${capacity ?? "x"}.${i}@ente.example.it` }) });
      // Ten before the send, fifty arriving every few milliseconds while it goes out, five after it.
      const before = await Promise.all(Array.from({ length: 10 }, (_, i) => registerOne(i)));
      const sent = sendJoinLinkNow(db, { actor: coordinator, meetingId: meeting.id });
      const during = await Promise.all(
        Array.from({ length: 50 }, (_, i) => new Promise((resolve) => setTimeout(resolve, i * 3)).then(() => registerOne(10 + i))),
      );
      expect(await sent).toMatchObject({ ok: true });
      const after = await Promise.all(Array.from({ length: 5 }, (_, i) => registerOne(60 + i)));
      expect([...before, ...during, ...after].every((result) => result.ok)).toBe(true);

      const confirmed = await db.registration.findMany({ where: { meetingId: meeting.id, status: "CONFIRMED" }, select: { id: true } });
      expect(confirmed).toHaveLength(65);
      const emails = await db.emailMessage.findMany({ where: { meetingId: meeting.id }, select: { registrationId: true, template: true, data: true } });
      for (const { id } of confirmed) {
        const carrying = emails.filter((email) => email.registrationId === id && JSON.stringify(email.data).includes(JOIN_URL));
        expect(carrying.map((email) => email.template), id).toHaveLength(1);
      }
      // Both ways happened: the send reached those before it, the confirmation carried it after.
      const templates = new Set(emails.filter((email) => JSON.stringify(email.data).includes(JOIN_URL)).map((email) => email.template));
      expect(templates).toEqual(new Set(["join-link", "registration-confirmed"]));
    });
  }
});

describe("a capacity set while someone registers", () => {
  it("registrations that read no capacity, then found one under the lock, start again and take the seats one at a time", async () => {
    const meeting = await createMeeting(db);
    const first = await register(db, { slug: meeting.slug, ...registrationInput() });
    expect(first).toMatchObject({ ok: true, status: "CONFIRMED" });

    // A coordinator's edit, still open: the meeting locked, its capacity now 2 (one taken).
    const editor = new pg.Client({ connectionString: url });
    await editor.connect();
    try {
      await editor.query("BEGIN");
      await editor.query(`SELECT id FROM "Meeting" WHERE id = $1 FOR UPDATE`, [meeting.id]);
      await editor.query(`UPDATE "Meeting" SET capacity = 2 WHERE id = $1`, [meeting.id]);
      const registering = Array.from({ length: 8 }, () => register(db, { slug: meeting.slug, ...registrationInput() }));
      await new Promise((resolve) => setTimeout(resolve, 300)); // they read the meeting, and wait on the lock
      await editor.query("COMMIT");
      const statuses = (await Promise.all(registering)).map((result) => (result.ok ? result.status : result.reason));
      expect(statuses.sort()).toEqual(["CONFIRMED", ...Array(7).fill("WAITLISTED")]);
    } finally {
      await editor.end();
    }
    expect(await db.registration.count({ where: { meetingId: meeting.id, status: "CONFIRMED" } })).toBe(2);
  });
});

describe("the emails registering writes from the rows in hand", () => {
  it("say what the same emails read back from the database say", async () => {
    const meeting = await createMeeting(db, { joinUrl: JOIN_URL, platform: "Zoom" });
    const municipality = await createMunicipality(db);
    const nominee = { firstName: "Anna", lastName: "Neri", email: `anna.${Date.now()}@coop.example.it`, managingBodyName: "Cooperativa Beta" };
    const input = registrationInput({ organisationType: "COMUNE", municipalityId: municipality.id, organisationName: null, nominees: [nominee] });
    const result = await register(db, { slug: meeting.slug, ...input });
    if (!result.ok) throw new Error(result.reason);

    const withoutStamp = (data: unknown) => JSON.parse(JSON.stringify(data).replace(/DTSTAMP:[0-9TZ]+/g, "DTSTAMP"));
    const [confirmation] = await db.emailMessage.findMany({ where: { registrationId: result.registrationId } });
    const reread = await db.$transaction((tx) => registrationEmail(tx, { registrationId: result.registrationId, token: result.token, template: "registration-confirmed" }));
    expect(confirmation).toMatchObject({ template: reread.template, toEmail: reread.toEmail, toName: reread.toName });
    expect(withoutStamp(confirmation.data)).toEqual(withoutStamp(reread.data));

    const invitation = await db.invitation.findFirstOrThrow({ where: { meetingId: meeting.id, email: nominee.email } });
    const [invited] = await db.emailMessage.findMany({ where: { invitationId: invitation.id } });
    const again = await db.$transaction((tx) => invitationEmail(tx, { invitationId: invitation.id, token: "t".repeat(43) }));
    const { invitationUrl, ...stored } = withoutStamp(invited.data);
    expect(invitationUrl).toMatch(/\/invito\//);
    // Stored as its template's schema keeps it (messageRow).
    const expected = withoutStamp(emailTemplateSchemas.invitation.parse(again.data));
    delete expected.invitationUrl;
    expect(stored).toEqual(expected);
    expect(stored).toMatchObject({ inviterOrganisation: `Comune di ${municipality.name}`, inviterName: `${input.firstName} ${input.lastName}` });
  });
});
