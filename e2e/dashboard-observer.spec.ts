import { expect, test } from "@playwright/test";
import { seedMeeting, testDb } from "./support/database";
import { openSectionGroup, registerViaApi, signInAs } from "./support/dashboard";
import { uniqueEmail } from "./support/registration";

test.describe.configure({ timeout: 120_000 });

const WRITE_CONTROLS = [
  /^Pubblica$/,
  /^Modifica la convocazione$/,
  /^Annulla la convocazione$/,
  /^Duplica$/,
  /^Check-in ora$/,
  /^Segna presenti$/,
  /^Annulla iscrizioni$/,
  /^Invia il promemoria/,
  /^Invia di nuovo/,
  /^Reinvia/,
  /^Revoca/,
  /^Riprova/,
  /^Salva/,
];

test("an observer sees every page and export, but no control that changes anything", async ({ page, baseURL }) => {
  const meeting = await seedMeeting({ capacity: 5, title: "Tavolo tecnico osservato" });
  await registerViaApi(baseURL!, meeting.slug, {
    firstName: "Olga",
    lastName: "Osservata",
    email: uniqueEmail("olga"),
    nominees: [{ firstName: "Gino", lastName: "Gestore", email: uniqueEmail("gino"), managingBodyName: "Cooperativa Osservata" }],
  });
  await signInAs(page, "OBSERVER");
  await expect(page.getByRole("banner")).toContainText("Osservatore (sola lettura)");
  const nav = await openSectionGroup(page, "Amministrazione");
  await expect(nav.getByRole("link", { name: "Registro attività" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Utenti" })).toHaveCount(0);
  await nav.getByRole("button", { name: "Amministrazione" }).click();

  const base = `/dashboard/convocazioni/${meeting.id}`;
  for (const path of ["/dashboard", "/dashboard/convocazioni", base, `${base}/iscrizioni`, `${base}/inviti`, `${base}/copertura`, "/dashboard/inviti", "/dashboard/email", "/dashboard/registro-attivita"]) {
    await test.step(path, async () => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      for (const name of WRITE_CONTROLS) await expect(page.getByRole("button", { name }), `${name} on ${path}`).toHaveCount(0);
      await expect(page.getByRole("checkbox", { name: /^Seleziona/ })).toHaveCount(0);
    });
  }
  await page.goto(`${base}/iscrizioni`);
  await expect(page.getByRole("row", { name: /Osservata Olga/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Iscrivi una persona" })).toHaveCount(0);
  // Reading includes the exports.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Esporta CSV/ }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);

  for (const path of ["/dashboard/convocazioni/nuova", `${base}/modifica`, `${base}/iscrizioni/nuova`, "/dashboard/utenti"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});

test("a coordinator has those controls on the same pages (so the observer's check is not vacuous)", async ({ page, baseURL }) => {
  const meeting = await seedMeeting({ capacity: 5, title: "Tavolo tecnico coordinato" });
  await registerViaApi(baseURL!, meeting.slug, {
    firstName: "Carlo",
    lastName: "Coordinato",
    email: uniqueEmail("carlo"),
    nominees: [{ firstName: "Gina", lastName: "Gestrice", email: uniqueEmail("gina"), managingBodyName: "Cooperativa Coordinata" }],
  });
  await signInAs(page, "COORDINATOR");
  const base = `/dashboard/convocazioni/${meeting.id}`;
  const expected: [string, RegExp[]][] = [
    [base, [/^Modifica la convocazione$/, /^Annulla la convocazione$/, /^Duplica$/]],
    [`${base}/iscrizioni`, [/^Check-in ora$/, /^Segna presenti$/, /^Annulla iscrizioni$/, /^Reinvia/]],
    [`${base}/inviti`, [/^Invia di nuovo/, /^Revoca/]],
  ];
  for (const [path, names] of expected) {
    await page.goto(path);
    for (const name of names) expect(await page.getByRole("button", { name }).or(page.getByRole("link", { name })).count(), `${name} on ${path}`).toBeGreaterThan(0);
  }
  await expect(page.getByRole("checkbox", { name: "Seleziona Carlo Coordinato" })).toHaveCount(0);
  await page.goto(`${base}/iscrizioni`);
  await expect(page.getByRole("checkbox", { name: "Seleziona Carlo Coordinato" })).toBeVisible();
});

test("the server refuses a change the moment a coordinator becomes an observer, and keeps what was typed", async ({ page }) => {
  const meeting = await seedMeeting({ status: "DRAFT", title: "Bozza da non pubblicare" });
  const user = await signInAs(page, "COORDINATOR");
  await page.goto(`/dashboard/convocazioni/${meeting.id}`);
  await expect(page.getByRole("button", { name: "Pubblica" })).toBeVisible();

  await testDb().user.update({ where: { id: user.id }, data: { role: "OBSERVER" } });
  await page.getByRole("button", { name: "Pubblica" }).click();
  await expect(page.getByText("Il tuo profilo non consente questa operazione.")).toBeVisible();
  expect((await testDb().meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe("DRAFT");
  expect(await testDb().auditEntry.count({ where: { entityId: meeting.id } })).toBe(0);

  // The edit form, opened while still a coordinator: the typed title survives the refusal.
  await testDb().user.update({ where: { id: user.id }, data: { role: "COORDINATOR" } });
  await page.goto(`/dashboard/convocazioni/${meeting.id}/modifica`);
  await testDb().user.update({ where: { id: user.id }, data: { role: "OBSERVER" } });
  await page.getByRole("textbox", { name: "Titolo", exact: true }).first().fill("Titolo cambiato da un osservatore");
  await page.getByRole("button", { name: "Salva le modifiche" }).click();
  await expect(page.getByText("Il tuo profilo non consente questa operazione.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Titolo", exact: true }).first()).toHaveValue("Titolo cambiato da un osservatore");
  expect((await testDb().meeting.findUniqueOrThrow({ where: { id: meeting.id } })).title).toBe("Bozza da non pubblicare");
});
