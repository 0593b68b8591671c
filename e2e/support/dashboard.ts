import { expect, type Page } from "@playwright/test";
import type { UserRole } from "../../lib/generated/prisma/enums";
import { testDb } from "./database";
import { deliveredLink } from "./email";
import { uniqueEmail } from "./registration";

/** A dashboard user of its own per spec, so parallel specs never pick up each other's sign-in link. */
export async function createDashboardUser(role: UserRole, name = `Utente ${role.toLowerCase()}`) {
  const email = uniqueEmail(role.toLowerCase());
  return testDb().user.create({ data: { email, name, role } });
}

/** The magic link of the latest sign-in email to `email`, as the outbox delivered it. */
export async function signInLinkFor(email: string): Promise<string> {
  const link = new URL(await signInUrlFor(email));
  return link.pathname + link.search;
}

/** The full sign-in URL of the latest sign-in email to `email`, as delivered. */
export async function signInUrlFor(email: string): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(async () => {
      const message = await testDb().emailMessage.findFirst({
        where: { toEmail: email, template: "sign-in-link" },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      });
      id = message?.id;
      return typeof id;
    }, { message: `a sign-in email to ${email}` })
    .toBe("string");
  return deliveredLink(id!, /\/api\/auth\/callback\/email\?/);
}

/** Signs in through the real UI: the form, the "check your email" page, the emailed link. */
export async function signInThroughEmail(page: Page, email: string, startAt = "/dashboard") {
  await page.goto(startAt);
  await expect(page).toHaveURL(/\/accedi\?callbackUrl=/);
  await page.getByRole("textbox", { name: "Indirizzo email" }).fill(email);
  await page.getByRole("button", { name: "Invia il link di accesso" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Controlla la tua email" })).toBeVisible();
  await page.goto(await signInLinkFor(email));
  await expect(page).toHaveURL(new RegExp(`${startAt.replace(/[/?]/g, "\\$&")}$`));
}

/** Signs in as a fresh user of `role`; returns the user. */
export async function signInAs(page: Page, role: UserRole) {
  const user = await createDashboardUser(role);
  await signInThroughEmail(page, user.email);
  return user;
}

type ApiRegistrant = { firstName: string; lastName: string; email: string; municipality?: string; nominees?: { firstName: string; lastName: string; email: string; managingBodyName: string }[] };

/** Registers through the public JSON API (what a form submission does), for pages that need registrations to show. */
export async function registerViaApi(baseURL: string, slug: string, who: ApiRegistrant) {
  const municipality = who.municipality
    ? await testDb().municipality.findFirstOrThrow({ where: { name: who.municipality }, select: { id: true } })
    : null;
  const response = await fetch(`${baseURL}/api/convocazioni/${slug}/iscrizioni`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      firstName: who.firstName,
      lastName: who.lastName,
      email: who.email,
      roleTitle: "Funzionario",
      ...(municipality ? { organisationType: "COMUNE", municipalityId: municipality.id } : { organisationType: "ALTRO_ENTE", organisationName: "Ente di prova" }),
      privacyConsent: true,
      nominees: who.nominees ?? [],
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json() as Promise<{ ok: true; status: string }>;
}

/** The dashboard's sections menu (on a phone, behind its toggle). */
export function sectionsNav(page: Page) {
  return page.getByRole("navigation", { name: "Sezioni dell'area riservata" });
}

/** Opens a group of the dashboard's navbar (and, on a phone, the menu first); returns the navigation. */
export async function openSectionGroup(page: Page, group: string) {
  const nav = sectionsNav(page);
  const toggle = nav.getByRole("button", { name: "Menu", exact: true });
  if (await toggle.isVisible()) await toggle.click();
  await nav.getByRole("button", { name: group }).click();
  return nav;
}

/** Goes to a dashboard section the way a person does: the group's dropdown, then its link. */
export async function goToSection(page: Page, group: string, link: string) {
  const nav = await openSectionGroup(page, group);
  await nav.getByRole("link", { name: link, exact: true }).click();
}
