// The web server scripts/serve.ts starts for `npm run dev` / `npm start`:
// Next (dev or the production build) behind our own node:http server, as
// `next dev` / `next start` would run it, plus one thing they cannot do: the
// connection's address is known here only, so every request gets the
// client's address, worked out from it and TRUSTED_PROXIES, in our own header
// (whatever the client sent in that header is overwritten). The per-IP limits
// read that header (lib/platform/rate-limit/limits.ts clientIp).
import net from "node:net";
import { describeTrustedProxies, parseTrustedProxies, TrustedProxiesError, type TrustedProxies } from "../lib/platform/rate-limit/client-address";
import { createAppServer } from "./app-server";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("Usage: tsx scripts/web-server.ts dev|start");
  process.exit(2);
}
const port = Number(process.env.PORT ?? 3000);

let trusted: TrustedProxies;
try {
  trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
} catch (error) {
  console.error(error instanceof TrustedProxiesError ? error.message : error);
  process.exit(1);
}

// What the next CLI sets before it loads anything of Next's.
const env = process.env as Record<string, string | undefined>;
env.NODE_ENV ||= mode === "dev" ? "development" : "production";
env.NEXT_RUNTIME = "nodejs";
// The name the benchmarks' CPU figures look for, as `next start` calls itself.
process.title = "next-server (convoca)";

const { default: next } = await import("next");

// Set when SIGTERM/SIGINT arrives: every answer from then on closes its connection.
let closing = false;
const server = createAppServer(trusted, (request, response) => {
  if (closing) response.setHeader("connection", "close");
  return handle(request, response);
});
// Longer than a proxy keeps an idle connection to us (deploy/nginx.conf: keepalive_timeout 10s), so the
// proxy, never this server, closes an idle one: a request it writes on a connection we just closed would
// fail, and a POST is not retried on the other instance (proxy_next_upstream).
server.keepAliveTimeout = 15_000;
const app = next({ dev: mode === "dev", hostname: "localhost", port, httpServer: server });
const handle = app.getRequestHandler();
await app.prepare();

server.on("error", (error) => {
  console.error("Failed to start the web server:", error);
  process.exit(1);
});
server.listen(port, () => {
  console.log(`Next (${mode === "dev" ? "development" : "production build"}) listening on port ${port}; client address: ${describeTrustedProxies(trusted)}`);
});

// A graceful stop, for a rolling restart behind a load balancer: stop
// accepting connections (the proxy's next connect is refused, and it tries
// the other instance), answer every request under way and any that still
// comes on an open connection with "Connection: close", and close the idle
// keep-alive connections only once the proxy has dropped them itself
// (DRAIN_MS, longer than its keepalive_timeout): closing one the proxy has
// just picked for a request would fail that request. Then exit with the
// signal's code, or after FORCE_MS at the latest. The signal often comes
// more than once (to the whole process group, and relayed by serve.ts and
// tsx): the repeats change nothing.
const DRAIN_MS = Number(process.env.WEB_DRAIN_MS ?? 11_000);
const FORCE_MS = 30_000;
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    const exit = () => void app.close().finally(() => process.exit(code));
    if (mode === "dev") {
      server.close(exit);
      server.closeAllConnections();
      return;
    }
    // net.Server's close, not http.Server's: that one also drops idle keep-alive connections at once.
    net.Server.prototype.close.call(server, exit);
    setTimeout(() => {
      server.closeIdleConnections();
      setInterval(() => server.closeIdleConnections(), 250).unref();
    }, DRAIN_MS).unref();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(code);
    }, FORCE_MS).unref();
  });
}
