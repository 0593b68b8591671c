"use client";
// Designers Italia's rating pattern at the foot of a public page: the stars,
// then the reasons that fit them, then an optional detail. A plain form
// (POST /valutazione) that works without JavaScript: the steps are one form,
// CSS shows the reasons that fit the stars (feedback.css), and the answer
// comes back to this page at the thanks (#valutazione-grazie, shown by
// :target). With JavaScript it goes step by step, moves the focus to each
// step and to the thanks, and sends without leaving the page.
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Honeypot } from "@/components/forms/fields";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Icon } from "@/components/ui/icon";
import {
  COMMENT_HINT,
  DETAIL_LABEL,
  DETAIL_QUESTION,
  FEEDBACK_QUESTION,
  isPositive,
  MAX_COMMENT_LENGTH,
  NEGATIVE_QUESTION,
  NEGATIVE_REASONS,
  POSITIVE_QUESTION,
  POSITIVE_REASONS,
  RATING_LEGEND,
  starLabel,
  THANKS,
} from "@/lib/feedback/labels";
import { matchFeedbackPage, THANKS_ANCHOR } from "@/lib/feedback/pages";
import { routes } from "@/lib/routes";
import "./feedback.css";

const FORM_ID = "valutazione";
const STARS = [5, 4, 3, 2, 1] as const;
const SEND_FAILED = "La valutazione non è stata inviata: controlla la connessione e riprova.";

/** The widget for the page being shown, or nothing on a page that is not one to rate. */
export function FeedbackWidget() {
  const pathname = usePathname();
  if (!pathname || !matchFeedbackPage(pathname)) return null;
  // A new page (client navigation) starts a new rating.
  return <FeedbackCard key={pathname} path={pathname} />;
}

type Status = "editing" | "sending" | "sent";

