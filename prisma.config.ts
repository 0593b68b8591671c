import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file: migrations run through our own
// WebAssembly schema-engine driver (scripts/db-migrate.ts), see README.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
