import { expect, test } from "vitest";
import { createTestDatabase } from "../test/database";
import { createMeeting, createMunicipalityIn, createReferent } from "../test/factories";
import { getAudienceSummary, getDispatchPreview } from "./queries";

const { db } = await createTestDatabase();

// Two SAI Comuni (one without PEC), one Comune outside SAI; referents, one revoked; a person who consented.
const monreale = await db.municipality.update({
  where: { id: (await createMunicipalityIn(db, { name: "Monreale" })).id },
  data: { pec: "protocollo@pec.comune.monreale.pa.it" },
});
await createMunicipalityIn(db, { name: "Erice", province: "TP" });
const cefalu = await db.municipality.update({
  where: { id: (await createMunicipalityIn(db, { name: "Cefalù", saiMember: false })).id },
  data: { pec: "protocollo@pec.comune.cefalu.pa.it" },
});
const rosa = await createReferent(db, monreale.id, { email: "rosa.rossi@comune.monreale.pa.it" });
await createReferent(db, cefalu.id, { email: "ex.referente@comune.cefalu.pa.it", status: "REVOKED" });
await db.person.update({ where: { id: rosa.personId }, data: { communicationsConsent: true, communicationsConsentAt: new Date() } });
await db.person.create({
  data: { email: "mario.bianchi@example.it", firstName: "Mario", lastName: "Bianchi", communicationsConsent: true, communicationsConsentAt: new Date() },
});
await db.person.create({
  data: { email: "erased@example.it", firstName: "—", lastName: "—", communicationsConsent: true, erasedAt: new Date() },
});
const meeting = await createMeeting(db);

test("one count per audience and the total without the addresses they share", async () => {
  const summary = await getAudienceSummary(db, { meetingId: meeting.id, audiences: ["SAI_PEC", "ALL_PEC", "REFERENTS", "CONSENTED"] });
  expect(summary.perAudience).toEqual({ SAI_PEC: 1, ALL_PEC: 2, REFERENTS: 1, CONSENTED: 2 });
  expect(summary.recipients.map((recipient) => recipient.address).sort()).toEqual([
    "mario.bianchi@example.it",
    "protocollo@pec.comune.cefalu.pa.it",
    "protocollo@pec.comune.monreale.pa.it",
    "rosa.rossi@comune.monreale.pa.it",
  ]);
  expect(summary.saiWithoutPec).toBe(1);
  expect(summary.alreadyReached).toBe(0);
  const rosaRecipient = summary.recipients.find((recipient) => recipient.address === "rosa.rossi@comune.monreale.pa.it");
  expect(rosaRecipient).toMatchObject({ channel: "EMAIL", municipalityName: "Monreale", audiences: ["REFERENTS", "CONSENTED"] });
});

test("an active referent only, a revoked one and an erased person never", async () => {
  const summary = await getAudienceSummary(db, { meetingId: meeting.id, audiences: ["REFERENTS"] });
  expect(summary.recipients.map((recipient) => recipient.address)).toEqual(["rosa.rossi@comune.monreale.pa.it"]);
  const consented = await getAudienceSummary(db, { meetingId: meeting.id, audiences: ["CONSENTED"] });
  expect(consented.recipients.map((recipient) => recipient.address)).not.toContain("erased@example.it");
});

test("an address the meeting's convocation already reached is counted as reached", async () => {
  const message = await db.emailMessage.create({
    data: { template: "meeting-message", toEmail: monreale.pec!, data: {}, channel: "PEC", status: "SENT" },
  });
  const dispatch = await db.dispatch.create({ data: { meetingId: meeting.id, audiences: ["SAI_PEC"], letterPdf: Buffer.from("%PDF"), sheetPdf: Buffer.from("%PDF") } });
  await db.dispatchRecipient.create({
    data: { dispatchId: dispatch.id, meetingId: meeting.id, channel: "PEC", address: monreale.pec!, municipalityId: monreale.id, emailMessageId: message.id },
  });
  const summary = await getAudienceSummary(db, { meetingId: meeting.id, audiences: ["SAI_PEC", "REFERENTS"] });
  expect(summary.recipients).toHaveLength(2);
  expect(summary.alreadyReached).toBe(1);
  const other = await createMeeting(db);
  expect((await getAudienceSummary(db, { meetingId: other.id, audiences: ["SAI_PEC"] })).alreadyReached).toBe(0);
});

test("the dispatch page's preview: every audience and the chosen ones, as their own summaries would say", async () => {
  const all = ["SAI_PEC", "ALL_PEC", "REFERENTS", "CONSENTED"] as const;
  const preview = await getDispatchPreview(db, { meetingId: meeting.id, chosen: ["SAI_PEC", "REFERENTS"] });
  expect(preview.all).toEqual(await getAudienceSummary(db, { meetingId: meeting.id, audiences: all }));
  expect(preview.chosen).toEqual(await getAudienceSummary(db, { meetingId: meeting.id, audiences: ["SAI_PEC", "REFERENTS"] }));
  expect((await getDispatchPreview(db, { meetingId: meeting.id, chosen: [] })).chosen).toBeNull();
});
