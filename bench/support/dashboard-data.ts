// The data bench/dashboard.ts reads: a realistic-large portal written
// straight in SQL (generate_series and INSERT … SELECT), seconds for
// thousands of rows where register() one by one would take minutes. The
// shapes follow what the portal writes: arrival follows createdAt, a
// cancellation keeps its row, an accepted invitation points at the
// registration it became, every registration and invitation has its email.
import pg from "pg";

const DAY = 24 * 3600_000;

const FIRST_NAMES = [
  "Giuseppe", "Maria", "Salvatore", "Giovanna", "Francesco", "Rosaria", "Antonino", "Anna", "Vincenzo", "Carmela",
  "Giovanni", "Francesca", "Rosario", "Angela", "Calogero", "Concetta", "Domenico", "Giuseppa", "Sebastiano", "Lucia",
  "Gaetano", "Rita", "Mario", "Caterina", "Carmelo", "Sofia", "Luca", "Elena", "Marco", "Chiara",
  "Alessandro", "Valentina", "Andrea", "Federica", "Nicolò", "Agata", "Fabrizio", "Ilaria", "Davide", "Letizia",
];

const LAST_NAMES = [
  "Russo", "Lombardo", "Messina", "Marino", "Greco", "Bruno", "Rizzo", "Romano", "Caruso", "Ferrara",
  "Costa", "Giordano", "Pappalardo", "Parisi", "Amato", "Vitale", "Catalano", "La Rosa", "Grasso", "Scuderi",
  "Di Stefano", "Sciortino", "Cusumano", "Lo Cascio", "D'Angelo", "Lo Presti", "Giuffrida", "Santoro", "Puglisi", "Gallo",
  "Cannizzaro", "Leone", "Musumeci", "Calì", "Nicotra", "Spina", "Fazio", "Barbagallo", "Sorrentino", "Mangano",
  "Lo Iacono", "Di Maria", "Bonanno", "Sanfilippo", "Randazzo", "Cutrona", "Arena", "Milazzo", "Pace", "Lentini",
];

const ROLE_TITLES = [
  "Assessore alle politiche sociali", "Responsabile dei servizi sociali", "Assistente sociale", "Sindaco",
  "Istruttore amministrativo", "Coordinatore del progetto SAI", "Operatore dell'accoglienza", "Mediatrice culturale",
  "Referente tecnico SAI", "Psicologa", "Educatore professionale", "Segretario comunale",
];

const OTHER_BODIES = [
  "Prefettura di Palermo", "Prefettura di Catania", "ASP di Agrigento", "ASP di Messina", "Centro per l'impiego di Trapani",
  "Università degli Studi di Palermo", "CPIA Catania 1", "Caritas diocesana di Ragusa", "UNHCR Italia", "Ufficio scolastico regionale",
];

const BODY_WORDS = [
  "Il Pellicano", "Nuovi Orizzonti", "Arcobaleno", "Il Faro", "Solidarietà", "San Francesco", "L'Approdo", "Casa dei Giovani",
  "Insieme", "La Tenda", "Mediterraneo", "I Girasoli", "Don Bosco", "Il Ponte", "Azione Sociale",
];

/** Someone's next uniformly random number in [0, 1): the same data on every run. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type DataOptions = {
  registrations: number;
  saiMembers: number;
  auditEntries: number;
  now: Date;
};

export type DataSummary = {
  mainMeetingId: string;
  meetings: number;
  registrations: number;
  mainByStatus: Record<string, number>;
  attendance: number;
  invitations: number;
  emails: number;
  persons: number;
  saiMembers: number;
  referents: number;
  auditEntries: number;
};

type MeetingPlan = {
  title: string;
  status: "DRAFT" | "PUBLISHED" | "ARCHIVED";
  startsAt: Date;
  registrations: number;
  /** Rows 1..N·confirmedShare arrive in time for a seat; those after wait (capacity = that many). */
  capacityShare: number | null;
  /** Share of registrations with an attendance row. */
  attendanceShare: number;
  /** Share of registrations that nominated gestori. */
  nominatorShare: number;
};

