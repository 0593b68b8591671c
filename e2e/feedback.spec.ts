import { expect, test, type Page } from "@playwright/test";
import { expectNoViolations } from "./support/axe";
import { goToSection, signInAs } from "./support/dashboard";
import { seedMeeting, testDb } from "./support/database";
import { tick } from "./support/registration";
import { shoot } from "./support/screenshots";

const QUESTION = "Quanto sono chiare le informazioni su questa pagina?";
const THANKS = "Grazie, il tuo parere ci aiuterà a migliorare il servizio!";

/** axe at 1280 and at 390 px on the page as it is now. */
async function axeAtBothWidths(page: Page) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const widget = (page: Page) => page.getByRole("region", { name: QUESTION });

test.describe.configure({ mode: "serial" });

let slug = "";
const TITLE = "Tavolo con valutazione";
// Letters only: digits would be read as a phone number and replaced.
const marker = `prova${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;

test.beforeAll(async () => {
  slug = (await seedMeeting({ title: TITLE })).slug;
});

test.describe("with JavaScript", () => {
  test("the widget goes step by step, moves the focus, and thanks without leaving the page", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`/convocazioni/${slug}`);
    const region = widget(page);
    await expect(region.getByRole("heading", { level: 2, name: QUESTION })).toBeVisible();
    // Only the stars until one is chosen.
    await expect(region.getByRole("group", { name: /Valuta da 1 a 5 stelle/ })).toBeVisible();
    await expect(region.getByRole("button")).toHaveCount(0);
    await axeAtBothWidths(page);
    await shoot(page, "feedback-0-stars");

    await tick(region.getByRole("radio", { name: "Valuta 2 stelle su 5" }));
    // 1–3 stars: the difficulties, not the preferred aspects.
    await expect(region.getByRole("group", { name: /Dove hai incontrato le maggiori difficoltà/ })).toBeVisible();
    await expect(region.getByRole("group", { name: /Quali sono stati gli aspetti che hai preferito/ })).toBeHidden();
    await expect(region.getByRole("heading", { level: 3, name: "Passo 1 di 2" })).toBeVisible();
    await axeAtBothWidths(page);
    await shoot(page, "feedback-1-reasons");

    // Changing to 5 stars swaps the list and clears the reason.
    await tick(region.getByRole("radio", { name: "Ho avuto problemi tecnici" }));
    await tick(region.getByRole("radio", { name: "Valuta 5 stelle su 5" }));
    await expect(region.getByRole("group", { name: /Quali sono stati gli aspetti che hai preferito/ })).toBeVisible();
    await tick(region.getByRole("radio", { name: "Valuta 2 stelle su 5" }));
    await expect(region.getByRole("radio", { name: "Ho avuto problemi tecnici" })).not.toBeChecked();
    await tick(region.getByRole("radio", { name: "Ho avuto problemi tecnici" }));

    await region.getByRole("button", { name: "Avanti" }).click();
    await expect(region.getByRole("heading", { level: 3, name: "Passo 2 di 2" })).toBeFocused();
    const detail = region.getByRole("textbox", { name: "Dettaglio (facoltativo)" });
    await expect(detail).toHaveAttribute("maxlength", "200");
    await expect(detail).toHaveAccessibleDescription(/vengono sostituiti con «\[rimosso\]»/);
    await detail.fill(`${marker} js: scrivetemi a anna.prova@example.it`);
    await expect(region.getByText(/^Restano \d+ caratteri$/)).toBeVisible();
    await axeAtBothWidths(page);
    await shoot(page, "feedback-2-detail");

    await region.getByRole("button", { name: "Indietro" }).click();
    await expect(region.getByRole("heading", { level: 3, name: "Passo 1 di 2" })).toBeFocused();
    await region.getByRole("button", { name: "Avanti" }).click();
    await region.getByRole("button", { name: "Invia la valutazione" }).click();

    // The region now is the thanks, named by it.
    await expect(page.getByRole("region", { name: THANKS }).getByRole("heading", { level: 2, name: THANKS })).toBeFocused();
    await expect(page).toHaveURL(`/convocazioni/${slug}`);
    await axeAtBothWidths(page);
    await shoot(page, "feedback-3-thanks");

    const row = await testDb().feedback.findFirstOrThrow({ where: { comment: { startsWith: `${marker} js` } } });
    expect(row).toMatchObject({ page: "/convocazioni/[slug]", slug, rating: 2, reason: "TECHNICAL_PROBLEMS", comment: `${marker} js: scrivetemi a [rimosso]` });

    // Where a plain form post comes back: the thanks shown by :target, the form hidden.
    await page.goto("about:blank");
    await page.goto(`/convocazioni/${slug}#valutazione-grazie`);
    await expect(page.locator("#valutazione-grazie")).toHaveText(THANKS);
    await expect(widget(page).getByRole("radio", { name: "Valuta 5 stelle su 5" })).toBeHidden();
    await axeAtBothWidths(page);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the widget is one plain form: the reasons that fit the stars appear, the answer comes back to the page at the thanks", async ({ page }) => {
    await page.goto(`/convocazioni/${slug}`);
    const region = widget(page);
    await expect(region.getByRole("group", { name: /Quali sono stati gli aspetti che hai preferito/ })).toBeHidden();
    await tick(region.getByRole("radio", { name: "Valuta 4 stelle su 5" }));
    await expect(region.getByRole("group", { name: /Quali sono stati gli aspetti che hai preferito/ })).toBeVisible();
    await expect(region.getByRole("group", { name: /Dove hai incontrato le maggiori difficoltà/ })).toBeHidden();
    await tick(region.getByRole("radio", { name: "Le indicazioni erano complete" }));
    await region.getByRole("textbox", { name: "Dettaglio (facoltativo)" }).fill(`${marker} senza js, chiamatemi al 333 123 4567`);
    // (axe needs JavaScript in the page: the JavaScript test checks these states.)
    await shoot(page, "feedback-nojs-form");
    await region.getByRole("button", { name: "Invia la valutazione" }).click();

    await expect(page).toHaveURL(`/convocazioni/${slug}#valutazione-grazie`);
    await expect(region.getByText(THANKS)).toBeVisible();
    await expect(region.getByRole("button", { name: "Invia la valutazione" })).toBeHidden();
    await shoot(page, "feedback-nojs-thanks");
    const row = await testDb().feedback.findFirstOrThrow({ where: { comment: { startsWith: `${marker} senza js` } } });
    expect(row).toMatchObject({ slug, rating: 4, reason: "COMPLETE", comment: `${marker} senza js, chiamatemi al [rimosso]` });
  });

  test("an attestato's page is rated by its pattern, never its code, and the browser comes back to it", async ({ page }) => {
    const code = "K7QF-2M9X-4HNC-8RTA-ZP3W";
    // An unknown code still renders the verification page ("not valid"), with the widget.
    await page.goto(`/attestati/${code}`);
    const region = widget(page);
    await tick(region.getByRole("radio", { name: "Valuta 1 stella su 5" }));
    await region.getByRole("textbox", { name: "Dettaglio (facoltativo)" }).fill(`${marker} invito`);
    await region.getByRole("button", { name: "Invia la valutazione" }).click();
    await expect(page).toHaveURL(`/attestati/${code}#valutazione-grazie`);
    const row = await testDb().feedback.findFirstOrThrow({ where: { comment: `${marker} invito` } });
    expect(row).toMatchObject({ page: "/attestati/[code]", slug: null, rating: 1 });
  });
});

