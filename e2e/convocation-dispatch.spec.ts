// A coordinator convenes for real: imports the Comuni's PEC from IndicePA,
// sends the convocation to the SAI Comuni by PEC and to the referents by
// email, watches it go, and learns which Comune the PEC did not reach, with
// the receipt to prove it.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { storePecReceipt } from "../lib/email/pec/mutations";
import { buildPecReceipt } from "../lib/test/pec-receipts";
import { createMunicipalityIn, createReferent } from "../lib/test/factories";
import { expectNoViolations } from "./support/axe";
import { seedMeeting, testDb } from "./support/database";
import { signInAs } from "./support/dashboard";
import { tick, uniqueEmail } from "./support/registration";

test.describe.configure({ timeout: 120_000 });

const HEADER =
  "_id,Codice_IPA,Denominazione_ente,Codice_fiscale_ente,Tipologia,Codice_Categoria,Codice_natura,Codice_ateco,Ente_in_liquidazione,Codice_MIUR,Codice_ISTAT,Acronimo,Nome_responsabile,Cognome_responsabile,Titolo_responsabile,Codice_comune_ISTAT,Codice_catastale_comune,CAP,Indirizzo,Mail1,Tipo_Mail1,Mail2,Tipo_Mail2,Mail3,Tipo_Mail3,Mail4,Tipo_Mail4,Mail5,Tipo_Mail5,Sito_istituzionale,Url_facebook,Url_linkedin,Url_twitter,Url_youtube,Data_aggiornamento";

/** IndicePA's «Enti» list, in its published layout, with one row per Comune given. */
function indicePaList(comuni: { name: string; istatCode: string; pec: string }[]): Buffer {
  const rows = comuni.map(
    (comune, index) =>
      `${index + 1},c_x${index},Comune di ${comune.name},0${String(index).padStart(10, "0")},Pubbliche Amministrazioni,L6,2430,84.11.10,,,${comune.istatCode}0,,Maria,Esempio,Sindaco,${comune.istatCode},X00${index},90100,"Piazza Municipio, 1",${comune.pec},Pec,,,,,,,,,,,,,,2026-11-30`,
  );
  return Buffer.from(`\ufeff${[HEADER, ...rows].join("\n")}\n`);
}

async function axeAtBothWidths(page: Page) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Preview and confirm; other specs add referents meanwhile, so a changed count is previewed again, as a coordinator would. */
async function confirmDispatch(page: Page) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByRole("button", { name: "Mostra l'anteprima" }).click();
    await page.getByRole("button", { name: /^Invia la convocazione a \d+ destinatar/ }).click();
    const outcome = page.getByRole("status").locator(".alert");
    await expect(outcome).toBeVisible();
    if ((await outcome.textContent())?.startsWith("Convocazione in invio")) return;
    await expect(outcome).toContainText("I destinatari sono cambiati dall'anteprima");
  }
  throw new Error("the recipients kept changing");
}

