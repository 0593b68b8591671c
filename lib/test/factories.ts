import { randomBytes } from "node:crypto";
import { enqueueEmail } from "../email/mutations";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { PROVINCES } from "../municipalities/provinces";
import type { RegistrationFormValues, RegistrationInput } from "../registrations/schema";
import { registrationSchema } from "../registrations/schema";
import { referentSheetSchema, type ReferentSheetInput } from "../referents/sheets/schema";
import { SAMPLE_DATA } from "./email-fixtures";

const HOUR = 3600_000;

export function uniqueSlug(prefix = "incontro") {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

/** A published meeting, open for registration, ten days from `now`. */
export function createMeeting(db: PrismaClient, overrides: Partial<Prisma.MeetingCreateInput> = {}, now = new Date()) {
  const startsAt = new Date(now.getTime() + 10 * 24 * HOUR);
  return db.meeting.create({
    data: {
      slug: uniqueSlug(),
      kind: "TAVOLO_TECNICO",
      status: "PUBLISHED",
      title: "Tavolo tecnico di prova",
      subject: "CONVOCAZIONE TAVOLO TECNICO di prova",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * HOUR),
      mode: "ONLINE",
      registrationOpensAt: new Date(now.getTime() - 24 * HOUR),
      body: "Testo della convocazione.",
      signatoryName: "Firmatario",
      signatoryTitle: "Segretario Generale ANCI Sicilia",
      fundingFund: "Fondo Asilo, Migrazione e Integrazione 2014-2020",
      fundingLine: "Fondo Asilo, Migrazione e Integrazione 2014-2020 - Obiettivo Specifico 2",
      projectCode: "3031",
      projectName: "COOPERA - I Comuni migliorano PER Arginare le vulnerabilità",
      ...overrides,
    },
  });
}

export function createMunicipality(db: PrismaClient, name = "Palermo") {
  return db.municipality.create({
    data: { istatCode: String(100000 + Math.floor(Math.random() * 899999)), name, province: "PA", provinceName: "Palermo", saiMember: true },
  });
}

/** A valid registration as the form would send it, parsed by the shared schema. */
export function registrationInput(values: Partial<RegistrationFormValues> = {}): RegistrationInput {
  return registrationSchema.parse({
    firstName: "Maria",
    lastName: "Rossi",
    email: `maria.rossi.${randomBytes(3).toString("hex")}@comune.example.it`,
    phone: "091 123 4567",
    roleTitle: "Assessora alle politiche sociali",
    organisationType: "ALTRO_ENTE",
    organisationName: "Ente di prova",
    privacyConsent: true,
    communicationsConsent: false,
    nominees: [],
    ...values,
  });
}

/** A dashboard user with this role, active unless told otherwise, with a unique address. */
export function createUser(
  db: PrismaClient,
  role: "ADMIN" | "COORDINATOR" | "OBSERVER" = "COORDINATOR",
  overrides: Partial<Prisma.UserCreateInput> = {},
) {
  return db.user.create({
    data: { email: `${role.toLowerCase()}.${randomBytes(4).toString("hex")}@anci.example.it`, name: `Utente ${role}`, role, ...overrides },
    select: { id: true, email: true, name: true, role: true, active: true },
  });
}


/** A municipality in a given province, SAI member unless told otherwise. */
export function createMunicipalityIn(
  db: PrismaClient,
  { name, province = "PA", saiMember = true }: { name: string; province?: keyof typeof PROVINCES; saiMember?: boolean },
) {
  return db.municipality.create({
    data: {
      istatCode: String(100000 + Math.floor(Math.random() * 899999)),
      name,
      province,
      provinceName: PROVINCES[province],
      saiMember,
    },
  });
}