function ReasonList({ list, name, hidden, reason, onPick }: {
  list: "positive" | "negative";
  name: string;
  hidden: boolean;
  reason: string;
  onPick: (code: string) => void;
}) {
  const reasons = list === "positive" ? POSITIVE_REASONS : NEGATIVE_REASONS;
  return (
    <div className={`feedback-reasons feedback-reasons-${list}`} hidden={hidden}>
      <fieldset data-element={`feedback-rating-${list}`}>
        <legend className="feedback-step-title" data-element="feedback-rating-question">
          {list === "positive" ? POSITIVE_QUESTION : NEGATIVE_QUESTION}
          <span className="feedback-step-count"> (facoltativo)</span>
        </legend>
        {Object.entries(reasons).map(([code, label]) => (
          <div className="form-check" key={code}>
            <input
              className="form-check-input"
              type="radio"
              name={name}
              id={`${FORM_ID}-motivo-${code}`}
              value={code}
              checked={reason === code}
              onChange={() => onPick(code)}
            />
            <label className="form-check-label" htmlFor={`${FORM_ID}-motivo-${code}`} data-element="feedback-rating-answer">
              {label}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

function FeedbackCard({ path }: { path: string }) {
  // Rendered on the server as the one-form version; steps once JavaScript runs.
  const enhanced = useHydrated();
  const [rating, setRating] = useState<number | null>(null);
  const [reason, setReason] = useState("");
  const [comment, setComment] = useState("");
  const [step, setStep] = useState<1 | 2>(1);
  const [status, setStatus] = useState<Status>("editing");
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const reasonsTitle = useRef<HTMLHeadingElement>(null);
  const detailTitle = useRef<HTMLHeadingElement>(null);
  const thanks = useRef<HTMLHeadingElement>(null);
  const moveFocus = useRef<"reasons" | "detail" | "thanks" | null>(null);

  useEffect(() => {
    const target = moveFocus.current;
    moveFocus.current = null;
    if (target === "reasons") reasonsTitle.current?.focus();
    if (target === "detail") detailTitle.current?.focus();
    if (target === "thanks") thanks.current?.focus();
  });

  const positive = rating !== null && isPositive(rating);

  const pickRating = (stars: number) => {
    if (rating === null || isPositive(stars) !== isPositive(rating)) setReason("");
    setRating(stars);
    setError(null);
    if (enhanced && step === 1) {
      setAnnouncement(`${starLabel(stars).replace("Valuta", "Hai scelto")}. Passo 1 di 2: ${isPositive(stars) ? POSITIVE_QUESTION : NEGATIVE_QUESTION}`);
    }
  };

  const goTo = (next: 1 | 2) => {
    setStep(next);
    moveFocus.current = next === 2 ? "detail" : "reasons";
  };

  const typeComment = (value: string) => {
    setComment(value);
    if (value.length >= MAX_COMMENT_LENGTH && comment.length < MAX_COMMENT_LENGTH) setAnnouncement(`Hai raggiunto il limite di ${MAX_COMMENT_LENGTH} caratteri.`);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    if (!enhanced) return;
    event.preventDefault();
    if (rating === null) {
      setError("Scegli una valutazione da 1 a 5 stelle.");
      return;
    }
    // Enter in the first step goes on to the second, as "Avanti" does.
    if (step === 1) {
      goTo(2);
      return;
    }
    setStatus("sending");
    setError(null);
    try {
      const response = await fetch(routes.feedback(), {
        method: "POST",
        headers: { accept: "application/json" },
        body: new FormData(event.currentTarget),
      });
      const body = (await response.json().catch(() => null)) as { ok?: boolean; message?: string } | null;
      if (response.ok && body?.ok) {
        setStatus("sent");
        setAnnouncement(THANKS);
        moveFocus.current = "thanks";
        return;
      }
      setError(body?.message ?? SEND_FAILED);
    } catch {
      setError(SEND_FAILED);
    }
    setStatus("editing");
  };

  const sectionClass = enhanced ? "feedback feedback-enhanced" : "feedback";

  return (
    <section className={sectionClass} aria-labelledby={`${FORM_ID}-titolo`}>
      <div className="container">
        <div className="row justify-content-center">
          <div className="col-12 col-lg-8 col-xl-6">
            <div className="card shadow card-wrapper feedback-card" data-element="feedback">
              {status === "sent" ? (
                <div className="card-body">
                  <h2 className="h4 mb-0" id={`${FORM_ID}-titolo`} ref={thanks} tabIndex={-1}>
                    {THANKS}
                  </h2>
                </div>
              ) : (
                <>
                  {/* Shown only when the page is opened at #valutazione-grazie: where a plain form post comes back. */}
                  <div className="card-body feedback-thanks" id={THANKS_ANCHOR} tabIndex={-1}>
                    <p className="h4 mb-0">{THANKS}</p>
                  </div>
                  <form className="card-body feedback-form" method="post" action={routes.feedback()} onSubmit={submit} noValidate={enhanced}>
                    <h2 className="h4" id={`${FORM_ID}-titolo`} data-element="feedback-title">
                      {FEEDBACK_QUESTION}
                    </h2>
                    <input type="hidden" name="path" value={path} />
                    <Honeypot formId={FORM_ID} />
                    <fieldset className="rating feedback-stars">
                      <legend className="visually-hidden">{RATING_LEGEND}</legend>
                      {STARS.map((stars) => (
                        <StarInput key={stars} stars={stars} checked={rating === stars} onPick={pickRating} />
                      ))}
                    </fieldset>

                    <div className="feedback-steps" hidden={enhanced && rating === null}>
                      <div className="feedback-step" hidden={enhanced && step !== 1}>
                        {enhanced ? (
                          <h3 className="feedback-step-count h6 mb-2" ref={reasonsTitle} tabIndex={-1}>
                            Passo 1 di 2
                          </h3>
                        ) : null}
                        <ReasonList list="positive" name="reason" hidden={enhanced && !positive} reason={reason} onPick={setReason} />
                        <ReasonList list="negative" name="reason" hidden={enhanced && (rating === null || positive)} reason={reason} onPick={setReason} />
                      </div>

                      <div className="feedback-step feedback-detail" hidden={enhanced && step !== 2}>
                        {enhanced ? (
                          <h3 className="feedback-step-count h6 mb-2" ref={detailTitle} tabIndex={-1}>
                            Passo 2 di 2
                          </h3>
                        ) : null}
                        <fieldset>
                          <legend className="feedback-step-title">{DETAIL_QUESTION}</legend>
                          <div className="form-group mb-2">
                            <label htmlFor={`${FORM_ID}-dettaglio`} className="active">
                              {DETAIL_LABEL}
                            </label>
                            <input
                              type="text"
                              className="form-control"
                              id={`${FORM_ID}-dettaglio`}
                              name="comment"
                              maxLength={MAX_COMMENT_LENGTH}
                              autoComplete="off"
                              value={comment}
                              onChange={(event) => typeComment(event.target.value)}
                              aria-describedby={enhanced ? `${FORM_ID}-dettaglio-aiuto ${FORM_ID}-dettaglio-conteggio` : `${FORM_ID}-dettaglio-aiuto`}
                              data-element="feedback-input-text"
                            />
                            <small id={`${FORM_ID}-dettaglio-aiuto`} className="form-text">
                              {COMMENT_HINT}
                            </small>
                            {enhanced ? (
                              <small id={`${FORM_ID}-dettaglio-conteggio`} className="form-text d-block">
                                {remaining(MAX_COMMENT_LENGTH - comment.length)}
                              </small>
                            ) : null}
                          </div>
                        </fieldset>
                      </div>

                      {error ? (
                        <div className="alert alert-danger mt-3 mb-0" role="alert">
                          {error}
                        </div>
                      ) : null}

                      <div className="feedback-actions d-flex flex-wrap gap-3 pt-3">
                        {enhanced && step === 1 ? (
                          <button type="button" className="btn btn-primary" onClick={() => goTo(2)}>
                            Avanti
                          </button>
                        ) : null}
                        {enhanced && step === 2 ? (
                          <button type="button" className="btn btn-outline-primary" onClick={() => goTo(1)}>
                            Indietro
                          </button>
                        ) : null}
                        {!enhanced || step === 2 ? (
                          <button type="submit" className="btn btn-primary" disabled={status === "sending"}>
                            Invia la valutazione
                          </button>
                        ) : null}
                      </div>
                    </div>
                  </form>
                </>
              )}
              <p className="visually-hidden" aria-live="polite">
                {announcement}
              </p>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}

function remaining(count: number): string {
  return count === 1 ? "Resta 1 carattere" : `Restano ${count} caratteri`;
}

function StarInput({ stars, checked, onPick }: { stars: number; checked: boolean; onPick: (stars: number) => void }) {
  const id = `${FORM_ID}-stelle-${stars}`;
  return (
    <>
      <input type="radio" id={id} name="rating" value={stars} checked={checked} onChange={() => onPick(stars)} required />
      <label className="full rating-star" htmlFor={id} data-element={`feedback-rate-${stars}`}>
        <Icon name="it-star-full" className="icon-sm" />
        <span className="visually-hidden">{starLabel(stars)}</span>
      </label>
    </>
  );
}
