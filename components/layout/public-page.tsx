import type { ReactNode } from "react";
import { FeedbackWidget } from "@/components/feedback/feedback-widget";
import { SiteFooter } from "@/components/layout/site-footer";

type PublicPageProps = {
  lastUpdated: Date;
  /** The satisfaction widget before the footer (AgID's feedback mechanism); off on a page that is not one to rate (not found). */
  feedback?: boolean;
  children: ReactNode;
};

/** The page's main landmark (target of the skip link), the satisfaction widget, then the footer with its update date. */
export function PublicPage({ lastUpdated, feedback = true, children }: PublicPageProps) {
  return (
    <>
      <main id="main" className="container my-5" tabIndex={-1}>
        {children}
      </main>
      {feedback ? <FeedbackWidget /> : null}
      <SiteFooter lastUpdated={lastUpdated} />
    </>
  );
}
