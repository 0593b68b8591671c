import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/lib/test/database";
import { createMeeting, createMunicipalityIn, createReferent, createSaiProjectWithBody, registrationInput } from "@/lib/test/factories";
import { register } from "../mutations";
import { lookupKnownReferent } from "./lookup";
import { listSaiBodiesByMunicipality } from "./queries";
import { REFERENT_LOOKUP_LIMITS as LOOKUP_LIMITS } from "@/lib/platform/rate-limit/limits";

const request = vi.hoisted(() => ({ ip: "192.0.2.1" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": request.ip }) }));

const { url, db } = await createTestDatabase();
beforeAll(() => {
  // The lookup's rate limiter (and the action's default client) read it on first use.
  process.env.DATABASE_URL = url;
});

let ipCounter = 0;
/** A fresh caller address per test, so one test's lookups do not count against another's. */
const freshIp = () => `198.51.100.${++ipCounter}`;
const uniqueEmail = (name: string) => `${name}.${randomBytes(3).toString("hex")}@comune.example.it`;

async function referentOf(municipalityId: string, options: Parameters<typeof createReferent>[2] = {}, office: string | null = "Ufficio servizi sociali") {
  const referent = await createReferent(db, municipalityId, options);
  await db.referent.update({ where: { id: referent.id }, data: { office } });
  return referent;
}

describe("listSaiBodiesByMunicipality", () => {
  it("gives each municipality only its own projects' bodies, each once with its categories in order", async () => {
    const comune = await createMunicipalityIn(db, { name: "Comune Uno Link" });
    const other = await createMunicipalityIn(db, { name: "Comune Due Link", province: "CT" });
    const alba = await createSaiProjectWithBody(db, comune.id, { bodyName: "Cooperativa Alba", category: "MSNA" });
    await createSaiProjectWithBody(db, comune.id, { managingBodyId: alba.managingBodyId, category: "ORDINARI" });
    const zeta = await createSaiProjectWithBody(db, comune.id, { bodyName: "Associazione Zeta", category: "DM_DS" });
    const elsewhere = await createSaiProjectWithBody(db, other.id, { bodyName: "Cooperativa Altrove" });
    // A body working in both: listed under each, with that municipality's categories only.
    await createSaiProjectWithBody(db, other.id, { managingBodyId: alba.managingBodyId, category: "DM_DS" });
    const empty = await createMunicipalityIn(db, { name: "Comune Senza Progetti" });

    const bodies = await listSaiBodiesByMunicipality(db);
    expect(bodies[comune.id]).toEqual([
      { id: zeta.managingBodyId, name: "Associazione Zeta", categories: ["DM_DS"] },
      { id: alba.managingBodyId, name: "Cooperativa Alba", categories: ["ORDINARI", "MSNA"] },
    ]);
    expect(bodies[other.id]).toEqual([
      { id: alba.managingBodyId, name: "Cooperativa Alba", categories: ["DM_DS"] },
      { id: elsewhere.managingBodyId, name: "Cooperativa Altrove", categories: ["ORDINARI"] },
    ]);
    expect(bodies[empty.id]).toBeUndefined();
  });
});

describe("lookupKnownReferent", () => {
  it("finds an active referent by email, whatever the case, with the minimal fields only", async () => {
    const comune = await createMunicipalityIn(db, { name: "Comune Referente Link" });
    const email = uniqueEmail("rosa.referente");
    await referentOf(comune.id, { email, firstName: "Rosa", lastName: "Lo Bue" });
    await db.person.update({ where: { email }, data: { phone: "091 123 4567", roleTitle: "Assistente sociale" } });

    const found = await lookupKnownReferent(db, { input: { email: `  ${email.toUpperCase()} ` }, ip: freshIp() });
    expect(found).toEqual({
      firstName: "Rosa",
      lastName: "Lo Bue",
      roleTitle: "Referente tecnico - Ufficio servizi sociali",
      municipalityId: comune.id,
      municipalityName: "Comune Referente Link",
    });
  });

  it("says only the role when the office is not known, and a political referent is one", async () => {
    const comune = await createMunicipalityIn(db, { name: "Comune Politico Link" });
    const email = uniqueEmail("sindaco");
    const referent = await referentOf(comune.id, { email }, null);
    await db.referent.update({ where: { id: referent.id }, data: { role: "POLITICAL" } });
    expect((await lookupKnownReferent(db, { input: { email }, ip: freshIp() }))?.roleTitle).toBe("Referente politico");
  });

  it("answers null for a revoked referent, an erased person and an unknown address", async () => {
    const comune = await createMunicipalityIn(db, { name: "Comune Revoca Link" });
    const revoked = uniqueEmail("revocato");
    await referentOf(comune.id, { email: revoked, status: "REVOKED" });
    const erased = uniqueEmail("cancellato");
    await referentOf(comune.id, { email: erased });
    await db.person.update({ where: { email: erased }, data: { erasedAt: new Date() } });
    // A plain person (a past registrant) is no referent either.
    const registrant = uniqueEmail("iscritto");
    await db.person.create({ data: { email: registrant, firstName: "Ugo", lastName: "Iscritto" } });

    for (const email of [revoked, erased, registrant, uniqueEmail("sconosciuto")]) {
      expect(await lookupKnownReferent(db, { input: { email }, ip: freshIp() })).toBeNull();
    }
  });

  it("answers null, without throwing, to bad input", async () => {
    const ip = freshIp();
    for (const input of [undefined, null, "rosa@comune.it", {}, { email: "" }, { email: "non-un-indirizzo" }, { email: 42 }, { email: "a".repeat(300) + "@x.it" }]) {
      await expect(lookupKnownReferent(db, { input, ip })).resolves.toBeNull();
    }
  });

  it("refuses once an address has been looked up too often, and once a caller has asked too often", async () => {
    const comune = await createMunicipalityIn(db, { name: "Comune Limite Link" });
    const email = uniqueEmail("limite");
    await referentOf(comune.id, { email });
    for (let i = 0; i < LOOKUP_LIMITS.perEmail.points; i++) {
      expect(await lookupKnownReferent(db, { input: { email }, ip: freshIp() })).not.toBeNull();
    }
    expect(await lookupKnownReferent(db, { input: { email }, ip: freshIp() })).toBeNull();

    const ip = freshIp();
    for (let i = 0; i < LOOKUP_LIMITS.perIp.points; i++) await lookupKnownReferent(db, { input: { email: uniqueEmail("giro") }, ip });
    const other = uniqueEmail("altro.referente");
    await referentOf(comune.id, { email: other });
    expect(await lookupKnownReferent(db, { input: { email: other }, ip })).toBeNull();
    expect(await lookupKnownReferent(db, { input: { email: other }, ip: freshIp() })).not.toBeNull();
  });

  it("is what the public action answers, keyed by the caller's address", async () => {
    const { lookupReferentAction } = await import("./actions");
    const comune = await createMunicipalityIn(db, { name: "Comune Azione Link" });
    const email = uniqueEmail("azione");
    await referentOf(comune.id, { email, firstName: "Nella" });
    request.ip = freshIp();
    expect(await lookupReferentAction({ email })).toMatchObject({ firstName: "Nella", municipalityId: comune.id });
    expect(await lookupReferentAction("junk")).toBeNull();
  });
});

describe("a nominee of a known managing body", () => {
  it("links the invitation to the body whose name it gives, whatever the case", async () => {
    const comune = await createMunicipalityIn(db, { name: "Comune Invito Link" });
    const project = await createSaiProjectWithBody(db, comune.id, { bodyName: "Cooperativa Nota Link" });
    const meeting = await createMeeting(db);
    const nominee = { firstName: "Lia", lastName: "Gestore", email: uniqueEmail("gestore"), managingBodyName: "  cooperativa NOTA link " };
    const result = await register(db, {
      slug: meeting.slug,
      ...registrationInput({ organisationType: "COMUNE", municipalityId: comune.id, organisationName: "", nominees: [nominee] }),
    });
    expect(result.ok).toBe(true);
    const invitation = await db.invitation.findFirstOrThrow({ where: { meetingId: meeting.id } });
    expect(invitation).toMatchObject({ managingBodyId: project.managingBodyId, managingBodyName: "cooperativa NOTA link" });
  });
});
