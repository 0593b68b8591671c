import { expect, test } from "@playwright/test";
import { createRegistrants } from "../lib/test/factories";
import { expectNoViolations } from "./support/axe";
import { signInAs } from "./support/dashboard";
import { seedMeeting, testDb } from "./support/database";

test.describe.configure({ timeout: 120_000 });

test("a coordinator sends the join link now, watches it reach 100 %, and each confirmed registrant gets it once", async ({ page }) => {
  const secret = `https://videoconferenza.example/j/${Date.now()}?pwd=riservato`;
  const meeting = await seedMeeting({ title: "Webinar con link da inviare", joinUrl: secret, platform: "Zoom" });
  const confirmed = await createRegistrants(testDb(), meeting.id, 3);
  const waitlisted = await createRegistrants(testDb(), meeting.id, 2, { status: "WAITLISTED" });

  await signInAs(page, "COORDINATOR");
  await page.goto(`/dashboard/convocazioni/${meeting.id}/link`);
  await expect(page.getByRole("heading", { level: 1, name: "Link di collegamento" })).toBeVisible();
  await expect(page.getByText("24 ore prima")).toBeVisible();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("button", { name: "Invia ora" }).click();
  await expect(page.getByText("Link in invio a 3 iscritti confermati.")).toBeVisible();
  const status = page.getByRole("status").filter({ hasText: "Email con il link" });
  await expect(status).toContainText("3 di 3 inviate (100%)", { timeout: 60_000 });
  await expect(status).toContainText("Invio completato.");
  await expect(page.locator("progress#link-avanzamento")).toHaveAttribute("value", "3");
  await expect(page.locator("progress#link-avanzamento")).toHaveAttribute("max", "3");

  const emails = await testDb().emailMessage.findMany({ where: { meetingId: meeting.id, template: "join-link" } });
  expect(emails.map((email) => email.registrationId).sort()).toEqual([...confirmed].sort());
  expect(emails.every((email) => email.status === "SENT")).toBe(true);
  expect(emails.some((email) => waitlisted.includes(email.registrationId ?? ""))).toBe(false);

  // The sends table, after a reload, and the page still clean for axe.
  await page.reload();
  await expect(page.getByRole("table", { name: /Invii del link di collegamento/ })).toContainText("Invio manuale");
  await expectNoViolations(page);

  // The link stays private: the coordinator's link tab shows it, the public page never.
  await expect(page.getByRole("region", { name: "Link attuale" }).getByRole("link", { name: secret })).toBeVisible();
  const publicPage = await page.request.get(`/convocazioni/${meeting.slug}`);
  expect(publicPage.status()).toBe(200);
  const html = await publicPage.text();
  expect(html).not.toContain(secret);
  expect(html).not.toContain("riservato");
});

test("the Link page says why nothing can be sent for a meeting in person", async ({ page }) => {
  const meeting = await seedMeeting({ title: "Tavolo in presenza", mode: "IN_PERSON", venueName: "Sala Gialla" });
  await signInAs(page, "COORDINATOR");
  await page.goto(`/dashboard/convocazioni/${meeting.id}/link`);
  await expect(page.getByText("L'incontro si svolge solo in presenza")).toBeVisible();
  await expect(page.getByRole("button", { name: "Invia ora" })).toHaveCount(0);
  await expectNoViolations(page);
});
