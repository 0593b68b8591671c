import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RuleForm } from "@/components/message-rules/rule-form";
import { MeetingBreadcrumb } from "@/components/registrations/dashboard/meeting-breadcrumb";
import { MeetingWhen } from "@/components/meetings/meeting-when";
import { RomeTime } from "@/components/ui/rome-time";
import { guardPage } from "@/lib/auth/guard";
import { updateMessageRuleAction } from "@/lib/message-rules/actions";
import { meetingFacts } from "@/lib/message-rules/facts";
import { AUDIENCE_LABELS } from "@/lib/message-rules/labels";
import { rulesPath } from "@/lib/message-rules/messages";
import { getMessageRule, getMessageRulesMeeting } from "@/lib/message-rules/queries";
import { ruleFormValues } from "@/lib/message-rules/schema";
import { describeWhen } from "@/lib/message-rules/timing";
import { plural } from "@/lib/platform/format/plural";
import { uuidSegment } from "@/lib/segments";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Modifica un messaggio" };

type PageProps = { params: Promise<{ id: string; ruleId: string }> };

export default async function EditMessageRulePage({ params }: PageProps) {
  await guardPage("write");
  const { id, ruleId } = await params;
  uuidSegment(id);
  uuidSegment(ruleId);
  const meeting = await getMessageRulesMeeting(db(), id);
  if (!meeting) notFound();
  const rule = await getMessageRule(db(), { meetingId: meeting.id, ruleId });
  if (!rule) notFound();
  const back = rulesPath(meeting.id);

  return (
    <>
      <MeetingBreadcrumb
        meetingId={meeting.id}
        meetingTitle={meeting.title}
        trail={[{ href: back, label: "Promemoria e messaggi" }, { label: "Modifica" }]}
      />
      <h1>Modifica un messaggio</h1>
      <p className="lead">
        {meeting.title}, <MeetingWhen meeting={meeting} />
      </p>
      {rule.sentAt ? (
        <>
          <p className="alert alert-info">
            Questo messaggio è stato inviato il <RomeTime date={rule.sentAt} /> a{" "}
            {plural(rule.recipients ?? 0, "persona", "persone")}: non si può più modificare.
          </p>
          <dl>
            <dt>Quando</dt>
            <dd>{describeWhen(rule)}</dd>
            <dt>A chi</dt>
            <dd>{AUDIENCE_LABELS[rule.audience]}</dd>
            <dt>Oggetto</dt>
            <dd>{rule.subject}</dd>
            <dt>Testo</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>
              {rule.body}
            </dd>
          </dl>
        </>
      ) : (
        <RuleForm
          formId="modifica-messaggio"
          action={updateMessageRuleAction.bind(null, meeting.id, rule.id)}
          initialValues={ruleFormValues(rule)}
          meeting={meetingFacts(meeting)}
          submitLabel="Salva le modifiche"
        />
      )}
      <p className="mt-4">
        <Link href={back}>Torna ai messaggi della convocazione</Link>
      </p>
    </>
  );
}
