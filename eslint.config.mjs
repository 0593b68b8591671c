import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Only the data layer talks to Prisma: queries.ts and mutations.ts of each
// area, lib/db.ts, the meeting lock (lib/meetings/lock.ts), and the database
// tooling (migrations, seed, test setup).
// Pages, layouts, route handlers and server actions may hold the one client
// (lib/db) to hand it to a query or mutation, never query with it: the
// structure check (scripts/structure) refuses a database call outside
// queries.ts and mutations.ts. Type-only imports carry no client.
const MESSAGE =
  "Only lib/**/queries.ts, lib/**/mutations.ts and lib/db.ts may use the Prisma client: call a query or mutation instead.";
const generatedClient = {
  regex: "(^|/)(lib/)?generated/prisma(/|$)|^@prisma/client(/|$)|^@prisma/adapter-pg$",
  allowTypeImports: true,
  message: MESSAGE,
};
const sharedClient = { regex: "^@/lib/db$|(^|/)lib/db$|^(\\.\\./)+db$", allowTypeImports: true, message: MESSAGE };
const DATA_LAYER = [
  "lib/**/queries.ts",
  "lib/**/mutations.ts",
  "lib/db.ts",
  "lib/meetings/lock.ts",
  "lib/platform/database/**",
  "lib/test/**",
  "lib/**/*.test.ts",
  "app/**/*.test.ts",
];

// Imports flow app -> components -> lib; server actions are for app only.
const layerImports = {
  lib: [
    { regex: "^@/(app|components)(/|$)", message: "lib/ is the domain: it must not import from app/ or components/." },
    { regex: "^@/lib/[^/]+/actions$", message: "Use another area's queries or mutations, never its actions." },
  ],
  components: [{ regex: "^@/app(/|$)", message: "components/ must not import from app/." }],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "lib/generated/**", "lib/test/fixtures/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    files: ["app/**", "components/**", "lib/**"],
    ignores: DATA_LAYER,
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [generatedClient] }] },
  },
  {
    files: ["app/**", "components/**", "lib/**"],
    // lib/auth/auth.ts hands the client to Auth.js's Prisma adapter.
    ignores: [...DATA_LAYER, "lib/**/actions.ts", "app/**", "lib/auth/auth.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [generatedClient, sharedClient] }] },
  },
  {
    files: ["lib/**"],
    rules: { "no-restricted-imports": ["error", { patterns: layerImports.lib }] },
  },
  {
    // Modules of lib/ form no import cycle: a cycle means two modules are one,
    // or a shared rule sits in the wrong one. Type-only imports do not count.
    // maxDepth bounds the search (10 steps: no cycle is found with no bound
    // either). disableScc: the SCC pre-pass crashes on a file linted from
    // memory (lintText, an editor buffer) that is not on disk.
    files: ["lib/**"],
    rules: { "import/no-cycle": ["error", { maxDepth: 10, ignoreExternal: true, disableScc: true }] },
  },
  {
    files: ["components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: layerImports.components }] },
  },
  {
    // Type-only imports of generated enums and payload types carry no client.
    files: ["app/**", "components/**", "lib/**"],
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // lib/platform/logging/log.ts: log lines are tagged templates (logError`… ${value}`), a statement of their own.
    rules: { "@typescript-eslint/no-unused-expressions": ["warn", { allowTaggedTemplates: true }] },
  },
]);
