/** A file sent with an email: its name, content and media type; content is text unless `encoding` says base64 (a PDF). */
export type EmailAttachment = { filename: string; content: string; contentType: string; encoding?: "base64" };

/** The attachment's bytes, whichever way its content is written. */
export function attachmentBytes(attachment: EmailAttachment): Buffer {
  return Buffer.from(attachment.content, attachment.encoding === "base64" ? "base64" : "utf8");
}
