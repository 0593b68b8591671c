import { expect, test, type Page } from "@playwright/test";
import type { Prisma } from "../lib/generated/prisma/client";
import { expectNoViolations } from "./support/axe";
import { testDb } from "./support/database";
import { goToSection, openSectionGroup, signInAs, signInThroughEmail } from "./support/dashboard";
import { tick, uniqueEmail } from "./support/registration";

test.describe.configure({ timeout: 120_000 });

test("an admin invites a user, who signs in; then changes their role and deactivates them, which signs them out", async ({ page, browser }) => {
  await signInAs(page, "ADMIN");
  await goToSection(page, "Amministrazione", "Utenti");
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
  await goToSection(page, "Amministrazione", "Registro attività");
  await expect(page.getByRole("table")).toContainText(email);
});

test("a coordinator cannot open user management", async ({ page }) => {
  await signInAs(page, "COORDINATOR");
  const nav = await openSectionGroup(page, "Amministrazione");
  await expect(nav.getByRole("link", { name: "Registro attività" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Utenti" })).toHaveCount(0);
  expect((await page.goto("/dashboard/utenti"))?.status()).toBe(403);
});

/** A message written straight to the log; a coordinator opens the log on its address. Returns the row's locator. */
async function messageInLog(page: Page, prefix: string, message: Omit<Prisma.EmailMessageUncheckedCreateInput, "toEmail">) {
  const to = uniqueEmail(prefix);
  await testDb().emailMessage.create({ data: { ...message, toEmail: to } });
  await signInAs(page, "COORDINATOR");
  await page.goto(`/dashboard/email?destinatario=${encodeURIComponent(to)}`);
  return { to, row: () => page.getByRole("row", { name: new RegExp(to.replaceAll(".", "\\.")) }) };
}

test("the email log shows a failed message with its error, and a coordinator sends it again", async ({ page }) => {
  const { to, row } = await messageInLog(page, "posta.fallita", {
    template: "user-invitation",
    data: { roleLabel: "Coordinatore", signInUrl: "http://localhost:3000/accedi" },
    status: "FAILED",
    attempts: 5,
    lastError: "Resend 503: servizio non disponibile",
  });
  await expect(row()).toContainText("Non inviato");
  await expect(row()).toContainText("Resend 503: servizio non disponibile");
  await row().getByRole("button", { name: /^Invia di nuovo/ }).click();
  await expect.poll(async () => (await testDb().emailMessage.findFirstOrThrow({ where: { toEmail: to } })).status, { timeout: 20_000 }).toBe("SENT");
  await page.reload();
  await expect(row()).toContainText("Inviato");
  // Message data (links, tokens) never reaches the log's page.
  await expect(page.locator("main")).not.toContainText("http://localhost:3000/accedi");
});

test("the email log shows a withdrawn message with its reason, and offers no way to send it", async ({ page }) => {
  const { row } = await messageInLog(page, "posta.annullata", { template: "certificate", data: {}, status: "CANCELLED", lastError: "Annullato: attestato revocato" });
  await expect(row()).toContainText("Annullato");
  await expect(row()).toContainText("Motivo: Annullato: attestato revocato");
  await expect(row().getByRole("button", { name: /^Invia di nuovo/ })).toHaveCount(0);
  await expectNoViolations(page);
});
