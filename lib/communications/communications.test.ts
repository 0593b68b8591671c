// Consent to communications and the unsubscribe link, against the real
// database: consent given by a registration or a scheda (and left alone by
// one without it), withdrawn from the personal page, cleared by erasure; the
// link's token stored only as its hash; the one-click POST of RFC 8058 and the
// page's button withdrawing it once, on the activity log, and answering again
// on a second click; coverage reminders carrying the link and its headers, and
// skipping whoever used it; transactional emails carrying none.
import { describe, expect, test } from "vitest";
import { renderEmail, renderStoredEmail } from "@/lib/email/render";
import { emailTemplateSchemas, type EmailTemplateName } from "@/lib/email/schema";
import { EMAIL_SECRET_KEYS } from "@/lib/email/secrets";
import { hashToken } from "@/lib/platform/security/tokens";
import { createTestDatabase, databaseDigest } from "@/lib/test/database";
import { SAMPLE_DATA } from "@/lib/test/email-fixtures";
import { createMeeting, createMunicipalityIn, createReferent, createUser, referentSheetInput, registrationInput } from "@/lib/test/factories";

const SITE = "http://localhost:3000";
const { url, db } = await createTestDatabase();
process.env.DATABASE_URL = url;
process.env.APP_URL = SITE;
process.env.RATE_LIMIT_PER_IP = "100000";
process.env.RATE_LIMIT_PER_EMAIL = "100000";

const { register, updateRegistration } = await import("@/lib/registrations/mutations");
const { submitReferentSheet } = await import("@/lib/referents/sheets/mutations");
const { erasePerson } = await import("@/lib/people/mutations");
const { getPersonRecords } = await import("@/lib/people/queries");
const { sendCoverageReminders } = await import("@/lib/coverage/mutations");
const { createUnsubscribeUrl, unsubscribe } = await import("./mutations");
const { consentedPeople, getUnsubscribeLink, hasCommunicationsConsent } = await import("./queries");
const oneClickRoute = await import("@/app/api/comunicazioni/disiscrizione/[token]/route");
const confirmRoute = await import("@/app/(public)/comunicazioni/disiscrizione/[token]/conferma/route");

const MARCH_3 = new Date("2026-03-03T10:00:00Z");
const MARCH_9 = new Date("2026-03-09T10:00:00Z");

/** The database as a digest, but for the rate limits' counters (a public write counts against its caller before it is judged). */
const digest = async () => (await databaseDigest(db)).split("\n").filter((line) => !line.startsWith("rate_limits:")).join("\n");

const personByEmail = (email: string) => db.person.findUniqueOrThrow({ where: { email } });

/** A person who consents, with one unsubscribe link: its token, as the email carries it. */
async function consentingWithLink(email = `consenso.${Math.random().toString(36).slice(2)}@example.it`) {
  const person = await db.person.create({
    data: { email, firstName: "Carla", lastName: "Consenso", communicationsConsent: true, communicationsConsentAt: MARCH_3 },
  });
  const link = await db.$transaction((tx) => createUnsubscribeUrl(tx, { personId: person.id, email }));
  return { person, link, token: new URL(link).pathname.split("/").at(-1)! };
}

function oneClick(token: string, body: BodyInit | null = "List-Unsubscribe=One-Click", headers: Record<string, string> = {}) {
  const request = new Request(`${SITE}/api/comunicazioni/disiscrizione/${encodeURIComponent(token)}`, {
    method: "POST",
    // As a mail provider posts it: no cookie, no Origin.
    headers: { "content-type": "application/x-www-form-urlencoded", host: "localhost:3000", ...headers },
    body,
  });
  return oneClickRoute.POST(request, { params: Promise.resolve({ token }) });
}

function pageButton(token: string, headers: Record<string, string> = { origin: SITE, "sec-fetch-site": "same-origin" }) {
  const request = new Request(`${SITE}/comunicazioni/disiscrizione/${encodeURIComponent(token)}/conferma`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", host: "localhost:3000", ...headers },
    body: "",
  });
  return confirmRoute.POST(request, { params: Promise.resolve({ token }) });
}

