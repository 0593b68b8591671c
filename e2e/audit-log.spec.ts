// The audit log as a coordinator reads it: Italian actions, fields and values,
// Rome times, the names of the records, one entry per download. And the
// Comuni list in Italian alphabetical order.
import { expect, test, type Page } from "@playwright/test";
import { expectNoViolations } from "./support/axe";
import { signInAs } from "./support/dashboard";
import { seedMeeting, testDb } from "./support/database";
import { createRegistrationRecord } from "../lib/test/factories";

test.describe.configure({ timeout: 90_000 });

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "Stato: Bozza → Pubblicata" as the page writes it (the arrow is read as "diventa"). */
const change = (field: string, before: string, after: string) => new RegExp(`${escape(field)}: ${escape(before)} →\\s*diventa ${escape(after)}`);

async function atBothWidths(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoViolations(page);
    // The table scrolls in its own region; the page itself never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("the audit log speaks Italian, in Rome time, naming each record, one entry per download", async ({ page }) => {
  const meeting = await seedMeeting({ title: "Tavolo tecnico del registro leggibile" });
  const coordinator = await signInAs(page, "COORDINATOR");
  const db = testDb();
  const registration = await createRegistrationRecord(db, meeting.id, { firstName: "Nicolò", lastName: "Sciortino" });
  // 01:16 UTC on 2 December is 02:16 in Rome.
  await db.auditEntry.createMany({
    data: [
      {
        createdAt: new Date("2026-12-02T01:16:00Z"),
        actorId: coordinator.id,
        action: "registration.check-in",
        entityType: "Registration",
        entityId: registration.id,
        data: { before: null, after: { status: "PRESENT", method: "CHECK_IN", checkedInAt: "2026-12-02T01:16:00.000Z" }, details: { meetingId: meeting.id, selected: 1 } },
      },
      {
        createdAt: new Date("2026-12-01T09:00:00Z"),
        actorId: coordinator.id,
        action: "meeting.update",
        entityType: "Meeting",
        entityId: meeting.id,
        data: { before: { kind: "WEBINAR", body: "Prima", fundingFund: "FAMI" }, after: { kind: "TAVOLO_TECNICO", body: "Dopo", fundingFund: "FAMI 2014-2020" } },
      },
      {
        createdAt: new Date("2026-11-30T08:00:00Z"),
        actorId: coordinator.id,
        action: "meeting.publish",
        entityType: "Meeting",
        entityId: meeting.id,
        data: { before: { status: "DRAFT" }, after: { status: "PUBLISHED", publishedAt: "2026-11-30T08:00:00.000Z" } },
      },
    ],
  });

  await test.step("one click on the register's download is one entry", async () => {
    await page.goto(`/dashboard/convocazioni/${meeting.id}/presenze`);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: /registro in PDF/ }).click();
    await (await download).path();
    await expect
      .poll(() => db.auditEntry.count({ where: { actorId: coordinator.id, action: "attendance.register-export" } }))
      .toBe(1);
  });

  await page.goto(`/dashboard/registro-attivita?autore=${coordinator.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Registro attività" })).toBeVisible();
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(4);

  const exported = rows.filter({ hasText: "Registro delle presenze scaricato" });
  await expect(exported).toHaveCount(1);
  await expect(exported).toContainText("Tavolo tecnico del registro leggibile");
  await expect(exported).toContainText("Formato: PDF");

  const checkIn = rows.filter({ hasText: "Presenza registrata all'ingresso" });
  await expect(checkIn).toContainText("mercoledì 2 dicembre 2026, ore 02:16");
  await expect(checkIn).toContainText("Nicolò Sciortino");
  await expect(checkIn).toContainText("Convocazione: Tavolo tecnico del registro leggibile");
  await expect(checkIn).toContainText(change("Stato", "—", "Presente"));
  await expect(checkIn).toContainText(change("Modo di registrazione", "—", "Check-in"));
  await expect(checkIn).toContainText(change("Check-in alle", "—", "mercoledì 2 dicembre 2026, ore 02:16"));

  const update = rows.filter({ hasText: "Convocazione modificata" });
  await expect(update).toContainText(change("Tipo", "Webinar", "Tavolo tecnico"));
  await expect(update).toContainText(change("Testo della lettera", "Prima", "Dopo"));
  await expect(update).toContainText(change("Fondo di finanziamento", "FAMI", "FAMI 2014-2020"));

  const publish = rows.filter({ hasText: "Convocazione pubblicata" });
  await expect(publish).toContainText(change("Stato", "Bozza", "Pubblicata"));
  await expect(publish).toContainText(change("Pubblicata il", "—", "lunedì 30 novembre 2026, ore 09:00"));

  // What is shown (not the stored data folded under "Dati registrati") has no code left.
  const shown = await page.getByRole("table").locator("tbody li").allInnerTexts();
  expect(shown.join("\n")).not.toMatch(/CHECK_IN|DRAFT|PUBLISHED|PRESENT\b|fundingFund|\bbody\b|\bkind\b|\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z/);
  await atBothWidths(page, "registro-attivita");
});

test("the Comuni list puts Alì before Altofonte", async ({ page }) => {
  await signInAs(page, "OBSERVER");
  await page.goto("/dashboard/comuni");
  const names = await page.getByRole("table").locator("tbody tr th").allInnerTexts();
  const index = (name: string) => names.findIndex((text) => text.trim().startsWith(name));
  expect(index("Alì")).toBeGreaterThanOrEqual(0);
  expect(index("Altofonte")).toBeGreaterThan(index("Alì"));
});