/** A referent of a municipality (active unless told otherwise), with their person record. */
export async function createReferent(
  db: PrismaClient,
  municipalityId: string,
  { email = `referente.${randomBytes(3).toString("hex")}@comune.example.it`, status = "ACTIVE" as "ACTIVE" | "REVOKED", firstName = "Rosa", lastName = "Referente" } = {},
) {
  const person = await db.person.upsert({ where: { email }, create: { email, firstName, lastName }, update: {} });
  return db.referent.create({
    data: {
      municipalityId,
      personId: person.id,
      role: "TECHNICAL",
      source: "COORDINATOR",
      status,
      ...(status === "REVOKED" ? { revokedAt: new Date() } : {}),
    },
    include: { person: true },
  });
}

/** A SAI project of a municipality, run by the named body (created unless `managingBodyId` is given). */
export async function createSaiProjectWithBody(
  db: PrismaClient,
  municipalityId: string,
  { bodyName, managingBodyId, category = "ORDINARI" }: { bodyName?: string; managingBodyId?: string; category?: "ORDINARI" | "MSNA" | "DM_DS" },
) {
  const bodyId =
    managingBodyId ?? (await db.managingBody.create({ data: { name: bodyName ?? `Cooperativa ${randomBytes(3).toString("hex")}` } })).id;
  return db.saiProject.create({ data: { municipalityId, managingBodyId: bodyId, category }, include: { managingBody: true } });
}

/** A valid scheda referenti as the form would send it, parsed by the shared schema; two referents unless told otherwise. */
export function referentSheetInput(
  municipalityId: string,
  values: Partial<Record<string, unknown>> = {},
): ReferentSheetInput {
  const tag = randomBytes(3).toString("hex");
  return referentSheetSchema.parse({
    municipalityId,
    pec: `protocollo.${tag}@pec.comune.example.it`,
    referents: [
      { firstName: "Anna", lastName: "Bianchi", role: "POLITICAL", office: "Assessora alle politiche sociali", email: `anna.bianchi.${tag}@comune.example.it`, phone: "" },
      { firstName: "Luca", lastName: "Verdi", role: "TECHNICAL", office: "Ufficio servizi sociali", email: `luca.verdi.${tag}@comune.example.it`, phone: "091 123 4567" },
    ],
    officerFirstName: "Giovanna",
    officerLastName: "Russo",
    officerRoleTitle: "Responsabile dell'ufficio protocollo",
    officerEmail: `giovanna.russo.${tag}@comune.example.it`,
    officerPhone: "",
    privacyConsent: true,
    communicationsConsent: false,
    ...values,
  });
}

/** A managing body with a unique name (and no tax code unless given). */
export function createManagingBodyRecord(db: PrismaClient, overrides: Partial<Prisma.ManagingBodyCreateInput> = {}) {
  return db.managingBody.create({ data: { name: `Cooperativa ${randomBytes(3).toString("hex")}`, ...overrides } });
}

/** A SAI project of a body in a municipality. */
export function createSaiProjectRecord(
  db: PrismaClient,
  { managingBodyId, municipalityId, category = "ORDINARI", projectCode = null, places = null }: {
    managingBodyId: string;
    municipalityId: string;
    category?: "ORDINARI" | "MSNA" | "DM_DS";
    projectCode?: string | null;
    places?: number | null;
  },
) {
  return db.saiProject.create({ data: { managingBodyId, municipalityId, category, projectCode, places } });
}

/**
 * A registration written straight to the database (no email, any meeting
 * state), with its person (found by email, renamed when names are given) and,
 * if asked, its attendance ("PRESENT" alone means 90 minutes, recorded by
 * hand): for pages and services that read registrations of a past meeting.
 */