test("a coordinator imports the PECs, sends the convocation to the SAI Comuni and the referents, watches it go, and sees the Comune a mancata consegna left out, with its receipt", async ({ page }) => {
  const suffix = randomBytes(3).toString("hex");
  // ISTAT codes of Agrigento's province no real Comune has (084001–084043 do), so IndicePA's list may name them.
  const free = 900 + (randomBytes(1)[0] % 49) * 2;
  const comune = async (name: string, istatCode: string) =>
    testDb().municipality.update({ where: { id: (await createMunicipalityIn(testDb(), { name, province: "AG" })).id }, data: { istatCode } });
  const reached = await comune(`Comune Raggiunto ${suffix}`, `084${free}`);
  const missed = await comune(`Comune Mancato ${suffix}`, `084${free + 1}`);
  const pecOf = (name: string) => `protocollo.${name.toLowerCase().replace(/\W+/g, "")}@pec.comune.example.it`;
  const referentEmail = uniqueEmail("dispatch.referente").toLowerCase();
  await createReferent(testDb(), reached.id, { email: referentEmail, firstName: "Rosa", lastName: "Invio" });
  const meeting = await seedMeeting({ protocolNumber: "0227/15/03/22", subject: `Convocazione del tavolo ${suffix}` });

  await signInAs(page, "COORDINATOR");

  // The PECs from IndicePA: upload, preview, apply.
  await page.goto("/dashboard/comuni/pec");
  await page.getByLabel("Elenco «Enti» di IndicePA (CSV)").setInputFiles({
    name: `enti-${suffix}.csv`,
    mimeType: "text/csv",
    buffer: indicePaList([reached, missed].map((comune) => ({ ...comune, pec: pecOf(comune.name) }))),
  });
  await page.getByRole("button", { name: "Carica e mostra l'anteprima" }).click();
  await page.getByRole("button", { name: "Applica l'importazione" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Importazione applicata il" })).toBeVisible();
  expect((await testDb().municipality.findUniqueOrThrow({ where: { id: missed.id } })).pec).toBe(pecOf(missed.name));

  // From the meeting's summary to its dispatch page.
  await page.goto(`/dashboard/convocazioni/${meeting.id}`);
  await expect(page.locator("dd", { hasText: "Non ancora inviata" })).toBeVisible();
  await page.getByRole("link", { name: "Invia la convocazione" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Invio della convocazione" })).toBeVisible();
  await axeAtBothWidths(page);

  await tick(page.getByRole("checkbox", { name: /^Comuni aderenti al SAI, via PEC/ }));
  await tick(page.getByRole("checkbox", { name: /^Referenti attivi dei Comuni, via email/ }));
  await page.getByRole("button", { name: "Mostra l'anteprima" }).click();
  await expect(page).toHaveURL(/destinatari=SAI_PEC&destinatari=REFERENTS/);
  const preview = page.getByRole("region", { name: "Anteprima" });
  await expect(preview.locator("dd").first()).toHaveText(`Convocazione del tavolo ${suffix}`);
  await expect(preview.getByText("Iscriviti all'incontro")).toBeVisible();
  await preview.getByText(/^Elenco dei destinatari da raggiungere/).click();
  await expect(preview.getByRole("row", { name: new RegExp(pecOf(missed.name)) })).toContainText("PEC");
  await expect(preview.getByRole("row", { name: new RegExp(referentEmail) })).toContainText("Email");
  await axeAtBothWidths(page);

  await confirmDispatch(page);
  await expect(page.getByRole("progressbar", { name: "Invio della convocazione (PEC ed email)" })).toBeVisible();
  await expect(page.getByText(/Convocazione: \d+ di \d+ inviate\. Invio completato\./)).toBeVisible({ timeout: 60_000 });

  // Each address once, with the letter and the scheda attached by the worker.
  const recipients = await testDb().dispatchRecipient.findMany({
    where: { meetingId: meeting.id, address: { in: [pecOf(reached.name), pecOf(missed.name), referentEmail] } },
    include: { emailMessage: { select: { id: true, status: true, channel: true } } },
  });
  expect(recipients.map((recipient) => [recipient.address, recipient.emailMessage.channel, recipient.emailMessage.status]).sort()).toEqual(
    [
      [pecOf(missed.name), "PEC", "SENT"],
      [pecOf(reached.name), "PEC", "SENT"],
      [referentEmail, "EMAIL", "SENT"],
    ].sort(),
  );

  // The PEC provider's receipts, as the minute tick reads them from the mailbox.
  const messageOf = (address: string) => recipients.find((recipient) => recipient.address === address)!.emailMessage.id;
  for (const [address, kind] of [
    [pecOf(reached.name), "avvenuta-consegna"],
    [pecOf(missed.name), "errore-consegna"],
  ] as const) {
    const eml = await buildPecReceipt({ kind, reference: `<${messageOf(address)}@pec.anci.example.it>`, sender: "protocollo@pec.anci.example.it", recipient: address });
    expect(await storePecReceipt(testDb(), { eml })).toMatchObject({ outcome: "stored", emailMessageId: messageOf(address) });
  }

  await page.reload();
  await expect(page.getByText(/^Convocazione inviata il .* Comuni \(PEC\) e .* referent/).first()).toBeVisible();
  const missedEntry = page.locator(`#comune-${missed.id}`);
  await expect(missedEntry.getByRole("heading", { level: 3 })).toContainText("Non raggiunto");
  await expect(page.locator(`#comune-${reached.id}`).getByRole("heading", { level: 3 })).toContainText("Raggiunto");
  await expect(page.getByText("Non raggiunti:").getByRole("link", { name: missed.name })).toBeVisible();
  await axeAtBothWidths(page);

  const download = page.waitForEvent("download");
  await missedEntry.getByRole("link", { name: "Ricevuta di mancata consegna" }).click();
  const receipt = await download;
  expect(receipt.suggestedFilename()).toMatch(/^ricevuta-mancata-consegna-.*\.eml$/);
  const body = await (await receipt.createReadStream()).toArray();
  expect(Buffer.concat(body).toString("utf8")).toContain("X-Ricevuta: errore-consegna");

  await page.goto(`/dashboard/convocazioni/${meeting.id}`);
  await expect(page.locator("dd", { hasText: /^Convocazione inviata il/ })).toBeVisible();
});
