import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../test/database";
import { createMeeting, createUser, registrationInput } from "../test/factories";
import { acceptInvitation, addNominees, register } from "../registrations/mutations";
import { hashToken } from "../platform/security/tokens";
import { inviteOnBehalf } from "./dashboard/mutations";
import { declineInvitation } from "./mutations";

const { db } = await createTestDatabase();

/** The invitation link's token, as the emailed URL carries it. */
async function invitationToken(email: string) {
  const message = await db.emailMessage.findFirstOrThrow({
    where: { toEmail: email, template: "invitation" },
    orderBy: { createdAt: "desc" },
  });
  const url = (message.data as { invitationUrl: string }).invitationUrl;
  return url.slice(url.lastIndexOf("/") + 1);
}

const gestore = (email: string) => ({ firstName: "Luca", lastName: "Neri", email, managingBodyName: "Cooperativa Esempio" });

describe("invitations", () => {
  it("a registrant's nominees are invited once each, with only the token's hash stored", async () => {
    const meeting = await createMeeting(db);
    const result = await register(db, {
      slug: meeting.slug,
      ...registrationInput({ nominees: [gestore("luca@coop.example.it"), gestore("anna@coop.example.it")] }),
    });
    expect(result.ok).toBe(true);
    const invitations = await db.invitation.findMany({ where: { meetingId: meeting.id }, orderBy: { email: "asc" } });
    expect(invitations.map((i) => [i.email, i.status])).toEqual([
      ["anna@coop.example.it", "SENT"],
      ["luca@coop.example.it", "SENT"],
    ]);
    const token = await invitationToken("luca@coop.example.it");
    expect(invitations[1].tokenHash).toBe(hashToken(token));
  });

  it("nominating the same email twice for a meeting sends once, whoever nominates it", async () => {
    const meeting = await createMeeting(db);
    const first = await register(db, { slug: meeting.slug, ...registrationInput({ nominees: [gestore("doppio@coop.example.it")] }) });
    await register(db, { slug: meeting.slug, ...registrationInput({ nominees: [gestore("DOPPIO@coop.example.it")] }) });
    if (first.ok) expect(await addNominees(db, { token: first.token, nominees: [gestore("doppio@coop.example.it")] })).toEqual({ ok: true, invited: 0 });
    expect(await db.invitation.count({ where: { meetingId: meeting.id } })).toBe(1);
    expect(await db.emailMessage.count({ where: { toEmail: "doppio@coop.example.it", template: "invitation" } })).toBe(1);
  });

  it("accepting registers the invitation's own email, whatever the form sent, and records who invited whom", async () => {
    const meeting = await createMeeting(db);
    const inviter = await register(db, { slug: meeting.slug, ...registrationInput({ nominees: [gestore("invitata@coop.example.it")] }) });
    if (!inviter.ok) throw new Error("expected a registration");
    const token = await invitationToken("invitata@coop.example.it");

    const accepted = await acceptInvitation(db, {
      token,
      ...registrationInput({ email: "altro@example.it", organisationType: "ENTE_GESTORE", organisationName: "Cooperativa Esempio" }),
    });
    expect(accepted).toMatchObject({ ok: true, status: "CONFIRMED" });
    if (!accepted.ok) return;
    const registration = await db.registration.findUniqueOrThrow({
      where: { id: accepted.registrationId },
      include: { person: true, invitation: true },
    });
    expect(registration.person.email).toBe("invitata@coop.example.it");
    expect(registration.source).toBe("INVITATION");
    expect(registration.invitation).toMatchObject({ status: "ACCEPTED", invitedByRegistrationId: inviter.registrationId });
    expect(await db.person.count({ where: { email: "altro@example.it" } })).toBe(0);

    expect(await acceptInvitation(db, { token, ...registrationInput() })).toEqual({ ok: false, reason: "ALREADY_ANSWERED" });
  });

  it("an invitee already registered is told so and nothing is duplicated", async () => {
    const meeting = await createMeeting(db);
    await register(db, { slug: meeting.slug, ...registrationInput({ email: "gia@coop.example.it" }) });
    await register(db, { slug: meeting.slug, ...registrationInput({ nominees: [gestore("gia@coop.example.it")] }) });
    const token = await invitationToken("gia@coop.example.it");
    expect(await acceptInvitation(db, { token, ...registrationInput() })).toEqual({ ok: false, reason: "ALREADY_REGISTERED" });
    expect(await db.registration.count({ where: { meetingId: meeting.id, person: { email: "gia@coop.example.it" } } })).toBe(1);
  });

  it("declining is recorded once; an unknown or expired link is refused", async () => {
    const meeting = await createMeeting(db);
    await register(db, { slug: meeting.slug, ...registrationInput({ nominees: [gestore("no@coop.example.it")] }) });
    const token = await invitationToken("no@coop.example.it");
    expect(await declineInvitation(db, { token })).toEqual({ ok: true });
    expect(await db.invitation.findFirst({ where: { email: "no@coop.example.it" } })).toMatchObject({ status: "DECLINED" });
    expect(await declineInvitation(db, { token })).toEqual({ ok: false, reason: "ALREADY_ANSWERED" });
    expect(await declineInvitation(db, { token: "y".repeat(43) })).toEqual({ ok: false, reason: "LINK_INVALID" });

    await register(db, { slug: meeting.slug, ...registrationInput({ nominees: [gestore("tardi@coop.example.it")] }) });
    const late = await invitationToken("tardi@coop.example.it");
    expect(await acceptInvitation(db, { token: late, ...registrationInput(), now: new Date(meeting.endsAt.getTime() + 1000) })).toEqual({
      ok: false,
      reason: "LINK_EXPIRED",
    });
  });
});

