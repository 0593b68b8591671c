// Where "email non recapitabile" and the delivery state show: the email log's
// rows, the person's page, the referent lists (their pages look the addresses
// up with undeliverableAddresses), and the shared badges' Italian text.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CoverageList } from "@/components/coverage/coverage-lists";
import { DeliveryStateBadge, UndeliverableBadge } from "@/components/email/undeliverable-badge";
import { getPersonRecords } from "@/lib/people/queries";
import { createTestDatabase } from "@/lib/test/database";
import { SAMPLE_DATA } from "@/lib/test/email-fixtures";
import { createMunicipalityIn, createReferent } from "@/lib/test/factories";
import { getMunicipalityDetail } from "@/lib/municipalities/dashboard/queries";
import { DELIVERY_STATE_LABELS } from "@/lib/email/labels";
import { listEmailLog } from "@/lib/email/log/queries";
import { recordDeliveryState } from "@/lib/email/mutations";
import { suppressAddress } from "@/lib/email/suppression/mutations";
import { undeliverableAddresses } from "@/lib/email/suppression/queries";

const { db } = await createTestDatabase();

const municipality = await createMunicipalityIn(db, { name: "Corleone", province: "PA" });
const bouncing = await createReferent(db, municipality.id, { email: "Torna.Indietro@Corleone.example.it", firstName: "Tina" });
await createReferent(db, municipality.id, { email: "arriva@corleone.example.it", firstName: "Aldo" });
const bounced = await db.emailMessage.create({
  data: { template: "coverage-reminder", toEmail: "Torna.Indietro@Corleone.example.it", data: SAMPLE_DATA["coverage-reminder"], status: "SENT" },
});
const delivered = await db.emailMessage.create({
  data: { template: "coverage-reminder", toEmail: "arriva@corleone.example.it", data: SAMPLE_DATA["coverage-reminder"], status: "SENT" },
});
const at = new Date("2026-12-02T09:30:00Z");
await recordDeliveryState(db, { messageId: bounced.id, state: "BOUNCED", at });
await recordDeliveryState(db, { messageId: delivered.id, state: "DELIVERED", at });
await suppressAddress(db, { address: "torna.indietro@corleone.example.it", reason: "BOUNCED", at, emailMessageId: bounced.id });

describe("email non recapitabile", () => {
  it("undeliverableAddresses finds addresses whatever their case and spaces, and only those on the list", async () => {
    const found = await undeliverableAddresses(db, [" TORNA.indietro@corleone.example.it", "arriva@corleone.example.it", "", "nessuno@example.it"]);
    expect(found).toEqual(new Map([["torna.indietro@corleone.example.it", "BOUNCED"]]));
    expect(await undeliverableAddresses(db, [])).toEqual(new Map());
  });

  it("the email log gives each row its delivery state and whether its address is undeliverable", async () => {
    const { messages } = await listEmailLog(db, { page: 1 });
    const byId = new Map(messages.map((message) => [message.id, message]));
    expect(byId.get(bounced.id)).toMatchObject({ deliveryState: "BOUNCED", deliveryStateAt: at, undeliverable: "BOUNCED" });
    expect(byId.get(delivered.id)).toMatchObject({ deliveryState: "DELIVERED", deliveryStateAt: at, undeliverable: null });
  });

  it("the person's page knows the address is undeliverable, and each email's delivery state", async () => {
    const records = await getPersonRecords(db, { id: bouncing.personId });
    expect(records?.undeliverable).toBe("BOUNCED");
    expect(records?.emails.map((email) => email.deliveryState)).toEqual(["BOUNCED"]);
    const other = await db.person.findFirstOrThrow({ where: { email: "arriva@corleone.example.it" } });
    expect((await getPersonRecords(db, { id: other.id }))?.undeliverable).toBeNull();
  });

  it("the municipality's referents carry their address, for the page's lookup", async () => {
    const detail = await getMunicipalityDetail(db, municipality.id);
    const lookup = await undeliverableAddresses(db, detail!.referents.map((referent) => referent.person.email));
    expect(lookup.size).toBe(1);
  });

  it("the badges read in Italian, and show nothing when there is nothing to say", () => {
    expect(renderToStaticMarkup(createElement(UndeliverableBadge, { reason: "BOUNCED" }))).toContain("email non recapitabile</span> (indirizzo non raggiungibile)");
    expect(renderToStaticMarkup(createElement(UndeliverableBadge, { reason: "COMPLAINED" }))).toContain("(segnalato come spam)");
    expect(renderToStaticMarkup(createElement(UndeliverableBadge, { reason: null }))).toBe("");
    expect(renderToStaticMarkup(createElement(DeliveryStateBadge, { state: null, at: null }))).toBe("");
    const markup = renderToStaticMarkup(createElement(DeliveryStateBadge, { state: "DELIVERED", at }));
    expect(markup).toContain(">consegnata</span>");
    expect(markup).toContain('dateTime="2026-12-02T09:30:00.000Z"');
    expect(renderToStaticMarkup(createElement(UndeliverableBadge, { reason: "BOUNCED", inline: true }))).toBe(
      ' <span class="badge bg-danger">email non recapitabile</span> (indirizzo non raggiungibile)',
    );
    expect(Object.values(DELIVERY_STATE_LABELS)).toEqual(["accettata", "consegna ritardata", "consegnata", "rimbalzata", "segnalata come spam", "non consegnata"]);
  });

  it("the coverage page's list of referents to remind marks the one a reminder will not reach", async () => {
    const undeliverable = await undeliverableAddresses(db, ["Torna.Indietro@Corleone.example.it", "arriva@corleone.example.it"]);
    const markup = renderToStaticMarkup(
      createElement(CoverageList, {
        state: "REFERENT_ONLY",
        empty: "Nessuno",
        undeliverable,
        provinces: [
          {
            province: "PA",
            provinceName: "Palermo",
            total: 1,
            registered: 0,
            referentOnly: 1,
            missing: 0,
            percent: 0,
            municipalities: [
              {
                id: municipality.id,
                name: "Corleone",
                province: "PA",
                provinceName: "Palermo",
                state: "REFERENT_ONLY",
                registrations: 0,
                referents: [
                  { id: "1", name: "Tina Referente", email: "Torna.Indietro@Corleone.example.it" },
                  { id: "2", name: "Aldo Referente", email: "arriva@corleone.example.it" },
                ],
              },
            ],
          },
        ],
      }),
    );
    expect(markup).toContain("Tina Referente (Torna.Indietro@Corleone.example.it) <span class=\"badge bg-danger\">email non recapitabile</span> (indirizzo non raggiungibile); Aldo Referente (arriva@corleone.example.it)</span>");
  });
});
