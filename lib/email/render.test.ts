import { describe, expect, test } from "vitest";
import { ICS, JOIN_URL, SAMPLE_DATA } from "@/lib/test/email-fixtures";
import { renderEmail, renderStoredEmail } from "./render";
import { emailTemplateSchemas, type EmailTemplateName } from "./schema";
import { FUNDING_NOTICE } from "./templates/layout";

const TEMPLATES = Object.keys(emailTemplateSchemas) as EmailTemplateName[];
/** The templates about a meeting; the others are about a dashboard account (sign-in, invitation to use it) or the scheda referenti. */
const MEETING_TEMPLATES = TEMPLATES.filter((template) => "meetingTitle" in SAMPLE_DATA[template]);

describe("every template", () => {
  test.each(TEMPLATES)("%s renders an Italian subject, HTML and text with the EU funding footer", async (template) => {
    const email = await renderEmail(template, SAMPLE_DATA[template]);
    expect(email.subject).not.toMatch(/https?:/);
    expect(email.html).toContain('lang="it"');
    for (const body of [email.html.replaceAll("&#x27;", "'"), email.text]) {
      expect(body).toContain(FUNDING_NOTICE);
      expect(body).toContain("ANCI Sicilia");
    }
  });

  test.each(MEETING_TEMPLATES)("%s names the meeting, its time and the recipient", async (template) => {
    const email = await renderEmail(template, SAMPLE_DATA[template]);
    expect(email.subject).toContain("Tavolo tecnico del Coordinamento dei Comuni SAI");
    for (const body of [email.html.replaceAll("&#x27;", "'"), email.text]) {
      expect(body).toContain("giovedì 24 marzo 2022, ore 15:00–17:00");
    }
    expect(email.text).toMatch(/Gentile (Maria|Giuseppe),/);
  });

  test("the account and scheda referenti templates are all the others", () => {
    expect(TEMPLATES.filter((template) => !MEETING_TEMPLATES.includes(template)).sort()).toEqual([
      "referent-designated",
      "referent-sheet-approved",
      "referent-sheet-received",
      "referent-sheet-rejected",
      "referent-sheet-replaced",
      "sign-in-link",
      "user-invitation",
    ]);
  });
});

describe("registration-confirmed", () => {
  test("carries the join link in the body and the ICS attachment, never the link in the subject", async () => {
    const email = await renderEmail("registration-confirmed", SAMPLE_DATA["registration-confirmed"]);
    expect(email.subject).toBe("Iscrizione confermata: Tavolo tecnico del Coordinamento dei Comuni SAI");
    expect(email.subject).not.toContain(JOIN_URL);
    expect(email.text).toContain(JOIN_URL);
    expect(email.text).toContain("http://localhost:3000/iscrizione/Tok3nPersonaleDiProva");
    expect(email.privateUrls).toEqual([JOIN_URL]);
    expect(email.attachments).toEqual([
      { filename: "convocazione.ics", contentType: expect.stringMatching(/^text\/calendar/), content: ICS },
    ]);
  });

  test("without a join link it promises to send one before the meeting", async () => {
    const email = await renderEmail("registration-confirmed", { ...SAMPLE_DATA["registration-confirmed"], joinUrl: null });
    expect(email.text).toContain("Il link di collegamento sarà inviato prima dell'incontro.");
    expect(email.text).not.toContain("zoom.us");
    expect(email.privateUrls).toEqual([]);
  });

  test("a meeting title that contains the join link is refused rather than put in the subject", async () => {
    const data = { ...SAMPLE_DATA["registration-confirmed"], meetingTitle: `Incontro ${JOIN_URL}` };
    await expect(renderEmail("registration-confirmed", data)).rejects.toThrow(/subject/);
  });
});

test("registration-waitlisted explains the waiting list and the notice when a seat frees up", async () => {
  const email = await renderEmail("registration-waitlisted", SAMPLE_DATA["registration-waitlisted"]);
  expect(email.subject).toBe("Sei in lista d'attesa: Tavolo tecnico del Coordinamento dei Comuni SAI");
  expect(email.text).toContain("lista d'attesa (posizione n. 3)");
  expect(email.text).toContain("Se si libera un posto");
  expect(email.text).not.toContain("Link di collegamento");
});

