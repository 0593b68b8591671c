import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";

type PublicPageProps = {
  lastUpdated: Date;
  children: ReactNode;
};

/** The page's main landmark (target of the skip link) followed by the footer with its update date. */
export function PublicPage({ lastUpdated, children }: PublicPageProps) {
  return (
    <>
      <main id="main" className="container my-5" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter lastUpdated={lastUpdated} />
    </>
  );
}
