import { expect, test, type Page } from "@playwright/test";
import { registerViaApi } from "./support/dashboard";
import { seedMeeting, testDb } from "./support/database";
import { emailsTo, linkFromEmail, tick, uniqueEmail } from "./support/registration";

/** Full-page pictures at a desktop's and a phone's width, kept with the test's results. */
async function snapshots(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** What the inviter was told of each answer, oldest first. */
async function answersTo(email: string) {
  return (await emailsTo(email))
    .filter((message) => message.template === "invitation-answered")
    .map((message) => (message.data as { accepted: boolean }).accepted);
}

test.describe("a nominee answers, changes their mind, and the inviter is told", () => {
  test.use({ javaScriptEnabled: false });

  test("declining asks to confirm; a declined invitation can still be accepted while registrations are open", async ({ page, baseURL }) => {
    const meeting = await seedMeeting({ title: "Tavolo tecnico dei ripensamenti" });
    const inviter = { firstName: "Rosa", lastName: "Lombardo", email: uniqueEmail("referente.ripensa"), municipality: "Bagheria" };
    const nominee = { firstName: "Anna", lastName: "Verdi", email: uniqueEmail("gestore.ripensa"), managingBodyName: "Associazione Luna" };
    await registerViaApi(baseURL!, meeting.slug, { ...inviter, nominees: [nominee] });
    const invitationPath = await linkFromEmail(nominee.email, "invitation", "invitationUrl");
    const invitation = () => testDb().invitation.findFirstOrThrow({ where: { meetingId: meeting.id, email: nominee.email.toLowerCase() } });

    // The invitation's address is shown as text, not as a field that looks editable.
    await page.goto(invitationPath);
    const form = page.locator("#accetta-invito");
    await expect(form.getByRole("term")).toHaveText("Email");
    await expect(form.getByRole("definition")).toHaveText(nominee.email.toLowerCase());
    await expect(form.locator('input:not([type="hidden"])[name="email"]')).toHaveCount(0);
    await snapshots(page, "invito");

    // One click does not decline: a page asks first, and going back changes nothing.
    await page.getByRole("link", { name: "Non potrò partecipare" }).click();
    await expect(page).toHaveURL(`${invitationPath}/rifiuta`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confermi che non potrai partecipare?");
    await expect(page.locator("main")).toContainText("Se cambi idea potrai ancora accettare l'invito");
    await snapshots(page, "conferma-rifiuto");
    expect((await invitation()).status).toBe("SENT");
    await page.getByRole("link", { name: "No, torna all'invito" }).click();
    await expect(page).toHaveURL(invitationPath);
    expect((await invitation()).status).toBe("SENT");

    await page.getByRole("link", { name: "Non potrò partecipare" }).click();
    await page.getByRole("button", { name: "Sì, non potrò partecipare" }).click();
    await expect(page.locator("main")).toContainText("hai comunicato che non potrai partecipare");
    expect((await invitation()).status).toBe("DECLINED");
    expect(await answersTo(inviter.email)).toEqual([false]);
    // Declined already: the confirmation step leads back to the invitation.
    await page.goto(`${invitationPath}/rifiuta`);
    await expect(page).toHaveURL(invitationPath);

    // Changing one's mind: the form is still there while registrations are open.
    await expect(page.getByRole("heading", { name: "Hai cambiato idea? Puoi ancora partecipare" })).toBeVisible();
    await snapshots(page, "invito-rifiutato");
    await form.getByRole("textbox", { name: "Ruolo o qualifica", exact: true }).fill("Operatrice dell'accoglienza");
    await tick(form.getByRole("checkbox", { name: /informativa sul trattamento/ }));
    await form.getByRole("button", { name: "Accetto e mi iscrivo" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iscrizione confermata");
    expect(await invitation()).toMatchObject({ status: "ACCEPTED" });
    expect(await answersTo(inviter.email)).toEqual([false, true]);
    const [told] = (await emailsTo(inviter.email)).filter((message) => message.template === "invitation-answered");
    expect(told.data).toMatchObject({ inviteeName: "Anna Verdi", managingBodyName: "Associazione Luna", recipientName: "Rosa" });
  });

  test("once registrations close, a declined invitation can no longer be accepted", async ({ page, baseURL }) => {
    const meeting = await seedMeeting({ title: "Tavolo tecnico chiuso" });
    const nominee = { firstName: "Ida", lastName: "Conti", email: uniqueEmail("gestore.chiuso"), managingBodyName: "Cooperativa Faro" };
    await registerViaApi(baseURL!, meeting.slug, { firstName: "Pia", lastName: "Russo", email: uniqueEmail("referente.chiuso"), nominees: [nominee] });
    const invitationPath = await linkFromEmail(nominee.email, "invitation", "invitationUrl");
    await page.goto(`${invitationPath}/rifiuta`);
    await page.getByRole("button", { name: "Sì, non potrò partecipare" }).click();
    await expect(page.locator("main")).toContainText("hai comunicato che non potrai partecipare");

    await testDb().meeting.update({ where: { id: meeting.id }, data: { registrationClosesAt: new Date(Date.now() - 60_000) } });
    await page.goto(invitationPath);
    await expect(page.locator("main")).toContainText("hai comunicato che non potrai partecipare");
    await expect(page.locator("#accetta-invito")).toHaveCount(0);
  });
});
