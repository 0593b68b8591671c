import type { ReactNode } from "react";
import { Icon } from "@/components/ui/icon";

type CalloutProps = {
  title: string;
  variant?: "note" | "important" | "success" | "warning" | "danger";
  icon?: string;
  /** Heading level of the title, so it fits the page outline. */
  level?: 2 | 3;
  children: ReactNode;
};

/** Bootstrap Italia callout: a highlighted block with a short title. */
export function Callout({ title, variant, icon = "it-info-circle", level = 2, children }: CalloutProps) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section className={variant ? `callout ${variant} mb-5` : "callout mb-5"}>
      <Heading className="callout-title">
        <Icon name={icon} />
        {title}
      </Heading>
      {children}
    </section>
  );
}