describe("consent on the person", () => {
  test("a registration with consent gives it with its time; a later one without it leaves it; unticking on the personal page withdraws it", async () => {
    const meeting = await createMeeting(db);
    const second = await createMeeting(db);
    const input = registrationInput({ communicationsConsent: true });
    const first = await register(db, { slug: meeting.slug, ...input });
    expect(first.ok).toBe(true);
    const given = await personByEmail(input.email);
    expect(given.communicationsConsent).toBe(true);
    // The registration's own time of consent, written in the same transaction.
    const registration = await db.registration.findFirstOrThrow({ where: { personId: given.id, meetingId: meeting.id } });
    expect(given.communicationsConsentAt).toEqual(registration.communicationsConsentAt);

    const without = await register(db, { slug: second.slug, ...input, communicationsConsent: false });
    if (!without.ok) throw new Error("expected a registration");
    expect(await personByEmail(input.email)).toMatchObject({
      communicationsConsent: true,
      communicationsConsentAt: given.communicationsConsentAt,
      communicationsConsentWithdrawnAt: null,
    });

    // The first registration had it ticked: unticking there is a withdrawal.
    if (!first.ok) throw new Error("expected a registration");
    const edit = { firstName: input.firstName, lastName: input.lastName, roleTitle: input.roleTitle, phone: input.phone };
    expect(await updateRegistration(db, { token: first.token, now: MARCH_9, ...edit, communicationsConsent: false })).toEqual({ ok: true });
    expect(await personByEmail(input.email)).toMatchObject({ communicationsConsent: false, communicationsConsentWithdrawnAt: MARCH_9 });
    // Ticking it again gives it again, from then.
    const later = new Date("2026-03-10T08:00:00Z");
    expect(await updateRegistration(db, { token: first.token, now: later, ...edit, communicationsConsent: true })).toEqual({ ok: true });
    expect(await personByEmail(input.email)).toMatchObject({ communicationsConsent: true, communicationsConsentAt: later });
  });

  test("a scheda with the officer's consent gives it; one without leaves an earlier consent", async () => {
    const municipality = await createMunicipalityIn(db, { name: "Consensopoli" });
    const input = referentSheetInput(municipality.id, { communicationsConsent: true });
    expect(await submitReferentSheet(db, { ...input, now: MARCH_3 })).toMatchObject({ ok: true });
    expect(await personByEmail(input.officerEmail)).toMatchObject({ communicationsConsent: true, communicationsConsentAt: MARCH_3 });
    expect(await submitReferentSheet(db, { ...input, communicationsConsent: false, now: MARCH_9 })).toMatchObject({ ok: true, resubmitted: true });
    expect(await personByEmail(input.officerEmail)).toMatchObject({ communicationsConsent: true, communicationsConsentAt: MARCH_3 });
  });

  test("consentedPeople and hasCommunicationsConsent: who consents now, never the withdrawn, the never-asked or the erased", async () => {
    const admin = await createUser(db, "ADMIN");
    const yes = await consentingWithLink("si.consenso@example.it");
    const withdrawn = await consentingWithLink("ritirato.consenso@example.it");
    const erased = await consentingWithLink("cancellato.consenso@example.it");
    await db.person.create({ data: { email: "mai.consenso@example.it", firstName: "Mai", lastName: "Chiesto" } });
    expect(await unsubscribe(db, { token: withdrawn.token, oneClick: false })).toEqual({ ok: true, withdrawn: true });
    expect(await erasePerson(db, { actor: admin, personId: erased.person.id })).toMatchObject({ ok: true });

    const ids = (await consentedPeople(db)).map((person) => person.id);
    expect(ids).toContain(yes.person.id);
    expect(ids).not.toContain(withdrawn.person.id);
    expect(ids).not.toContain(erased.person.id);
    const fragment = await db.person.findMany({ where: { ...hasCommunicationsConsent, email: { endsWith: ".consenso@example.it" } }, select: { email: true } });
    expect(fragment.map((person) => person.email)).toEqual(["si.consenso@example.it"]);
  });

  test("erasure clears the consent and takes the person's unsubscribe links with it", async () => {
    const admin = await createUser(db, "ADMIN");
    const { person, token } = await consentingWithLink();
    expect(await erasePerson(db, { actor: admin, personId: person.id })).toMatchObject({ ok: true });
    expect(await db.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      communicationsConsent: false,
      communicationsConsentAt: null,
      communicationsConsentWithdrawnAt: null,
    });
    expect(await db.unsubscribeToken.count({ where: { personId: person.id } })).toBe(0);
    expect(await getUnsubscribeLink(db, token)).toBeNull();
    expect((await oneClick(token)).status).toBe(404);
  });

  test("the person's page reads the consent, its time and its withdrawal", async () => {
    const { person, token } = await consentingWithLink();
    expect((await getPersonRecords(db, { id: person.id }))?.person).toMatchObject({ communicationsConsent: true, communicationsConsentAt: MARCH_3 });
    await unsubscribe(db, { token, oneClick: true, now: MARCH_9 });
    expect((await getPersonRecords(db, { id: person.id }))?.person).toMatchObject({ communicationsConsent: false, communicationsConsentWithdrawnAt: MARCH_9 });
  });
});

