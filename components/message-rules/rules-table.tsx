import Link from "next/link";
import { RomeTime } from "@/components/ui/rome-time";
import { TableScroll } from "@/components/ui/table-scroll";
import type { MeetingStatus } from "@/lib/generated/prisma/enums";
import { deleteMessageRuleAction, sendMessageRuleNowAction, setMessageRuleActiveAction } from "@/lib/message-rules/actions";
import { AUDIENCE_LABELS } from "@/lib/message-rules/labels";
import { rulesPath } from "@/lib/message-rules/messages";
import type { MessageRuleRow } from "@/lib/message-rules/queries";
import { describeWhen, ruleMoment, ruleState, type RuleState } from "@/lib/message-rules/timing";
import { RuleButton } from "./rule-button";
import { plural } from "@/lib/platform/format/plural";

type Meeting = { id: string; status: MeetingStatus; startsAt: Date; endsAt: Date };

type Props = {
  meeting: Meeting;
  rules: MessageRuleRow[];
  attendanceRecorded: boolean;
  now: Date;
  canWrite: boolean;
};

const people = (count: number) => plural(count, "persona", "persone");

/** The rule's state in words (never by colour alone), with a badge for a quick scan. */
function StateCell({ state }: { state: RuleState }) {
  switch (state.kind) {
    case "SENT":
      return (
        <>
          <span className="badge bg-success">Inviato</span>
          <br />
          il <RomeTime date={state.sentAt} /> a {people(state.recipients)}
        </>
      );
    case "INACTIVE":
      return <span className="badge bg-secondary">Disattivato</span>;
    case "MEETING_CANCELLED":
      return (
        <>
          <span className="badge bg-secondary">Non sarà inviato</span>
          <br />
          la convocazione è annullata
        </>
      );
    case "MEETING_DRAFT":
      return (
        <>
          <span className="badge bg-primary">Programmato</span>
          <br />
          parte solo se la convocazione sarà pubblicata
        </>
      );
    case "MISSED":
      return (
        <>
          <span className="badge bg-secondary">Non inviato</span>
          <br />
          l&apos;incontro era già terminato al momento previsto
        </>
      );
    case "AWAITING_ATTENDANCE":
      return (
        <>
          <span className="badge bg-warning">In attesa delle presenze</span>
          <br />
          nessuna presenza registrata: partirà appena saranno registrate
        </>
      );
    case "DUE":
      return (
        <>
          <span className="badge bg-primary">In partenza</span>
          <br />
          entro un minuto
        </>
      );
    case "SCHEDULED":
      return <span className="badge bg-primary">Programmato</span>;
  }
}

/** A meeting's reminders and follow-ups: when, to whom, what, and where each stands. */
export function RulesTable({ meeting, rules, attendanceRecorded, now, canWrite }: Props) {
  if (rules.length === 0) return <p>Nessun messaggio programmato per questa convocazione.</p>;
  return (
    <TableScroll label="Messaggi programmati (scorrevole)">
      <table className="table table-sm align-top">
        <caption className="caption-top">Promemoria e messaggi della convocazione, nell&apos;ordine in cui sono stati aggiunti</caption>
        <thead>
          <tr>
            <th scope="col">Quando</th>
            <th scope="col">Destinatari</th>
            <th scope="col">Oggetto</th>
            <th scope="col">Stato</th>
            {canWrite ? <th scope="col">Azioni</th> : null}
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => {
            const state = ruleState(rule, meeting, attendanceRecorded, now);
            const context = `${rule.subject} (${describeWhen(rule)})`;
            return (
              <tr key={rule.id}>
                <td>
                  {describeWhen(rule)}
                  <br />
                  <span className="small">
                    <RomeTime date={ruleMoment(rule, meeting)} />
                  </span>
                </td>
                <td>{AUDIENCE_LABELS[rule.audience]}</td>
                <th scope="row" className="fw-normal">
                  {rule.subject}
                </th>
                <td>
                  <StateCell state={state} />
                </td>
                {canWrite ? (
                  <td>
                    {state.kind === "SENT" ? (
                      <span className="small">Già inviato: sola lettura</span>
                    ) : (
                      <div className="d-flex flex-column gap-1 align-items-start">
                        <Link href={`${rulesPath(meeting.id)}/${rule.id}`} className="btn btn-sm btn-outline-primary text-nowrap">
                          Modifica<span className="visually-hidden">: {context}</span>
                        </Link>
                        {state.kind === "MEETING_CANCELLED" ? null : (
                          <RuleButton action={sendMessageRuleNowAction.bind(null, meeting.id, rule.id)} label="Invia ora" context={context} variant="primary" />
                        )}
                        <RuleButton
                          action={setMessageRuleActiveAction.bind(null, meeting.id, rule.id)}
                          label={rule.active ? "Disattiva" : "Riattiva"}
                          context={context}
                          hidden={{ active: rule.active ? "false" : "true" }}
                        />
                        <RuleButton action={deleteMessageRuleAction.bind(null, meeting.id, rule.id)} label="Elimina" context={context} variant="outline-danger" />
                      </div>
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
