/** A PDF to read in the browser (inline) or save, never cached by a shared cache. */
export function pdfResponse(bytes: Uint8Array, filename: string, { disposition = "inline" }: { disposition?: "inline" | "attachment" } = {}): Response {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, "-");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `${disposition}; filename="${safe}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
