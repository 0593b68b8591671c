// The dispatch page's report: one row per Comune, reached or not, with each
// address, what its provider or its PEC receipts said, and the receipts to
// download as evidence of delivery.
import Link from "next/link";
import { SendToPecForm } from "@/components/dispatch/send-to-pec-form";
import { DeliveryStateBadge, UndeliverableBadge } from "@/components/email/undeliverable-badge";
import { RomeTime } from "@/components/ui/rome-time";
import { OUTCOME_LABELS, type RecipientOutcome } from "@/lib/dispatch/labels";
import type { ReportMunicipality } from "@/lib/dispatch/queries";
import type { SendToPecRaw } from "@/lib/dispatch/schema";
import { PEC_RECEIPT_KIND_LABELS } from "@/lib/email/pec/labels";
import type { EmailSuppressionReason } from "@/lib/generated/prisma/enums";
import type { FormAction } from "@/lib/platform/forms/action-state";
import { plural } from "@/lib/platform/format/plural";
import { routes } from "@/lib/routes";

const OUTCOME_BADGES: Record<RecipientOutcome, string> = {
  REACHED: "bg-success",
  NOT_REACHED: "bg-danger",
  SENT: "bg-secondary",
  WAITING: "bg-light text-dark border",
};

function Outcome({ outcome }: { outcome: RecipientOutcome }) {
  return <span className={`badge ${OUTCOME_BADGES[outcome]}`}>{OUTCOME_LABELS[outcome]}</span>;
}

type Props = {
  meetingId: string;
  report: ReportMunicipality[];
  undeliverable: Map<string, EmailSuppressionReason>;
  /** The PEC offer's action, for who may write while the convocation can still go out. */
  offerPec: FormAction<SendToPecRaw> | null;
};

export function DispatchReport({ meetingId, report, undeliverable, offerPec }: Props) {
  const municipalities = report.filter((group) => group.id !== null);
  const reached = municipalities.filter((group) => group.outcome === "REACHED").length;
  const notReached = municipalities.filter((group) => group.outcome === "NOT_REACHED").length;
  return (
    <>
      <p>
        {plural(municipalities.length, "Comune", "Comuni")}: {plural(reached, "raggiunto", "raggiunti")},{" "}
        {plural(notReached, "non raggiunto", "non raggiunti")}, {municipalities.length - reached - notReached} in attesa di conferma. Un Comune è raggiunto quando arriva la ricevuta di avvenuta consegna della PEC o il
        recapito di un&apos;email ai suoi referenti.
      </p>
      {notReached > 0 ? (
        <p>
          Non raggiunti:{" "}
          {municipalities
            .filter((group) => group.outcome === "NOT_REACHED")
            .map((group, index) => (
              <span key={group.id}>
                {index > 0 ? ", " : ""}
                <a href={`#comune-${group.id}`}>{group.name}</a>
              </span>
            ))}
          .
        </p>
      ) : null}
      <ul className="list-unstyled border-top">
        {report.map((group) => (
          <li key={group.id ?? "senza-comune"} id={`comune-${group.id ?? "senza-comune"}`} className="border-bottom py-3">
            <h3 className="h6 mb-2">
              {group.name ?? "Altri destinatari (senza Comune)"} <Outcome outcome={group.outcome} />
            </h3>
            <ul className="list-unstyled mb-0 ms-3">
              {group.recipients.map((recipient) => (
                <li key={recipient.id} className="mb-2 text-break">
                  <span className="fw-semibold">{recipient.channel === "PEC" ? "PEC" : "Email"}</span> {recipient.address}
                  {recipient.name && recipient.channel === "EMAIL" ? ` (${recipient.name})` : ""} <Outcome outcome={recipient.outcome} />
                  {recipient.sentAt ? (
                    <div className="small">
                      Inviata <RomeTime date={recipient.sentAt} />
                    </div>
                  ) : null}
                  {recipient.channel === "EMAIL" ? (
                    <>
                      <DeliveryStateBadge state={recipient.deliveryState} at={recipient.deliveryStateAt} />
                      <UndeliverableBadge reason={undeliverable.get(recipient.address)} />
                    </>
                  ) : null}
                  {recipient.receipts.length > 0 ? (
                    <ul className="small mb-0">
                      {recipient.receipts.map((receipt) => (
                        <li key={receipt.id}>
                          <a href={routes.dashboard.meeting(meetingId).dispatchReceipt(receipt.id)} download>
                            Ricevuta di {PEC_RECEIPT_KIND_LABELS[receipt.kind].toLowerCase()}
                          </a>{" "}
                          (<RomeTime date={receipt.at} />, .eml)
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
            {group.offerPec && group.id && group.name ? (
              group.pec && offerPec ? (
                <SendToPecForm action={offerPec} municipalityId={group.id} municipalityName={group.name} pec={group.pec} />
              ) : !group.pec ? (
                <p className="small mb-0 mt-1 ms-3">
                  Le email ai referenti non sono state recapitate e il Comune non ha una PEC:{" "}
                  <Link href={routes.dashboard.municipality(group.id)}>aggiungila dalla pagina del Comune</Link>.
                </p>
              ) : null
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
