import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { testDb } from "./support/database";
import { goToSection, signInAs } from "./support/dashboard";
import { person, registerThroughForm, uniqueEmail } from "./support/registration";

test.describe.configure({ timeout: 180_000 });

/** The lines of a CSV export: UTF-8 with BOM, ";" between cells, CRLF between rows. */
function csvRows(text: string): string[][] {
  expect(text.charCodeAt(0), "a byte order mark for Excel").toBe(0xfeff);
  return text
    .slice(1)
    .split(/\r\n/)
    .filter(Boolean)
    .map((line) => line.split(";").map((cell) => cell.replace(/^"|"$/g, "").replaceAll('""', '"')));
}

test("a coordinator creates and publishes a convocation, sees a public registration arrive, checks the person in and exports the list", async ({ page, browser }) => {
  await signInAs(page, "COORDINATOR");
  const title = `Tavolo tecnico ${Date.now()}`;

  await test.step("create the convocation, watching the live preview", async () => {
    await goToSection(page, "Convocazioni", "Elenco delle convocazioni");
    await page.getByRole("link", { name: "Nuova convocazione" }).click();
    await page.getByRole("textbox", { name: "Titolo", exact: true }).first().fill(title);
    await page.getByRole("textbox", { name: "Oggetto", exact: true }).fill("CONVOCAZIONE TAVOLO TECNICO sulle reti territoriali");
    await page.getByLabel(/^Inizio\b/).fill("2027-03-24T15:00");
    await page.getByLabel(/^Fine\b/).fill("2027-03-24T17:00");
    await page.getByLabel("Numero massimo di partecipanti").fill("30");
    await page.getByRole("textbox", { name: "Testo", exact: true }).fill("Si invitano i referenti dei Comuni a partecipare.");
    const preview = page.getByRole("region", { name: "Anteprima della pagina pubblica" });
    // The same sheet as the public page, its title one level down under the dashboard's own h1.
    await expect(preview.getByRole("heading", { level: 2, name: title })).toBeVisible();
    await expect(preview).toContainText("Si invitano i referenti dei Comuni a partecipare.");
    await expect(preview).toContainText("mercoledì 24 marzo 2027");
    await page.getByRole("button", { name: "Salva la bozza" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText("Bozza", { exact: true })).toBeVisible();
  });

  const meeting = await testDb().meeting.findFirstOrThrow({ where: { title } });
  expect(meeting).toMatchObject({ status: "DRAFT", capacity: 30, startsAt: new Date("2027-03-24T14:00:00Z") });
  const publicPage = await browser.newPage();

  await test.step("a draft is never public", async () => {
    const response = await publicPage.goto(`/convocazioni/${meeting.slug}`);
    expect(response?.status()).toBe(404);
  });

  await test.step("publish it", async () => {
    await page.getByRole("button", { name: "Pubblica" }).click();
    await expect(page.getByText("Pubblicata", { exact: true })).toBeVisible();
    const response = await publicPage.goto(`/convocazioni/${meeting.slug}`);
    expect(response?.status()).toBe(200);
    await expect(publicPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  });

  const registrant = person("giovanna", { firstName: "Giovanna", lastName: "Pubblica", email: uniqueEmail("giovanna") });
  await test.step("someone registers on the public page", async () => {
    await registerThroughForm(publicPage, meeting.slug, registrant, { type: "Comune", municipality: "Monreale" });
  });

  await test.step("the registration appears in the dashboard; check the person in", async () => {
    await page.getByRole("navigation", { name: "Sezioni della convocazione" }).getByRole("link", { name: "Iscrizioni" }).click();
    const row = page.getByRole("row", { name: /Pubblica Giovanna/ });
    await expect(row).toContainText(registrant.email);
    await expect(row).toContainText("Confermata");
    await expect(row).toContainText("Comune di Monreale");
    await page.getByRole("checkbox", { name: "Seleziona Giovanna Pubblica" }).check();
    await page.getByRole("button", { name: "Check-in ora" }).click();
    await expect(page.getByRole("row", { name: /Pubblica Giovanna/ })).toContainText("Presente");
    const attendance = await testDb().attendance.findFirstOrThrow({ where: { registration: { meetingId: meeting.id } } });
    expect(attendance).toMatchObject({ status: "PRESENT", method: "CHECK_IN" });
    expect(attendance.checkedInAt).not.toBeNull();
  });

  await test.step("export CSV", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: /Esporta CSV/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^iscrizioni-${meeting.slug}.*\\.csv$`));
    const rows = csvRows(await readFile((await file.path())!, "utf8"));
    const header = rows[0];
    expect(header).toEqual(expect.arrayContaining(["Nome", "Cognome", "Email", "Comune", "Stato", "Presenza", "Invitato/a da"]));
    expect(rows).toHaveLength(2);
    const cell = (name: string) => rows[1][header.indexOf(name)];
    expect([cell("Nome"), cell("Cognome"), cell("Email"), cell("Comune"), cell("Stato"), cell("Presenza")]).toEqual([
      "Giovanna",
      "Pubblica",
      registrant.email,
      "Monreale",
      "Confermata",
      "Presente",
    ]);
  });

  await test.step("export XLSX", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: /Esporta Excel/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await file.path())!);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(["Email", "Presenza", "Check-in alle"]));
    expect(sheet.rowCount).toBe(2);
    const cell = (name: string) => sheet.getRow(2).getCell(header.indexOf(name) + 1).value;
    expect(cell("Email")).toBe(registrant.email);
    expect(cell("Presenza")).toBe("Presente");
    expect(cell("Check-in alle")).toBeInstanceOf(Date);
  });
  await publicPage.close();
});