describe("the unsubscribe link", () => {
  test("is an absolute address of the page with a random token, stored only as its hash", async () => {
    const { person, link, token } = await consentingWithLink("Hash.Solo@Example.it".toLowerCase());
    expect(link).toMatch(new RegExp(`^${SITE}/comunicazioni/disiscrizione/[A-Za-z0-9_-]{43}$`));
    const rows = await db.unsubscribeToken.findMany({ where: { personId: person.id } });
    expect(rows).toEqual([expect.objectContaining({ tokenHash: hashToken(token), email: "hash.solo@example.it", usedAt: null })]);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await getUnsubscribeLink(db, token)).toEqual({ email: "hash.solo@example.it", name: "Carla Consenso", state: "CONSENTED", withdrawnAt: null });
  });

  test("the one-click POST (no cookie, no Origin) withdraws the consent, answers 200, is on the activity log once, and answers 200 again", async () => {
    const { person, token } = await consentingWithLink();
    const first = await oneClick(token);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ ok: true, message: expect.stringContaining("Fatto") });
    const after = await db.person.findUniqueOrThrow({ where: { id: person.id } });
    expect(after.communicationsConsent).toBe(false);
    expect(after.communicationsConsentWithdrawnAt).toBeInstanceOf(Date);
    expect((await db.unsubscribeToken.findFirstOrThrow({ where: { personId: person.id } })).usedAt).toEqual(after.communicationsConsentWithdrawnAt);

    const again = await oneClick(token);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ ok: true, message: expect.stringContaining("Già fatto") });
    expect((await db.person.findUniqueOrThrow({ where: { id: person.id } })).communicationsConsentWithdrawnAt).toEqual(after.communicationsConsentWithdrawnAt);
    const audit = await db.auditEntry.findMany({ where: { entityType: "Person", entityId: person.id } });
    expect(audit).toEqual([expect.objectContaining({ action: "person.communications-withdraw", actorLabel: "pubblico", actorId: null })]);
    expect(audit[0].data).toMatchObject({ details: { oneClick: true } });
  });

  test("the one-click POST accepts the multipart body RFC 8058 also allows, and refuses any other body with 400, writing nothing", async () => {
    const { person, token } = await consentingWithLink();
    const before = await databaseDigest(db);
    for (const body of ["", "List-Unsubscribe=Yes", "unsubscribe", "List-Unsubscribe=One-Click".repeat(300)]) {
      const response = await oneClick(token, body);
      expect(response.status).toBe(400);
    }
    expect(await databaseDigest(db)).toBe(before);
    const form = new FormData();
    form.set("List-Unsubscribe", "One-Click");
    const request = new Request(`${SITE}/api/comunicazioni/disiscrizione/${token}`, { method: "POST", body: form });
    expect((await oneClickRoute.POST(request, { params: Promise.resolve({ token }) })).status).toBe(200);
    expect((await db.person.findUniqueOrThrow({ where: { id: person.id } })).communicationsConsent).toBe(false);
  });

  test("the page's button withdraws it and sends the browser to the confirmation (303); a second click does too", async () => {
    const { person, token } = await consentingWithLink();
    const response = await pageButton(token);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/comunicazioni/disiscrizione/${token}/fatto`);
    expect((await db.person.findUniqueOrThrow({ where: { id: person.id } })).communicationsConsent).toBe(false);
    expect(await getUnsubscribeLink(db, token)).toMatchObject({ state: "WITHDRAWN", withdrawnAt: expect.any(Date) });
    expect((await pageButton(token)).status).toBe(303);
    expect(await db.auditEntry.count({ where: { entityId: person.id, action: "person.communications-withdraw" } })).toBe(1);
  });

  test("someone who never consented (a referent) records the wish too, and the link says it is done", async () => {
    const person = await db.person.create({ data: { email: "mai.dato@example.it", firstName: "Mai", lastName: "Dato" } });
    const link = await db.$transaction((tx) => createUnsubscribeUrl(tx, { personId: person.id, email: person.email }));
    const token = new URL(link).pathname.split("/").at(-1)!;
    expect(await getUnsubscribeLink(db, token)).toMatchObject({ state: "NONE" });
    expect((await pageButton(token)).status).toBe(303);
    expect(await db.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ communicationsConsent: false, communicationsConsentWithdrawnAt: expect.any(Date) });
    expect(await getUnsubscribeLink(db, token)).toMatchObject({ state: "WITHDRAWN" });
  });

  test("an unknown or malformed token is 404 with an Italian message, writing nothing; another site's browser is 403", async () => {
    const { token } = await consentingWithLink();
    const before = await digest();
    const unknown = "A".repeat(43);
    for (const bad of [unknown, "corto", "%00", "a".repeat(44)]) {
      const response = await oneClick(bad);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { message: string }).message).toContain("link");
      const page = await pageButton(bad);
      expect(page.status).toBe(404);
      expect(await page.text()).toContain("non è valido");
    }
    expect((await oneClick(token, "List-Unsubscribe=One-Click", { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await pageButton(token, { origin: "https://evil.example", "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(await digest()).toBe(before);
  });
});

describe("emails that carry it", () => {
  const HEADERS = { "List-Unsubscribe": expect.stringMatching(/^<http:\/\/localhost:3000\/api\/comunicazioni\/disiscrizione\/[A-Za-z0-9_-]{43}>$/), "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };

  test("coverage reminders: a link per recipient in the data, a secret of the template, with the headers and the visible link", async () => {
    const admin = await createUser(db, "COORDINATOR");
    const meeting = await createMeeting(db);
    const municipality = await createMunicipalityIn(db, { name: "Promemoriopoli" });
    const referent = await createReferent(db, municipality.id, { email: "referente@promemoriopoli.example.it" });
    expect(await sendCoverageReminders(db, { actor: admin, meetingId: meeting.id })).toMatchObject({ ok: true, sent: 1 });
    const message = await db.emailMessage.findFirstOrThrow({ where: { meetingId: meeting.id, template: "coverage-reminder" } });
    const data = message.data as { unsubscribeUrl: string };
    expect(data.unsubscribeUrl).toMatch(/\/comunicazioni\/disiscrizione\/[A-Za-z0-9_-]{43}$/);
    const token = new URL(data.unsubscribeUrl).pathname.split("/").at(-1)!;
    expect(await db.unsubscribeToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).toMatchObject({ personId: referent.personId, email: "referente@promemoriopoli.example.it" });
    expect(EMAIL_SECRET_KEYS["coverage-reminder"]).toContain("unsubscribeUrl");

    const rendered = await renderStoredEmail("coverage-reminder", message.data);
    expect(rendered.headers).toEqual(HEADERS);
    expect(rendered.headers?.["List-Unsubscribe"]).toBe(`<${SITE}/api/comunicazioni/disiscrizione/${token}>`);
    expect(rendered.text).toContain("Non ricevere più queste comunicazioni");
    expect(rendered.text).toContain(data.unsubscribeUrl);
    expect(rendered.html).toContain(`href="${data.unsubscribeUrl}"`);
  });

  test("whoever used the link is reminded no more (unless they consent again); the others still are", async () => {
    const admin = await createUser(db, "COORDINATOR");
    const meeting = await createMeeting(db);
    const municipality = await createMunicipalityIn(db, { name: "Disiscrittopoli" });
    const stays = await createReferent(db, municipality.id, { email: "resta@disiscrittopoli.example.it" });
    const leaves = await createReferent(db, municipality.id, { email: "esce@disiscrittopoli.example.it" });
    const link = await db.$transaction((tx) => createUnsubscribeUrl(tx, { personId: leaves.personId, email: leaves.person.email }));
    expect(await unsubscribe(db, { token: new URL(link).pathname.split("/").at(-1)!, oneClick: true })).toMatchObject({ ok: true });
    expect(await sendCoverageReminders(db, { actor: admin, meetingId: meeting.id })).toMatchObject({ ok: true });
    // (The Comuni of the other tests are reminded too.)
    const sent = (await db.emailMessage.findMany({ where: { meetingId: meeting.id }, select: { toEmail: true } })).map((message) => message.toEmail);
    expect(sent).toContain(stays.person.email);
    expect(sent).not.toContain(leaves.person.email);
    // Consenting again (a registration with the box ticked) brings them back.
    await db.person.update({ where: { id: leaves.personId }, data: { communicationsConsent: true, communicationsConsentAt: new Date() } });
    const next = await createMeeting(db);
    await sendCoverageReminders(db, { actor: admin, meetingId: next.id });
    expect((await db.emailMessage.findMany({ where: { meetingId: next.id }, select: { toEmail: true } })).map((message) => message.toEmail)).toContain(leaves.person.email);
  });

  test("transactional emails carry no List-Unsubscribe and no unsubscribe link: every other template", async () => {
    const templates = Object.keys(emailTemplateSchemas) as EmailTemplateName[];
    const carrying = templates.filter((template) => "unsubscribeUrl" in emailTemplateSchemas[template].shape);
    expect(carrying).toEqual(["coverage-reminder", "convocation"]);
    for (const template of templates.filter((name) => !carrying.includes(name))) {
      const rendered = await renderEmail(template, SAMPLE_DATA[template] as never);
      expect(rendered.headers, template).toBeUndefined();
      expect(rendered.text, template).not.toContain("Non ricevere più");
      expect(rendered.html, template).not.toContain("disiscrizione");
    }
    for (const template of ["registration-confirmed", "personal-link", "join-link", "sign-in-link", "certificate"] as const) {
      expect(templates).toContain(template);
    }
  });

  test("a reminder without the link (queued by an older release) has no headers; a link that is not ours cannot be rendered", async () => {
    const older = { ...(SAMPLE_DATA["coverage-reminder"] as Record<string, unknown>) };
    delete older.unsubscribeUrl;
    expect((await renderStoredEmail("coverage-reminder", older)).headers).toBeUndefined();
    await expect(renderStoredEmail("coverage-reminder", { ...older, unsubscribeUrl: "https://evil.example/qualcosa" })).rejects.toThrow(/unsubscribe/);
  });
});
