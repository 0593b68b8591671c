import { describe, expect, it, vi } from "vitest";
import type { DashboardUser } from "../../auth/roles";
import { IDLE } from "../../platform/forms/action-state";
import { acceptInvitation, register } from "../../registrations/mutations";
import { createTestDatabase } from "../../test/database";
import { createMeeting, createMunicipalityIn, registrationInput } from "../../test/factories";
import { addUser } from "../../users/mutations";
import { declineInvitation } from "../mutations";
import { getInvitationByToken } from "../queries";
import { CANCELLED_RESENT, CANCELLED_REVOKED, inviteOnBehalf, resendInvitation, revokeInvitation } from "./mutations";
import { listInvitations } from "./queries";
import { parseInvitationFilters } from "./schema";

const session = vi.hoisted(() => ({ user: null as DashboardUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;

const HOUR = 3600_000;
const { user } = await addUser(db, { actor: { label: "test" }, email: "coordinatore@anci.example.it", role: "COORDINATOR", name: "Coordinatore" });
const coordinator: DashboardUser = { id: user.id, email: user.email, name: "Coordinatore", role: "COORDINATOR" };

const gestore = (email: string, managingBodyName = "Cooperativa Esempio") => ({ firstName: "Luca", lastName: "Neri", email, managingBodyName });

/** The token an invitation email's link carries. */
function tokenIn(data: unknown) {
  const link = (data as { invitationUrl: string }).invitationUrl;
  return link.slice(link.lastIndexOf("/") + 1);
}

/** The latest invitation email to this address, and the token its link carries (while it is queued: a final one keeps no link). */
async function latestEmail(email: string) {
  const message = await db.emailMessage.findFirstOrThrow({ where: { toEmail: email, template: "invitation" }, orderBy: { createdAt: "desc" } });
  return { id: message.id, token: tokenIn(message.data) };
}

async function latestToken(email: string) {
  return (await latestEmail(email)).token;
}

/** Each email of an invitation by its id: its status and why. */
async function emailStatusById(invitationId: string) {
  const messages = await db.emailMessage.findMany({ where: { invitationId, template: "invitation" }, select: { id: true, status: true, lastError: true } });
  return new Map(messages.map(({ id, status, lastError }) => [id, { status, lastError }]));
}

const invitation = (email: string) => db.invitation.findFirstOrThrow({ where: { email } });

// A municipality's referent registers for the meeting and nominates five gestori.
const municipality = await createMunicipalityIn(db, { name: "Castelbuono", province: "PA" });
const meeting = await createMeeting(db);
const inviter = await register(db, {
  slug: meeting.slug,
  ...registrationInput({
    firstName: "Anna",
    lastName: "Bianchi",
    organisationType: "COMUNE",
    municipalityId: municipality.id,
    nominees: ["aperto", "accetta", "declina", "revoca", "scade"].map((name) => gestore(`${name}@coop.example.it`)),
  }),
});
if (!inviter.ok) throw new Error("expected a registration");
await acceptInvitation(db, { token: await latestToken("accetta@coop.example.it"), ...registrationInput({ organisationType: "ENTE_GESTORE" }) });
await declineInvitation(db, { token: await latestToken("declina@coop.example.it") });
await db.invitation.updateMany({ where: { email: "scade@coop.example.it" }, data: { tokenExpiresAt: new Date(Date.now() - HOUR) } });

const filters = (values: Record<string, string>) => parseInvitationFilters(values);

describe("the invitations list", () => {
  it("shows who nominated whom, for which municipality and ente gestore, and each state; SENT past its expiry reads as expired", async () => {
    const revoked = await invitation("revoca@coop.example.it");
    expect(await revokeInvitation(db, { actor: coordinator, invitationId: revoked.id })).toEqual({ ok: true, meetingId: meeting.id });

    const list = await listInvitations(db, { ...filters({ meeting: meeting.id }), now: new Date() });
    const states = Object.fromEntries(list.rows.map((row) => [row.invitee.email, row.state]));
    expect(states).toEqual({
      "aperto@coop.example.it": "SENT",
      "accetta@coop.example.it": "ACCEPTED",
      "declina@coop.example.it": "DECLINED",
      "revoca@coop.example.it": "REVOKED",
      "scade@coop.example.it": "EXPIRED",
    });
    expect(list.stateCounts).toEqual({ SENT: 1, ACCEPTED: 1, DECLINED: 1, EXPIRED: 1, REVOKED: 1 });
    const open = list.rows.find((row) => row.invitee.email === "aperto@coop.example.it");
    expect(open).toMatchObject({
      managingBodyName: "Cooperativa Esempio",
      inviter: { name: "Anna Bianchi", organisation: "Comune di Castelbuono" },
      municipality: { name: "Castelbuono", province: "PA" },
      lastEmail: { status: "PENDING" },
      canResend: true,
      canRevoke: true,
    });
    expect(list.rows.find((row) => row.state === "ACCEPTED")).toMatchObject({ canResend: false, canRevoke: false });
  });

  it("filters by state (expired included), by meeting and by a search over invitee, inviter and municipality", async () => {
    const now = new Date();
    const emails = async (values: Record<string, string>) =>
      (await listInvitations(db, { ...filters(values), now })).rows.map((row) => row.invitee.email).sort();
    expect(await emails({ state: "EXPIRED" })).toEqual(["scade@coop.example.it"]);
    expect(await emails({ state: "SENT" })).toEqual(["aperto@coop.example.it"]);
    expect(await emails({ q: "castelbuono", state: "ACCEPTED" })).toEqual(["accetta@coop.example.it"]);
    expect(await emails({ q: "BIANCHI" })).toHaveLength(5);
    expect(await emails({ q: "declina@" })).toEqual(["declina@coop.example.it"]);
    expect(await emails({ meeting: "00000000-0000-4000-8000-000000000000" })).toEqual([]);
    // Malformed filters are ignored, never an error.
    expect(parseInvitationFilters({ state: "BOH", meeting: "x", page: "-3", q: ["  ", "y"] })).toEqual({ page: 1 });
  });
});

describe("resending an invitation", () => {
  it("replaces the link: the old one stops working, the new one works, with a new email and an audit entry", async () => {
    const row = await invitation("aperto@coop.example.it");
    const { id: oldEmail, token: oldToken } = await latestEmail(row.email);
    expect(await resendInvitation(db, { actor: coordinator, invitationId: row.id })).toEqual({ ok: true, meetingId: meeting.id });

    const { id: newEmail, token: newToken } = await latestEmail(row.email);
    expect(newToken).not.toBe(oldToken);
    expect(await getInvitationByToken(db, { token: oldToken, now: new Date() })).toBeNull();
    expect(await declineInvitation(db, { token: oldToken })).toEqual({ ok: false, reason: "LINK_INVALID" });
    expect((await getInvitationByToken(db, { token: newToken, now: new Date() }))?.state).toBe("open");
    expect(await db.emailMessage.count({ where: { invitationId: row.id, template: "invitation" } })).toBe(2);
    // The first email, not sent yet, carried the dead link: it never leaves.
    expect(await emailStatusById(row.id)).toEqual(
      new Map([
        [oldEmail, { status: "CANCELLED", lastError: CANCELLED_RESENT }],
        [newEmail, { status: "PENDING", lastError: null }],
      ]),
    );
    expect(JSON.stringify((await db.emailMessage.findUniqueOrThrow({ where: { id: oldEmail } })).data)).not.toContain(oldToken);

    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "invitation.resend", entityId: row.id } });
    expect(audit).toMatchObject({ actorId: coordinator.id, entityType: "Invitation", data: { before: { status: "SENT" }, after: { status: "SENT" } } });
    expect(JSON.stringify(audit.data)).not.toContain(newToken);
  });

  it("reinstates an expired or revoked invitation until the meeting ends", async () => {
    for (const email of ["scade@coop.example.it", "revoca@coop.example.it"]) {
      const row = await invitation(email);
      expect(await resendInvitation(db, { actor: coordinator, invitationId: row.id })).toMatchObject({ ok: true });
      expect(await invitation(email)).toMatchObject({ status: "SENT", tokenExpiresAt: meeting.endsAt });
      expect((await getInvitationByToken(db, { token: await latestToken(email), now: new Date() }))?.state).toBe("open");
    }
  });

  it("leaves an answered invitation alone, and refuses once registrations are closed", async () => {
    const accepted = await invitation("accetta@coop.example.it");
    const emails = await db.emailMessage.count();
    expect(await resendInvitation(db, { actor: coordinator, invitationId: accepted.id })).toEqual({ ok: false, reason: "ALREADY_ANSWERED" });
    const row = await invitation("aperto@coop.example.it");
    expect(await resendInvitation(db, { actor: coordinator, invitationId: row.id, now: meeting.startsAt })).toEqual({
      ok: false,
      reason: "REGISTRATION_CLOSED",
    });
    expect(await resendInvitation(db, { actor: coordinator, invitationId: "00000000-0000-4000-8000-000000000000" })).toEqual({
      ok: false,
      reason: "NOT_FOUND",
    });
    expect(await db.emailMessage.count()).toBe(emails);
  });
});

