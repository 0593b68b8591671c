"use client";
import { type ReactNode, useDeferredValue, useMemo } from "react";
import { useFieldArray, useWatch } from "react-hook-form";
import { ActionForm } from "@/components/forms/action-form";
import { bindField, initialText, type FieldKit } from "@/components/forms/field-kit";
import { CheckboxField, RadioGroup, SubmitButton, TextAreaField } from "@/components/forms/fields";
import { schemaResolver } from "@/components/forms/schema-resolver";
import { useActionForm } from "@/components/forms/use-action-form";
import { plural } from "@/lib/platform/format/plural";
import type { FormAction } from "@/lib/platform/forms/action-state";
import type { MeetingStatus } from "@/lib/generated/prisma/enums";
import { blankAgendaItem, blankSpeaker, meetingFieldOrder, meetingRowLabel, padMeetingRows, type MeetingFormRaw } from "@/lib/meetings/form";
import { MEETING_KINDS, MEETING_MODES, meetingSchema } from "@/lib/meetings/schema";
import { slugify } from "@/lib/meetings/slug";
import { KIND_LABELS, MODE_LABELS } from "@/lib/meetings/labels";
import { previewMeeting } from "@/lib/meetings/sheet";
import { InputField } from "./editor-fields";
import { MeetingPreview } from "./meeting-preview";
import { AgendaRows, SpeakerRows } from "./programme-rows";

const FORM_ID = "convocazione";
const resolver = schemaResolver<MeetingFormRaw>(meetingSchema);
const fieldOrder = (values: MeetingFormRaw) => meetingFieldOrder(values.speakers.length, values.agendaItems.length);
const KIND_OPTIONS = MEETING_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }));
const MODE_OPTIONS = MEETING_MODES.map((value) => ({ value, label: MODE_LABELS[value] }));

type MeetingEditorProps = {
  action: FormAction<MeetingFormRaw>;
  initialValues: MeetingFormRaw;
  /** The meeting's status: a draft previews as published; a published meeting keeps its address. */
  status: MeetingStatus;
  cancellationReason?: string | null;
  /** The server's clock (ISO), so the preview's registration box renders the same on server and client. */
  now: string;
  submitLabel: string;
  /** A meeting whose link was already sent: the saved link, and how many confirmed people a new one would go to. */
  joinLink?: { saved: string; recipients: number };
};

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="mb-5" aria-labelledby={`${FORM_ID}-${id}`}>
      <h2 id={`${FORM_ID}-${id}`} className="h4 mb-4">
        {title}
      </h2>
      {children}
    </section>
  );
}

function text(kit: FieldKit, path: string) {
  return { field: bindField(kit, path), defaultValue: initialText(kit, path) };
}

/**
 * Every field of a convocation, with the public page's preview beside it
 * (below it on narrower screens), following what is typed. Works without
 * JavaScript: the page then offers blank rows for speakers and agenda, and
 * after a refused save shows everything as it was typed.
 */