export async function createRegistrationRecord(
  db: PrismaClient,
  meetingId: string,
  {
    status = "CONFIRMED",
    attendance = null,
    firstName,
    lastName,
    email = `iscritto.${randomBytes(4).toString("hex")}@comune.example.it`,
    organisationType = "ALTRO_ENTE",
    organisationName = organisationType === "ALTRO_ENTE" ? "Ente di prova" : null,
    municipalityId = null,
    managingBodyId = null,
    roleTitle = null,
  }: {
    status?: "CONFIRMED" | "WAITLISTED" | "CANCELLED";
    attendance?:
      | "PRESENT"
      | "ABSENT"
      | { status: "PRESENT" | "ABSENT"; minutes?: number | null; method?: "MANUAL" | "CHECK_IN" | "PLATFORM_REPORT" }
      | null;
    firstName?: string;
    lastName?: string;
    email?: string;
    organisationType?: "COMUNE" | "ENTE_GESTORE" | "ALTRO_ENTE";
    organisationName?: string | null;
    municipalityId?: string | null;
    managingBodyId?: string | null;
    roleTitle?: string | null;
  } = {},
) {
  const normalised = email.trim().toLowerCase();
  const names = { firstName: firstName ?? "Maria", lastName: lastName ?? "Rossi" };
  const person = await db.person.upsert({
    where: { email: normalised },
    create: { email: normalised, ...names },
    update: firstName || lastName ? names : {},
  });
  const presence =
    typeof attendance === "string" ? { status: attendance, minutes: attendance === "PRESENT" ? 90 : 0, method: "MANUAL" as const } : attendance;
  const now = new Date();
  const registration = await db.registration.create({
    data: {
      meetingId,
      personId: person.id,
      status,
      organisationType,
      organisationName,
      municipalityId,
      managingBodyId,
      roleTitle,
      privacyNoticeVersion: "2026-11-01",
      privacyConsentAt: now,
      tokenHash: randomBytes(32).toString("hex"),
      tokenExpiresAt: new Date(now.getTime() + 30 * 24 * HOUR),
      confirmedAt: status === "CONFIRMED" ? now : null,
      cancelledAt: status === "CANCELLED" ? now : null,
      ...(presence
        ? { attendance: { create: { status: presence.status, minutes: presence.minutes ?? null, method: presence.method ?? "MANUAL" } } }
        : {}),
    },
  });
  return { ...registration, person };
}

/**
 * `count` registrants of a meeting, written in two SQL statements (a thousand
 * take a moment): people "<prefix>-<n>@comune.example.it", confirmed unless
 * told otherwise. Returns the registration ids in arrival order.
 */
export async function createRegistrants(
  db: PrismaClient,
  meetingId: string,
  count: number,
  { status = "CONFIRMED", prefix = `iscritto-${randomBytes(3).toString("hex")}` }: { status?: "CONFIRMED" | "WAITLISTED"; prefix?: string } = {},
): Promise<string[]> {
  await db.$executeRaw`
    INSERT INTO "Person" (email, "firstName", "lastName", "updatedAt")
    SELECT ${prefix} || '-' || n || '@comune.example.it', 'Nome' || n, 'Cognome' || n, now()
    FROM generate_series(1, ${count}::int) AS n`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "Registration" ("meetingId", "personId", status, "organisationType", "privacyNoticeVersion", "privacyConsentAt",
      "tokenHash", "tokenExpiresAt", "confirmedAt", "updatedAt")
    SELECT ${meetingId}::uuid, p.id, ${status}::"RegistrationStatus", 'ALTRO_ENTE', '1', now(),
      encode(sha256(convert_to(p.id::text || random()::text, 'UTF8')), 'hex'), now() + interval '60 days',
      CASE WHEN ${status} = 'CONFIRMED' THEN now() END, now()
    FROM "Person" p WHERE p.email LIKE ${prefix} || '-%'
    ORDER BY p.email
    RETURNING id`;
  return rows.map((row) => row.id);
}

/** What is queued for a registrant before the meeting: a join link and a reminder, PENDING (no worker in service tests). */
export async function queueMeetingEmails(db: PrismaClient, registrationId: string) {
  const registration = await db.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { meetingId: true, person: { select: { email: true } } } });
  const queued = { toEmail: registration.person.email, meetingId: registration.meetingId, registrationId };
  return db.$transaction(async (tx) => [
    (await enqueueEmail(tx, { ...queued, template: "join-link", data: SAMPLE_DATA["join-link"] })).id,
    (await enqueueEmail(tx, { ...queued, template: "meeting-message", data: SAMPLE_DATA["meeting-message"] })).id,
  ]);
}