/** The answers the inviter was emailed, oldest first. */
async function answersTo(email: string) {
  const messages = await db.emailMessage.findMany({
    where: { toEmail: email, template: "invitation-answered" },
    orderBy: { createdAt: "asc" },
  });
  return messages.map((message) => message.data as { inviteeName: string; managingBodyName: string; accepted: boolean });
}

describe("changing one's mind, and telling the inviter", () => {
  it("a declined invitation can be accepted later while registrations are open, and the inviter is emailed each answer", async () => {
    const meeting = await createMeeting(db);
    const inviterEmail = "referente.ripensa@comune.example.it";
    await register(db, { slug: meeting.slug, ...registrationInput({ email: inviterEmail, nominees: [gestore("ripensa@coop.example.it")] }) });
    const token = await invitationToken("ripensa@coop.example.it");

    expect(await declineInvitation(db, { token })).toEqual({ ok: true });
    expect(await answersTo(inviterEmail)).toMatchObject([{ inviteeName: "Luca Neri", managingBodyName: "Cooperativa Esempio", accepted: false }]);

    const accepted = await acceptInvitation(db, { token, ...registrationInput({ organisationType: "ENTE_GESTORE", organisationName: "Cooperativa Esempio" }) });
    expect(accepted).toMatchObject({ ok: true, status: "CONFIRMED" });
    expect(await db.invitation.findFirst({ where: { email: "ripensa@coop.example.it" } })).toMatchObject({ status: "ACCEPTED" });
    expect((await answersTo(inviterEmail)).map((answer) => answer.accepted)).toEqual([false, true]);
    const [message] = await db.emailMessage.findMany({ where: { toEmail: inviterEmail, template: "invitation-answered" }, take: 1 });
    expect(message.meetingId).toBe(meeting.id);
  });

  it("a declined invitation cannot be accepted once registrations are closed or the meeting is cancelled", async () => {
    const meeting = await createMeeting(db, { registrationClosesAt: new Date(Date.now() + 3600_000) });
    await register(db, { slug: meeting.slug, ...registrationInput({ nominees: [gestore("chiuso@coop.example.it"), gestore("annullato@coop.example.it")] }) });
    const closed = await invitationToken("chiuso@coop.example.it");
    const cancelled = await invitationToken("annullato@coop.example.it");
    await declineInvitation(db, { token: closed });
    await declineInvitation(db, { token: cancelled });

    const later = new Date(Date.now() + 2 * 3600_000);
    expect(await acceptInvitation(db, { token: closed, ...registrationInput(), now: later })).toEqual({ ok: false, reason: "REGISTRATION_CLOSED" });
    await db.meeting.update({ where: { id: meeting.id }, data: { status: "CANCELLED" } });
    expect(await acceptInvitation(db, { token: cancelled, ...registrationInput() })).toEqual({ ok: false, reason: "MEETING_CANCELLED" });
    expect(await db.invitation.count({ where: { meetingId: meeting.id, status: "DECLINED" } })).toBe(2);
  });

  it("an accepted invitation tells the inviter in the same transaction; a coordinator's direct invitation tells no one", async () => {
    const meeting = await createMeeting(db);
    const inviterEmail = "referente.accetta@comune.example.it";
    await register(db, { slug: meeting.slug, ...registrationInput({ email: inviterEmail, nominees: [gestore("subito@coop.example.it")] }) });
    await acceptInvitation(db, { token: await invitationToken("subito@coop.example.it"), ...registrationInput() });
    expect(await answersTo(inviterEmail)).toMatchObject([{ inviteeName: "Luca Neri", managingBodyName: "Cooperativa Esempio", accepted: true }]);

    const user = await createUser(db);
    const direct = await inviteOnBehalf(db, { actor: user, meetingId: meeting.id, registrationId: null, nominee: gestore("diretta@coop.example.it") });
    expect(direct.ok).toBe(true);
    const token = await invitationToken("diretta@coop.example.it");
    expect(await declineInvitation(db, { token })).toEqual({ ok: true });
    expect(await acceptInvitation(db, { token, ...registrationInput() })).toMatchObject({ ok: true });
    expect(await db.emailMessage.count({ where: { meetingId: meeting.id, template: "invitation-answered" } })).toBe(1);
  });
});

describe("known enti gestori", () => {
  it("a nominee's body picked from the known ones links the invitation to it", async () => {
    const body = await db.managingBody.create({ data: { name: "Cooperativa Sociale Nota", taxCode: "01234567890" } });
    const meeting = await createMeeting(db);
    await register(db, {
      slug: meeting.slug,
      ...registrationInput({
        nominees: [
          { ...gestore("nota@coop.example.it"), managingBodyName: "cooperativa sociale nota" },
          { ...gestore("ignota@coop.example.it"), managingBodyName: "Associazione Nuova" },
        ],
      }),
    });
    const invitations = await db.invitation.findMany({ where: { meetingId: meeting.id }, orderBy: { email: "asc" } });
    expect(invitations.map((i) => [i.email, i.managingBodyId])).toEqual([
      ["ignota@coop.example.it", null],
      ["nota@coop.example.it", body.id],
    ]);
  });
});