export function MeetingEditor({ action, initialValues, status, cancellationReason = null, now, submitLabel, joinLink }: MeetingEditorProps) {
  const actionForm = useActionForm({ formId: FORM_ID, action, initialValues, resolver, fieldOrder, prepare: padMeetingRows });
  const { kit, form, pending, hydrated } = actionForm;
  const { control } = form;
  const speakers = useFieldArray({ control, name: "speakers" });
  const agenda = useFieldArray({ control, name: "agendaItems" });
  const watched = useWatch({ control }) as MeetingFormRaw;
  const typed = useDeferredValue(watched);
  const clock = useMemo(() => new Date(now), [now]);
  const preview = useMemo(() => previewMeeting(typed, status, cancellationReason), [typed, status, cancellationReason]);

  const slugLocked = status !== "DRAFT";
  const mode = watched.mode;
  const derivedSlug = hydrated && !watched.slug?.trim() && watched.title?.trim() ? slugify(watched.title) : null;
  // Without JavaScript the notice stays, since nobody can tell whether the link will change; with it, only once it does.
  const resendTo = joinLink && (!hydrated || (watched.joinUrl ?? "").trim() !== joinLink.saved) ? joinLink.recipients : 0;

  return (
    <div className="row">
      <div className="col-xxl-6">
        <ActionForm form={actionForm} order={meetingFieldOrder(speakers.fields.length, agenda.fields.length)} showSuccess contextFor={meetingRowLabel}>
          <p className="small">I campi contrassegnati con un asterisco (*) sono obbligatori. Date e ore sono quelle italiane.</p>
          {/* What the form was loaded from: saving over someone else's change meanwhile is refused once. */}
          <input type="hidden" name="version" value={initialText(kit, "version")} />

          <Section id="identita" title="Convocazione">
            <InputField {...text(kit, "title")} label="Titolo" required hint="Il titolo della pagina e degli elenchi." />
            <InputField
              {...text(kit, "slug")}
              label="Indirizzo della pagina"
              readOnly={slugLocked}
              hint={
                slugLocked
                  ? "La convocazione è già stata pubblicata: il suo indirizzo non si può più cambiare."
                  : derivedSlug
                    ? `Se lo lasci vuoto sarà /convocazioni/${derivedSlug}`
                    : "Lettere minuscole, numeri e trattini. Se lo lasci vuoto, è ricavato dal titolo."
              }
            />
            <RadioGroup
              field={bindField(kit, "kind")}
              legend="Tipo di incontro"
              options={KIND_OPTIONS}
              defaultValue={initialText(kit, "kind")}
              required
            />
            <InputField
              {...text(kit, "placeAndDate")}
              label="Luogo e data della lettera"
              hint="Ad esempio Palermo, 15 marzo 2022: compare sopra il numero di protocollo."
            />
            <InputField {...text(kit, "protocolNumber")} label="Numero di protocollo" hint="Ad esempio 0227/15/03/22" />
            <TextAreaField {...text(kit, "subject")} label="Oggetto" required rows={3} hint="L'oggetto della lettera, parola per parola." />
          </Section>

          <Section id="quando-dove" title="Data, modalità e luogo">
            <div className="row">
              <div className="col-md-6">
                <InputField {...text(kit, "startsAt")} type="datetime-local" label="Inizio" required />
              </div>
              <div className="col-md-6">
                <InputField {...text(kit, "endsAt")} type="datetime-local" label="Fine" required />
              </div>
            </div>
            <RadioGroup
              field={bindField(kit, "mode")}
              legend="Modalità"
              options={MODE_OPTIONS}
              defaultValue={initialText(kit, "mode")}
              required
            />
            <InputField {...text(kit, "platform")} label="Piattaforma di videoconferenza" hint="Ad esempio Zoom: compare nella pagina pubblica." />
            <InputField
              {...text(kit, "joinUrl")}
              type="url"
              label="Link di collegamento"
              hint="Riservato: lo ricevono solo gli iscritti confermati, per email e nella loro pagina personale. Non compare mai nella pagina pubblica."
            />
            <div aria-live="polite">
              {resendTo > 0 ? (
                <p className="alert alert-warning small mb-5">
                  Se cambi il link, {plural(resendTo, "persona iscritta riceverà", "persone iscritte riceveranno")} il nuovo link
                  per email appena salvi.
                </p>
              ) : null}
            </div>
            <InputField {...text(kit, "venueName")} label="Luogo" required={mode === "IN_PERSON" || mode === "HYBRID"} hint="Obbligatorio per gli incontri in presenza o misti." />
            <InputField {...text(kit, "venueAddress")} label="Indirizzo del luogo" />
          </Section>

          <Section id="iscrizioni" title="Iscrizioni">
            <InputField
              {...text(kit, "capacity")}
              inputMode="numeric"
              label="Numero massimo di partecipanti"
              hint="Oltre questo numero le iscrizioni vanno in lista d'attesa. Lascia vuoto se non c'è un limite."
            />
            <div className="row">
              <div className="col-md-6">
                <InputField {...text(kit, "registrationOpensAt")} type="datetime-local" label="Apertura delle iscrizioni" hint="Vuoto: aperte dalla pubblicazione." />
              </div>
              <div className="col-md-6">
                <InputField {...text(kit, "registrationClosesAt")} type="datetime-local" label="Chiusura delle iscrizioni" hint="Vuoto: chiudono all'inizio dell'incontro." />
              </div>
            </div>
            <CheckboxField
              field={bindField(kit, "invitesManagingBodies")}
              defaultChecked={kit.initial("invitesManagingBodies") === true}
              label="Chiedi ai Comuni di invitare i rappresentanti degli enti gestori"
            />
          </Section>

          <SpeakerRows
            kit={kit}
            rows={speakers.fields.map((field) => ({ key: field.id, values: field }))}
            onAdd={hydrated ? () => speakers.append(blankSpeaker()) : undefined}
            onRemove={hydrated ? (index) => speakers.remove(index) : undefined}
          />
          <AgendaRows
            kit={kit}
            rows={agenda.fields.map((field) => ({ key: field.id, values: field }))}
            onAdd={hydrated ? () => agenda.append(blankAgendaItem()) : undefined}
            onRemove={hydrated ? (index) => agenda.remove(index) : undefined}
          />

          <Section id="lettera" title="Testo della lettera">
            <InputField {...text(kit, "salutation")} label="Saluto iniziale" hint="Ad esempio: Gentilissimi," />
            <TextAreaField
              {...text(kit, "body")}
              label="Testo"
              required
              rows={14}
              hint="In Markdown: **grassetto**, *corsivo*, una riga vuota tra i paragrafi, elenchi con il trattino, link tra < e >."
            />
            <TextAreaField {...text(kit, "closing")} label="Formula di chiusura" rows={2} />
            <div className="row">
              <div className="col-md-6">
                <InputField {...text(kit, "signatoryName")} label="Firmatario" required />
              </div>
              <div className="col-md-6">
                <InputField {...text(kit, "signatoryTitle")} label="Ruolo del firmatario" required />
              </div>
            </div>
          </Section>

          <Section id="finanziamento" title="Finanziamento">
            <InputField {...text(kit, "fundingFund")} label="Fondo" required />
            <TextAreaField {...text(kit, "fundingLine")} label="Linea di finanziamento" required rows={3} />
            <div className="row">
              <div className="col-md-4">
                <InputField {...text(kit, "projectCode")} label="Codice del progetto" required />
              </div>
              <div className="col-md-8">
                <InputField {...text(kit, "projectName")} label="Nome del progetto" required />
              </div>
            </div>
            <InputField {...text(kit, "projectWebsite")} type="url" label="Sito del progetto" />
          </Section>

          <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        </ActionForm>
      </div>
      <div className="col-xxl-6 mt-5 mt-xxl-0">
        <MeetingPreview meeting={preview} now={clock} />
      </div>
    </div>
  );
}
