// A coordinator imports the Comuni's PEC from IndicePA's list: upload, preview, apply.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoViolations } from "./support/axe";
import { testDb } from "./support/database";
import { signInAs } from "./support/dashboard";

test.describe.configure({ timeout: 90_000 });

const LIST = path.join(import.meta.dirname, "..", "lib", "test", "fixtures", "indicepa", "enti-sicilia.csv");

async function axeAtBothWidths(page: import("@playwright/test").Page) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a coordinator uploads IndicePA's list, sees which PECs would change, applies them, and the Comune shows its PEC", async ({ page }) => {
  const aciCastello = await testDb().municipality.update({ where: { istatCode: "087002" }, data: { pec: null } });
  await signInAs(page, "COORDINATOR");
  await page.goto("/dashboard/comuni");
  await page.getByRole("link", { name: "Importa le PEC dei Comuni da IndicePA" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Importa le PEC dei Comuni da IndicePA" })).toBeVisible();
  await axeAtBothWidths(page);

  // A file that is not the list comes back with the reason.
  await page.getByLabel("Elenco «Enti» di IndicePA (CSV)").setInputFiles({ name: "altro.csv", mimeType: "text/csv", buffer: Buffer.from("Comune;PEC\nPalermo;x@pec.it\n") });
  await page.getByRole("button", { name: "Carica e mostra l'anteprima" }).click();
  await expect(page.locator(".alert-danger")).toContainText("Mancano colonne necessarie");

  await page.getByLabel("Elenco «Enti» di IndicePA (CSV)").setInputFiles(LIST);
  await page.getByRole("button", { name: "Carica e mostra l'anteprima" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Anteprima delle PEC da enti-sicilia.csv" })).toBeVisible();
  const writes = page.getByRole("table", { name: "PEC che l'importazione scriverebbe" });
  await expect(writes.getByRole("row", { name: /Aci Castello/ })).toContainText("protocollo@pec.comune.acicastello.ct.it");
  await expect(page.getByText(/2 Comuni fuori Sicilia/)).toBeVisible();
  await axeAtBothWidths(page);
  expect((await testDb().municipality.findUniqueOrThrow({ where: { id: aciCastello.id } })).pec).toBeNull();

  await page.getByRole("button", { name: "Applica l'importazione" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Importazione applicata il" })).toBeVisible();
  expect((await testDb().municipality.findUniqueOrThrow({ where: { id: aciCastello.id } })).pec).toBe("protocollo@pec.comune.acicastello.ct.it");
  await axeAtBothWidths(page);

  await page.goto(`/dashboard/comuni/${aciCastello.id}`);
  await expect(page.locator("dd", { hasText: "protocollo@pec.comune.acicastello.ct.it" }).first()).toBeVisible();
});
