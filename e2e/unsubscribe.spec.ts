import { expect, test } from "@playwright/test";
import { generateToken, hashToken } from "../lib/platform/security/tokens";
import { expectNoViolations } from "./support/axe";
import { testDb } from "./support/database";
import { uniqueEmail } from "./support/registration";

// The recipient's side, as issue 14 asks: the link of an email works without JavaScript.
test.use({ javaScriptEnabled: false });

/**
 * A person who consents and the unsubscribe link an email to them carries,
 * made as createUnsubscribeUrl makes it (the token's hash stored, the token
 * in the link). The service tests (lib/communications) follow a delivered
 * coverage reminder's link and headers; here only the browser's part.
 */
async function consentingPersonWithLink() {
  const email = uniqueEmail("disiscrizione");
  const person = await testDb().person.create({
    data: { email, firstName: "Rita", lastName: "Ricevente", communicationsConsent: true, communicationsConsentAt: new Date("2026-03-03T10:00:00Z") },
  });
  const token = generateToken();
  await testDb().unsubscribeToken.create({ data: { tokenHash: hashToken(token), personId: person.id, email } });
  return { person, email, token };
}

test("without JavaScript the recipient opens the link, stops the communications, and sees it done; a second click and the one-click say so", async ({ page, request }) => {
  const { person, email, token } = await consentingPersonWithLink();

  await page.goto(`/comunicazioni/disiscrizione/${token}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Non ricevere più comunicazioni");
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByText(/Rita Ricevente/)).toBeVisible();
  // Opening the page changed nothing: only the button does.
  expect((await testDb().person.findUniqueOrThrow({ where: { id: person.id } })).communicationsConsent).toBe(true);

  await page.getByRole("button", { name: "Non ricevere più comunicazioni" }).click();
  await expect(page).toHaveURL(`/comunicazioni/disiscrizione/${token}/fatto`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Non riceverai più comunicazioni");
  await expect(page.getByRole("status")).toContainText(email);

  const after = await testDb().person.findUniqueOrThrow({ where: { id: person.id } });
  expect(after.communicationsConsent).toBe(false);
  expect(after.communicationsConsentWithdrawnAt).toBeInstanceOf(Date);
  expect(await testDb().auditEntry.count({ where: { entityId: person.id, action: "person.communications-withdraw" } })).toBe(1);

  // The link keeps answering: the page says it is done, and offers no button.
  await page.goto(`/comunicazioni/disiscrizione/${token}`);
  await expect(page.getByRole("status")).toContainText("Già fatto");
  await expect(page.getByRole("button", { name: "Non ricevere più comunicazioni" })).toHaveCount(0);

  // The mail client's one-click (RFC 8058): a POST with no cookie and no Origin.
  const oneClick = await request.post(`/api/comunicazioni/disiscrizione/${token}`, {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
  });
  expect(oneClick.status()).toBe(200);
  expect(await oneClick.json()).toMatchObject({ ok: true, message: expect.stringContaining("Già fatto") });
  expect(await testDb().auditEntry.count({ where: { entityId: person.id, action: "person.communications-withdraw" } })).toBe(1);
});

// Without JavaScript, Next streams the not-found page hidden (an empty body with the 404): a known gap, left in the note.
test.describe("with JavaScript, for axe and the not-found page", () => {
  test.use({ javaScriptEnabled: true });

  test("the unsubscribe page and its confirmation have no accessibility violations", async ({ page }) => {
    const { token } = await consentingPersonWithLink();
    await page.goto(`/comunicazioni/disiscrizione/${token}`);
    await expectNoViolations(page);
    await page.getByRole("button", { name: "Non ricevere più comunicazioni" }).click();
    await expect(page).toHaveURL(`/comunicazioni/disiscrizione/${token}/fatto`);
    await expectNoViolations(page);
  });

  test("an unknown or malformed link is a 404 in Italian", async ({ page }) => {
    for (const token of ["A".repeat(43), "non-un-token"]) {
      const response = await page.goto(`/comunicazioni/disiscrizione/${token}`);
      expect(response?.status()).toBe(404);
      await expect(page.locator("body")).toContainText(/non trovat/i);
    }
  });
});
