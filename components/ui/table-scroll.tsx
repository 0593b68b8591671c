import type { ReactNode } from "react";

/**
 * A wide table's horizontal scroller. It can take focus (and names itself),
 * so someone on a keyboard can scroll it too: WCAG 2.1.1, axe's
 * "scrollable-region-focusable".
 */
export function TableScroll({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `table-responsive ${className}` : "table-responsive"} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
