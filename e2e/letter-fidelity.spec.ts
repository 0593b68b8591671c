// The convocation page reads as the paper letter: the Oggetto's date in bold,
// the place-and-date line above the protocol, the letterhead's closing block.
import { expect, test, type Page } from "@playwright/test";
import { seedMeeting, testDb } from "./support/database";
import { signInAs } from "./support/dashboard";
import { pdfPagesText } from "../lib/platform/pdf/testing";

const REFERENCE = "/convocazioni/tavolo-tecnico-2022-03-24";

/** The letter's paragraphs in page order, as text. */
async function letterLines(page: Page) {
  return page.locator("section.letter > p").allInnerTexts();
}

test("the reference letter shows its place and date above the protocol, the Oggetto's date in bold and the closing block", async ({ page }) => {
  await page.goto(REFERENCE);
  const letter = page.getByRole("region", { name: "Testo della convocazione" });

  const lines = await letterLines(page);
  expect(lines.slice(0, 3)).toEqual([
    "Palermo, 15 marzo 2022",
    "Prot. n. 0227/15/03/22",
    expect.stringMatching(/^Oggetto: CONVOCAZIONE TAVOLO TECNICO/),
  ]);
  const subject = letter.locator("p", { hasText: "Oggetto:" });
  await expect(subject.locator("strong")).toHaveText(["Oggetto:", "giovedì 24 marzo 2022 ore 15:00-17.00"]);
  await expect(subject).not.toContainText("**");

  const closing = letter.getByRole("group", { name: "Piè di pagina della lettera" });
  await expect(closing.locator("p")).toHaveText(["ANCI SICILIA", "Associazione dei comuni siciliani", "progettocoopera.it"]);
  await expect(closing.getByRole("link", { name: "progettocoopera.it" })).toHaveAttribute("href", "https://www.progettocoopera.it");

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await letter.screenshot({ path: test.info().outputPath(`lettera-${width}.png`) });
  }
});

test("without a place-and-date line the letter starts at the protocol number", async ({ page }) => {
  const meeting = await seedMeeting({ protocolNumber: "0001/01/01/30", projectWebsite: null });
  await page.goto(`/convocazioni/${meeting.slug}`);
  expect((await letterLines(page))[0]).toBe("Prot. n. 0001/01/01/30");
  const closing = page.getByRole("group", { name: "Piè di pagina della lettera" });
  await expect(closing.locator("p")).toHaveText(["ANCI SICILIA", "Associazione dei comuni siciliani"]);
});

test("a coordinator writes the place-and-date line in the editor, sees it in the live preview, and the public page shows it", async ({ page }) => {
  const meeting = await seedMeeting({ title: `Con luogo e data ${Date.now()}`, protocolNumber: "0300/02/12/26" });
  await signInAs(page, "COORDINATOR");
  await page.goto(`/dashboard/convocazioni/${meeting.id}/modifica`);
  await page.getByRole("textbox", { name: "Luogo e data della lettera" }).fill("Catania, 2 dicembre 2026");
  const preview = page.getByRole("region", { name: "Anteprima della pagina pubblica" });
  await expect(preview.locator("section.letter > p").first()).toHaveText("Catania, 2 dicembre 2026");
  await page.getByRole("button", { name: "Salva le modifiche" }).click();
  await expect(page.getByText("Modifiche salvate.")).toBeVisible();
  expect((await testDb().meeting.findUniqueOrThrow({ where: { id: meeting.id } })).placeAndDate).toBe("Catania, 2 dicembre 2026");

  await page.goto(`/convocazioni/${meeting.slug}`);
  expect((await letterLines(page)).slice(0, 2)).toEqual(["Catania, 2 dicembre 2026", "Prot. n. 0300/02/12/26"]);
});

test("the convocation page links the letter and the blank scheda as PDFs; a draft's letter is previewed only in the dashboard", async ({ page, request }) => {
  await page.goto(REFERENCE);
  const pdfText = async (name: string) => {
    const href = await page.getByRole("link", { name }).getAttribute("href");
    const response = await request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    return (await pdfPagesText(await response.body())).join("\n");
  };
  const letter = await pdfText("Scarica la lettera di convocazione (PDF)");
  expect(letter).toContain("Prot. n. 0227/15/03/22");
  expect(letter).toContain("Mario Emanuele Alvano");
  expect(letter).toMatch(/Pagina 1 di \d/);
  expect(await pdfText("Scarica la scheda referenti da compilare (PDF)")).toContain("PEC del Comune");

  const draft = await seedMeeting({ status: "DRAFT", title: `Bozza con lettera ${Date.now()}` });
  expect((await request.get(`/convocazioni/${draft.slug}/lettera.pdf`)).status()).toBe(404);
  await signInAs(page, "OBSERVER");
  await page.goto(`/dashboard/convocazioni/${draft.id}`);
  const href = await page.getByRole("link", { name: "Anteprima della lettera (PDF)" }).getAttribute("href");
  const preview = await page.request.get(href!);
  expect(preview.status()).toBe(200);
  expect((await pdfPagesText(await preview.body())).join("\n")).toContain("ANTEPRIMA, non ancora pubblicata");
});
