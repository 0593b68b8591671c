// The web server scripts/serve.ts starts for `npm run dev` / `npm start`:
// Next (dev or the production build) behind our own node:http server, as
// `next dev` / `next start` would run it, plus one thing they cannot do: the
// connection's address is known here only, so every request gets the
// client's address, worked out from it and TRUSTED_PROXIES, in our own header
// (whatever the client sent in that header is overwritten). The per-IP limits
// read that header (lib/platform/rate-limit/limits.ts clientIp).
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

const server = createAppServer(trusted, (request, response) => handle(request, response));
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

// As `next start` does: stop taking connections, finish the requests under
// way, then exit with the signal's code.
let closing = false;
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close(() => {
      void app.close().finally(() => process.exit(code));
    });
    if (mode === "dev") server.closeAllConnections();
  });
}
