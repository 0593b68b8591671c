import { randomInt } from "node:crypto";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { numericCheckDigit } from "../lib/managing-bodies/tax-code";
import { expectNoViolations } from "./support/axe";
import { signInAs } from "./support/dashboard";
import { testDb } from "./support/database";

// Whole journeys with an axe check of every page at two widths: more than the default 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });

const FIXTURE = path.join(import.meta.dirname, "fixtures", "progetti-sai.csv");
const FIXTURE_BODIES = ["Cooperativa Madonie E2E Import", 'Associazione "Nebrodi" E2E Import', "Ente Codice Sbagliato E2E Import"];
const FIXTURE_MUNICIPALITIES = ["Alimena", "Bompietro", "Geraci Siculo", "Polizzi Generosa"];

/** A partita IVA nobody else uses: ten random digits and their check digit. */
function uniqueTaxCode(): string {
  const firstTen = String(randomInt(1_000_000_000, 9_999_999_999)).padStart(10, "0");
  return `${firstTen}${numericCheckDigit(firstTen)}`;
}

/** Axe on the page as it is, at a desktop width and at a phone's. */
async function expectAccessibleAtBothWidths(page: Page) {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(viewport);
    await expectNoViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The fixture's projects, bodies and municipalities, to compare before and after an import. */
async function fixtureState(): Promise<string> {
  const db = testDb();
  const [bodies, projects, municipalities] = await Promise.all([
    db.managingBody.findMany({ where: { name: { in: FIXTURE_BODIES } }, orderBy: { id: "asc" } }),
    db.saiProject.findMany({ where: { managingBody: { name: { in: FIXTURE_BODIES } } }, orderBy: { id: "asc" } }),
    db.municipality.findMany({ where: { name: { in: FIXTURE_MUNICIPALITIES } }, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ bodies, projects, municipalities });
}

test("a coordinator creates a managing body: a wrong tax code is refused keeping what was typed, a right one is saved", async ({ page }) => {
  await signInAs(page, "COORDINATOR");
  const name = `Cooperativa E2E ${Date.now()}`;
  await page.goto("/dashboard/enti-gestori/nuovo");
  await expect(page.getByRole("heading", { level: 1, name: "Nuovo ente gestore" })).toBeVisible();
  await expectAccessibleAtBothWidths(page);

  await page.getByRole("textbox", { name: "Nome dell'ente gestore" }).fill(name);
  const taxCode = page.getByRole("textbox", { name: "Codice fiscale o partita IVA" });
  await taxCode.fill("00743110158");
  await page.getByRole("textbox", { name: "PEC" }).fill("e2e@pec.example.it");
  await page.getByRole("button", { name: "Crea l'ente gestore" }).click();
  await expect(page.locator("#nuovo-ente-taxCode-errore")).toContainText("L'ultima cifra (di controllo) non corrisponde");
  await expect(page.getByRole("textbox", { name: "Nome dell'ente gestore" })).toHaveValue(name);
  await expect(page.getByRole("textbox", { name: "PEC" })).toHaveValue("e2e@pec.example.it");
  await expectAccessibleAtBothWidths(page);

  const valid = uniqueTaxCode();
  await taxCode.fill(`IT ${valid}`);
  await page.getByRole("button", { name: "Crea l'ente gestore" }).click();
  await expect(page).toHaveURL(/\/dashboard\/enti-gestori\/[0-9a-f-]{36}\?esito=creato$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Ente gestore creato" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Codice fiscale o partita IVA" })).toHaveValue(valid);
  await expectAccessibleAtBothWidths(page);

  await page.goto(`/dashboard/enti-gestori?cerca=${encodeURIComponent(valid)}`);
  await expect(page.getByRole("link", { name })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("1 ente gestore.");
  await expectAccessibleAtBothWidths(page);
});

test("a coordinator imports the SAI projects list: preview with the rejected rows' reasons, apply, and the same file again changes nothing", async ({ page }) => {
  // The fixture's own data only, so the spec can run again against the same database.
  const db = testDb();
  await db.saiProject.deleteMany({ where: { managingBody: { name: { in: FIXTURE_BODIES } } } });
  await db.managingBody.deleteMany({ where: { name: { in: FIXTURE_BODIES } } });
  await db.municipality.updateMany({ where: { name: { in: FIXTURE_MUNICIPALITIES } }, data: { saiMember: false } });

  await signInAs(page, "COORDINATOR");
  await page.goto("/dashboard/enti-gestori/importa");
  await expect(page.getByRole("heading", { level: 1, name: "Importa i progetti SAI" })).toBeVisible();
  await expectAccessibleAtBothWidths(page);

  // A file of the wrong type is refused, with the reason next to the field.
  await page.getByLabel("File CSV o Excel (.xlsx)").setInputFiles({ name: "progetti.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
  await page.getByRole("button", { name: "Carica e mostra l'anteprima" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Il file non è stato caricato" })).toContainText("Tipo di file non accettato");
  await expect(page.locator("#file-errore")).toContainText("Tipo di file non accettato");
  await expectAccessibleAtBothWidths(page);

  await page.getByLabel("File CSV o Excel (.xlsx)").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "Carica e mostra l'anteprima" }).click();
  await expect(page).toHaveURL(/\/dashboard\/enti-gestori\/importa\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Anteprima dell'importazione di progetti-sai.csv" })).toBeVisible();
  const rows = page.getByRole("table", { name: /Righe del file/ }).getByRole("row");
  await expect(rows).toHaveCount(7);
  await expect(rows.filter({ hasText: "Alimena" })).toContainText("Da creare");
  await expect(rows.filter({ hasText: "Atlantide" })).toContainText("Comune sconosciuto");
  await expect(rows.filter({ hasText: "Straordinari" })).toContainText("Categoria «Straordinari» sconosciuta");
  await expect(rows.filter({ hasText: "Ente Codice Sbagliato" })).toContainText("Codice fiscale «00743110158» non valido");
  await expect(page.locator("dl")).toContainText("Progetti da creare3");
  await expect(page.locator("dl")).toContainText("Enti gestori da creare2");
  await expect(page.locator("dl")).toContainText("Righe scartate3");
  expect(await db.saiProject.count({ where: { projectCode: "E2E-IMPORT-ALI-1" } })).toBe(0);
  await expectAccessibleAtBothWidths(page);
  // Only the rejected rows, then all of them again.
  const showRows = page.getByRole("navigation", { name: "Mostra le righe" });
  await showRows.getByRole("link", { name: "Scartate (3)" }).click();
  await expect(page).toHaveURL(/\?righe=scartate$/);
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: "Da creare" })).toHaveCount(0);
  await expect(showRows.getByRole("link", { name: "Scartate (3)" })).toHaveAttribute("aria-current", "page");
  await expectAccessibleAtBothWidths(page);
  await showRows.getByRole("link", { name: "Tutte (6)" }).click();
  await expect(rows).toHaveCount(7);

  await page.getByRole("button", { name: "Applica l'importazione" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Importazione applicata" })).toBeVisible();
  await expect(page.locator("dl")).toContainText("Progetti creati3");
  await expect(rows.filter({ hasText: "Alimena" })).toContainText("Creato");
  await expectAccessibleAtBothWidths(page);
  const alimena = await db.saiProject.findUniqueOrThrow({ where: { projectCode: "E2E-IMPORT-ALI-1" }, include: { municipality: true, managingBody: true } });
  expect(alimena).toMatchObject({ places: 12, category: "ORDINARI", municipality: { name: "Alimena", saiMember: true }, managingBody: { name: "Cooperativa Madonie E2E Import" } });

  const before = await fixtureState();
  await page.goto("/dashboard/enti-gestori/importa");
  await page.getByLabel("File CSV o Excel (.xlsx)").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "Carica e mostra l'anteprima" }).click();
  await expect(page.getByText("Applicarla non cambierebbe nulla")).toBeVisible();
  await page.getByRole("button", { name: "Applica l'importazione" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Non ha cambiato nulla." })).toBeVisible();
  await expect(page.locator("dl")).toContainText("Righe senza modifiche3");
  expect(await fixtureState()).toBe(before);

  // The body created by the import has its page, with its projects.
  await page.goto("/dashboard/enti-gestori?cerca=Madonie%20E2E%20Import");
  await page.getByRole("link", { name: "Cooperativa Madonie E2E Import" }).click();
  await expect(page.getByRole("table", { name: /Progetti SAI gestiti/ })).toContainText("E2E-IMPORT-BOM-1");
  await expectAccessibleAtBothWidths(page);
});

test("a long list's preview shows its rows a hundred at a time", async ({ page }) => {
  const header = "Codice ISTAT;Comune;Ente gestore;Codice fiscale;Categoria;Codice progetto;Posti";
  const lines = Array.from({ length: 250 }, (_, i) => `;Comune Inesistente ${i + 1};Ente ${i + 1};;Ordinari;;`);
  await signInAs(page, "COORDINATOR");
  await page.goto("/dashboard/enti-gestori/importa");
  await page.getByLabel("File CSV o Excel (.xlsx)").setInputFiles({ name: "lunga.csv", mimeType: "text/csv", buffer: Buffer.from([header, ...lines].join("\n")) });
  await page.getByRole("button", { name: "Carica e mostra l'anteprima" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Anteprima dell'importazione di lunga.csv" })).toBeVisible();

  const table = page.getByRole("table", { name: /Righe del file/ });
  await expect(table).toContainText("Righe del file (1–100 di 250)");
  await expect(table.getByRole("row")).toHaveCount(101);
  await expect(page.getByText("Pagina 1 di 3")).toBeVisible();
  await page.getByRole("link", { name: "Pagina successiva" }).click();
  await expect(table).toContainText("Righe del file (101–200 di 250)");
  await expect(table.getByRole("row").nth(1)).toContainText("Comune Inesistente 101");
  await page.getByRole("link", { name: "Pagina successiva" }).click();
  await expect(table).toContainText("Righe del file (201–250 di 250)");
  await expect(table.getByRole("row")).toHaveCount(51);
  await expect(page.getByRole("link", { name: "Pagina successiva" })).toHaveCount(0);
  await expectAccessibleAtBothWidths(page);
});
