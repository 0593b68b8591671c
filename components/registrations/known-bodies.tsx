import type { KnownBody } from "@/lib/registrations/link-up/known";
import { SAI_CATEGORY_LABELS } from "@/lib/sai-projects/labels";

type KnownBodiesProps = {
  formId: string;
  municipalityName: string;
  bodies: readonly KnownBody[];
  /** Whether a row already names the body (then it says so instead of offering it again). */
  isInvited: (body: KnownBody) => boolean;
  /** No room for another row: the buttons wait (the rows' section says the limit). */
  full: boolean;
  onInvite: (body: KnownBody) => void;
};

/**
 * The managing bodies of the chosen Comune's SAI projects, each with a button
 * that starts a representative's row with the body's name. Only with
 * JavaScript: without it, every "Ente gestore" field suggests all known bodies.
 */
export function KnownBodies({ formId, municipalityName, bodies, isInvited, full, onInvite }: KnownBodiesProps) {
  const titleId = `${formId}-enti-noti-titolo`;
  return (
    <section className="mb-4" aria-labelledby={titleId}>
      <h3 id={titleId} className="h5">
        Enti gestori dei progetti SAI del Comune di {municipalityName}
      </h3>
      <ul className="list-unstyled mb-0">
        {bodies.map((body) => (
          <li key={body.id} className="d-flex flex-wrap align-items-center gap-2 py-2 border-bottom">
            <span className="me-auto">
              <strong>{body.name}</strong>{" "}
              <span className="small">(progetti {body.categories.map((category) => SAI_CATEGORY_LABELS[category]).join(", ")})</span>
            </span>
            {isInvited(body) ? (
              <span className="small">Già tra i rappresentanti da invitare</span>
            ) : (
              <button type="button" className="btn btn-outline-primary btn-xs" onClick={() => onInvite(body)} disabled={full}>
                Invita un rappresentante di {body.name}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
