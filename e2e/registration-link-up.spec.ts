import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createMunicipalityIn, createSaiProjectWithBody } from "../lib/test/factories";
import { expectNoViolations } from "./support/axe";
import { seedMeeting, testDb } from "./support/database";
import { fillRegistrationForm, person, registrationOf, tick, uniqueEmail } from "./support/registration";

/** A municipality of its own (no other spec uses it) with two SAI projects of two bodies, one of them with two categories. */
async function seedComuneWithBodies() {
  const suffix = randomBytes(3).toString("hex");
  const comune = await createMunicipalityIn(testDb(), { name: `Comune Collegato ${suffix}`, province: "TP" });
  const alba = await createSaiProjectWithBody(testDb(), comune.id, { bodyName: `Cooperativa Alba ${suffix}`, category: "ORDINARI" });
  await createSaiProjectWithBody(testDb(), comune.id, { managingBodyId: alba.managingBodyId, category: "MSNA" });
  const zefiro = await createSaiProjectWithBody(testDb(), comune.id, { bodyName: `Associazione Zefiro ${suffix}`, category: "DM_DS" });
  return { comune, alba: alba.managingBody, zefiro: zefiro.managingBody };
}

function knownBodiesRegion(page: Page, comuneName: string) {
  return page.getByRole("region", { name: `Enti gestori dei progetti SAI del Comune di ${comuneName}` });
}

test("for a Comune the form offers its SAI managing bodies; one click starts a representative's row, and the invitation is linked to the body", async ({ page }) => {
  // Two axe runs and a whole registration: under CI's load this passed 30 s once.
  test.setTimeout(60_000);
  const { comune, alba, zefiro } = await seedComuneWithBodies();
  const meeting = await seedMeeting();
  const referent = person("link.comune");
  await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
  await expect(page.getByRole("region", { name: /Enti gestori dei progetti SAI/ })).toHaveCount(0);

  await fillRegistrationForm(page, referent, { type: "Comune", municipality: comune.name });
  const offered = knownBodiesRegion(page, comune.name);
  await expect(offered.getByRole("listitem")).toHaveCount(2);
  await expect(offered.getByRole("listitem").first()).toContainText(`${zefiro.name} (progetti DM-DS)`);
  await expect(offered.getByRole("listitem").last()).toContainText(`${alba.name} (progetti Ordinari, MSNA)`);

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  await offered.getByRole("button", { name: `Invita un rappresentante di ${alba.name}` }).click();
  const row = page.getByRole("group", { name: "Rappresentante 1", exact: true });
  await expect(row.getByRole("combobox", { name: "Ente gestore", exact: true })).toHaveValue(alba.name);
  await expect(row.getByRole("textbox", { name: "Nome", exact: true })).toBeFocused();
  await expect(offered.getByRole("listitem").last()).toContainText("Già tra i rappresentanti da invitare");
  await expect(offered.getByRole("button", { name: `Invita un rappresentante di ${alba.name}` })).toHaveCount(0);

  const nomineeEmail = uniqueEmail("link.gestore");
  await row.getByRole("textbox", { name: "Nome", exact: true }).fill("Luca");
  await row.getByRole("textbox", { name: "Cognome", exact: true }).fill("Alba");
  await row.getByRole("textbox", { name: "Email", exact: true }).fill(nomineeEmail);
  await page.getByRole("button", { name: "Invia l'iscrizione" }).click();
  await expect(page).toHaveURL(/\/iscrizione\/[A-Za-z0-9_-]{43}\/conferma$/);

  expect((await registrationOf(referent.email, meeting.id))?.municipalityId).toBe(comune.id);
  const invitation = await testDb().invitation.findFirstOrThrow({ where: { meetingId: meeting.id } });
  expect(invitation).toMatchObject({ email: nomineeEmail.toLowerCase(), managingBodyName: alba.name, managingBodyId: alba.id });
});

