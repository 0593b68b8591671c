// Mail merge for batches: the messages of one send differ only by the
// recipient's name, so each distinct email is rendered once with a
// placeholder for the name, which is then filled in per recipient. Rendering
// a React email takes ~10 ms: a thousand of them one by one would take longer
// than the provider needs to accept them.
import { renderStoredEmail, type RenderedEmail } from "../render";

// Letters only: nothing in rendering (HTML escaping, the text conversion) changes it.
const PLACEHOLDER = "Zq7DestinatarioZq7";

// React's escaping of text content, so a filled-in name reads exactly as React would render it.
const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

export type StoredEmail = { template: string; data: unknown };

function recipientName(data: unknown): string | null {
  if (!data || typeof data !== "object") return null;
  const name = (data as Record<string, unknown>).recipientName;
  return typeof name === "string" && name.trim() !== "" ? name.trim() : null;
}

function fill(rendered: RenderedEmail, name: string): RenderedEmail {
  return {
    ...rendered,
    subject: rendered.subject.replaceAll(PLACEHOLDER, name),
    html: rendered.html.replaceAll(PLACEHOLDER, escapeHtml(name)),
    text: rendered.text.replaceAll(PLACEHOLDER, name),
  };
}

/**
 * Renders stored emails as renderStoredEmail would, one by one, but renders
 * each distinct email once. Errors are those of renderStoredEmail.
 */
export async function renderMany(emails: readonly StoredEmail[]): Promise<RenderedEmail[]> {
  const cache = new Map<string, Promise<RenderedEmail>>();
  const results: RenderedEmail[] = [];
  for (const email of emails) {
    const name = recipientName(email.data);
    if (name === null || name.includes(PLACEHOLDER)) {
      results.push(await renderStoredEmail(email.template, email.data));
      continue;
    }
    const merged = { ...(email.data as Record<string, unknown>), recipientName: PLACEHOLDER };
    const key = `${email.template}\u0000${JSON.stringify(merged)}`;
    let rendered = cache.get(key);
    if (!rendered) {
      rendered = renderStoredEmail(email.template, merged);
      cache.set(key, rendered);
    }
    results.push(fill(await rendered, name));
  }
  return results;
}
