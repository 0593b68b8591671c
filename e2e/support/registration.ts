import { randomBytes } from "node:crypto";
import { expect, type Locator, type Page } from "@playwright/test";
import { testDb } from "./database";
import { deliveredLink } from "./email";

/** An address no other test (or earlier run against a reused database) has used. */
export function uniqueEmail(name: string): string {
  return `${name}.${Date.now()}.${randomBytes(3).toString("hex")}@esempio.example.it`;
}

/**
 * Bootstrap Italia draws radios and checkboxes on their label, which sits
 * over the (transparent) input: click the box drawn at the label's start, as
 * a person does (the label's middle may hold a link).
 */
export async function tick(control: Locator, checked = true) {
  const id = await control.getAttribute("id");
  await control.page().locator(`label[for="${id}"]`).click({ position: { x: 10, y: 12 } });
  await expect(control).toBeChecked({ checked });
}

export type Person = { firstName: string; lastName: string; email: string; roleTitle: string; phone?: string };

export function person(name: string, overrides: Partial<Person> = {}): Person {
  return { firstName: "Maria", lastName: "Rossi", email: uniqueEmail(name), roleTitle: "Assessora alle politiche sociali", ...overrides };
}

export type Organisation = { type: "Comune"; municipality: string } | { type: "Ente gestore" | "Altro ente"; name: string };

export type Nominee = { firstName: string; lastName: string; email: string; managingBodyName: string };

/** Fills the registration form as a person would, by its labels. */
export async function fillRegistrationForm(page: Page, who: Person, organisation: Organisation, nominees: Nominee[] = []) {
  const personal = page.getByRole("region", { name: "I tuoi dati" });
  await personal.getByRole("textbox", { name: "Nome", exact: true }).fill(who.firstName);
  await personal.getByRole("textbox", { name: "Cognome", exact: true }).fill(who.lastName);
  await personal.getByRole("textbox", { name: "Email", exact: true }).fill(who.email);
  if (who.phone) await personal.getByRole("textbox", { name: "Telefono (facoltativo)" }).fill(who.phone);
  await personal.getByRole("textbox", { name: "Ruolo o qualifica", exact: true }).fill(who.roleTitle);

  const organisationSection = page.getByRole("region", { name: "Ente di appartenenza" });
  await tick(organisationSection.getByRole("radio", { name: organisation.type, exact: true }));
  if (organisation.type === "Comune") {
    await chooseMunicipality(organisationSection, organisation.municipality);
  } else {
    await organisationSection.getByRole("textbox", { name: "Nome dell'ente", exact: true }).fill(organisation.name);
  }

  await fillNominees(page, nominees);
  await tick(page.getByRole("checkbox", { name: /informativa sul trattamento/ }));
}

/**
 * Picks the Comune: from the plain list without JavaScript, else by typing
 * its first letters in the searchable field and clicking it in the list.
 */
export async function chooseMunicipality(scope: Locator, name: string) {
  const field = scope.getByRole("combobox", { name: "Comune" });
  if (await field.evaluate((element) => element.tagName === "SELECT")) {
    await field.selectOption({ label: name });
    return;
  }
  await field.fill(name.slice(0, 3));
  await scope.getByRole("listbox", { name: "Comune" }).getByRole("option", { name, exact: true }).click();
  await expect(field).toHaveValue(name);
}

/** Fills representative rows, adding rows with the button when JavaScript runs and the page has too few. */
export async function fillNominees(page: Page, nominees: Nominee[]) {
  for (const [index, nominee] of nominees.entries()) {
    const row = page.getByRole("group", { name: `Rappresentante ${index + 1}`, exact: true });
    if (!(await row.count())) await page.getByRole("button", { name: "Aggiungi un rappresentante" }).click();
    await row.getByRole("textbox", { name: "Nome", exact: true }).fill(nominee.firstName);
    await row.getByRole("textbox", { name: "Cognome", exact: true }).fill(nominee.lastName);
    await row.getByRole("textbox", { name: "Email", exact: true }).fill(nominee.email);
    await row.getByRole("combobox", { name: "Ente gestore", exact: true }).fill(nominee.managingBodyName);
  }
}

export async function emailsTo(email: string) {
  return testDb().emailMessage.findMany({ where: { toEmail: email.toLowerCase() }, orderBy: { createdAt: "asc" } });
}

const LINK_PATTERNS = { personalUrl: /\/iscrizione\/[A-Za-z0-9_-]{20,}/, invitationUrl: /\/invito\/[A-Za-z0-9_-]{20,}/ } as const;

/** The path of a link in the latest email of `template` to `email`, as delivered (the database keeps no link of a sent email). */
export async function linkFromEmail(email: string, template: string, key: keyof typeof LINK_PATTERNS): Promise<string> {
  const messages = (await emailsTo(email)).filter((message) => message.template === template);
  expect(messages.length, `an email "${template}" to ${email}`).toBeGreaterThan(0);
  return new URL(await deliveredLink(messages.at(-1)!.id, LINK_PATTERNS[key])).pathname;
}

export async function registrationOf(email: string, meetingId: string) {
  return testDb().registration.findFirst({ where: { meetingId, person: { email: email.toLowerCase() } }, include: { person: true } });
}

/** Registers through the form (as the journey does) and returns the personal page's path from the confirmation URL. */
export async function registerThroughForm(
  page: Page,
  slug: string,
  who: Person,
  organisation: Organisation = { type: "Comune", municipality: "Palermo" },
  nominees: Nominee[] = [],
): Promise<string> {
  await page.goto(`/convocazioni/${slug}/iscrizione`);
  await fillRegistrationForm(page, who, organisation, nominees);
  await page.getByRole("button", { name: "Invia l'iscrizione" }).click();
  await expect(page).toHaveURL(/\/iscrizione\/[A-Za-z0-9_-]{43}\/conferma$/);
  return new URL(page.url()).pathname.replace(/\/conferma$/, "");
}
