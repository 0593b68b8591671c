import { expect, test } from "@playwright/test";
import { expectNoViolations } from "./support/axe";
import { seedMeeting, testDb } from "./support/database";
import { registerViaApi, signInAs } from "./support/dashboard";
import { uniqueEmail } from "./support/registration";

test.describe.configure({ timeout: 300_000 });

test("every dashboard page passes axe, with data on it", async ({ page, baseURL }) => {
  const meeting = await seedMeeting({ capacity: 2, title: "Tavolo tecnico per l'accessibilità" });
  // Two SAI municipalities: one registers, one only has a referent.
  const [registered, waiting] = await Promise.all(
    ["Monreale", "Bagheria"].map((name) => testDb().municipality.update({ where: { istatCode: name === "Monreale" ? "082049" : "082006" }, data: { saiMember: true } })),
  );
  const referent = await testDb().person.create({ data: { email: uniqueEmail("referente"), firstName: "Rosa", lastName: "Referente" } });
  await testDb().referent.create({ data: { municipalityId: waiting.id, personId: referent.id, role: "TECHNICAL", source: "COORDINATOR" } });
  for (const [index, name] of ["Anna", "Bruno", "Carla"].entries()) {
    await registerViaApi(baseURL!, meeting.slug, {
      firstName: name,
      lastName: "Accessibile",
      email: uniqueEmail(name.toLowerCase()),
      municipality: index === 0 ? registered.name : undefined,
      nominees: index === 0 ? [{ firstName: "Gino", lastName: "Gestore", email: uniqueEmail("gino"), managingBodyName: "Cooperativa Accessibile" }] : [],
    });
  }

  // Every badge state that used a faint colour is on a scanned page: an expired invitation,
  // a sheet still to check, a SAI Comune with no registration, a waitlisted registrant (Carla).
  const gino = await testDb().invitation.findFirstOrThrow({ where: { meetingId: meeting.id, firstName: "Gino" } });
  await testDb().invitation.update({ where: { id: gino.id }, data: { status: "EXPIRED" } });
  const officer = await testDb().person.create({ data: { email: uniqueEmail("ufficio"), firstName: "Ugo", lastName: "Ufficio" } });
  const sheet = await testDb().referentSheet.create({
    data: {
      municipalityId: waiting.id,
      pec: "protocollo@pec.comune.example.it",
      officerPersonId: officer.id,
      officerFirstName: "Ugo",
      officerLastName: "Ufficio",
      officerEmail: officer.email,
      privacyNoticeVersion: "2026-11-26",
      privacyConsentAt: new Date(),
      entries: { create: [{ position: 0, firstName: "Rita", lastName: "Tecnica", role: "TECHNICAL", email: uniqueEmail("rita") }] },
    },
  });

  await signInAs(page, "ADMIN");
  const base = `/dashboard/convocazioni/${meeting.id}`;
  const pages: [string, string][] = [
    ["/dashboard", "Panoramica"],
    ["/dashboard/convocazioni", "Convocazioni"],
    ["/dashboard/convocazioni/nuova", "Nuova convocazione"],
    [base, meeting.title],
    [`${base}/modifica`, "Modifica"],
    [`${base}/iscrizioni`, "Iscrizioni"],
    [`${base}/iscrizioni/nuova`, "Iscrivi"],
    [`${base}/inviti`, "Inviti agli enti gestori"],
    [`${base}/copertura`, "Copertura dei Comuni aderenti al SAI"],
    ["/dashboard/inviti", "Inviti"],
    ["/dashboard/comuni", "Comuni"],
    [`/dashboard/comuni/${waiting.id}`, "Comune di Bagheria"],
    ["/dashboard/referenti", "Referenti"],
    [`/dashboard/referenti/schede/${sheet.id}`, "Scheda referenti del Comune di Bagheria"],
    ["/dashboard/enti-gestori", "Enti gestori"],
    ["/dashboard/persone", "Persone"],
    ["/dashboard/email", "Email"],
    ["/dashboard/registro-attivita", "Registro attività"],
    ["/dashboard/utenti", "Utenti"],
    ["/dashboard/conservazione", "Conservazione dei dati"],
  ];
  const BADGE_STATES: Record<string, string> = {
    [`${base}/iscrizioni`]: "In lista d'attesa",
    [`${base}/inviti`]: "Scaduto",
    [`/dashboard/comuni/${waiting.id}`]: "Nessuna iscrizione",
    [`/dashboard/referenti/schede/${sheet.id}`]: "Da verificare",
  };
  // At a desktop width, then at a phone's, where wide tables must scroll (and be reachable by keyboard).
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(viewport);
    for (const [path, heading] of pages) {
      await test.step(`${path} at ${viewport.width}px`, async () => {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
        await expectNoViolations(page);
        const badge = BADGE_STATES[path];
        if (badge) await expect(page.locator(".badge", { hasText: badge }).first()).toBeVisible();
      });
    }
  }
});

test("the 403 page passes axe", async ({ page }) => {
  await signInAs(page, "OBSERVER");
  const response = await page.goto("/dashboard/utenti");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Accesso non consentito" })).toBeVisible();
  await expectNoViolations(page);
});
