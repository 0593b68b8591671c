import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createRegistrationRecord } from "../lib/test/factories";
import { expectNoViolations } from "./support/axe";
import { signInAs } from "./support/dashboard";
import { seedMeeting, testDb } from "./support/database";

const FIXTURE = path.join(import.meta.dirname, "fixtures", "zoom-partecipanti.csv");

/** Axe on the page as it is, at a desktop width and at a phone's. */
async function expectAccessibleAtBothWidths(page: Page) {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(viewport);
    await expectNoViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a coordinator imports a Zoom report: matches by email and name, chooses the ambiguous one, applies, then corrects one by hand", async ({ page }) => {
  // A long journey with eight axe runs, on a machine shared with other suites.
  test.setTimeout(120_000);
  const db = testDb();
  const meeting = await seedMeeting({ title: `Tavolo presenze E2E ${Date.now()}` });
  const tag = meeting.slug;
  const add = (firstName: string, lastName: string, email: string) => createRegistrationRecord(db, meeting.id, { firstName, lastName, email });
  // Matched by email (the report writes it in capitals), by name (the report has "Lo Presti Rosalia", no email),
  // two of the same name (the report's "Salvatore Russo" is ambiguous), and one with no row in the report.
  const verdi = await add("Giuseppe", "Verdi", "verdi.e2e.presenze@comune.example.it");
  const lopresti = await add("Rosalia", "Lo Presti", `lopresti.${tag}@comune.example.it`);
  const russoA = await add("Salvatore", "Russo", `s.russo.a.${tag}@comune.example.it`);
  const russoB = await add("Salvatore", "Russo", `s.russo.b.${tag}@comune.example.it`);
  const neri = await add("Paolo", "Neri", `neri.${tag}@comune.example.it`);

  await signInAs(page, "COORDINATOR");
  const presenze = `/dashboard/convocazioni/${meeting.id}/presenze`;
  await page.goto(presenze);
  await expect(page.getByRole("heading", { level: 1, name: "Presenze" })).toBeVisible();
  await expect(page.getByText("0 presenti e 0 assenti su 5 iscritti confermati")).toBeVisible();
  await expectAccessibleAtBothWidths(page);

  // A file that is no participants report is refused with the reason next to the field.
  await page.getByLabel("Report dei partecipanti (CSV)").setInputFiles({ name: "elenco.csv", mimeType: "text/csv", buffer: Buffer.from("Comune;Provincia\nPalermo;PA\n") });
  await page.getByRole("button", { name: "Carica e mostra l'anteprima" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Il report non è stato caricato" })).toContainText("non sembra un report dei partecipanti");
  await expect(page.locator("#report-errore")).toContainText("non sembra un report dei partecipanti");
  await expectAccessibleAtBothWidths(page);

  await page.getByLabel("Report dei partecipanti (CSV)").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "Carica e mostra l'anteprima" }).click();
  await expect(page).toHaveURL(/\/presenze\/importa\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Anteprima dell'importazione delle presenze da zoom-partecipanti.csv" })).toBeVisible();
  const matched = page.getByRole("table", { name: /Righe del report riconosciute/ });
  await expect(matched.getByRole("row").filter({ hasText: "Giuseppe Verdi" })).toContainText("Email");
  await expect(matched.getByRole("row").filter({ hasText: "Giuseppe Verdi" })).toContainText("Presente, 85 minuti");
  await expect(matched.getByRole("row").filter({ hasText: "Lo Presti Rosalia" })).toContainText("Nome e cognome");
  const unmatched = page.getByRole("table", { name: /senza iscrizione corrispondente/ });
  await expect(unmatched).toContainText("Ospite Sconosciuto");
  await expect(unmatched).toContainText("Anna Coordinatrice");
  await expect(page.getByRole("heading", { name: "Iscritti confermati senza riga nel report (3)" })).toBeVisible();
  expect(await db.attendance.count({ where: { registrationId: { in: [verdi.id, lopresti.id] } } })).toBe(0);
  await expectAccessibleAtBothWidths(page);

  await page.getByLabel("Iscritto per la riga «Salvatore Russo»").selectOption({ label: `Salvatore Russo (s.russo.b.${tag}@comune.example.it)` });
  await page.getByRole("button", { name: "Applica l'importazione" }).click();
  await expect(page).toHaveURL(new RegExp(`/presenze\\?applicata=`));
  await expect(page.getByRole("status").filter({ hasText: "Importazione di zoom-partecipanti.csv applicata: 3 presenze" })).toBeVisible();
  const table = page.getByRole("table", { name: /Iscritti confermati e presenze/ });
  const row = (name: string) => table.getByRole("row").filter({ hasText: name });
  await expect(row("Giuseppe Verdi")).toContainText("85 minuti");
  await expect(row("Giuseppe Verdi")).toContainText("Report della piattaforma");
  await expect(row("Rosalia Lo Presti")).toContainText("60 minuti");
  await expect(row(`s.russo.b.${tag}`)).toContainText("45 minuti");
  await expect(row(`s.russo.a.${tag}`)).toContainText("Non registrata");
  await expect(page.getByRole("table", { name: /Report caricati/ })).toContainText("Applicata il");
  expect(await db.attendance.findUnique({ where: { registrationId: russoB.id } })).toMatchObject({ status: "PRESENT", minutes: 45, method: "PLATFORM_REPORT" });
  expect(await db.attendance.findUnique({ where: { registrationId: russoA.id } })).toBeNull();

  // Paolo Neri was there, off camera: corrected by hand.
  await page.getByLabel("Presenza di Paolo Neri").selectOption("PRESENT");
  await page.getByLabel("Minuti di Paolo Neri").fill("30");
  await page.getByRole("button", { name: "Salva la presenza di Paolo Neri" }).click();
  await expect(row("Paolo Neri")).toContainText("Registrato: presente, 30 minuti.");
  await page.reload();
  await expect(row("Paolo Neri")).toContainText("30 minuti");
  await expect(row("Paolo Neri")).toContainText("Registrata a mano");
  expect(await db.attendance.findUnique({ where: { registrationId: neri.id } })).toMatchObject({ status: "PRESENT", minutes: 30, method: "MANUAL" });
  await expectAccessibleAtBothWidths(page);

  // The applied import's own page says what it did.
  await page.getByRole("link", { name: "zoom-partecipanti.csv" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Importazione delle presenze da zoom-partecipanti.csv" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("3 presenze e 0 assenze registrate");
  await expectAccessibleAtBothWidths(page);
});
