import type { MeetingSheetData } from "@/lib/meetings/sheet";
import { pluralForm } from "@/lib/platform/format/plural";

type SpeakersProps = { speakers: MeetingSheetData["speakers"] };

export function SpeakersList({ speakers }: SpeakersProps) {
  if (speakers.length === 0) return null;
  return (
    <section className="mb-5" aria-labelledby="relatori">
      <h2 id="relatori" className="h4">
        {pluralForm(speakers.length, { one: "Relatore", other: "Relatori" })}
      </h2>
      <ul className="list-unstyled">
        {speakers.map((speaker) => {
          const about = [speaker.role, speaker.affiliation].filter(Boolean).join(", ");
          return (
            <li key={speaker.id} className="mb-3">
              <span className="fw-semibold">{[speaker.honorific, speaker.name].filter(Boolean).join(" ")}</span>
              {about ? `, ${about}` : null}
              {speaker.talkTitle ? (
                <>
                  <br />
                  Intervento: «{speaker.talkTitle}»
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

type AgendaProps = { items: MeetingSheetData["agendaItems"] };

export function AgendaList({ items }: AgendaProps) {
  if (items.length === 0) return null;
  return (
    <section className="mb-5" aria-labelledby="temi">
      <h2 id="temi" className="h4">
        Temi dell&apos;incontro
      </h2>
      <ol>
        {items.map((item) => (
          <li key={item.id} className="mb-2">
            {item.title}
            {item.description ? <p className="mb-0 small">{item.description}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
