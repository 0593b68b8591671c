// "Invia convocazione" against real PostgreSQL: what it refuses, what one
// dispatch writes (Dispatch, messages, recipients, jobs, the audit entry),
// what a second one adds, and what the worker attaches.
import { expect, test } from "vitest";
import { renderStoredEmail } from "../email/render";
import { pdfPagesText } from "../platform/pdf/testing";
import { createTestDatabase } from "../test/database";
import { createMeeting, createMunicipalityIn, createReferent, createUser } from "../test/factories";
import { dispatchAttachmentsOf } from "./attachments";
import { sendConvocation, sendConvocationToMunicipalityPec } from "./mutations";
import { getAudienceSummary, getDispatchProgress, getDispatchReport, getDispatchSummary } from "./queries";

const { db } = await createTestDatabase();
const actor = await createUser(db);

async function comune(name: string, pec: string | null, saiMember = true) {
  const created = await createMunicipalityIn(db, { name, saiMember });
  return db.municipality.update({ where: { id: created.id }, data: { pec } });
}

const monreale = await comune("Monreale", "protocollo@pec.comune.monreale.pa.it");
const erice = await comune("Erice", "Protocollo@PEC.comune.erice.tp.it ");
await comune("Cefalù", "protocollo@pec.comune.cefalu.pa.it", false);
const rosa = { ...(await createReferent(db, monreale.id, { email: "rosa.rossi@comune.monreale.pa.it" })), email: "rosa.rossi@comune.monreale.pa.it" };
const consenting = await db.person.create({
  data: { email: "mario.bianchi@example.it", firstName: "Mario", lastName: "Bianchi", communicationsConsent: true, communicationsConsentAt: new Date() },
});
// A referent who also consented is convened as a referent: no unsubscribe link.
await db.person.update({ where: { id: rosa.personId }, data: { communicationsConsent: true, communicationsConsentAt: new Date() } });

const ALL = ["SAI_PEC", "REFERENTS", "CONSENTED"] as const;

async function toSend(meetingId: string, audiences: readonly ("SAI_PEC" | "ALL_PEC" | "REFERENTS" | "CONSENTED")[] = ALL) {
  return (await getAudienceSummary(db, { meetingId, audiences })).toSend.length;
}

test("a draft, a meeting that has ended, no audience and a stale count send nothing", async () => {
  const draft = await createMeeting(db, { status: "DRAFT" });
  const past = await createMeeting(db, {}, new Date(Date.now() - 30 * 24 * 3600 * 1000));
  const published = await createMeeting(db);
  const send = (meetingId: string, audiences: readonly ("SAI_PEC" | "REFERENTS" | "CONSENTED")[], expected: number) =>
    sendConvocation(db, { actor, meetingId, audiences, expected });
  expect(await send(draft.id, ALL, 4)).toEqual({ ok: false, reason: "NOT_PUBLISHED" });
  expect(await send(past.id, ALL, 4)).toEqual({ ok: false, reason: "MEETING_OVER" });
  expect(await send(published.id, [], 0)).toEqual({ ok: false, reason: "NO_AUDIENCE" });
  expect(await send(published.id, ALL, 3)).toEqual({ ok: false, reason: "COUNT_CHANGED", recipients: 4 });
  expect(await send("00000000-0000-4000-8000-000000000000", ALL, 4)).toEqual({ ok: false, reason: "MEETING_NOT_FOUND" });
  expect(await db.dispatch.count()).toBe(0);
  expect(await db.emailMessage.count({ where: { template: "convocation" } })).toBe(0);
});

