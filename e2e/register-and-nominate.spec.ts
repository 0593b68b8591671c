import { expect, test } from "@playwright/test";
import { seedMeeting, testDb } from "./support/database";
import { emailsTo, fillRegistrationForm, person, registrationOf, uniqueEmail } from "./support/registration";

test("a Comune referent registers choosing the municipality, nominates two gestori and lands on the confirmation", async ({ page }) => {
  const meeting = await seedMeeting({ title: "Tavolo tecnico con gli enti gestori" });
  const referent = person("referente", { phone: "091 123 4567" });
  const gestori = [
    { firstName: "Luca", lastName: "Bianchi", email: uniqueEmail("gestore.uno"), managingBodyName: "Cooperativa Sole" },
    { firstName: "Anna", lastName: "Verdi", email: uniqueEmail("gestore.due"), managingBodyName: "Associazione Luna" },
  ];

  await page.goto(`/convocazioni/${meeting.slug}`);
  await page.getByRole("link", { name: "Iscriviti" }).click();
  await expect(page).toHaveURL(`/convocazioni/${meeting.slug}/iscrizione`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iscrizione all'incontro");

  // With JavaScript, a blank required field is reported as soon as it is left.
  const personal = page.getByRole("region", { name: "I tuoi dati" });
  await personal.getByRole("textbox", { name: "Nome", exact: true }).focus();
  await personal.getByRole("textbox", { name: "Nome", exact: true }).blur();
  await expect(page.getByText("Inserisci il nome").first()).toBeVisible();
  await expect(personal.getByRole("textbox", { name: "Nome", exact: true })).toHaveAttribute("aria-invalid", "true");

  await fillRegistrationForm(page, referent, { type: "Comune", municipality: "Palermo" }, gestori);
  // Only the field the chosen organisation needs is shown.
  await expect(page.getByRole("textbox", { name: "Nome dell'ente", exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Invia l'iscrizione" }).click();

  await expect(page).toHaveURL(/\/iscrizione\/[A-Za-z0-9_-]{43}\/conferma$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iscrizione confermata");
  const main = page.locator("main");
  await expect(main).toContainText("Il link di collegamento sarà inviato prima dell'incontro");
  await expect(main).toContainText(/ore \d{2}:\d{2}/);
  await expect(main).toContainText("Ti abbiamo inviato un'email");
  const personalPath = new URL(page.url()).pathname.replace(/\/conferma$/, "");
  await expect(main.getByRole("link", { name: /Aggiungi al calendario/ })).toHaveAttribute("href", `${personalPath}/calendario.ics`);
  await expect(main.getByRole("link", { name: "Gestisci la tua iscrizione" })).toHaveAttribute("href", personalPath);
  await expect(main).toContainText("Luca Bianchi (Cooperativa Sole)");

  const registration = await registrationOf(referent.email, meeting.id);
  expect(registration).toMatchObject({ status: "CONFIRMED", source: "SELF", organisationType: "COMUNE", communicationsConsent: false });
  const palermo = await testDb().municipality.findFirstOrThrow({ where: { name: "Palermo" } });
  expect(registration?.municipalityId).toBe(palermo.id);
  expect(registration?.person.phone).toBe("091 123 4567");

  const invitations = await testDb().invitation.findMany({ where: { meetingId: meeting.id }, orderBy: { email: "asc" } });
  expect(invitations.map((invitation) => invitation.email).sort()).toEqual(gestori.map((gestore) => gestore.email.toLowerCase()).sort());
  for (const gestore of gestori) {
    const messages = await emailsTo(gestore.email);
    expect(messages.map((message) => message.template)).toEqual(["invitation"]);
  }
  expect((await emailsTo(referent.email)).map((message) => message.template)).toEqual(["registration-confirmed"]);
});

test("rows left blank are ignored and a removed row is not invited", async ({ page }) => {
  const meeting = await seedMeeting();
  const referent = person("referente.righe");
  await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
  const kept = { firstName: "Paolo", lastName: "Neri", email: uniqueEmail("gestore.tenuto"), managingBodyName: "Cooperativa Mare" };
  const removed = { firstName: "Rita", lastName: "Gialli", email: uniqueEmail("gestore.tolto"), managingBodyName: "Cooperativa Vento" };
  await fillRegistrationForm(page, referent, { type: "Comune", municipality: "Trapani" }, [removed, kept]);
  await page.getByRole("button", { name: "Rimuovi il rappresentante 1" }).click();
  await expect(page.getByRole("group", { name: "Rappresentante 1", exact: true }).getByRole("textbox", { name: "Email", exact: true })).toHaveValue(kept.email);
  await page.getByRole("button", { name: "Invia l'iscrizione" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iscrizione confermata");

  const invitations = await testDb().invitation.findMany({ where: { meetingId: meeting.id } });
  expect(invitations.map((invitation) => invitation.email)).toEqual([kept.email.toLowerCase()]);
  const registration = await registrationOf(referent.email, meeting.id);
  const trapani = await testDb().municipality.findFirstOrThrow({ where: { name: "Trapani" } });
  expect(registration).toMatchObject({ organisationType: "COMUNE", organisationName: null, municipalityId: trapani.id });
});

test("the form is not offered when registration is closed or the meeting cancelled; a draft is not found", async ({ page }) => {
  const closed = await seedMeeting({ registrationClosesAt: new Date(Date.now() - 60_000) });
  await page.goto(`/convocazioni/${closed.slug}/iscrizione`);
  await expect(page.locator("main")).toContainText("Le iscrizioni a questo incontro sono chiuse.");
  await expect(page.locator("form#iscrizione")).toHaveCount(0);

  const cancelled = await seedMeeting({ status: "CANCELLED" });
  await page.goto(`/convocazioni/${cancelled.slug}/iscrizione`);
  await expect(page.locator("main")).toContainText("La convocazione è stata annullata");
  await expect(page.locator("form#iscrizione")).toHaveCount(0);

  const draft = await seedMeeting({ status: "DRAFT" });
  expect((await page.goto(`/convocazioni/${draft.slug}/iscrizione`))?.status()).toBe(404);
});

test("a form that fills the hidden honeypot field is refused and nothing is written", async ({ page }) => {
  const meeting = await seedMeeting();
  const bot = person("robot");
  await page.goto(`/convocazioni/${meeting.slug}/iscrizione`);
  await fillRegistrationForm(page, bot, { type: "Comune", municipality: "Palermo" });
  await page.locator('input[name="website"]:not([id^="valutazione-"])').evaluate((input: HTMLInputElement) => (input.value = "https://spam.example"));
  await page.getByRole("button", { name: "Invia l'iscrizione" }).click();
  await expect(page.locator("#iscrizione-esito")).toContainText("Non è stato possibile inviare il modulo");
  expect(await testDb().registration.count({ where: { meetingId: meeting.id } })).toBe(0);
  expect(await emailsTo(bot.email)).toEqual([]);
});