describe("revoking an invitation", () => {
  it("makes its link unusable at once, with an audit entry; revoking again or an answered one is refused", async () => {
    const row = await invitation("aperto@coop.example.it");
    const { id: email, token } = await latestEmail(row.email);
    expect(await revokeInvitation(db, { actor: coordinator, invitationId: row.id })).toEqual({ ok: true, meetingId: meeting.id });

    // No email of it waits any more: the one with the current link is withdrawn with the reason.
    expect((await emailStatusById(row.id)).get(email)).toEqual({ status: "CANCELLED", lastError: CANCELLED_REVOKED });
    expect(await db.emailMessage.count({ where: { invitationId: row.id, status: { in: ["PENDING", "SENDING"] } } })).toBe(0);
    expect(await getInvitationByToken(db, { token, now: new Date() })).toBeNull();
    expect(await acceptInvitation(db, { token, ...registrationInput() })).toEqual({ ok: false, reason: "LINK_INVALID" });
    expect(await declineInvitation(db, { token })).toEqual({ ok: false, reason: "LINK_INVALID" });
    expect(await db.auditEntry.findFirst({ where: { action: "invitation.revoke", entityId: row.id } })).toMatchObject({
      actorId: coordinator.id,
      data: { before: { status: "SENT" }, after: { status: "REVOKED" } },
    });

    expect(await revokeInvitation(db, { actor: coordinator, invitationId: row.id })).toEqual({ ok: false, reason: "ALREADY_REVOKED" });
    const declined = await invitation("declina@coop.example.it");
    expect(await revokeInvitation(db, { actor: coordinator, invitationId: declined.id })).toEqual({ ok: false, reason: "ALREADY_ANSWERED" });
  });
});

