import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MeetingTabs } from "@/components/dashboard/meeting-tabs";
import { RuleForm } from "@/components/message-rules/rule-form";
import { RulesTable } from "@/components/message-rules/rules-table";
import { MeetingBreadcrumb } from "@/components/registrations/dashboard/meeting-breadcrumb";
import { MeetingWhen } from "@/components/meetings/meeting-when";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { createMessageRuleAction } from "@/lib/message-rules/actions";
import { meetingFacts } from "@/lib/message-rules/facts";
import { ruleOutcomeMessage, rulesPath } from "@/lib/message-rules/messages";
import { getMeetingMessageRules, getMessageRulesMeeting } from "@/lib/message-rules/queries";
import { EMPTY_RULE } from "@/lib/message-rules/schema";
import { findSuggestion, RULE_SUGGESTIONS } from "@/lib/message-rules/suggestions";
import { ruleState } from "@/lib/message-rules/timing";
import { plural, pluralForm } from "@/lib/platform/format/plural";
import { uuidSegment } from "@/lib/segments";
import { routes } from "@/lib/routes";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Promemoria e messaggi" };

type PageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const STATUS_NOTES = {
  DRAFT: "La convocazione è in bozza: i messaggi partono solo se sarà pubblicata.",
  CANCELLED: "La convocazione è annullata: i suoi messaggi non vengono inviati.",
  ARCHIVED: null,
  PUBLISHED: null,
} as const;

export default async function MeetingMessagesPage({ params, searchParams }: PageProps) {
  const user = await guardPage("read");
  const id = uuidSegment((await params).id);
  const query = await searchParams;
  const meeting = await getMessageRulesMeeting(db(), id);
  if (!meeting) notFound();
  const { rules, attendanceRecorded } = await getMeetingMessageRules(db(), meeting.id);
  const now = new Date();
  const canWrite = can(user.role, "write");
  const outcome = ruleOutcomeMessage(query.esito);
  const suggestion = findSuggestion(typeof query.modello === "string" ? query.modello : undefined);
  const path = rulesPath(meeting.id);
  const note = STATUS_NOTES[meeting.status];
  const waiting = rules.filter((rule) => ruleState(rule, meeting, attendanceRecorded, now).kind === "AWAITING_ATTENDANCE").length;

  return (
    <>
      <MeetingBreadcrumb meetingId={meeting.id} meetingTitle={meeting.title} trail={[{ label: "Promemoria e messaggi" }]} />
      <h1>Promemoria e messaggi</h1>
      <p className="lead mb-1">{meeting.title}</p>
      <p>
        <MeetingWhen meeting={meeting} />
      </p>
      <MeetingTabs meetingId={meeting.id} current="messaggi" />
      <div role="status">{outcome ? <p className="alert alert-success">{outcome}</p> : null}</div>
      {note ? <p className="alert alert-info">{note}</p> : null}
      {waiting > 0 ? (
        <div className="alert alert-warning">
          <p className="mb-0">
            {plural(waiting, "messaggio per presenti o assenti attende", "messaggi per presenti o assenti attendono")} che
            siano registrate le presenze: {pluralForm(waiting, { one: "partirà", other: "partiranno" })} appena ce ne sarà almeno una.{" "}
            <Link href={routes.dashboard.meeting(meeting.id).attendance()}>Vai alle presenze</Link>
          </p>
        </div>
      ) : null}
      <p>
        Ogni messaggio parte una sola volta, al momento indicato (il portale controlla ogni minuto), come email a ciascun
        destinatario. Un messaggio già inviato non si può più modificare. Un promemoria «prima dell&apos;inizio» non parte se a
        quel momento l&apos;incontro è già finito.
      </p>

      <section aria-labelledby="programmati" className="mt-4">
        <h2 id="programmati">Messaggi programmati ({rules.length})</h2>
        <RulesTable meeting={meeting} rules={rules} attendanceRecorded={attendanceRecorded} now={now} canWrite={canWrite} />
      </section>

      {canWrite && meeting.status !== "CANCELLED" ? (
        <section aria-labelledby="nuovo-messaggio" className="mt-5">
          <h2 id="nuovo-messaggio">Aggiungi un messaggio</h2>
          <nav aria-labelledby="modelli" className="mb-4">
            <h3 id="modelli" className="h5">
              Parti da un modello
            </h3>
            <ul>
              {RULE_SUGGESTIONS.map((item) => (
                <li key={item.slug}>
                  <Link
                    href={`${path}?modello=${item.slug}#nuovo-messaggio`}
                    aria-current={item.slug === suggestion?.slug ? "true" : undefined}
                    scroll={false}
                  >
                    {item.label}
                  </Link>{" "}
                  <span className="small">({item.description})</span>
                </li>
              ))}
            </ul>
            {suggestion ? (
              <p className="small">
                Modulo compilato con il modello «{suggestion.label}»: modifica il testo prima di salvarlo.{" "}
                <Link href={`${path}#nuovo-messaggio`}>Svuota il modulo</Link>
              </p>
            ) : null}
          </nav>
          <RuleForm
            key={suggestion?.slug ?? "vuoto"}
            formId="nuovo-messaggio-form"
            action={createMessageRuleAction.bind(null, meeting.id)}
            initialValues={suggestion?.values ?? EMPTY_RULE}
            meeting={meetingFacts(meeting)}
            submitLabel="Aggiungi il messaggio"
          />
        </section>
      ) : null}
    </>
  );
}
