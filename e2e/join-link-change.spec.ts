import { expect, test, type Page } from "@playwright/test";
import { createRegistrants } from "../lib/test/factories";
import { expectNoViolations } from "./support/axe";
import { signInAs } from "./support/dashboard";
import { shoot } from "./support/screenshots";
import { seedMeeting, testDb } from "./support/database";

test.describe.configure({ timeout: 180_000 });

/** The sends table's latest row: version, when, recipients, sent, not sent, waiting. */
const latestSend = (page: Page) => page.getByRole("table", { name: /Invii del link di collegamento/ }).getByRole("row").nth(1).getByRole("cell");

test("changing a join link already sent: the editor says who will get it, the save how many, the link tab shows it and its table follows the send", async ({ page, browser }) => {
  const first = `https://videoconferenza.example/j/${Date.now()}?pwd=primo`;
  const second = `https://videoconferenza.example/j/${Date.now()}?pwd=secondo`;
  const meeting = await seedMeeting({ title: "Webinar con link che cambia", joinUrl: first, platform: "Zoom" });
  await createRegistrants(testDb(), meeting.id, 3);
  await signInAs(page, "COORDINATOR");

  await test.step("the link tab shows the current link; its table catches up when the send reaches 100 %", async () => {
    await page.goto(`/dashboard/convocazioni/${meeting.id}/link`);
    const current = page.getByRole("region", { name: "Link attuale" });
    await expect(current.getByRole("link", { name: first })).toHaveAttribute("href", first);
    await page.getByRole("button", { name: "Invia ora" }).click();
    const status = page.getByRole("status").filter({ hasText: "Email con il link" });
    await expect(status).toContainText("Invio completato.", { timeout: 60_000 });
    // No reload: the table is read again once the last email has left.
    await expect(latestSend(page)).toHaveText(["1", /.+/, "3", "3", "0", "0"]);
  });

  const editor = `/dashboard/convocazioni/${meeting.id}/modifica`;
  const notice = "Se cambi il link, 3 persone iscritte riceveranno il nuovo link per email appena salvi.";

  await test.step("without JavaScript, the editor says it beside the link field all along", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const plain = await context.newPage();
    await plain.goto(editor);
    await expect(plain.getByText(notice)).toBeVisible();
    await context.close();
  });

  await test.step("with JavaScript, the editor says it as soon as the link differs from the saved one", async () => {
    await page.goto(editor);
    const field = page.getByRole("textbox", { name: "Link di collegamento" });
    await expect(field).toHaveValue(first);
    await expect(page.getByText(notice)).toHaveCount(0);
    await field.fill(second);
    await expect(page.getByText(notice)).toBeVisible();
    await shoot(page, "editor-join-link-notice");
    await expectNoViolations(page);
    await field.fill(first);
    await expect(page.getByText(notice)).toHaveCount(0);
    await field.fill(second);
    await page.getByRole("button", { name: "Salva le modifiche" }).click();
    await expect(page.getByText("Modifiche salvate. Il nuovo link è in invio a 3 persone.")).toBeVisible();
    await expect(page.getByText(notice)).toHaveCount(0);
  });

  await test.step("the link tab shows the new link and the send of it", async () => {
    await page.goto(`/dashboard/convocazioni/${meeting.id}/link`);
    await expect(page.getByRole("region", { name: "Link attuale" }).getByRole("link", { name: second })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Email con il link" })).toContainText("Invio completato.", { timeout: 60_000 });
    await expect(latestSend(page)).toHaveText(["2", /.+/, "3", "3", "0", "0"]);
    await expect(page.getByRole("table", { name: /Invii del link di collegamento/ })).toContainText("Link aggiornato");
    await shoot(page, "link-tab");
  });

  const emails = await testDb().emailMessage.findMany({ where: { meetingId: meeting.id, template: "join-link" } });
  expect(emails).toHaveLength(6);
});