async function insertMeeting(client: pg.Client, plan: MeetingPlan, index: number): Promise<string> {
  const endsAt = new Date(plan.startsAt.getTime() + 2 * 3600_000);
  const opensAt = new Date(plan.startsAt.getTime() - 40 * DAY);
  const capacity = plan.capacityShare === null ? null : Math.round(plan.registrations * plan.capacityShare);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "Meeting" (slug, kind, status, title, subject, "startsAt", "endsAt", mode, platform, capacity,
       "registrationOpensAt", "registrationClosesAt", body, "signatoryName", "signatoryTitle", "fundingFund", "fundingLine",
       "projectCode", "projectName", "publishedAt", "createdAt", "updatedAt")
     VALUES ($1, 'TAVOLO_TECNICO', $2::"MeetingStatus", $3, upper($3), $4, $5, 'ONLINE', 'Zoom', $6, $7, $4,
       'Testo della convocazione.', 'Firmatario', 'Segretario Generale ANCI Sicilia', 'FAMI 2014-2020', 'FAMI 2014-2020 - OS 2',
       '3031', 'COOPERA', CASE WHEN $2 = 'DRAFT' THEN NULL ELSE $7::timestamptz END, $7, $7)
     RETURNING id`,
    [`bench-${index}-${plan.startsAt.toISOString().slice(0, 10)}`, plan.status, plan.title, plan.startsAt, endsAt, capacity, opensAt],
  );
  return rows[0].id;
}

/** Registrations for one meeting from the given people, in arrival order, spread over the 40 days before it. */
async function insertRegistrations(client: pg.Client, meetingId: string, plan: MeetingPlan, personIds: string[]) {
  const first = new Date(plan.startsAt.getTime() - 40 * DAY);
  const last = new Date(plan.startsAt.getTime() - 2 * 3600_000);
  const confirmUpTo = plan.capacityShare === null ? plan.registrations : Math.floor(plan.registrations * plan.capacityShare);
  // Registrants come from three SAI members in four, in every province: the coverage page has gaps to show.
  await client.query(
    `WITH sai AS (
            SELECT (array_agg(id ORDER BY md5("istatCode" || 'active')))[1:ceil(count(*) * 0.75)::int] AS ids
            FROM "Municipality" WHERE "saiMember"
          ),
          other AS (SELECT array_agg(id ORDER BY "istatCode") AS ids FROM "Municipality" WHERE NOT "saiMember"),
          bodies AS (SELECT array_agg(id ORDER BY "taxCode") AS ids, array_agg(name ORDER BY "taxCode") AS names FROM "ManagingBody"),
          src AS (
            SELECT p.person_id, p.i, random() AS r_status, random() AS r_source, random() AS r_type, random() AS r_sai,
                   random() AS r_pick, random() AS r_consent, random() AS r_role,
                   -- Most arrive in the first days after the letter, fewer towards the deadline.
                   $3::timestamptz + ($4::timestamptz - $3::timestamptz) * power(p.i::float8 / $5, 1.6) AS created
            FROM unnest($2::uuid[]) WITH ORDINALITY AS p(person_id, i)
          ),
          typed AS (
            SELECT src.*,
                   CASE WHEN r_type < 0.60 THEN 'COMUNE' WHEN r_type < 0.88 THEN 'ENTE_GESTORE' ELSE 'ALTRO_ENTE' END AS type,
                   CASE WHEN r_status < 0.10 THEN 'CANCELLED' WHEN i <= $6 THEN 'CONFIRMED' ELSE 'WAITLISTED' END AS status
            FROM src
          )
     INSERT INTO "Registration" ("meetingId", "personId", status, source, "organisationType", "municipalityId", "managingBodyId",
       "organisationName", "roleTitle", "privacyNoticeVersion", "privacyConsentAt", "communicationsConsent", "communicationsConsentAt",
       "tokenHash", "tokenExpiresAt", "confirmedAt", "cancelledAt", "createdAt", "updatedAt")
     SELECT $1, t.person_id, t.status::"RegistrationStatus",
            (CASE WHEN r_source < 0.05 THEN 'COORDINATOR' WHEN r_source < 0.07 THEN 'IMPORT' ELSE 'SELF' END)::"RegistrationSource",
            t.type::"OrganisationType",
            CASE WHEN t.type = 'COMUNE' THEN
              CASE WHEN r_sai < 0.85 THEN sai.ids[1 + floor(r_pick * cardinality(sai.ids))::int]
                   ELSE other.ids[1 + floor(r_pick * cardinality(other.ids))::int] END END,
            CASE WHEN t.type = 'ENTE_GESTORE' AND r_sai < 0.5 THEN bodies.ids[1 + floor(r_pick * cardinality(bodies.ids))::int] END,
            CASE WHEN t.type = 'ENTE_GESTORE' THEN bodies.names[1 + floor(r_pick * cardinality(bodies.names))::int]
                 WHEN t.type = 'ALTRO_ENTE' THEN ($7::text[])[1 + floor(r_pick * cardinality($7::text[]))::int] END,
            ($8::text[])[1 + floor(r_role * cardinality($8::text[]))::int],
            '2026-01', t.created, r_consent < 0.6, CASE WHEN r_consent < 0.6 THEN t.created END,
            encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'),
            $9::timestamptz + interval '30 days',
            CASE WHEN t.status = 'CONFIRMED' THEN t.created END,
            CASE WHEN t.status = 'CANCELLED' THEN least(t.created + interval '3 days', $4::timestamptz) END,
            t.created, t.created
     FROM typed t CROSS JOIN sai CROSS JOIN other CROSS JOIN bodies
     ORDER BY t.i`,
    [meetingId, personIds, first, last, plan.registrations, confirmUpTo, OTHER_BODIES, ROLE_TITLES, plan.startsAt],
  );
}

async function insertAttendance(client: pg.Client, meetingId: string, share: number, startsAt: Date, recorderIds: string[]) {
  if (share <= 0) return;
  // Cancelled registrations have none: among the others, this share of all.
  await client.query(
    `WITH live AS (
       SELECT id, random() AS r_pick, random() AS r_status, random() AS r_method, random() AS r_who
       FROM "Registration" WHERE "meetingId" = $1 AND status <> 'CANCELLED'
     ),
     picked AS (
       SELECT live.*, CASE WHEN r_method < 0.5 THEN 'CHECK_IN' WHEN r_method < 0.85 THEN 'MANUAL' ELSE 'PLATFORM_REPORT' END AS method
       FROM live WHERE r_pick < $2::float8 * (SELECT count(*) FROM "Registration" WHERE "meetingId" = $1) / greatest(1, (SELECT count(*) FROM live))
     )
     INSERT INTO "Attendance" ("registrationId", status, minutes, method, "checkedInAt", "recordedById", "createdAt", "updatedAt")
     SELECT id, (CASE WHEN method = 'CHECK_IN' OR r_status < 0.85 THEN 'PRESENT' ELSE 'ABSENT' END)::"AttendanceStatus",
            CASE WHEN method = 'PLATFORM_REPORT' THEN 30 + floor(r_status * 90)::int END,
            method::"AttendanceMethod",
            CASE WHEN method = 'CHECK_IN' THEN $3::timestamptz - interval '20 minutes' + r_status * interval '40 minutes' END,
            CASE WHEN method = 'MANUAL' THEN ($4::uuid[])[1 + floor(r_who * cardinality($4::uuid[]))::int] END,
            $3::timestamptz + interval '3 hours', $3::timestamptz + interval '3 hours'
     FROM picked`,
    [meetingId, share, startsAt, recorderIds],
  );
}

/**
 * Nominations by a share of the municipalities' registrants (one to three
 * gestori each, in every state), a few direct invitations by a coordinator,
 * and each accepted invitation turned into the ENTE_GESTORE registration it became.
 */
async function insertInvitations(client: pg.Client, meetingId: string, plan: MeetingPlan, coordinatorId: string, meetingIndex: number) {
  const nominators = Math.round(plan.registrations * plan.nominatorShare);
  if (nominators === 0) return;
  await client.query(
    `WITH bodies AS (SELECT array_agg(id ORDER BY "taxCode") AS ids, array_agg(name ORDER BY "taxCode") AS names FROM "ManagingBody"),
          inviters AS (
            SELECT id, "municipalityId", "createdAt", 1 + (random() < 0.35)::int + (random() < 0.10)::int AS nominees
            FROM "Registration"
            WHERE "meetingId" = $1 AND "organisationType" = 'COMUNE' AND status <> 'CANCELLED'
            ORDER BY random() LIMIT $2
          ),
          slots AS (
            SELECT inviters.*, s.n, random() AS r_status, random() AS r_body, random() AS r_pick, random() AS r_when
            FROM inviters CROSS JOIN LATERAL generate_series(1, inviters.nominees) AS s(n)
          ),
          numbered AS (
            SELECT slots.*, row_number() OVER () AS k,
                   CASE WHEN r_status < 0.45 THEN 'SENT' WHEN r_status < 0.75 THEN 'ACCEPTED' WHEN r_status < 0.85 THEN 'DECLINED'
                        WHEN r_status < 0.90 THEN 'EXPIRED' ELSE 'REVOKED' END AS status
            FROM slots
          )
     INSERT INTO "Invitation" ("meetingId", "invitedByRegistrationId", "municipalityId", email, "firstName", "lastName",
       "managingBodyId", "managingBodyName", status, "tokenHash", "tokenExpiresAt", "respondedAt", "createdAt", "updatedAt")
     SELECT $1, n.id, n."municipalityId", 'nominato.' || $3 || '.' || n.k || '@coop.example.it',
            ($4::text[])[1 + (n.k * 7) % cardinality($4::text[])], ($5::text[])[1 + (n.k * 11) % cardinality($5::text[])],
            CASE WHEN r_body < 0.5 THEN bodies.ids[1 + floor(r_pick * cardinality(bodies.ids))::int] END,
            bodies.names[1 + floor(r_pick * cardinality(bodies.names))::int],
            n.status::"InvitationStatus",
            encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'),
            -- A quarter of those still SENT have run out: the dashboard reads them as expired.
            CASE WHEN n.status = 'EXPIRED' OR (n.status = 'SENT' AND r_when < 0.25) THEN n."createdAt" + interval '7 days'
                 ELSE $6::timestamptz END,
            CASE WHEN n.status IN ('ACCEPTED', 'DECLINED') THEN n."createdAt" + r_when * interval '4 days' END,
            n."createdAt" + r_when * interval '1 day', n."createdAt" + r_when * interval '1 day'
     FROM numbered n CROSS JOIN bodies`,
    [meetingId, nominators, meetingIndex, FIRST_NAMES, LAST_NAMES, plan.startsAt],
  );
  // A coordinator's direct invitations: no inviting registration, a SAI municipality named.
  await client.query(
    `WITH sai AS (SELECT array_agg(id ORDER BY "istatCode") AS ids FROM "Municipality" WHERE "saiMember")
     INSERT INTO "Invitation" ("meetingId", "invitedByUserId", "municipalityId", email, "firstName", "lastName",
       "managingBodyName", status, "tokenHash", "tokenExpiresAt", "createdAt", "updatedAt")
     SELECT $1, $2, sai.ids[1 + (g * 37) % cardinality(sai.ids)], 'diretto.' || $3 || '.' || g || '@coop.example.it',
            'Direttore', 'Ente ' || g, 'Cooperativa sociale diretta ' || g, 'SENT', encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'),
            $4::timestamptz, $4::timestamptz - interval '20 days', $4::timestamptz - interval '20 days'
     FROM generate_series(1, $5::int) AS g CROSS JOIN sai`,
    [meetingId, coordinatorId, meetingIndex, plan.startsAt, Math.max(1, Math.round(nominators / 5))],
  );
  await client.query(
    `WITH accepted AS (
       SELECT id, "managingBodyId", "managingBodyName", row_number() OVER (ORDER BY id) AS k
       FROM "Invitation" WHERE "meetingId" = $1 AND status = 'ACCEPTED'
     ),
     registrants AS (
       SELECT r.id, p.email, row_number() OVER (ORDER BY r.id) AS k
       FROM "Registration" r JOIN "Person" p ON p.id = r."personId"
       WHERE r."meetingId" = $1 AND r."organisationType" = 'ENTE_GESTORE' AND r.source = 'SELF' AND r.status <> 'CANCELLED'
     ),
     pairs AS (
       SELECT accepted.id AS invitation_id, registrants.id AS registration_id, registrants.email, accepted."managingBodyId", accepted."managingBodyName"
       FROM accepted JOIN registrants USING (k)
     ),
     became AS (
       UPDATE "Registration" r SET source = 'INVITATION', "managingBodyId" = pairs."managingBodyId", "organisationName" = pairs."managingBodyName"
       FROM pairs WHERE r.id = pairs.registration_id
     )
     UPDATE "Invitation" i SET "acceptedRegistrationId" = pairs.registration_id, email = pairs.email
     FROM pairs WHERE i.id = pairs.invitation_id`,
    [meetingId],
  );
}

/** The emails the portal would have written: one per registration, one per invitation and a resend for some. */
async function insertEmails(client: pg.Client, meetingId: string) {
  await client.query(
    `INSERT INTO "EmailMessage" (template, "toEmail", "toName", data, status, attempts, "sendAfter", transport, "providerId",
       "sentAt", "meetingId", "registrationId", "createdAt", "updatedAt")
     SELECT CASE r.status WHEN 'WAITLISTED' THEN 'registration-waitlisted' ELSE 'personal-link' END,
            p.email, p."firstName" || ' ' || p."lastName",
            jsonb_build_object('firstName', p."firstName", 'meetingTitle', m.title, 'personalUrl', 'https://convoca.example.it/iscrizione/' || r.id,
                               'startsAt', m."startsAt", 'status', r.status),
            (CASE WHEN random() < 0.02 THEN 'FAILED' ELSE 'SENT' END)::"EmailStatus", 1, r."createdAt", 'resend', gen_random_uuid()::text,
            r."createdAt" + interval '4 seconds', r."meetingId", r.id, r."createdAt", r."createdAt" + interval '4 seconds'
     FROM "Registration" r JOIN "Person" p ON p.id = r."personId" JOIN "Meeting" m ON m.id = r."meetingId"
     WHERE r."meetingId" = $1`,
    [meetingId],
  );
  await client.query(
    `INSERT INTO "EmailMessage" (template, "toEmail", "toName", data, status, attempts, "sendAfter", transport, "providerId",
       "sentAt", "meetingId", "invitationId", "createdAt", "updatedAt")
     SELECT 'invitation', i.email, i."firstName" || ' ' || i."lastName",
            jsonb_build_object('firstName', i."firstName", 'managingBodyName', i."managingBodyName", 'invitationUrl', 'https://convoca.example.it/invito/' || i.id),
            (CASE WHEN random() < 0.03 THEN 'FAILED' ELSE 'SENT' END)::"EmailStatus", 1, sent.at, 'resend', gen_random_uuid()::text,
            sent.at + interval '4 seconds', i."meetingId", i.id, sent.at, sent.at + interval '4 seconds'
     FROM "Invitation" i
     CROSS JOIN LATERAL (VALUES (i."createdAt"), (CASE WHEN (hashtext(i.id::text) % 7) = 0 THEN i."createdAt" + interval '3 days' END)) AS sent(at)
     WHERE i."meetingId" = $1 AND sent.at IS NOT NULL`,
    [meetingId],
  );
}

async function insertAuditEntries(client: pg.Client, count: number, userIds: string[], now: Date) {
  const actions: [string, string][] = [
    ["registration.confirm", "Registration"], ["registration.cancel", "Registration"], ["registration.promote", "Registration"],
    ["registration.create-on-behalf", "Registration"], ["registration.resend-link", "Registration"], ["registration.check-in", "Registration"],
    ["registration.check-in", "Registration"], ["registration.check-in", "Registration"], ["registration.export", "Meeting"],
    ["meeting.update", "Meeting"], ["meeting.publish", "Meeting"], ["meeting.create", "Meeting"], ["meeting.coverage-reminders", "Meeting"],
    ["invitation.resend", "Invitation"], ["invitation.revoke", "Invitation"], ["email.retry", "EmailMessage"],
    ["user.create", "User"], ["user.role", "User"],
  ];
  await client.query(
    `WITH registrations AS (SELECT array_agg(id) AS ids FROM "Registration"),
          src AS (SELECT g, random() AS r_action, random() AS r_actor, random() AS r_entity FROM generate_series(1, $1::int) AS g)
     INSERT INTO "AuditEntry" ("actorId", "actorLabel", action, "entityType", "entityId", data, "createdAt")
     SELECT CASE WHEN r_actor < 0.7 THEN ($2::uuid[])[1 + floor(r_actor / 0.7 * cardinality($2::uuid[]))::int] END,
            CASE WHEN r_actor >= 0.7 THEN (ARRAY['pubblico', 'sistema', 'worker'])[1 + floor((r_actor - 0.7) / 0.3 * 3)::int] END,
            a.action, a.entity,
            CASE WHEN a.entity = 'Registration' THEN (registrations.ids[1 + floor(r_entity * cardinality(registrations.ids))::int])::text
                 ELSE gen_random_uuid()::text END,
            jsonb_build_object('before', jsonb_build_object('status', 'WAITLISTED', 'updatedAt', $3::timestamptz),
                               'after', jsonb_build_object('status', 'CONFIRMED', 'note', 'Posto liberato da un annullamento')),
            -- Over the last year, busier lately.
            $3::timestamptz - interval '365 days' * power(1 - g::float8 / $1, 1.5)
     FROM src
     CROSS JOIN registrations
     CROSS JOIN LATERAL (SELECT ($4::text[])[1 + floor(r_action * cardinality($4::text[]))::int] AS action,
                                ($5::text[])[1 + floor(r_action * cardinality($5::text[]))::int] AS entity) AS a`,
    [count, userIds, now, actions.map(([action]) => action), actions.map(([, entity]) => entity)],
  );
}

/**
 * Fills a migrated, seeded database: SAI members with referents, managing
 * bodies, people, dashboard users, the main meeting with `registrations`
 * registrations, five ended meetings and another upcoming one with a tenth
 * as many (the overview's figures), invitations, attendance, emails and the
 * audit log. Ends with VACUUM ANALYZE, as autovacuum would have by then.
 */
export async function fillDatabase(databaseUrl: string, options: DataOptions): Promise<DataSummary> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const random = randomSource(20261126);
    await client.query("SELECT setseed(0.2026)");
    const { now } = options;
    const n = options.registrations;

    await client.query(
      `UPDATE "Municipality" SET "saiMember" = id IN (SELECT id FROM "Municipality" ORDER BY md5("istatCode") LIMIT $1), "updatedAt" = now()`,
      [options.saiMembers],
    );
    // Half of the SAI members returned the referents' sheet: one or two referents each, a few since revoked.
    await client.query(
      `WITH sai AS (SELECT id, "istatCode", name, row_number() OVER (ORDER BY md5("istatCode" || 'ref')) AS k FROM "Municipality" WHERE "saiMember"),
            chosen AS (SELECT * FROM sai WHERE k <= (SELECT count(*) FROM sai) / 2),
            slots AS (SELECT chosen.*, s AS slot FROM chosen CROSS JOIN LATERAL generate_series(1, 1 + (chosen.k % 2)::int) AS s),
            people AS (
              INSERT INTO "Person" (email, "firstName", "lastName", "roleTitle", organisation, "updatedAt")
              SELECT 'referente' || slot || '.' || "istatCode" || '@comune.example.it',
                     ($1::text[])[1 + (k * 3 + slot) % cardinality($1::text[])], ($2::text[])[1 + (k * 5 + slot) % cardinality($2::text[])],
                     CASE slot WHEN 1 THEN 'Referente tecnico SAI' ELSE 'Assessore alle politiche sociali' END, 'Comune di ' || name, now()
              FROM slots RETURNING id, email
            )
       INSERT INTO "Referent" ("municipalityId", "personId", role, status, source, "activatedAt", "revokedAt", "updatedAt")
       SELECT s.id, p.id, (CASE s.slot WHEN 1 THEN 'TECHNICAL' ELSE 'POLITICAL' END)::"ReferentRole",
              (CASE WHEN s.k % 13 = 0 THEN 'REVOKED' ELSE 'ACTIVE' END)::"ReferentStatus", 'REFERENT_SHEET',
              now() - (s.k % 400) * interval '1 day', CASE WHEN s.k % 13 = 0 THEN now() - interval '10 days' END, now()
       FROM slots s JOIN people p ON p.email = 'referente' || s.slot || '.' || s."istatCode" || '@comune.example.it'`,
      [FIRST_NAMES, LAST_NAMES],
    );
    await client.query(
      `INSERT INTO "ManagingBody" (name, "taxCode", email, "updatedAt")
       SELECT CASE g % 3 WHEN 0 THEN 'Cooperativa sociale ' WHEN 1 THEN 'Associazione ' ELSE 'Consorzio ' END
                || ($1::text[])[1 + g % cardinality($1::text[])] || ' ' || g,
              lpad(g::text, 11, '0'), 'ente' || g || '@coop.example.it', now()
       FROM generate_series(1, 150) AS g`,
      [BODY_WORDS],
    );
    const { rows: users } = await client.query<{ id: string }>(
      `INSERT INTO "User" (email, name, role, "updatedAt")
       SELECT 'coordinatore' || g || '@anci.example.it', 'Coordinatore ' || g, 'COORDINATOR', now() FROM generate_series(1, 6) AS g
       RETURNING id`,
    );
    const userIds = users.map((user) => user.id);

    // People who register: as many as the main meeting's registrations; the other meetings take some of the same.
    const { rows: people } = await client.query<{ id: string }>(
      `INSERT INTO "Person" (email, "firstName", "lastName", phone, "roleTitle", "createdAt", "updatedAt")
       SELECT lower(translate(f || '.' || l, 'àèéìòù ''', 'aeeiou')) || '.' || g || '@'
                || (ARRAY['comune.example.it', 'coop.example.it', 'gmail.example.com', 'pec.example.it'])[1 + g % 4],
              f, l, CASE WHEN g % 3 <> 0 THEN '3' || lpad(((g * 7919) % 1000000000)::text, 9, '0') END, NULL, now(), now()
       FROM generate_series(1, $1::int) AS g
       CROSS JOIN LATERAL (SELECT ($2::text[])[1 + (g * 7) % cardinality($2::text[])] AS f,
                                  ($3::text[])[1 + (g * 13 + g / 40) % cardinality($3::text[])] AS l) AS names
       ORDER BY g RETURNING id`,
      [n, FIRST_NAMES, LAST_NAMES],
    );
    const personIds = people.map((person) => person.id);

    const small = Math.max(1, Math.round(n / 10));
    const plans: MeetingPlan[] = [
      {
        title: "Tavolo tecnico del Coordinamento (benchmark)",
        status: "PUBLISHED",
        startsAt: new Date(now.getTime() + 10 * DAY),
        registrations: n,
        capacityShare: 0.8,
        attendanceShare: 0.2,
        nominatorShare: 0.1,
      },
      ...[30, 75, 120, 200, 300].map(
        (daysAgo, index): MeetingPlan => ({
          title: `Incontro concluso ${index + 1}`,
          status: daysAgo > 100 ? "ARCHIVED" : "PUBLISHED",
          startsAt: new Date(now.getTime() - daysAgo * DAY),
          registrations: small,
          capacityShare: null,
          attendanceShare: 0.7,
          nominatorShare: 0.1,
        }),
      ),
      {
        title: "Webinar in programma",
        status: "PUBLISHED",
        startsAt: new Date(now.getTime() + 45 * DAY),
        registrations: small,
        capacityShare: null,
        attendanceShare: 0,
        nominatorShare: 0.05,
      },
      { title: "Bozza", status: "DRAFT", startsAt: new Date(now.getTime() + 80 * DAY), registrations: 0, capacityShare: null, attendanceShare: 0, nominatorShare: 0 },
    ];

    let mainMeetingId = "";
    for (const [index, plan] of plans.entries()) {
      const meetingId = await insertMeeting(client, plan, index);
      if (index === 0) mainMeetingId = meetingId;
      if (plan.registrations === 0) continue;
      // Each meeting draws its people from a different point of the pool, so some come to several.
      const offset = index === 0 ? 0 : Math.floor(random() * personIds.length);
      const chosen = Array.from({ length: plan.registrations }, (_, i) => personIds[(offset + i) % personIds.length]);
      await insertRegistrations(client, meetingId, plan, chosen);
      if (plan.capacityShare !== null) {
        // Full: every seat a cancellation freed has gone to the waiting list.
        await client.query(
          `UPDATE "Meeting" SET capacity = (SELECT count(*) FROM "Registration" WHERE "meetingId" = $1 AND status = 'CONFIRMED') WHERE id = $1`,
          [meetingId],
        );
      }
      await insertAttendance(client, meetingId, plan.attendanceShare, plan.startsAt, userIds);
      await insertInvitations(client, meetingId, plan, userIds[0], index);
      await insertEmails(client, meetingId);
    }

    await insertAuditEntries(client, options.auditEntries, userIds, now);
    await client.query("VACUUM ANALYZE");

    const count = async (sql: string, params: unknown[] = []) =>
      (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0].n;
    const { rows: byStatus } = await client.query<{ status: string; n: number }>(
      `SELECT status::text, count(*)::int AS n FROM "Registration" WHERE "meetingId" = $1 GROUP BY status`,
      [mainMeetingId],
    );
    return {
      mainMeetingId,
      meetings: await count(`"Meeting"`),
      registrations: await count(`"Registration"`),
      mainByStatus: Object.fromEntries(byStatus.map((row) => [row.status, row.n])),
      attendance: await count(`"Attendance" a JOIN "Registration" r ON r.id = a."registrationId" WHERE r."meetingId" = $1`, [mainMeetingId]),
      invitations: await count(`"Invitation" WHERE "meetingId" = $1`, [mainMeetingId]),
      emails: await count(`"EmailMessage"`),
      persons: await count(`"Person"`),
      saiMembers: await count(`"Municipality" WHERE "saiMember"`),
      referents: await count(`"Referent"`),
      auditEntries: await count(`"AuditEntry"`),
    };
  } finally {
    await client.end();
  }
}