describe("inviting on behalf of a registrant", () => {
  it("sends the usual invitation in the registrant's name, with the coordinator in the audit log", async () => {
    const input = { meetingId: meeting.id, registrationId: inviter.registrationId, nominee: gestore("nuovo@coop.example.it", "Associazione Nuova") };
    const result = await inviteOnBehalf(db, { actor: coordinator, ...input });
    if (!result.ok) throw new Error(result.reason);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: result.invitationId } })).toMatchObject({
      status: "SENT",
      invitedByRegistrationId: inviter.registrationId,
      managingBodyName: "Associazione Nuova",
    });
    const message = await db.emailMessage.findFirstOrThrow({ where: { invitationId: result.invitationId } });
    expect(message.data).toMatchObject({ inviterName: "Anna Bianchi", inviterOrganisation: "Comune di Castelbuono" });
    expect(await db.auditEntry.findFirst({ where: { action: "invitation.create-on-behalf", entityId: result.invitationId } })).toMatchObject({
      actorId: coordinator.id,
    });

    expect(await inviteOnBehalf(db, { actor: coordinator, ...input })).toEqual({ ok: false, reason: "ALREADY_INVITED" });
    const self = await db.registration.findUniqueOrThrow({ where: { id: inviter.registrationId }, include: { person: true } });
    expect(await inviteOnBehalf(db, { actor: coordinator, ...input, nominee: gestore(self.person.email) })).toEqual({ ok: false, reason: "SELF_INVITATION" });
    const elsewhere = await createMeeting(db);
    expect(await inviteOnBehalf(db, { actor: coordinator, ...input, meetingId: elsewhere.id, nominee: gestore("altro@coop.example.it") })).toEqual({
      ok: false,
      reason: "INVITER_NOT_FOUND",
    });
  });
});