test("one dispatch: each address once, PEC to the Comuni and email to the people, with its jobs and the audit entry", async () => {
  const meeting = await createMeeting(db, { protocolNumber: "0227/15/03/22", subject: "**CONVOCAZIONE** Tavolo tecnico" });
  const result = await sendConvocation(db, { actor, meetingId: meeting.id, audiences: ALL, expected: await toSend(meeting.id) });
  expect(result).toMatchObject({ ok: true, sent: { pec: 2, email: 2 }, alreadyReached: 0 });

  const recipients = await db.dispatchRecipient.findMany({ where: { meetingId: meeting.id }, include: { emailMessage: true }, orderBy: { address: "asc" } });
  expect(recipients.map((recipient) => [recipient.channel, recipient.address])).toEqual([
    ["EMAIL", "mario.bianchi@example.it"],
    ["PEC", "protocollo@pec.comune.erice.tp.it"],
    ["PEC", "protocollo@pec.comune.monreale.pa.it"],
    ["EMAIL", "rosa.rossi@comune.monreale.pa.it"],
  ]);
  for (const recipient of recipients) {
    expect(recipient.emailMessage).toMatchObject({ template: "convocation", channel: recipient.channel, toEmail: recipient.address, status: "PENDING", meetingId: meeting.id });
    expect(recipient.emailMessage.dedupeKey).toBe(`dispatch:${meeting.id}:${recipient.address}`);
  }
  expect(recipients.find((recipient) => recipient.channel === "PEC" && recipient.municipalityId === erice.id)).toBeTruthy();
  expect(recipients.find((recipient) => recipient.address === rosa.email)?.personId).toBe(rosa.personId);

  const jobs = await db.$queryRaw<{ messageId: string }[]>`SELECT data->>'messageId' AS "messageId" FROM pgboss.job WHERE name = 'email.deliver'`;
  const jobIds = new Set(jobs.map((job) => job.messageId));
  expect(recipients.every((recipient) => jobIds.has(recipient.emailMessageId))).toBe(true);

  // Only who is reached because they consented gets the way out.
  const data = (address: string) => recipients.find((recipient) => recipient.address === address)!.emailMessage.data as Record<string, unknown>;
  expect(data(consenting.email).unsubscribeUrl).toMatch(/\/comunicazioni\/disiscrizione\//);
  expect(data(rosa.email).unsubscribeUrl).toBeNull();
  const toConsenting = await renderStoredEmail("convocation", data(consenting.email));
  expect(toConsenting.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  expect(toConsenting.text).toContain("Non ricevere più");
  expect((await renderStoredEmail("convocation", data(rosa.email))).headers).toBeUndefined();
  expect(data(monreale.pec!)).toMatchObject({ addressee: "Al Comune di Monreale", protocol: "Prot. n. 0227/15/03/22", subject: "CONVOCAZIONE Tavolo tecnico" });

  const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "meeting.convocation-dispatch", entityId: meeting.id } });
  expect(audit.data).toMatchObject({ details: { audiences: ALL, byPec: 2, byEmail: 2, alreadyReached: 0 } });

  expect(await getDispatchProgress(db, meeting.id)).toEqual({ pending: 4, sent: 0, failed: 0, total: 4 });
  expect(await getDispatchSummary(db, meeting.id)).toMatchObject({ municipalitiesByPec: 2, referents: 1, others: 1 });
});

