import { expect, test } from "@playwright/test";
import { expectNoViolations } from "./support/axe";
import { testDb } from "./support/database";
import { createDashboardUser, signInLinkFor, signInThroughEmail, signInUrlFor } from "./support/dashboard";
import { uniqueEmail } from "./support/registration";

test("a coordinator signs in with the emailed link and lands where they were going", async ({ page }) => {
  const user = await createDashboardUser("COORDINATOR", "Carla Coordinatrice");
  await page.goto("/dashboard/convocazioni");
  await expect(page).toHaveURL(/\/accedi\?callbackUrl=%2Fdashboard%2Fconvocazioni$/);
  await expectNoViolations(page);
  await page.getByRole("textbox", { name: "Indirizzo email" }).fill(user.email);
  await page.getByRole("button", { name: "Invia il link di accesso" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Controlla la tua email" })).toBeVisible();
  await expectNoViolations(page);

  const link = await signInLinkFor(user.email);
  // Only the hash of the token is stored.
  const token = new URLSearchParams(link.split("?")[1]).get("token")!;
  expect(await testDb().verificationToken.count({ where: { token } })).toBe(0);
  await page.goto(link);
  await expect(page).toHaveURL(/\/dashboard\/convocazioni$/);
  await expect(page.getByRole("banner").getByText("Carla Coordinatrice")).toBeVisible();

  // The link works once.
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page).toHaveURL(/\/accedi\?error=Verification/);
  await expect(page.getByText("Il link di accesso è scaduto o è già stato usato.")).toBeVisible();
});

test("an unknown address sees the same page and gets no email", async ({ page }) => {
  const stranger = uniqueEmail("sconosciuto");
  await page.goto("/accedi");
  await page.getByRole("textbox", { name: "Indirizzo email" }).fill(stranger);
  await page.getByRole("button", { name: "Invia il link di accesso" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Controlla la tua email" })).toBeVisible();
  expect(await testDb().emailMessage.count({ where: { toEmail: stranger } })).toBe(0);
  expect(await testDb().user.count({ where: { email: stranger } })).toBe(0);
});

test("a deactivated user gets no link, and signing out ends the session", async ({ page }) => {
  const user = await createDashboardUser("COORDINATOR");
  await signInThroughEmail(page, user.email);
  await page.getByRole("button", { name: "Esci" }).click();
  await expect(page).toHaveURL(/\/accedi\?uscita=1$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/accedi\?callbackUrl=/);

  await testDb().user.update({ where: { id: user.id }, data: { active: false } });
  const before = await testDb().emailMessage.count({ where: { toEmail: user.email } });
  await page.getByRole("textbox", { name: "Indirizzo email" }).fill(user.email);
  await page.getByRole("button", { name: "Invia il link di accesso" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Controlla la tua email" })).toBeVisible();
  expect(await testDb().emailMessage.count({ where: { toEmail: user.email } })).toBe(before);
});

test("sign-in requests are rate-limited per address, and a limited one looks like a sent one", async ({ page }) => {
  const user = await createDashboardUser("OBSERVER");
  // Five requests in ten minutes are allowed for one address from one network (RATE_LIMIT_PER_EMAIL);
  // the sixth sends nothing, and says so no differently.
  for (let attempt = 1; attempt <= 6; attempt++) {
    await page.goto("/accedi");
    await page.getByRole("textbox", { name: "Indirizzo email" }).fill(user.email);
    await page.getByRole("button", { name: "Invia il link di accesso" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Controlla la tua email" })).toBeVisible();
    await expect(page.getByText("Troppe richieste")).toHaveCount(0);
  }
  await expect.poll(() => testDb().emailMessage.count({ where: { toEmail: user.email, template: "sign-in-link" } })).toBe(5);
  // The links already sent still work.
  await page.goto(await signInLinkFor(user.email));
  await expect(page).toHaveURL(/\/dashboard/);
});

test("a sign-in link always points to our own address, whatever Host a request claims", async ({ request, baseURL }) => {
  const user = await createDashboardUser("ADMIN");
  const poisoned = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
  const { csrfToken } = await (await request.get("/api/auth/csrf", { headers: poisoned })).json();
  const response = await request.post("/api/auth/signin/email", {
    headers: poisoned,
    form: { email: user.email, csrfToken, callbackUrl: "/dashboard" },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(400);
  expect(new URL(await signInUrlFor(user.email)).origin).toBe(new URL(baseURL!).origin);
});
