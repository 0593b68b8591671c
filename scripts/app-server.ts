// The http server in front of Next (scripts/web-server.ts): before Next sees
// a request, our header gets the client's address, from the connection and
// TRUSTED_PROXIES; whatever the client sent in that header is overwritten.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { refuseUnroutable } from "../lib/platform/http/refuse";
import { logError } from "../lib/platform/logging/log";
import { CLIENT_ADDRESS_ENV, CLIENT_ADDRESS_HEADER, clientAddress, type TrustedProxies } from "../lib/platform/rate-limit/client-address";

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export function createAppServer(trusted: TrustedProxies, handle: RequestHandler): Server {
  // From now on every request this process serves carries our header: the app may read it (clientIp).
  process.env[CLIENT_ADDRESS_ENV] = "1";
  return createServer(async (request, response) => {
    // A request line Next's router cannot parse ("GET *") gets our 400, not its 500.
    if (refuseUnroutable(request, response)) return;
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(
      { socketAddress: request.socket.remoteAddress, forwardedFor: request.headers["x-forwarded-for"] },
      trusted,
    );
    try {
      await handle(request, response);
    } catch (error) {
      logError`Failed to handle request for ${request.url}: ${error}`;
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    }
  });
}
