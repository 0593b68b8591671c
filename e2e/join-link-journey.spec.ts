import { expect, test, type Page } from "@playwright/test";
import { seedMeeting } from "./support/database";
import { linkFromEmail, person, registerThroughForm, uniqueEmail } from "./support/registration";

async function expectAbsent(page: Page, path: string, secret: string) {
  const response = await page.request.get(path);
  expect(response.status(), path).toBeLessThan(400);
  expect(await response.text(), path).not.toContain(secret);
}

test("the join link appears on a confirmed registrant's personal page and nowhere else in the journey", async ({ page }) => {
  const secret = `https://videoconferenza.example/j/${Date.now()}-riservato`;
  const meeting = await seedMeeting({ capacity: 1, joinUrl: secret, platform: "Zoom" });
  const gestore = { firstName: "Luca", lastName: "Bianchi", email: uniqueEmail("link.gestore"), managingBodyName: "Cooperativa Sole" };

  const confirmedPath = await registerThroughForm(page, meeting.slug, person("link.confermato"), { type: "Comune", municipality: "Palermo" }, [gestore]);
  expect(await page.content()).not.toContain(secret);
  const waitlistedPath = await registerThroughForm(page, meeting.slug, person("link.in.attesa"), { type: "Altro ente", name: "Prefettura" });
  expect(await page.content()).not.toContain(secret);
  const invitationPath = await linkFromEmail(gestore.email, "invitation", "invitationUrl");

  for (const path of [
    `/convocazioni/${meeting.slug}`,
    `/convocazioni/${meeting.slug}/iscrizione`,
    `/convocazioni/${meeting.slug}/calendario.ics`,
    `${confirmedPath}/conferma`,
    `${waitlistedPath}/conferma`,
    waitlistedPath,
    invitationPath,
  ]) {
    await expectAbsent(page, path, secret);
  }

  await page.goto(confirmedPath);
  // The main button of the personal page goes to the videoconference itself.
  await expect(page.getByRole("link", { name: /^Collegati alla videoconferenza su Zoom/ })).toHaveAttribute("href", secret);
  await expect(page.getByRole("link", { name: /^Collegati alla videoconferenza/ })).toHaveClass(/\bbtn-primary\b/);
});

test("personal and invitation pages send no Referer to other sites and ask not to be indexed", async ({ page }) => {
  const meeting = await seedMeeting();
  const gestore = { firstName: "Ada", lastName: "Greco", email: uniqueEmail("referer.gestore"), managingBodyName: "Cooperativa Onda" };
  const personalPath = await registerThroughForm(page, meeting.slug, person("referer"), { type: "Comune", municipality: "Ragusa" }, [gestore]);
  const invitationPath = await linkFromEmail(gestore.email, "invitation", "invitationUrl");
  for (const path of [personalPath, `${personalPath}/conferma`, invitationPath]) {
    const response = await page.goto(path);
    expect(response?.headers()["referrer-policy"], path).toBe("same-origin");
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "same-origin");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  }
});
