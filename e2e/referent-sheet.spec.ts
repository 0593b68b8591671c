import { expect, test, type Page } from "@playwright/test";
import { expectNoViolations } from "./support/axe";
import { testDb } from "./support/database";
import { signInAs } from "./support/dashboard";
import { emailsTo, tick, uniqueEmail } from "./support/registration";

// Whole journeys with an axe check of every page at two widths: more than the default 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });

test.describe.configure({ timeout: 240_000 });

// A Comune no other spec uses: Sperlinga (EN).
const ISTAT_CODE = "086017";
const COMUNE = "Sperlinga";
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

async function axeAtBothWidths(page: Page, path: string) {
  for (const viewport of VIEWPORTS) {
    await test.step(`axe on ${path} at ${viewport.width}px`, async () => {
      await page.setViewportSize(viewport);
      await expectNoViolations(page);
    });
  }
  await page.setViewportSize(VIEWPORTS[0]);
}

type Referent = { firstName: string; lastName: string; role: "Politico" | "Tecnico"; office: string; email: string };

async function fillReferent(page: Page, index: number, referent: Referent) {
  const row = page.getByRole("group", { name: `Referente ${index + 1}`, exact: true });
  await row.getByRole("textbox", { name: "Nome", exact: true }).fill(referent.firstName);
  await row.getByRole("textbox", { name: "Cognome", exact: true }).fill(referent.lastName);
  await tick(row.getByRole("radio", { name: referent.role, exact: true }));
  await row.getByRole("textbox", { name: "Ufficio o incarico", exact: true }).fill(referent.office);
  await row.getByRole("textbox", { name: "Email", exact: true }).fill(referent.email);
}

async function fillHead(page: Page, pec: string, officer: { firstName: string; lastName: string; email: string }) {
  await page.getByRole("combobox", { name: "Comune" }).selectOption({ label: COMUNE });
  await page.getByRole("textbox", { name: "PEC del Comune" }).fill(pec);
  const section = page.getByRole("region", { name: "Chi compila la scheda" });
  await section.getByRole("textbox", { name: "Nome", exact: true }).fill(officer.firstName);
  await section.getByRole("textbox", { name: "Cognome", exact: true }).fill(officer.lastName);
  await section.getByRole("textbox", { name: "Ruolo o qualifica", exact: true }).fill("Funzionaria dei servizi sociali");
  await section.getByRole("textbox", { name: "Email", exact: true }).fill(officer.email);
  await tick(page.getByRole("checkbox", { name: /informativa sul trattamento/ }));
}

test("rows added with 'Aggiungi un referente' mark their required fields with the asterisk, as the first row does", async ({ page }) => {
  await page.goto("/scheda-referenti");
  await page.getByRole("button", { name: "Aggiungi un referente" }).click();
  await page.getByRole("button", { name: "Aggiungi un referente" }).click();
  for (const name of ["Referente 1", "Referente 2", "Referente 3"]) {
    const row = page.getByRole("group", { name, exact: true });
    const marked = row.locator('label:has(> span[aria-hidden="true"]), legend:has(> span[aria-hidden="true"])');
    await expect(marked, name).toHaveText(["Nome *", "Cognome *", "Ruolo *", "Ufficio o incarico *", "Email *"]);
    await expect(row.getByRole("textbox", { name: "Email", exact: true })).toHaveAttribute("required", "");
  }
  await page.getByRole("group", { name: "Referente 2", exact: true }).screenshot({ path: test.info().outputPath("referente-2.png") });
});

