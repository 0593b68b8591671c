import { describe, expect, it } from "vitest";
import { pdfPagesText } from "@/lib/platform/pdf/testing";
import { createTestDatabase } from "@/lib/test/database";
import { createRegistrationRecord, createMeeting, createUser } from "@/lib/test/factories";
import { CERTIFICATE_CODE_PATTERN, canonicalCertificateCode, generateCertificateCode, hashCertificateCode } from "./code";
import { certificateEligibility } from "./eligibility";
import { CANCELLED_REPLACED, CANCELLED_REVOKED, issueCertificates, reissueCertificate, revokeCertificate, updateCertificateThreshold } from "./mutations";
import { buildCertificatePdf } from "./pdf";
import { getCertificatesOverview, verifyCertificateCode } from "./queries";

const { db } = await createTestDatabase();
const coordinator = await createUser(db, "COORDINATOR");
const HOUR = 3600_000;

/** A meeting that ended an hour ago, 2 hours long, threshold 60. */
function pastMeeting(overrides: Parameters<typeof createMeeting>[1] = {}) {
  const startsAt = new Date(Date.now() - 3 * HOUR);
  return createMeeting(db, { startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR), registrationOpensAt: new Date(Date.now() - 48 * HOUR), ...overrides });
}

/** The code an email carries, read back from its data (the only place it exists). */
async function emailedCode(registrationId: string): Promise<string[]> {
  const emails = await db.emailMessage.findMany({ where: { registrationId, template: "certificate" }, orderBy: { createdAt: "asc" } });
  return emails.map((email) => (email.data as { code: string }).code);
}