test("registration-promoted without a personal link points to the link already received", async () => {
  const email = await renderEmail("registration-promoted", { ...SAMPLE_DATA["registration-promoted"], personalUrl: null });
  expect(email.subject).toContain("Si è liberato un posto");
  expect(email.text).toContain("usa il link personale che hai ricevuto");
  expect(email.text).toContain("http://localhost:3000/convocazioni/tavolo-tecnico-2022-03-24");
  expect(email.attachments?.[0].filename).toBe("convocazione.ics");
});

test("personal-link says the person is already registered and repeats the link", async () => {
  const email = await renderEmail("personal-link", SAMPLE_DATA["personal-link"]);
  expect(email.text).toContain("LA TUA ISCRIZIONE C'È GIÀ");
  expect(email.text).toContain("http://localhost:3000/iscrizione/Tok3nPersonaleDiProva");
  expect(email.attachments).toBeUndefined();
});

test("registration-cancelled confirms the cancellation", async () => {
  const email = await renderEmail("registration-cancelled", SAMPLE_DATA["registration-cancelled"]);
  expect(email.subject).toBe("Iscrizione annullata: Tavolo tecnico del Coordinamento dei Comuni SAI");
  expect(email.text).toContain("è stata annullata");
});

test("invitation names who invites, on behalf of which ente gestore, and links to the answer", async () => {
  const email = await renderEmail("invitation", SAMPLE_DATA.invitation);
  expect(email.subject).toBe("Invito: Tavolo tecnico del Coordinamento dei Comuni SAI");
  expect(email.text).toContain("Anna Bianchi (Comune di Palermo) ti invita");
  expect(email.text).toContain("dell'ente gestore Cooperativa Sociale Esempio");
  expect(email.text).toContain("http://localhost:3000/invito/Tok3nInvitoDiProva");
  expect(email.text).toContain("valido fino al 23 marzo 2022");
});

test("stored data that no longer fits its template is refused with the fields at fault", async () => {
  await expect(renderStoredEmail("registration-confirmed", { meetingTitle: "x" })).rejects.toThrow(/when.*where|personalUrl/);
  await expect(renderStoredEmail("no-such-template", {})).rejects.toThrow(/Unknown email template/);
});

describe("join-link", () => {
  test("carries the join link and the public page, with 'Link aggiornato' in the subject of a changed link", async () => {
    const email = await renderEmail("join-link", SAMPLE_DATA["join-link"]);
    expect(email.subject).toBe("Link di collegamento: Tavolo tecnico del Coordinamento dei Comuni SAI");
    expect(email.text).toContain(JOIN_URL);
    expect(email.text).toContain("http://localhost:3000/convocazioni/tavolo-tecnico-2022-03-24");
    expect(email.privateUrls).toEqual([JOIN_URL]);
    expect(email.attachments).toBeUndefined();
    const updated = await renderEmail("join-link", { ...SAMPLE_DATA["join-link"], updated: true });
    expect(updated.subject).toBe("Link aggiornato: Tavolo tecnico del Coordinamento dei Comuni SAI");
    expect(updated.text).toContain("non è più valido");
  });

  test("its main button is «Collegati alla videoconferenza», to the join link itself", async () => {
    const email = await renderEmail("join-link", SAMPLE_DATA["join-link"]);
    const buttons = [...email.html.matchAll(/<a\b[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)]
      .map(([, href, label]) => ({ href: href.replaceAll("&amp;", "&"), label: label.replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]+>/g, "").trim() }))
      .filter(({ label }) => label === "Collegati alla videoconferenza" || label === "Vai alla convocazione");
    expect(buttons).toEqual([{ href: JOIN_URL, label: "Collegati alla videoconferenza" }]);
    expect(email.text).toMatch(new RegExp(`Collegati alla videoconferenza[^\\n]*\\n*[^\\n]*${JOIN_URL.replace(/[.?*+^$()[\]{}|\\/]/g, "\\$&")}`));
  });
});
