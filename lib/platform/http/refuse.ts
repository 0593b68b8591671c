// For the Node HTTP server in front of Next (scripts/app-server.ts): the one
// request Next fails on before proxy.ts can run — a request-target that is no
// path ("GET * HTTP/1.1", the asterisk form), which Next's router parses as a
// URL and answers 500. The request listener calls it first:
//   if (refuseUnroutable(req, res)) return;  // then Next's handler
import type { IncomingMessage, ServerResponse } from "node:http";
import { refusalHtml } from "./refusals";

export const UNROUTABLE_MESSAGE = "L'indirizzo richiesto non è valido.";

/** Answers 400 with our Italian page, and returns true, when the request-target is neither a path nor an absolute http(s) URL. */
export function refuseUnroutable(req: IncomingMessage, res: ServerResponse): boolean {
  const target = req.url ?? "";
  // Origin form ("/convocazioni/…") goes on to Next and proxy.ts; so does the
  // absolute form ("http://host/…"), which Next answers itself.
  if (target.startsWith("/") || /^https?:\/\//i.test(target)) return false;
  const html = refusalHtml("Richiesta non valida", UNROUTABLE_MESSAGE);
  res.writeHead(400, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(html), connection: "close" });
  res.end(req.method === "HEAD" ? undefined : html);
  return true;
}
