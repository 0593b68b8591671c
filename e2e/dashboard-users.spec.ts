import { expect, test } from "@playwright/test";
import { testDb } from "./support/database";
import { signInAs, signInThroughEmail } from "./support/dashboard";
import { tick, uniqueEmail } from "./support/registration";

test.describe.configure({ timeout: 120_000 });

test("an admin invites a user, who signs in; then changes their role and deactivates them, which signs them out", async ({ page, browser }) => {
  await signInAs(page, "ADMIN");
  await page.getByRole("navigation", { name: "Sezioni dell'area riservata" }).getByRole("link", { name: "Utenti" }).click();
  const email = uniqueEmail("nuova.coordinatrice");

  await page.getByRole("textbox", { name: "Indirizzo email" }).fill(email);
  await page.getByRole("textbox", { name: "Nome e cognome" }).fill("Nadia Nuova");
  await tick(page.getByRole("radio", { name: "Coordinatore" }));
  await page.getByRole("button", { name: "Invita" }).click();
  await expect(page.getByRole("row", { name: /Nadia Nuova/ })).toContainText("Attivo");
  const invitation = await testDb().emailMessage.findFirstOrThrow({ where: { toEmail: email, template: "user-invitation" } });
  expect(invitation.data).toMatchObject({ roleLabel: "Coordinatore" });

  // The new user signs in with a link of their own, as anyone does.
  const theirs = await browser.newPage();
  await signInThroughEmail(theirs, email);
  await expect(theirs.getByRole("banner")).toContainText("Coordinatore");

  // Made an observer: it applies at their next page.
  await page.getByRole("combobox", { name: `Profilo di ${email}` }).selectOption("OBSERVER");
  await page.getByRole("button", { name: `Salva il profilo di ${email}` }).click();
  await expect.poll(async () => (await testDb().user.findUniqueOrThrow({ where: { email } })).role).toBe("OBSERVER");
  await theirs.reload();
  await expect(theirs.getByRole("banner")).toContainText("Osservatore (sola lettura)");

  // Deactivated: their session ends at once.
  await page.getByRole("button", { name: `Disattiva l'account di ${email}` }).click();
  await expect(page.getByRole("row", { name: /Nadia Nuova/ })).toContainText("Disattivato");
  await theirs.reload();
  await expect(theirs).toHaveURL(/\/accedi\?callbackUrl=/);
  await theirs.close();

  const { id } = await testDb().user.findUniqueOrThrow({ where: { email } });
  const audit = await testDb().auditEntry.findMany({ where: { entityType: "User", entityId: id }, orderBy: { createdAt: "asc" } });
  expect(audit.map((entry) => entry.action)).toEqual(["user.invite", "user.role", "user.deactivate"]);

  // The audit log shows it, filtered by record.
  await page.getByRole("navigation", { name: "Sezioni dell'area riservata" }).getByRole("link", { name: "Registro attività" }).click();
  await expect(page.getByRole("table")).toContainText(email);
});

test("a coordinator cannot open user management", async ({ page }) => {
  await signInAs(page, "COORDINATOR");
  await expect(page.getByRole("navigation", { name: "Sezioni dell'area riservata" }).getByRole("link", { name: "Utenti" })).toHaveCount(0);
  expect((await page.goto("/dashboard/utenti"))?.status()).toBe(403);
});