test("an officer sends the scheda (with and without JavaScript), a coordinator approves it, the referents are active and emailed", async ({ page, browser, baseURL }) => {
  const db = testDb();
  const municipality = await db.municipality.findUniqueOrThrow({ where: { istatCode: ISTAT_CODE } });
  // A run against a reused database starts from a Comune without schede or referents.
  await db.referent.deleteMany({ where: { municipalityId: municipality.id } });
  await db.referentSheet.deleteMany({ where: { municipalityId: municipality.id } });
  // Someone already active who the new scheda no longer lists.
  const previous = await db.person.create({ data: { email: uniqueEmail("sperlinga.uscente"), firstName: "Ugo", lastName: "Uscente" } });
  await db.referent.create({ data: { municipalityId: municipality.id, personId: previous.id, role: "TECHNICAL", source: "COORDINATOR" } });

  const officer = { firstName: "Grazia", lastName: "Compilatrice", email: uniqueEmail("sperlinga.ufficio") };
  const politico: Referent = { firstName: "Salvo", lastName: "Assessore", role: "Politico", office: "Assessore ai servizi sociali", email: uniqueEmail("sperlinga.politico") };
  const tecnico: Referent = { firstName: "Teresa", lastName: "Tecnica", role: "Tecnico", office: "Ufficio servizi sociali", email: uniqueEmail("sperlinga.tecnico") };

  await test.step("with JavaScript: one row, then 'Aggiungi un referente'", async () => {
    await page.goto("/scheda-referenti");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Scheda referenti");
    await expect(page.getByRole("group", { name: /^Referente \d$/ })).toHaveCount(1);
    await axeAtBothWidths(page, "/scheda-referenti");
    await fillHead(page, "protocollo@pec.comune.sperlinga.example.it", officer);
    await fillReferent(page, 0, politico);
    await page.getByRole("button", { name: "Aggiungi un referente" }).click();
    await fillReferent(page, 1, tecnico);
    await page.getByRole("button", { name: "Invia la scheda" }).click();
    await expect(page).toHaveURL(/\/scheda-referenti\/inviata$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Scheda referenti inviata");
    await expect(page.locator("main")).toContainText("da verificare");
    await axeAtBothWidths(page, "/scheda-referenti/inviata");

    const sheets = await db.referentSheet.findMany({ where: { municipalityId: municipality.id }, include: { entries: true } });
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).toMatchObject({ status: "PENDING", submissions: 1 });
    expect(sheets[0].entries.map((entry) => entry.email).sort()).toEqual([politico.email, tecnico.email].map((e) => e.toLowerCase()).sort());
    expect((await emailsTo(officer.email)).map((message) => message.template)).toEqual(["referent-sheet-received"]);
  });

  const second: Referent = { firstName: "Sara", lastName: "Seconda", role: "Tecnico", office: "Segreteria generale", email: uniqueEmail("sperlinga.seconda") };
  await test.step("without JavaScript: five rows, a repeated email flagged with everything kept, then sent again", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const noJs = await context.newPage();
    await noJs.goto("/scheda-referenti");
    await expect(noJs.getByRole("group", { name: /^Referente \d$/ })).toHaveCount(5);
    await expect(noJs.getByRole("button", { name: "Aggiungi un referente" })).toHaveCount(0);
    await fillHead(noJs, "protocollo@pec.comune.sperlinga.example.it", officer);
    await fillReferent(noJs, 0, politico);
    await fillReferent(noJs, 1, { ...second, email: politico.email });
    await noJs.getByRole("button", { name: "Invia la scheda" }).click();

    const summary = noJs.locator("#scheda-esito");
    await expect(summary.getByRole("link", { name: /Referente 2: Questo indirizzo compare già/ })).toBeVisible();
    const row = noJs.getByRole("group", { name: "Referente 2", exact: true });
    const email = row.getByRole("textbox", { name: "Email", exact: true });
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toBeFocused();
    await expect(row.getByRole("textbox", { name: "Cognome", exact: true })).toHaveValue("Seconda");
    await expect(row.getByRole("radio", { name: "Tecnico", exact: true })).toBeChecked();
    await expect(noJs.getByRole("combobox", { name: "Comune" }).locator("option:checked")).toHaveText(COMUNE);
    await expect(noJs.getByRole("checkbox", { name: /informativa sul trattamento/ })).toBeChecked();
    await expect(noJs.getByRole("region", { name: "Chi compila la scheda" }).getByRole("textbox", { name: "Email", exact: true })).toHaveValue(officer.email);

    await email.fill(second.email);
    await noJs.getByRole("button", { name: "Invia la scheda" }).click();
    await expect(noJs).toHaveURL(/\/scheda-referenti\/inviata$/);
    await context.close();

    const sheets = await db.referentSheet.findMany({ where: { municipalityId: municipality.id }, include: { entries: true } });
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).toMatchObject({ status: "PENDING", submissions: 2 });
    expect(sheets[0].entries.map((entry) => entry.email).sort()).toEqual([politico.email, second.email].map((e) => e.toLowerCase()).sort());
  });

  await test.step("a coordinator reviews and approves", async () => {
    await signInAs(page, "COORDINATOR");
    await page.goto("/dashboard/referenti");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Referenti");
    const pending = page.getByRole("row").filter({ hasText: COMUNE }).filter({ hasText: "inviata 2 volte" });
    await expect(pending).toHaveCount(1);
    await axeAtBothWidths(page, "/dashboard/referenti");
    await pending.getByRole("link", { name: /Esamina/ }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Scheda referenti del Comune di ${COMUNE}`);
    const changes = page.getByRole("region", { name: "Cosa cambia approvando" });
    await expect(changes).toContainText("Salvo Assessore");
    await expect(changes).toContainText("Sara Seconda");
    await expect(changes).toContainText("Ugo Uscente");
    await axeAtBothWidths(page, "review page");
    await page.getByRole("button", { name: /Approva la scheda/ }).click();
    await expect(page.getByRole("heading", { name: "Scheda approvata" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Approva la scheda/ })).toHaveCount(0);
  });

  await test.step("the referents are active, the one no longer listed revoked, each listed referent emailed", async () => {
    await page.goto(`/dashboard/referenti?cerca=${COMUNE}`);
    const rows = page.getByRole("region", { name: "Tabella dei referenti" }).getByRole("row");
    for (const name of ["Salvo Assessore", "Sara Seconda"]) await expect(rows.filter({ hasText: name })).toContainText("Attivo");
    await expect(rows.filter({ hasText: "Ugo Uscente" })).toContainText("Revocato");
    await expect(rows.filter({ hasText: "Teresa Tecnica" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Tabella delle schede esaminate di recente" }).getByRole("row").filter({ hasText: COMUNE })).toContainText("Approvata");
    await axeAtBothWidths(page, "/dashboard/referenti after the approval");
    for (const referent of [politico, second]) {
      expect((await emailsTo(referent.email)).map((message) => message.template)).toEqual(["referent-designated"]);
    }
    // The officer is told the outcome, as the form promised.
    const outcome = (await emailsTo(officer.email)).filter((message) => message.template === "referent-sheet-approved");
    expect(outcome).toHaveLength(1);
    expect(outcome[0].data).toMatchObject({ municipalityName: COMUNE, referents: [{ name: "Salvo Assessore" }, { name: "Sara Seconda" }] });
    expect((await db.municipality.findUniqueOrThrow({ where: { id: municipality.id } })).pec).toBe("protocollo@pec.comune.sperlinga.example.it");
  });

  await test.step("adding an already active referent is refused next to the email; the referent's page passes axe", async () => {
    await page.goto("/dashboard/referenti/nuovo");
    await axeAtBothWidths(page, "/dashboard/referenti/nuovo");
    await page.getByRole("combobox", { name: "Comune" }).selectOption({ label: COMUNE });
    await page.getByRole("textbox", { name: "Nome", exact: true }).fill("Salvo");
    await page.getByRole("textbox", { name: "Cognome", exact: true }).fill("Assessore");
    await page.getByRole("textbox", { name: "Email", exact: true }).fill(politico.email);
    await tick(page.getByRole("radio", { name: "Politico", exact: true }));
    await page.getByRole("button", { name: "Aggiungi il referente" }).click();
    await expect(page.getByRole("textbox", { name: "Email", exact: true })).toHaveAccessibleDescription(/già referente attivo/);

    const referent = await db.referent.findFirstOrThrow({ where: { municipalityId: municipality.id, person: { email: politico.email.toLowerCase() } } });
    await page.goto(`/dashboard/referenti/${referent.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Salvo Assessore");
    await axeAtBothWidths(page, "/dashboard/referenti/[id]");
  });
});