test("a Comune's active referent who gives their email finds the empty fields pre-filled, and what they typed kept", async ({ page }) => {
  const { comune, zefiro } = await seedComuneWithBodies();
  const email = uniqueEmail("link.referente");
  const personRow = await testDb().person.create({
    data: { email: email.toLowerCase(), firstName: "Carmela", lastName: "Lo Presti", phone: "091 765 4321" },
  });
  await testDb().referent.create({
    data: { municipalityId: comune.id, personId: personRow.id, role: "TECHNICAL", office: "Ufficio servizi sociali", source: "COORDINATOR" },
  });
  const meeting = await seedMeeting();
  await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);

  const personal = page.getByRole("region", { name: "I tuoi dati" });
  await personal.getByRole("textbox", { name: "Nome", exact: true }).fill("Carmelina");
  await personal.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await personal.getByRole("textbox", { name: "Email", exact: true }).press("Tab");

  await expect(page.getByRole("status").filter({ hasText: "Abbiamo precompilato" })).toHaveText(
    `Abbiamo precompilato i dati del referente del Comune di ${comune.name}: verificali prima di inviare.`,
  );
  await expect(personal.getByRole("textbox", { name: "Nome", exact: true })).toHaveValue("Carmelina");
  await expect(personal.getByRole("textbox", { name: "Cognome", exact: true })).toHaveValue("Lo Presti");
  await expect(personal.getByRole("textbox", { name: "Ruolo o qualifica", exact: true })).toHaveValue("Referente tecnico - Ufficio servizi sociali");
  await expect(personal.getByRole("textbox", { name: "Telefono (facoltativo)" })).toHaveValue("");
  await expect(page.getByRole("radio", { name: "Comune", exact: true })).toBeChecked();
  await expect(page.getByRole("combobox", { name: "Comune" })).toHaveValue(comune.name);
  // The Comune is known, so are its bodies.
  await expect(knownBodiesRegion(page, comune.name).getByRole("button", { name: `Invita un rappresentante di ${zefiro.name}` })).toBeVisible();

  await tick(page.getByRole("checkbox", { name: /informativa sul trattamento/ }));
  await page.getByRole("button", { name: "Invia l'iscrizione" }).click();
  await expect(page).toHaveURL(/\/conferma$/);
  expect(await registrationOf(email, meeting.id)).toMatchObject({ organisationType: "COMUNE", municipalityId: comune.id });
});

test("an address that is no referent's pre-fills nothing", async ({ page }) => {
  const meeting = await seedMeeting();
  await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
  const personal = page.getByRole("region", { name: "I tuoi dati" });
  await personal.getByRole("textbox", { name: "Email", exact: true }).fill(uniqueEmail("link.sconosciuto"));
  await personal.getByRole("textbox", { name: "Email", exact: true }).press("Tab");
  await page.waitForTimeout(500);
  await expect(personal.getByRole("textbox", { name: "Cognome", exact: true })).toHaveValue("");
  await expect(page.getByText("Abbiamo precompilato")).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form still registers, the body typed by name is linked, and every known body is suggested", async ({ page }) => {
    const { comune, zefiro } = await seedComuneWithBodies();
    const meeting = await seedMeeting();
    const referent = person("link.senza.js");
    const nomineeEmail = uniqueEmail("link.senza.js.gestore");
    await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
    await expect(page.locator(`datalist#enti-gestori-noti option[value="${zefiro.name}"]`)).toBeAttached();
    await fillRegistrationForm(page, referent, { type: "Comune", municipality: comune.name }, [
      { firstName: "Anna", lastName: "Zefiro", email: nomineeEmail, managingBodyName: zefiro.name.toUpperCase() },
    ]);
    await expect(page.getByRole("region", { name: /Enti gestori dei progetti SAI/ })).toHaveCount(0);
    await page.getByRole("button", { name: "Invia l'iscrizione" }).click();
    await expect(page).toHaveURL(/\/iscrizione\/[A-Za-z0-9_-]{43}\/conferma$/);
    const invitation = await testDb().invitation.findFirstOrThrow({ where: { meetingId: meeting.id } });
    expect(invitation.managingBodyId).toBe(zefiro.id);
  });
});
