// A coordinator corrects a Comune's PEC, where the convocation goes by PEC.
import { expect, test } from "@playwright/test";
import { expectNoViolations } from "./support/axe";
import { testDb } from "./support/database";
import { signInAs } from "./support/dashboard";

test("a coordinator sets a Comune's PEC, is told in Italian when it is no address, and an observer cannot change it", async ({ page }) => {
  const municipality = await testDb().municipality.findFirstOrThrow({ where: { province: "EN" }, orderBy: { name: "desc" } });
  await testDb().municipality.update({ where: { id: municipality.id }, data: { pec: null } });
  await signInAs(page, "COORDINATOR");
  await page.goto(`/dashboard/comuni/${municipality.id}`);
  await expect(page.getByText("Non nota")).toBeVisible();

  await page.getByText("Modifica la PEC").click();
  const field = page.getByRole("textbox", { name: "PEC del Comune" });
  await field.fill("protocollo-senza-chiocciola");
  await page.getByRole("button", { name: "Salva la PEC" }).click();
  await expect(page.getByText("Inserisci un indirizzo PEC valido").first()).toBeVisible();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoViolations(page);
  }

  const pec = `protocollo.${Date.now()}@pec.comune.example.it`;
  await field.fill(pec);
  await page.getByRole("button", { name: "Salva la PEC" }).click();
  await expect(page.getByText(`PEC di ${municipality.name} salvata: ${pec}.`)).toBeVisible();
  expect((await testDb().municipality.findUniqueOrThrow({ where: { id: municipality.id } })).pec).toBe(pec);
  await page.reload();
  await expect(page.locator("dd", { hasText: pec }).first()).toBeVisible();

  await page.context().clearCookies();
  await signInAs(page, "OBSERVER");
  await page.goto(`/dashboard/comuni/${municipality.id}`);
  await expect(page.getByText(pec)).toBeVisible();
  await expect(page.getByText("Modifica la PEC")).toHaveCount(0);
});
