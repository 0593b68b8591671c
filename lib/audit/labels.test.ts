import { describe, expect, test } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createMunicipalityIn, createRegistrationRecord, createUser } from "@/lib/test/factories";
import { AUDIT_ACTION_LABELS, auditFieldLabel, formatAuditValue, hasAuditFieldLabel } from "./labels";
import { recordExport } from "./mutations";
import { listAuditEntries } from "./queries";
import { auditedActions, auditedFields, auditWriterFiles } from "./writers";

const { db } = await createTestDatabase();

describe("every audited action and field has an Italian label", () => {
  test("the scan finds the writers", () => {
    expect(auditWriterFiles().length).toBeGreaterThan(15);
    expect(auditedActions()).toEqual(expect.arrayContaining(["meeting.publish", "registration.check-in", "invitation.revoke", "person.export"]));
    expect(auditedFields()).toEqual(expect.arrayContaining(["body", "kind", "fundingFund", "status", "checkedInAt", "counts"]));
  });

  test("each action a writer records", () => {
    expect(auditedActions().filter((action) => !Object.hasOwn(AUDIT_ACTION_LABELS, action))).toEqual([]);
  });

  test("each field of a before, after or details", () => {
    expect(auditedFields().filter((field) => !hasAuditFieldLabel(field))).toEqual([]);
    expect(auditFieldLabel("fundingFund")).toBe("Fondo di finanziamento");
    expect(auditFieldLabel("body")).toBe("Testo della lettera");
  });
});

describe("values as the log shows them", () => {
  test("enum values in Italian, the status by the kind of record", () => {
    expect(formatAuditValue("status", "PUBLISHED", "Meeting")).toBe("Pubblicata");
    expect(formatAuditValue("status", "DRAFT", "Meeting")).toBe("Bozza");
    expect(formatAuditValue("status", "PRESENT", "Registration")).toBe("Presente");
    expect(formatAuditValue("status", "CONFIRMED", "Registration")).toBe("Confermata");
    expect(formatAuditValue("status", "PENDING", "ReferentSheet")).toBe("Da verificare");
    expect(formatAuditValue("status", "PENDING", "EmailMessage")).toBe("In attesa di invio");
    expect(formatAuditValue("method", "CHECK_IN")).toBe("Check-in");
    expect(formatAuditValue("kind", "TAVOLO_TECNICO")).toBe("Tavolo tecnico");
    expect(formatAuditValue("mode", "ONLINE")).toBe("Videoconferenza");
    expect(formatAuditValue("organisationType", "ENTE_GESTORE")).toBe("Ente gestore");
    expect(formatAuditValue("category", "DM_DS")).toBe("DM-DS");
    expect(formatAuditValue("format", "xlsx")).toBe("Excel (XLSX)");
  });

  test("instants in Rome time, not UTC", () => {
    // 01:16 UTC on 2 December is 02:16 in Rome; 30 June is summer time.
    expect(formatAuditValue("checkedInAt", "2026-12-02T01:16:00.000Z")).toBe("mercoledì 2 dicembre 2026, ore 02:16");
    expect(formatAuditValue("startsAt", "2026-06-30T13:00:00.000Z")).toBe("martedì 30 giugno 2026, ore 15:00");
  });

  test("objects and lists with their fields labelled", () => {
    expect(formatAuditValue("counts", { registrations: 2, emails: 1 })).toBe("Iscrizioni: 2; Email: 1");
    expect(formatAuditValue("speakers", [{ name: "Anna", talkTitle: "Apertura" }])).toBe("Nome: Anna; Titolo dell'intervento: Apertura");
  });
});

describe("the records' names", () => {
  test("each entry names its meeting, person or Comune, whatever the kind of record", async () => {
    const coordinator = await createUser(db, "COORDINATOR", { name: "Carla Coordina" });
    const meeting = await createMeeting(db, { title: "Tavolo di prova dei nomi" });
    const municipality = await createMunicipalityIn(db, { name: "Alì" });
    const registration = await createRegistrationRecord(db, meeting.id, { firstName: "Nicolò", lastName: "Sciortino" });
    const body = await db.managingBody.create({ data: { name: "Cooperativa Nomi" } });
    const rows = [
      { action: "meeting.publish", entityType: "Meeting", entityId: meeting.id },
      { action: "registration.check-in", entityType: "Registration", entityId: registration.id, data: { details: { meetingId: meeting.id } } },
      { action: "municipality.sai-flag", entityType: "Municipality", entityId: municipality.id },
      { action: "managing-body.update", entityType: "ManagingBody", entityId: body.id },
      { action: "user.role", entityType: "User", entityId: coordinator.id },
      { action: "meeting.update", entityType: "Meeting", entityId: "non-un-uuid" },
    ];
    for (const row of rows) await db.auditEntry.create({ data: { actorId: coordinator.id, ...row } });
    const { entries } = await listAuditEntries(db, { page: 1 });
    const named = Object.fromEntries(entries.map((entry) => [entry.action, [entry.entityName, entry.meetingTitle]]));
    expect(named).toEqual({
      "meeting.publish": ["Tavolo di prova dei nomi", null],
      "registration.check-in": ["Nicolò Sciortino", "Tavolo di prova dei nomi"],
      "municipality.sai-flag": ["Alì", null],
      "managing-body.update": ["Cooperativa Nomi", null],
      "user.role": [`Carla Coordina (${coordinator.email})`, null],
      "meeting.update": [null, null],
    });
  });
});

describe("one entry per export", () => {
  test("the same download asked twice within seconds is recorded once; another format or a later one is another export", async () => {
    const user = await createUser(db, "OBSERVER");
    const meeting = await createMeeting(db, { title: "Convocazione esportata" });
    const entry = (format: string) => ({
      actor: { id: user.id },
      action: "attendance.register-export",
      entityType: "Meeting" as const,
      entityId: meeting.id,
      details: { format, participants: 3, absent: 1 },
    });
    const at = new Date();
    const twice = await Promise.all([
      db.$transaction((tx) => recordExport(tx, { ...entry("pdf"), now: at })),
      db.$transaction((tx) => recordExport(tx, { ...entry("pdf"), now: at })),
    ]);
    expect(twice.map((result) => result.recorded).sort()).toEqual([false, true]);
    expect((await db.$transaction((tx) => recordExport(tx, { ...entry("xlsx"), now: at }))).recorded).toBe(true);
    expect((await db.$transaction((tx) => recordExport(tx, { ...entry("pdf"), now: new Date(at.getTime() + 60_000) }))).recorded).toBe(true);
    expect(await db.auditEntry.count({ where: { actorId: user.id } })).toBe(3);
  });
});
