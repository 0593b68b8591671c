import { expect, test } from "@playwright/test";
import { signInAs } from "./support/dashboard";
import { shoot } from "./support/screenshots";
import { seedMeeting, testDb, uniqueSlug } from "./support/database";

test.describe.configure({ timeout: 120_000 });

test("a duplicate starts without dates, window or protocol number, and is published only once it has its own dates and title", async ({ page }) => {
  const title = `Tavolo del 2022 ${Date.now()}`;
  const source = await seedMeeting({
    title,
    protocolNumber: "0227/15/03/22",
    startsAt: new Date("2022-03-24T14:00:00Z"),
    endsAt: new Date("2022-03-24T16:00:00Z"),
    registrationOpensAt: new Date("2022-03-15T08:00:00Z"),
    registrationClosesAt: new Date("2022-03-24T14:00:00Z"),
  });
  await signInAs(page, "COORDINATOR");
  await page.goto(`/dashboard/convocazioni/${source.id}`);
  await page.getByRole("button", { name: "Duplica" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${title} (copia)` })).toBeVisible();
  await expect(page.getByText("Da definire: indicale in «Modifica» prima di pubblicare")).toBeVisible();
  const copyPath = new URL(page.url()).pathname;

  await page.getByRole("button", { name: "Pubblica" }).click();
  await expect(page.getByText("Indica data e ora di inizio e di fine della copia")).toBeVisible();

  await page.goto(`${copyPath}/modifica`);
  for (const label of [/^Inizio\b/, /^Fine\b/, "Apertura delle iscrizioni", "Chiusura delle iscrizioni", "Numero di protocollo"]) {
    await expect(page.getByLabel(label)).toHaveValue("");
  }
  await shoot(page, "duplicate-editor");
  await page.getByLabel(/^Inizio\b/).fill("2030-03-24T15:00");
  await page.getByLabel(/^Fine\b/).fill("2030-03-24T17:00");
  await page.getByRole("button", { name: "Salva le modifiche" }).click();
  await expect(page.getByText("Modifiche salvate.")).toBeVisible();

  await page.goto(copyPath);
  await page.getByRole("button", { name: "Pubblica" }).click();
  await expect(page.getByText("Il titolo finisce ancora con «(copia)»")).toBeVisible();

  // While a draft, its address can change: a taken one is refused next to the field.
  await page.goto(`${copyPath}/modifica`);
  const address = page.getByRole("textbox", { name: "Indirizzo della pagina" });
  await page.getByRole("textbox", { name: "Titolo", exact: true }).first().fill("Tavolo tecnico di primavera 2030");
  await address.fill(source.slug);
  await page.getByRole("button", { name: "Salva le modifiche" }).click();
  await expect(page.getByText("Questo indirizzo è già usato da un'altra convocazione").first()).toBeVisible();
  const slug = uniqueSlug("tavolo-primavera-2030");
  await address.fill(slug);
  await page.getByRole("button", { name: "Salva le modifiche" }).click();
  await expect(page.getByText("Modifiche salvate.")).toBeVisible();

  await page.goto(copyPath);
  await page.getByRole("button", { name: "Pubblica" }).click();
  await expect(page.getByText("Convocazione pubblicata")).toBeVisible();
  expect((await page.request.get(`/convocazioni/${slug}`)).status()).toBe(200);
  const copy = await testDb().meeting.findUniqueOrThrow({ where: { slug } });
  expect(copy).toMatchObject({ status: "PUBLISHED", protocolNumber: null, datesPending: false, startsAt: new Date("2030-03-24T14:00:00Z") });
});

test("the lists and the overview show a duplicate waiting for dates without error", async ({ page }) => {
  const source = await seedMeeting({ title: `Webinar da copiare ${Date.now()}` });
  await signInAs(page, "COORDINATOR");
  await page.goto(`/dashboard/convocazioni/${source.id}`);
  await page.getByRole("button", { name: "Duplica" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /\(copia\)$/ })).toBeVisible();
  for (const path of ["/dashboard", "/dashboard/convocazioni"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("row", { name: new RegExp(`${source.title} \\(copia\\)`) }).first()).toContainText("Data da definire");
  }
  // Each of the copy's tabs heads its page with the dates still to be set, never the source's.
  const copyPath = `/dashboard/convocazioni/${(await testDb().meeting.findFirstOrThrow({ where: { title: `${source.title} (copia)` } })).id}`;
  for (const tab of ["iscrizioni", "inviti", "link", "messaggi", "presenze", "attestati", "copertura"]) {
    const response = await page.goto(`${copyPath}/${tab}`);
    expect(response?.status(), tab).toBe(200);
    const heading = page.locator("main").getByText(/data da definire/).first();
    await expect(heading, tab).toBeVisible();
  }
});