test("the email is the Oggetto, the button and, from the worker, the frozen letter and the blank scheda", async () => {
  const meeting = await createMeeting(db, { subject: "Convocazione del **Tavolo tecnico** di marzo", body: "Testo **originale**." });
  await sendConvocation(db, { actor, meetingId: meeting.id, audiences: ["SAI_PEC"], expected: await toSend(meeting.id, ["SAI_PEC"]) });
  // Changed after sending: what went out stays as it was.
  await db.meeting.update({ where: { id: meeting.id }, data: { body: "Testo cambiato dopo l'invio." } });
  const recipient = await db.dispatchRecipient.findFirstOrThrow({ where: { meetingId: meeting.id }, include: { emailMessage: true } });
  const rendered = await renderStoredEmail("convocation", recipient.emailMessage.data);
  expect(rendered.subject).toBe("Convocazione del Tavolo tecnico di marzo");
  expect(rendered.text).toContain("Iscriviti all'incontro");
  expect(rendered.headers).toBeUndefined();

  const attachments = await dispatchAttachmentsOf(db, recipient.emailMessageId);
  expect(attachments?.map((attachment) => [attachment.filename, attachment.contentType, attachment.encoding])).toEqual([
    [`convocazione-${meeting.slug}.pdf`, "application/pdf", "base64"],
    ["scheda-referenti.pdf", "application/pdf", "base64"],
  ]);
  const letter = (await pdfPagesText(new Uint8Array(Buffer.from(attachments![0].content, "base64")))).join("\n");
  expect(letter).toMatch(/Testo\s+originale\s*\./);
  expect(letter).not.toContain("cambiato");
  expect(await dispatchAttachmentsOf(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
});

test("sending again reaches only who was not reached: a referent approved since, never anyone twice", async () => {
  const meeting = await createMeeting(db);
  await sendConvocation(db, { actor, meetingId: meeting.id, audiences: ALL, expected: await toSend(meeting.id) });
  expect(await toSend(meeting.id)).toBe(0);
  expect(await sendConvocation(db, { actor, meetingId: meeting.id, audiences: ALL, expected: 0 })).toMatchObject({ ok: true, dispatchId: null, alreadyReached: 4 });

  const later = await createReferent(db, erice.id, { email: "nuovo.referente@comune.erice.tp.it" });
  const again = await sendConvocation(db, { actor, meetingId: meeting.id, audiences: ALL, expected: 1 });
  expect(again).toMatchObject({ ok: true, sent: { pec: 0, email: 1 }, alreadyReached: 4 });
  const messages = await db.emailMessage.findMany({ where: { meetingId: meeting.id, template: "convocation" }, select: { toEmail: true } });
  expect(messages).toHaveLength(5);
  expect(new Set(messages.map((message) => message.toEmail)).size).toBe(5);
  expect(await db.dispatch.count({ where: { meetingId: meeting.id } })).toBe(2);
  await db.referent.update({ where: { id: later.id }, data: { status: "REVOKED" } });
});

test("two coordinators pressing together: one dispatch, the other finds the count changed", async () => {
  const meeting = await createMeeting(db);
  const expected = await toSend(meeting.id);
  const results = await Promise.all([
    sendConvocation(db, { actor, meetingId: meeting.id, audiences: ALL, expected }),
    sendConvocation(db, { actor, meetingId: meeting.id, audiences: ALL, expected }),
  ]);
  expect(results.filter((result) => result.ok)).toHaveLength(1);
  expect(results.find((result) => !result.ok)).toEqual({ ok: false, reason: "COUNT_CHANGED", recipients: 0 });
  expect(await db.dispatchRecipient.count({ where: { meetingId: meeting.id } })).toBe(expected);
});

test("the report, by Comune: a PEC's mancata consegna is not reached, an avvenuta consegna is", async () => {
  const meeting = await createMeeting(db);
  await sendConvocation(db, { actor, meetingId: meeting.id, audiences: ["SAI_PEC", "REFERENTS"], expected: await toSend(meeting.id, ["SAI_PEC", "REFERENTS"]) });
  const messageOf = async (address: string) => (await db.dispatchRecipient.findFirstOrThrow({ where: { meetingId: meeting.id, address } })).emailMessageId;
  await db.emailMessage.update({ where: { id: await messageOf(monreale.pec!) }, data: { status: "SENT", deliveryState: "DELIVERED", deliveredAt: new Date() } });
  await db.emailMessage.update({ where: { id: await messageOf(erice.pec!.trim().toLowerCase()) }, data: { status: "SENT", deliveryState: "BOUNCED" } });
  await db.emailMessage.update({ where: { id: await messageOf(rosa.email) }, data: { status: "SENT" } });

  const report = await getDispatchReport(db, meeting.id);
  expect(report.map((group) => [group.name, group.outcome])).toEqual([
    ["Erice", "NOT_REACHED"],
    ["Monreale", "REACHED"],
  ]);
  const monrealeGroup = report.find((group) => group.name === "Monreale")!;
  expect(monrealeGroup.recipients.map((recipient) => [recipient.channel, recipient.outcome])).toEqual([
    ["PEC", "REACHED"],
    ["EMAIL", "SENT"],
  ]);
});

test("a Comune whose referents' emails all bounced, and whose PEC was not written to, is offered its PEC", async () => {
  const meeting = await createMeeting(db);
  await sendConvocation(db, { actor, meetingId: meeting.id, audiences: ["REFERENTS"], expected: await toSend(meeting.id, ["REFERENTS"]) });
  await db.emailMessage.updateMany({ where: { meetingId: meeting.id, toEmail: rosa.email }, data: { status: "SENT", deliveryState: "BOUNCED" } });
  const [group] = await getDispatchReport(db, meeting.id);
  expect(group).toMatchObject({ name: "Monreale", outcome: "NOT_REACHED", offerPec: true, pec: monreale.pec });

  const viaPec = await sendConvocationToMunicipalityPec(db, { actor, meetingId: meeting.id, municipalityId: monreale.id });
  expect(viaPec).toEqual({ ok: true, address: monreale.pec });
  expect(await sendConvocationToMunicipalityPec(db, { actor, meetingId: meeting.id, municipalityId: monreale.id })).toEqual({ ok: false, reason: "ALREADY_REACHED" });
  const noPec = await comune("Ustica", null);
  expect(await sendConvocationToMunicipalityPec(db, { actor, meetingId: meeting.id, municipalityId: noPec.id })).toEqual({ ok: false, reason: "NO_PEC" });
  const [after] = await getDispatchReport(db, meeting.id);
  expect(after.recipients.map((recipient) => recipient.channel)).toEqual(["PEC", "EMAIL"]);
  expect(after.offerPec).toBe(false);
  const message = await db.emailMessage.findFirstOrThrow({ where: { meetingId: meeting.id, toEmail: monreale.pec!, template: "convocation" } });
  expect(message).toMatchObject({ channel: "PEC", dedupeKey: `dispatch:${meeting.id}:${monreale.pec}` });
});