describe("inviting directly from the dashboard", () => {
  it("sends an invitation from the Coordinamento's secretariat, for the municipality named, and it can be accepted", async () => {
    const trapani = await createMunicipalityIn(db, { name: "Valderice", province: "TP" });
    const nominee = gestore("diretto@coop.example.it", "Cooperativa Diretta");
    const result = await inviteOnBehalf(db, { actor: coordinator, meetingId: meeting.id, registrationId: null, municipalityId: trapani.id, nominee });
    if (!result.ok) throw new Error(result.reason);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: result.invitationId } })).toMatchObject({
      status: "SENT",
      invitedByRegistrationId: null,
      invitedByUserId: coordinator.id,
      municipalityId: trapani.id,
    });
    const message = await db.emailMessage.findFirstOrThrow({ where: { invitationId: result.invitationId } });
    expect(message.data).toMatchObject({
      inviterName: "Coordinatore (la segreteria del coordinamento)",
      inviterOrganisation: "ANCI Sicilia - segreteria del Coordinamento",
    });
    expect(await db.auditEntry.findFirst({ where: { action: "invitation.create-direct", entityId: result.invitationId } })).toMatchObject({
      actorId: coordinator.id,
      data: { after: { invitedByUserId: coordinator.id, municipalityId: trapani.id } },
    });

    // The dashboard lists it with the coordinator as inviter and the municipality named.
    const row = (await listInvitations(db, { ...filters({}), meeting: meeting.id })).rows.find((r) => r.id === result.invitationId);
    expect(row).toMatchObject({
      inviter: { name: "Coordinatore (la segreteria del coordinamento)", email: coordinator.email, direct: true },
      municipality: { name: "Valderice", province: "TP" },
    });

    // The invitee opens and accepts it like any other.
    const token = await latestToken(nominee.email);
    expect(await getInvitationByToken(db, { token, now: new Date() })).toMatchObject({
      state: "open",
      inviter: { organisation: "ANCI Sicilia - segreteria del Coordinamento" },
    });
    const accepted = await acceptInvitation(db, { token, ...registrationInput({ email: nominee.email }) });
    expect(accepted.ok).toBe(true);
    expect(await invitation(nominee.email)).toMatchObject({ status: "ACCEPTED" });

    // Once per meeting and address, and only for a municipality that exists.
    expect(await inviteOnBehalf(db, { actor: coordinator, meetingId: meeting.id, registrationId: null, nominee })).toEqual({
      ok: false,
      reason: "ALREADY_INVITED",
    });
    expect(
      await inviteOnBehalf(db, {
        actor: coordinator,
        meetingId: meeting.id,
        registrationId: null,
        municipalityId: "00000000-0000-4000-8000-000000000000",
        nominee: gestore("altro.diretto@coop.example.it"),
      }),
    ).toEqual({ ok: false, reason: "MUNICIPALITY_NOT_FOUND" });
  });
});

describe("the dashboard actions", () => {
  it("resend and revoke answer a coordinator in Italian and refuse bad ids without an error", async () => {
    const { resendInvitationAction, revokeInvitationAction, inviteOnBehalfAction } = await import("./actions");
    session.user = coordinator;
    const row = await invitation("scade@coop.example.it");
    expect(await revokeInvitationAction(row.id, IDLE, new FormData())).toMatchObject({ status: "success", message: expect.stringContaining("revocato") });
    expect(await resendInvitationAction(row.id, IDLE, new FormData())).toMatchObject({ status: "success", message: expect.stringContaining("nuovo link") });
    expect(await resendInvitationAction("junk", IDLE, new FormData())).toMatchObject({ status: "error", formError: expect.stringContaining("non trovato") });

    const form = new FormData();
    form.set("registrationId", inviter.registrationId);
    form.set("firstName", "Sara");
    form.set("lastName", "Blu");
    form.set("email", "non-una-email");
    form.set("managingBodyName", "Cooperativa Esempio");
    const refused = await inviteOnBehalfAction(meeting.id, IDLE, form);
    expect(refused).toMatchObject({ status: "error", fieldErrors: { email: expect.stringContaining("email valido") }, values: { firstName: "Sara" } });
    form.set("email", "Sara.Blu@Coop.Example.it");
    expect(await inviteOnBehalfAction(meeting.id, IDLE, form)).toMatchObject({ status: "success", values: { email: "" } });
    expect(await db.invitation.count({ where: { email: "sara.blu@coop.example.it" } })).toBe(1);
    session.user = null;
  });
});
