import { describe, expect, it } from "vitest";
import { getInvitationByToken } from "../invitations/queries";
import { declineInvitation } from "../invitations/mutations";
import { createTestDatabase } from "../test/database";
import { createMeeting, registrationInput } from "../test/factories";
import { cancelRegistration, register } from "./mutations";
import { getRegistrationByToken, seatsLeft, seatsLeftBySlug } from "./queries";

const { db } = await createTestDatabase(10);
const JOIN_URL = "https://videoconferenza.example/j/riservato";

async function registered(meetingSlug: string, email?: string) {
  const result = await register(db, { slug: meetingSlug, ...registrationInput(email ? { email } : {}) });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe("getRegistrationByToken", () => {
  it("gives the join link to a confirmed registrant only", async () => {
    const meeting = await createMeeting(db, { capacity: 1, joinUrl: JOIN_URL });
    const confirmed = await registered(meeting.slug);
    const waitlisted = await registered(meeting.slug);

    const mine = await getRegistrationByToken(db, { token: confirmed.token, now: new Date() });
    expect(mine?.link === "valid" && mine.registration.joinUrl).toBe(JOIN_URL);
    const theirs = await getRegistrationByToken(db, { token: waitlisted.token, now: new Date() });
    expect(theirs?.link === "valid" && theirs.registration.status).toBe("WAITLISTED");
    expect(JSON.stringify(theirs)).not.toContain(JOIN_URL);
    expect(JSON.stringify(mine?.link === "valid" && mine.registration.meeting)).not.toContain(JOIN_URL);
  });

  it("refuses unknown, malformed and revoked links and flags expired ones without personal data", async () => {
    const meeting = await createMeeting(db);
    const { token, registrationId } = await registered(meeting.slug);
    expect(await getRegistrationByToken(db, { token: "A".repeat(43), now: new Date() })).toBeNull();
    expect(await getRegistrationByToken(db, { token: "' OR 1=1 --", now: new Date() })).toBeNull();

    const expired = await getRegistrationByToken(db, { token, now: new Date(Date.now() + 365 * 24 * 3600_000) });
    expect(expired).toEqual({ link: "expired", meeting: { slug: meeting.slug, title: meeting.title } });

    await db.registration.update({ where: { id: registrationId }, data: { tokenRevokedAt: new Date() } });
    expect(await getRegistrationByToken(db, { token, now: new Date() })).toBeNull();
  });
});

describe("seats and the waiting list", () => {
  it("counts the seats left from confirmed registrations against the capacity: waitlisted and cancelled take none", async () => {
    const limited = await createMeeting(db, { capacity: 2 });
    const unlimited = await createMeeting(db, { capacity: null });
    expect(await seatsLeft(db, limited.slug)).toBe(2);
    const first = await registered(limited.slug);
    expect(await seatsLeft(db, limited.slug)).toBe(1);
    await registered(limited.slug);
    await registered(limited.slug);
    expect(await seatsLeftBySlug(db, [limited.slug, unlimited.slug])).toEqual(
      new Map([
        [limited.slug, 0],
        [unlimited.slug, null],
      ]),
    );
    // The first one cancels: the waitlisted person is promoted and the meeting is full again.
    await cancelRegistration(db, { token: first.token });
    expect(await seatsLeft(db, limited.slug)).toBe(0);
  });

  it("tells a waitlisted registrant their place in the queue, which moves up as people ahead are promoted", async () => {
    const meeting = await createMeeting(db, { capacity: 1 });
    const confirmed = await registered(meeting.slug);
    const second = await registered(meeting.slug);
    const third = await registered(meeting.slug);
    const placeOf = async (token: string) => {
      const found = await getRegistrationByToken(db, { token, now: new Date() });
      return found?.link === "valid" ? found.registration.waitlistPosition : "invalid";
    };
    expect(await placeOf(confirmed.token)).toBeNull();
    expect(await placeOf(second.token)).toBe(1);
    expect(await placeOf(third.token)).toBe(2);
    await cancelRegistration(db, { token: confirmed.token });
    expect(await placeOf(second.token)).toBeNull();
    expect(await placeOf(third.token)).toBe(1);
  });
});

describe("getInvitationByToken", () => {
  it("shows the invitation, its inviter and whether the invitee is already registered, never the join link", async () => {
    const meeting = await createMeeting(db, { joinUrl: JOIN_URL });
    const invitee = "gestore@cooperativa.example.it";
    const referent = await register(db, {
      slug: meeting.slug,
      ...registrationInput({ nominees: [{ firstName: "Luca", lastName: "Bianchi", email: invitee, managingBodyName: "Cooperativa Sole" }] }),
    });
    if (!referent.ok) throw new Error(referent.reason);
    const message = await db.emailMessage.findFirstOrThrow({ where: { toEmail: invitee, template: "invitation" } });
    const token = new URL((message.data as { invitationUrl: string }).invitationUrl).pathname.split("/").at(-1)!;

    const view = await getInvitationByToken(db, { token, now: new Date() });
    expect(view).toMatchObject({
      state: "open",
      invitation: { email: invitee, firstName: "Luca", managingBodyName: "Cooperativa Sole" },
      inviter: { name: "Maria Rossi", organisation: "Ente di prova" },
      existingRegistration: null,
    });
    expect(JSON.stringify(view)).not.toContain(JOIN_URL);

    await registered(meeting.slug, invitee);
    expect((await getInvitationByToken(db, { token, now: new Date() }))?.existingRegistration).toBe("CONFIRMED");
    expect((await getInvitationByToken(db, { token, now: new Date(meeting.endsAt.getTime() + 1) }))?.state).toBe("expired");
    await declineInvitation(db, { token });
    expect((await getInvitationByToken(db, { token, now: new Date() }))?.state).toBe("declined");
    expect(await getInvitationByToken(db, { token: "B".repeat(43), now: new Date() })).toBeNull();
  });
});
