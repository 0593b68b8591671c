"use client";
import type { MouseEvent } from "react";
import { MeetingSheet } from "@/components/meetings/meeting-sheet";
import type { MeetingSheetData } from "@/lib/meetings/sheet";
import styles from "./meeting-editor.module.css";

type MeetingPreviewProps = {
  meeting: MeetingSheetData;
  now: Date;
};

/**
 * The public page's own component, fed with what is being typed. Its links
 * lead out of the editor, so with JavaScript they do nothing here: nothing
 * typed is lost by a click in the preview.
 */
export function MeetingPreview({ meeting, now }: MeetingPreviewProps) {
  const stayHere = (event: MouseEvent<HTMLDivElement>) => {
    if (event.target instanceof Element && event.target.closest("a")) event.preventDefault();
  };
  return (
    <section aria-labelledby="anteprima-titolo" className={styles.preview}>
      <h2 id="anteprima-titolo" className="h4">
        Anteprima della pagina pubblica
      </h2>
      <p className="small">
        L&apos;anteprima mostra la convocazione come la leggerà il pubblico una volta pubblicata e si aggiorna mentre
        scrivi. I collegamenti al suo interno non sono attivi.
      </p>
      <div className={styles.sheet} onClickCapture={stayHere}>
        <MeetingSheet meeting={meeting} now={now} titleLevel={2} />
      </div>
    </section>
  );
}
