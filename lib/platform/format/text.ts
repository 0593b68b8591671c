/**
 * Plain text of a one-line Markdown string (a letter's "Oggetto"), for places
 * that cannot render Markdown: page titles, calendar files, emails.
 */
export function stripInlineMarkdown(value: string): string {
  return value
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^\w*])([*_])(\S(?:.*?\S)?)\2(?=[^\w*]|$)/g, "$1$3")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, "$1 ($2)")
    .replace(/<(https?:[^>]+)>/g, "$1")
    .trim();
}