describe("certificate codes", () => {
  it("are 20 Crockford base32 characters in groups of four, different each time, hashed in canonical form", () => {
    const codes = new Set(Array.from({ length: 200 }, generateCertificateCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(CERTIFICATE_CODE_PATTERN);
    const code = [...codes][0];
    expect(hashCertificateCode(code.toLowerCase().replaceAll("-", " "))).toBe(hashCertificateCode(code));
    expect(hashCertificateCode(code)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("forgive O for 0 and I/L for 1, refuse anything else", () => {
    expect(canonicalCertificateCode("OIL0-0000-0000-0000-0000")).toBe("01100000000000000000");
    for (const bad of ["", "K7QF", "K7QF-2M9X-4HNC-8RTA-ZP3U", "../../etc", "x".repeat(500), "K7QF-2M9X-4HNC-8RTA-ZP3W-1"]) {
      expect(canonicalCertificateCode(bad)).toBeNull();
    }
  });
});

describe("certificateEligibility", () => {
  const context = { threshold: 60, meetingMinutes: 120, meetingHasMinutes: true };
  it("takes exactly the threshold, refuses a minute less", () => {
    expect(certificateEligibility({ status: "PRESENT", minutes: 60 }, context)).toEqual({ eligible: true, minutes: 60, wholeMeeting: false });
    expect(certificateEligibility({ status: "PRESENT", minutes: 59 }, context)).toEqual({ eligible: false, reason: "BELOW_THRESHOLD", minutes: 59 });
  });
  it("refuses the absent and the unrecorded", () => {
    expect(certificateEligibility({ status: "ABSENT", minutes: null }, context)).toMatchObject({ eligible: false, reason: "ABSENT" });
    expect(certificateEligibility(null, context)).toMatchObject({ eligible: false, reason: "NOT_RECORDED" });
  });
  it("credits the whole meeting to a present person without minutes only when nobody has minutes", () => {
    expect(certificateEligibility({ status: "PRESENT", minutes: null }, context)).toMatchObject({ eligible: false, reason: "MINUTES_MISSING" });
    expect(certificateEligibility({ status: "PRESENT", minutes: null }, { ...context, meetingHasMinutes: false })).toEqual({ eligible: true, minutes: 120, wholeMeeting: true });
    expect(certificateEligibility({ status: "PRESENT", minutes: null }, { threshold: 180, meetingMinutes: 120, meetingHasMinutes: false })).toMatchObject({ eligible: false, reason: "BELOW_THRESHOLD" });
  });
});

describe("issuing certificates", () => {
  it("issues in bulk to the eligible only (threshold inclusive), stores only the hash, and emails each code once", async () => {
    const meeting = await pastMeeting();
    const exactly = await createRegistrationRecord(db, meeting.id, { firstName: "Esatta", lastName: "Soglia", attendance: { status: "PRESENT", minutes: 60 } });
    const long = await createRegistrationRecord(db, meeting.id, { firstName: "Lunga", lastName: "Presenza", attendance: { status: "PRESENT", minutes: 115 } });
    const short = await createRegistrationRecord(db, meeting.id, { firstName: "Breve", lastName: "Presenza", attendance: { status: "PRESENT", minutes: 59 } });
    const absent = await createRegistrationRecord(db, meeting.id, { firstName: "Non", lastName: "Venuto", attendance: { status: "ABSENT" } });
    const waiting = await createRegistrationRecord(db, meeting.id, { status: "WAITLISTED", attendance: { status: "PRESENT", minutes: 100 } });

    const result = await issueCertificates(db, { actor: coordinator, meetingId: meeting.id });
    expect(result).toEqual({ ok: true, issued: expect.arrayContaining([exactly.id, long.id]), skipped: [] });
    expect(result.ok && result.issued).toHaveLength(2);

    for (const id of [short.id, absent.id, waiting.id]) expect(await db.certificate.count({ where: { registrationId: id } })).toBe(0);
    const certificate = await db.certificate.findUniqueOrThrow({ where: { registrationId: exactly.id } });
    const [code] = await emailedCode(exactly.id);
    expect(code).toMatch(CERTIFICATE_CODE_PATTERN);
    expect(certificate.codeHash).toBe(hashCertificateCode(code));
    expect(JSON.stringify(certificate)).not.toContain(code.replaceAll("-", ""));
    expect(certificate.minutes).toBe(60);
    const email = await db.emailMessage.findFirstOrThrow({ where: { registrationId: exactly.id, template: "certificate" } });
    expect(email.dedupeKey).toBe(`certificate:${certificate.id}`);
    expect(email.data).toMatchObject({ downloadUrl: expect.stringContaining(`/attestati/${code}/attestato.pdf`), verifyUrl: expect.stringMatching(new RegExp(`/attestati/${code}$`)) });
    const audit = await db.auditEntry.findMany({ where: { action: "certificate.issue", entityId: exactly.id } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].data)).not.toContain(certificate.codeHash);

    // Pressing again issues nothing new and sends nothing more.
    const again = await issueCertificates(db, { actor: coordinator, meetingId: meeting.id });
    expect(again).toEqual({ ok: true, issued: [], skipped: [] });
    expect(await db.emailMessage.count({ where: { meetingId: meeting.id, template: "certificate" } })).toBe(2);

    const overview = await getCertificatesOverview(db, meeting.id);
    const reasons = Object.fromEntries(overview!.rows.map((row) => [row.firstName, row.eligibility.eligible ? "OK" : row.eligibility.reason]));
    expect(reasons).toEqual({ Esatta: "OK", Lunga: "OK", Breve: "BELOW_THRESHOLD", Non: "ABSENT" });
  });

  it("two coordinators issuing together issue each certificate once", async () => {
    const meeting = await pastMeeting();
    for (let i = 0; i < 5; i += 1) await createRegistrationRecord(db, meeting.id, { attendance: { status: "PRESENT", minutes: 90 } });
    const results = await Promise.all([1, 2, 3].map(() => issueCertificates(db, { actor: coordinator, meetingId: meeting.id })));
    const issued = results.flatMap((result) => (result.ok ? result.issued : []));
    expect(issued).toHaveLength(5);
    expect(await db.emailMessage.count({ where: { meetingId: meeting.id, template: "certificate" } })).toBe(5);
  });

  it("refuses a meeting not over yet, a cancelled one, and one by one skips the ineligible with the reason", async () => {
    const future = await createMeeting(db);
    expect(await issueCertificates(db, { actor: coordinator, meetingId: future.id })).toEqual({ ok: false, reason: "MEETING_NOT_OVER" });
    const cancelled = await pastMeeting({ status: "CANCELLED" });
    expect(await issueCertificates(db, { actor: coordinator, meetingId: cancelled.id })).toEqual({ ok: false, reason: "MEETING_CANCELLED" });
    const meeting = await pastMeeting();
    const short = await createRegistrationRecord(db, meeting.id, { attendance: { status: "PRESENT", minutes: 10 } });
    expect(await issueCertificates(db, { actor: coordinator, meetingId: meeting.id, registrationIds: [short.id] })).toEqual({
      ok: true,
      issued: [],
      skipped: [{ id: short.id, reason: "NOT_ELIGIBLE" }],
    });
  });

  it("credits the whole meeting to those present without minutes when nobody has minutes", async () => {
    const meeting = await pastMeeting();
    const checkedIn = await createRegistrationRecord(db, meeting.id, { attendance: { status: "PRESENT", minutes: null, method: "CHECK_IN" } });
    const result = await issueCertificates(db, { actor: coordinator, meetingId: meeting.id });
    expect(result).toMatchObject({ ok: true, issued: [checkedIn.id] });
    expect((await db.certificate.findUniqueOrThrow({ where: { registrationId: checkedIn.id } })).minutes).toBe(120);
  });
});

describe("threshold, re-sending, revoking and verifying", () => {
  it("changes the threshold with an audit entry, and exactly the new threshold is eligible", async () => {
    const meeting = await pastMeeting();
    const person = await createRegistrationRecord(db, meeting.id, { attendance: { status: "PRESENT", minutes: 45 } });
    expect(await updateCertificateThreshold(db, { actor: coordinator, meetingId: meeting.id, minutes: 45 })).toEqual({ ok: true, changed: true });
    expect(await updateCertificateThreshold(db, { actor: coordinator, meetingId: meeting.id, minutes: 45 })).toEqual({ ok: true, changed: false });
    const [entry] = await db.auditEntry.findMany({ where: { action: "meeting.certificate-threshold", entityId: meeting.id } });
    expect(entry.data).toMatchObject({ before: { certificateMinMinutes: 60 }, after: { certificateMinMinutes: 45 } });
    expect(await issueCertificates(db, { actor: coordinator, meetingId: meeting.id })).toMatchObject({ issued: [person.id] });
  });

  it("verifies a valid code with the name and meeting; a re-send gives a new code and the old one stops verifying; revoked is not valid", async () => {
    const meeting = await pastMeeting({ title: "Tavolo tecnico sulla co-progettazione" });
    const person = await createRegistrationRecord(db, meeting.id, { firstName: "Nicolò", lastName: "Sciortino", attendance: { status: "PRESENT", minutes: 90 } });
    await issueCertificates(db, { actor: coordinator, meetingId: meeting.id });
    const [first] = await emailedCode(person.id);
    const valid = await verifyCertificateCode(db, first.toLowerCase());
    expect(valid).toMatchObject({ valid: true, document: { firstName: "Nicolò", lastName: "Sciortino", minutes: 90, meeting: { title: "Tavolo tecnico sulla co-progettazione" } } });

    const certificate = await db.certificate.findUniqueOrThrow({ where: { registrationId: person.id } });
    const resent = await reissueCertificate(db, {
      actor: coordinator,
      meetingId: meeting.id,
      registrationId: person.id,
      version: certificate.updatedAt.toISOString(),
    });
    expect(resent).toEqual({ ok: true, certificateId: certificate.id });
    // The same button pressed twice: the second finds the attestato changed.
    expect(
      await reissueCertificate(db, { actor: coordinator, meetingId: meeting.id, registrationId: person.id, version: certificate.updatedAt.toISOString() }),
    ).toEqual({ ok: false, reason: "STALE" });
    const codes = await emailedCode(person.id);
    expect(codes).toHaveLength(2);
    expect(codes[1]).not.toBe(first);
    expect(await verifyCertificateCode(db, first)).toEqual({ valid: false, reason: "UNKNOWN" });
    expect(await verifyCertificateCode(db, codes[1])).toMatchObject({ valid: true });
    const second = await db.emailMessage.findFirstOrThrow({ where: { registrationId: person.id, template: "certificate" }, orderBy: { createdAt: "desc" } });
    expect(second.data).toMatchObject({ replacesPrevious: true });
    expect(await db.auditEntry.count({ where: { action: "certificate.reissue", entityId: person.id } })).toBe(1);

    expect(await revokeCertificate(db, { actor: coordinator, meetingId: meeting.id, registrationId: person.id })).toEqual({ ok: true });
    expect(await revokeCertificate(db, { actor: coordinator, meetingId: meeting.id, registrationId: person.id })).toEqual({
      ok: false,
      reason: "ALREADY_REVOKED",
    });
    expect(await verifyCertificateCode(db, codes[1])).toEqual({ valid: false, reason: "REVOKED" });
    expect(await db.auditEntry.count({ where: { action: "certificate.revoke", entityId: person.id } })).toBe(1);
  });

  it("withdraws an email not yet sent when its code is replaced or the attestato revoked; one already sent stays sent", async () => {
    const meeting = await pastMeeting();
    const person = await createRegistrationRecord(db, meeting.id, { attendance: { status: "PRESENT", minutes: 90 } });
    const emails = () =>
      db.emailMessage.findMany({ where: { registrationId: person.id, template: "certificate" }, orderBy: { createdAt: "asc" }, select: { status: true, lastError: true } });
    const reissue = async () => {
      const { updatedAt } = await db.certificate.findUniqueOrThrow({ where: { registrationId: person.id } });
      expect(
        await reissueCertificate(db, { actor: coordinator, meetingId: meeting.id, registrationId: person.id, version: updatedAt.toISOString() }),
      ).toMatchObject({ ok: true });
    };

    await issueCertificates(db, { actor: coordinator, meetingId: meeting.id });
    await db.emailMessage.updateMany({ where: { registrationId: person.id }, data: { status: "SENT" } });
    await reissue();
    await reissue();
    // The first left before; the second, still waiting with a code that no longer verifies, never will.
    expect(await emails()).toEqual([
      { status: "SENT", lastError: null },
      { status: "CANCELLED", lastError: CANCELLED_REPLACED },
      { status: "PENDING", lastError: null },
    ]);

    expect(await revokeCertificate(db, { actor: coordinator, meetingId: meeting.id, registrationId: person.id })).toEqual({ ok: true });
    expect((await emails()).map((email) => email.lastError)).toEqual([null, CANCELLED_REPLACED, CANCELLED_REVOKED]);
    expect((await emails()).every((email) => email.status !== "PENDING")).toBe(true);
  });

  it("answers malformed and unknown codes without throwing", async () => {
    for (const code of ["", "nonsense", "%%%", "A".repeat(1000), "K7QF-2M9X-4HNC-8RTA-ZP3W"]) {
      const result = await verifyCertificateCode(db, code);
      expect(result.valid).toBe(false);
    }
    expect(await verifyCertificateCode(db, "nonsense")).toEqual({ valid: false, reason: "MALFORMED" });
    expect(await verifyCertificateCode(db, generateCertificateCode())).toEqual({ valid: false, reason: "UNKNOWN" });
  });
});

describe("the certificate PDF", () => {
  it("says who took part in what, for how long, who organised it, the funding, the code and where to verify it", async () => {
    const meeting = await pastMeeting({ title: "Tavolo tecnico: città e accoglienza" });
    const person = await createRegistrationRecord(db, meeting.id, { firstName: "Nicolò", lastName: "D'Àngelo", attendance: { status: "PRESENT", minutes: 95 } });
    await issueCertificates(db, { actor: coordinator, meetingId: meeting.id });
    const [code] = await emailedCode(person.id);
    const verification = await verifyCertificateCode(db, code);
    if (!verification.valid) throw new Error("expected a valid certificate");
    const bytes = await buildCertificatePdf(verification.document, { code, verifyUrl: `http://localhost:3000/attestati/${code}` });
    const [page, ...rest] = await pdfPagesText(bytes);
    expect(rest).toEqual([]);
    const text = page.replace(/\s+/g, " ");
    for (const expected of [
      "Attestato di partecipazione",
      "Nicolò D'Àngelo",
      "Tavolo tecnico: città e accoglienza",
      "per 95 minuti di presenza su una durata prevista di 120 minuti",
      "ANCI Sicilia",
      "Coordinamento dei Comuni siciliani aderenti al SAI",
      "Progetto co-finanziato",
      "Fondo Asilo, Migrazione e Integrazione 2014-2020",
      "COOPERA",
      code,
      `http://localhost:3000/attestati/${code}`,
    ]) {
      expect(text).toContain(expected);
    }
  });
});
