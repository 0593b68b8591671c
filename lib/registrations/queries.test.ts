import { describe, expect, it } from "vitest";
import { getInvitationByToken } from "../invitations/queries";
import { declineInvitation } from "../invitations/mutations";
import { createTestDatabase } from "../test/database";
import { createMeeting, registrationInput } from "../test/factories";
import { register } from "./mutations";
import { getRegistrationByToken } from "./queries";

const { db } = await createTestDatabase(10);
const JOIN_URL = "https://videoconferenza.example/j/riservato";

async function registered(meetingSlug: string, email?: string) {
  const result = await register(db, meetingSlug, registrationInput(email ? { email } : {}));
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe("getRegistrationByToken", () => {
  it("gives the join link to a confirmed registrant only", async () => {
    const meeting = await createMeeting(db, { capacity: 1, joinUrl: JOIN_URL });
    const confirmed = await registered(meeting.slug);
    const waitlisted = await registered(meeting.slug);

    const mine = await getRegistrationByToken(confirmed.token, new Date(), db);
    expect(mine?.link === "valid" && mine.registration.joinUrl).toBe(JOIN_URL);
    const theirs = await getRegistrationByToken(waitlisted.token, new Date(), db);
    expect(theirs?.link === "valid" && theirs.registration.status).toBe("WAITLISTED");
    expect(JSON.stringify(theirs)).not.toContain(JOIN_URL);
    expect(JSON.stringify(mine?.link === "valid" && mine.registration.meeting)).not.toContain(JOIN_URL);
  });

  it("refuses unknown, malformed and revoked links and flags expired ones without personal data", async () => {
    const meeting = await createMeeting(db);
    const { token, registrationId } = await registered(meeting.slug);
    expect(await getRegistrationByToken("A".repeat(43), new Date(), db)).toBeNull();
    expect(await getRegistrationByToken("' OR 1=1 --", new Date(), db)).toBeNull();

    const expired = await getRegistrationByToken(token, new Date(Date.now() + 365 * 24 * 3600_000), db);
    expect(expired).toEqual({ link: "expired", meeting: { slug: meeting.slug, title: meeting.title } });

    await db.registration.update({ where: { id: registrationId }, data: { tokenRevokedAt: new Date() } });
    expect(await getRegistrationByToken(token, new Date(), db)).toBeNull();
  });
});

describe("getInvitationByToken", () => {
  it("shows the invitation, its inviter and whether the invitee is already registered, never the join link", async () => {
    const meeting = await createMeeting(db, { joinUrl: JOIN_URL });
    const invitee = "gestore@cooperativa.example.it";
    const referent = await register(
      db,
      meeting.slug,
      registrationInput({ nominees: [{ firstName: "Luca", lastName: "Bianchi", email: invitee, managingBodyName: "Cooperativa Sole" }] }),
    );
    if (!referent.ok) throw new Error(referent.reason);
    const message = await db.emailMessage.findFirstOrThrow({ where: { toEmail: invitee, template: "invitation" } });
    const token = new URL((message.data as { invitationUrl: string }).invitationUrl).pathname.split("/").at(-1)!;

    const view = await getInvitationByToken(token, new Date(), db);
    expect(view).toMatchObject({
      state: "open",
      invitation: { email: invitee, firstName: "Luca", managingBodyName: "Cooperativa Sole" },
      inviter: { name: "Maria Rossi", organisation: "Ente di prova" },
      existingRegistration: null,
    });
    expect(JSON.stringify(view)).not.toContain(JOIN_URL);

    await registered(meeting.slug, invitee);
    expect((await getInvitationByToken(token, new Date(), db))?.existingRegistration).toBe("CONFIRMED");
    expect((await getInvitationByToken(token, new Date(meeting.endsAt.getTime() + 1), db))?.state).toBe("expired");
    await declineInvitation(db, token);
    expect((await getInvitationByToken(token, new Date(), db))?.state).toBe("declined");
    expect(await getInvitationByToken("B".repeat(43), new Date(), db)).toBeNull();
  });
});
