// After the meeting: a coordinator downloads the attendance register (PDF
// and XLSX, read back here), issues the attestati in bulk, and the public
// verification page says valid for a sent code, not valid for a revoked one.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { createRegistrationRecord } from "../lib/test/factories";
import { pdfPagesText } from "../lib/platform/pdf/testing";
import { expectNoViolations } from "./support/axe";
import { signInAs } from "./support/dashboard";
import { deliveredLink } from "./support/email";
import { seedMeeting, testDb } from "./support/database";

const HOUR = 3600_000;

async function axeAtBothWidths(page: Page) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function download(page: Page, link: RegExp) {
  const event = page.waitForEvent("download");
  await page.getByRole("link", { name: link }).click();
  const file = await event;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

async function codeEmailedTo(registrationId: string): Promise<string> {
  const email = await testDb().emailMessage.findFirstOrThrow({ where: { registrationId, template: "certificate" }, orderBy: { createdAt: "desc" } });
  const verifyUrl = await deliveredLink(email.id, /\/attestati\/[A-Z0-9-]+$/);
  return decodeURIComponent(new URL(verifyUrl).pathname.split("/").at(-1)!);
}

test("a coordinator downloads the register, issues the attestati, and the codes verify", async ({ page }) => {
  // Two downloads, a bulk issue and eight axe runs: longer than the default 30 s.
  test.setTimeout(120_000);
  const db = testDb();
  const startsAt = new Date(Date.now() - 4 * HOUR);
  const meeting = await seedMeeting({
    title: "Tavolo tecnico sulla co-progettazione",
    protocolNumber: "0227/15/03/22",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * HOUR),
    registrationOpensAt: new Date(startsAt.getTime() - 10 * 24 * HOUR),
    platform: "Zoom",
  });
  const palermo = await db.municipality.findFirstOrThrow({ where: { name: "Palermo" } });
  const nicolo = await createRegistrationRecord(db, meeting.id, {
    firstName: "Nicolò",
    lastName: "Sciortino",
    organisationType: "COMUNE",
    municipalityId: palermo.id,
    roleTitle: "Assessore alle politiche sociali",
    attendance: { status: "PRESENT", minutes: 110, method: "PLATFORM_REPORT" },
  });
  const lucia = await createRegistrationRecord(db, meeting.id, {
    firstName: "Lucia",
    lastName: "Di Stefano",
    organisationType: "ALTRO_ENTE",
    organisationName: "Prefettura di Trapani",
    attendance: { status: "PRESENT", minutes: 60, method: "PLATFORM_REPORT" },
  });
  const brief = await createRegistrationRecord(db, meeting.id, { firstName: "Breve", lastName: "Presenza", organisationName: "Associazione Ponte", attendance: { status: "PRESENT", minutes: 30 } });
  const absent = await createRegistrationRecord(db, meeting.id, { firstName: "Pietro", lastName: "Assente", organisationName: "Caritas", attendance: { status: "ABSENT" } });

  await signInAs(page, "COORDINATOR");
  await page.goto(`/dashboard/convocazioni/${meeting.id}/attestati`);
  await expect(page.getByRole("heading", { level: 1, name: "Attestati di partecipazione" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Con i requisiti, senza attestato (2)" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Presenza Breve/ })).toContainText("Presente per 30 minuti, meno dei 60 richiesti");
  await axeAtBothWidths(page);

  await test.step("the register as PDF", async () => {
    const { name, bytes } = await download(page, /registro in PDF/);
    expect(name).toBe(`registro-presenze-${meeting.slug}.pdf`);
    const text = (await pdfPagesText(bytes)).join("\n").replace(/\s+/g, " ");
    for (const expected of [
      "Progetto co-finanziato",
      "Fondo Asilo, Migrazione e Integrazione 2014-2020",
      "COOPERA",
      "Registro delle presenze",
      "Tavolo tecnico sulla co-progettazione",
      "0227/15/03/22",
      "Videoconferenza (Zoom)",
      "Partecipanti presenti (3)",
      "Sciortino",
      "Comune di Palermo",
      "Prefettura di Trapani",
      "Palermo (PA)",
      "Iscritti confermati assenti (1)",
      "Pagina 1 di",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Totale 3 200/);
  });

  await test.step("the register as XLSX", async () => {
    const { name, bytes } = await download(page, /registro in Excel/);
    expect(name).toBe(`registro-presenze-${meeting.slug}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const rows = (sheet: string) => workbook.getWorksheet(sheet)!.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    const present = rows("Presenti");
    const header = present.findIndex((row) => row[0] === "N.");
    expect(present.slice(header + 1)).toEqual([
      [1, "Di Stefano", "Lucia", "Altro ente", "Prefettura di Trapani", undefined, undefined, undefined, 60, "Report della piattaforma"],
      [2, "Presenza", "Breve", "Altro ente", "Associazione Ponte", undefined, undefined, undefined, 30, "Registrata a mano"],
      [3, "Sciortino", "Nicolò", "Comune", "Comune di Palermo", "Palermo", "PA", "Assessore alle politiche sociali", 110, "Report della piattaforma"],
    ]);
    expect(rows("Totali")).toContainEqual(["Totale", 3, 200]);
    expect(rows("Assenti")).toContainEqual([1, "Assente", "Pietro", "Altro ente", "Caritas", undefined, undefined, "Assenza registrata"]);
  });

  await test.step("issue the attestati in bulk: emails for the eligible only", async () => {
    await page.getByRole("button", { name: "Rilascia e invia gli attestati (2 persone)" }).click();
    await expect(page.getByText("2 attestati rilasciati: le email sono in invio.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Attestati rilasciati (2)" })).toBeVisible();
    const emails = await db.emailMessage.findMany({ where: { meetingId: meeting.id, template: "certificate" } });
    expect(emails.map((email) => email.registrationId).sort()).toEqual([nicolo.id, lucia.id].sort());
    expect(await db.certificate.count({ where: { registrationId: { in: [brief.id, absent.id] } } })).toBe(0);
  });

  await test.step("the verification page says valid, with the name and the meeting only", async () => {
    const code = await codeEmailedTo(nicolo.id);
    await page.goto(`/attestati/${code}`);
    await expect(page.getByRole("heading", { name: "Attestato valido" })).toBeVisible();
    const main = page.getByRole("main");
    await expect(main).toContainText("Nicolò Sciortino");
    await expect(main).toContainText("Tavolo tecnico sulla co-progettazione");
    await expect(main).not.toContainText("Comune di Palermo");
    await expect(main).not.toContainText("110");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await axeAtBothWidths(page);
    const pdf = await page.request.get(`/attestati/${code}/attestato.pdf`);
    expect(pdf.status()).toBe(200);
    expect((await pdfPagesText(await pdf.body())).join(" ")).toContain(code);
  });

  await test.step("a revoked attestato is not valid", async () => {
    const code = await codeEmailedTo(lucia.id);
    await page.goto(`/dashboard/convocazioni/${meeting.id}/attestati`);
    await page.getByRole("button", { name: "Revoca (Lucia Di Stefano)" }).click();
    await expect(page.getByRole("heading", { name: "Attestati revocati (1)" })).toBeVisible();
    await axeAtBothWidths(page);
    await page.goto(`/attestati/${code}`);
    await expect(page.getByRole("heading", { name: "Attestato non valido" })).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText("Lucia");
    await axeAtBothWidths(page);
    expect((await page.request.get(`/attestati/${code}/attestato.pdf`)).status()).toBe(404);
  });
});
