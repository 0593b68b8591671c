import Link from "next/link";
import { CoordinamentoMark } from "@/components/layout/logos";

/** The AgID header's brand: the Coordinamento's mark, the site's name and its tagline, linking home. */
export function HeaderBrand({ href, title, tagline }: { href: string; title: string; tagline: string }) {
  return (
    <div className="it-brand-wrapper">
      <Link href={href}>
        <CoordinamentoMark className="icon" />
        <div className="it-brand-text">
          <div className="it-brand-title">{title}</div>
          <div className="it-brand-tagline d-none d-md-block">{tagline}</div>
        </div>
      </Link>
    </div>
  );
}
