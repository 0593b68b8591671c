import Link from "next/link";
import type { ReactNode } from "react";
import { PublicPage } from "@/components/layout/public-page";
import { SITE } from "@/lib/site";
import { routes } from "@/lib/routes";

const LAST_UPDATED = new Date("2026-11-26T12:00:00Z");

type LinkProblemProps = {
  title: string;
  children: ReactNode;
  meeting?: { slug: string; title: string };
};

/** An expired or unusable personal link: what happened and where to go instead. */
export function LinkProblem({ title, children, meeting }: LinkProblemProps) {
  return (
    <PublicPage lastUpdated={LAST_UPDATED}>
      <h1>{title}</h1>
      <div className="lead mb-4">{children}</div>
      {meeting ? (
        <p>
          Convocazione: <Link href={routes.public.meeting(meeting.slug).page()}>{meeting.title}</Link>
        </p>
      ) : null}
      <p>
        Per assistenza scrivi a <a href={`mailto:${SITE.contactEmail}`}>{SITE.contactEmail}</a> oppure consulta
        l&apos;<Link href="/">elenco delle convocazioni</Link>.
      </p>
    </PublicPage>
  );
}
