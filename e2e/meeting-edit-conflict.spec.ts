// Two coordinators edit the same convocation at once: the one who saves second
// is told, keeps what they typed, and may then save over the other's change.
import { expect, test, type Page } from "@playwright/test";
import { expectNoViolations } from "./support/axe";
import { seedMeeting, testDb } from "./support/database";
import { signInAs } from "./support/dashboard";

test.describe.configure({ timeout: 90_000 });

const CONFLICT = /Nel frattempo qualcun altro ha modificato questa convocazione/;

async function openEditor(page: Page, meetingId: string) {
  await page.goto(`/dashboard/convocazioni/${meetingId}/modifica`);
  await expect(page.getByRole("heading", { level: 1, name: /^Modifica:/ })).toBeVisible();
}

const title = (page: Page) => page.getByRole("textbox", { name: "Titolo", exact: true }).first();
const subject = (page: Page) => page.getByRole("textbox", { name: "Oggetto", exact: true });
const save = (page: Page) => page.getByRole("button", { name: "Salva le modifiche" }).click();

test("the second of two coordinators to save is told, keeps what they typed, and may then overwrite (with and without JavaScript)", async ({ page: anna, browser }) => {
  const meeting = await seedMeeting({ title: `Aperta da due ${Date.now()}` });
  const brunoContext = await browser.newContext({ javaScriptEnabled: false });
  const bruno = await brunoContext.newPage();
  await signInAs(anna, "COORDINATOR");
  await signInAs(bruno, "COORDINATOR");
  await openEditor(anna, meeting.id);
  await openEditor(bruno, meeting.id);

  // Anna saves twice from the same form: her own first save is no conflict for her second.
  await title(anna).fill(`${meeting.title} (Anna)`);
  await save(anna);
  await expect(anna.getByText("Modifiche salvate.")).toBeVisible();
  await title(anna).fill(`${meeting.title} (Anna, rivisto)`);
  await save(anna);
  await expect(anna.getByText("Modifiche salvate.")).toBeVisible();
  await expect(anna.getByText(CONFLICT)).toHaveCount(0);
  await expect.poll(async () => (await testDb().meeting.findUniqueOrThrow({ where: { id: meeting.id } })).title).toBe(`${meeting.title} (Anna, rivisto)`);

  // Bruno, without JavaScript, had the form open from before: refused, and his text is still in the field.
  await subject(bruno).fill("CONVOCAZIONE — oggetto scritto da Bruno");
  await save(bruno);
  await expect(bruno.getByText(CONFLICT)).toBeVisible();
  await expect(subject(bruno)).toHaveValue("CONVOCAZIONE — oggetto scritto da Bruno");
  expect(await testDb().meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({ title: `${meeting.title} (Anna, rivisto)`, subject: meeting.subject });

  // Told, he saves again: his form (with the title he loaded) replaces Anna's.
  await save(bruno);
  await expect(bruno.getByText("Modifiche salvate.")).toBeVisible();
  expect(await testDb().meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({
    title: meeting.title,
    subject: "CONVOCAZIONE — oggetto scritto da Bruno",
  });

  // Anna's open form is now the outdated one.
  await title(anna).fill(`${meeting.title} (Anna, terza volta)`);
  await save(anna);
  await expect(anna.getByText(CONFLICT)).toBeVisible();
  await expect(title(anna)).toHaveValue(`${meeting.title} (Anna, terza volta)`);
  await expectNoViolations(anna);
  await brunoContext.close();
});