test.describe("on the dashboard", () => {
  test("a coordinator sees the two ratings counted for the convocation's page, with the chart and its table; an observer is refused", async ({ page }) => {
    test.setTimeout(90_000);
    await signInAs(page, "COORDINATOR");
    await goToSection(page, "Amministrazione", "Valutazioni delle pagine");
    await expect(page.getByRole("heading", { level: 1, name: "Valutazioni delle pagine pubbliche" })).toBeVisible();
    await page.getByRole("combobox", { name: "Pagina" }).selectOption({ label: `Convocazione: ${TITLE}` });
    await page.getByRole("button", { name: "Filtra" }).click();
    await expect(page).toHaveURL(/pagina=/);

    const summary = page.getByRole("region", { name: /^Sintesi/ });
    await expect(summary.getByText("Risposte", { exact: true }).locator("+ dd")).toHaveText("2");
    await expect(summary.getByText("Valutazione media").locator("+ dd")).toHaveText("3,0 su 5");
    await expect(page.getByRole("img", { name: /Grafico a barre delle risposte per mese.*2 in tutto/ })).toBeVisible();
    const months = page.getByRole("region", { name: "Tabella delle risposte per mese" });
    const thisMonth = new Intl.DateTimeFormat("it-IT", { month: "long", year: "numeric", timeZone: "Europe/Rome" }).format(new Date());
    await expect(months.getByRole("row", { name: new RegExp(`^${thisMonth} 2 `, "i") })).toBeVisible();
    await expect(page.getByRole("region", { name: "Tabella delle risposte per pagina" }).getByRole("row", { name: new RegExp(`Convocazione: ${TITLE} 2 3,0 su 5`) })).toBeVisible();
    const reasons = page.getByRole("region", { name: "Tabella dei motivi indicati" });
    await expect(reasons.getByRole("row", { name: /Ho avuto problemi tecnici Difficoltà 1/ })).toBeVisible();
    await expect(page.getByRole("region", { name: "Tabella degli ultimi dettagli scritti" })).toContainText(`${marker} js: scrivetemi a [rimosso]`);
    await axeAtBothWidths(page);
    await shoot(page, "feedback-dashboard");

    await page.getByRole("button", { name: "Esci" }).click();
    await signInAs(page, "OBSERVER");
    const response = await page.goto("/dashboard/valutazioni");
    expect(response?.status()).toBe(403);
  });
});
