import Markdown, { type Components } from "react-markdown";

// The page already has its h1 and h2s: headings inside a letter start at h3.
const shiftedHeadings: Components = {
  h1: ({ children }) => <h3>{children}</h3>,
  h2: ({ children }) => <h3>{children}</h3>,
  h3: ({ children }) => <h4>{children}</h4>,
  h4: ({ children }) => <h5>{children}</h5>,
  h5: ({ children }) => <h6>{children}</h6>,
};

/**
 * Text written by coordinators, rendered without raw HTML (react-markdown
 * drops it) and with unsafe link protocols removed by its default urlTransform.
 */
export function MarkdownText({ children }: { children: string }) {
  return <Markdown components={shiftedHeadings}>{children}</Markdown>;
}

const inlineOnly = ["strong", "em", "code", "a", "br"];

/** One line of Markdown (the letter's "Oggetto") inside an existing element. */
export function InlineMarkdown({ children }: { children: string }) {
  return (
    <Markdown allowedElements={inlineOnly} unwrapDisallowed>
      {children}
    </Markdown>
  );
}
