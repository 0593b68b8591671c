// The shape of lib/, as data: what may sit where and import what. ARCHITECTURE.md
// explains each rule; scripts/check-structure.ts applies them to the tree.

/** Domain areas: one folder each, directly under lib/. */
export const DOMAIN_AREAS = [
  "attendance",
  "audit",
  "auth",
  "certificates",
  "communications",
  "coverage",
  "dashboard",
  "dispatch",
  "email",
  "feedback",
  "invitations",
  "join-link",
  "managing-bodies",
  "meetings",
  "message-rules",
  "municipalities",
  "people",
  "privacy",
  "referents",
  "registrations",
  "retention",
  "sai-projects",
  "scheduling",
  "users",
] as const;

/** Folders under lib/ that are not domain areas. */
export const OTHER_FOLDERS = {
  platform: "plumbing that knows no domain area: database, email transport, files, forms, format, http, logging, pdf, rate limits, security",
  test: "test support: factories, the test database, stubs",
  generated: "the Prisma client, generated (not committed)",
} as const;

/** Files directly under lib/ (their tests beside them are allowed too). */
export const ROOT_FILES = {
  "db.ts": "the process's database client and the database types",
  "routes.ts": "every app path, written once",
  "segments.ts": "the shape checks of URL segments (slugs, tokens, ids, codes)",
  "site.ts": "the portal's name and public origin",
} as const;

/** File names with a meaning in a domain area; any other name is a pure module. */
export const FILE_KINDS = {
  schema: "zod schemas of the area's input",
  queries: "reads from the database",
  mutations: "writes to the database, each in its transaction",
  actions: "server actions: session, role, schema, then a mutation; called only by app/ and components/",
  emails: "what the area sends: builds messages and hands them to the outbox",
  labels: "Italian words for the area's values",
  messages: "Italian sentences the area shows",
  filters: "search parameters of the area's dashboard lists",
} as const;

/** Modules that hold the database client without being named queries or mutations, and why. */
export const DATA_LAYER_FILES: Record<string, string> = {
  "lib/db.ts": "makes the client",
  "lib/meetings/lock.ts": "the meeting lock: one SQL statement every writer of a meeting shares",
  "lib/auth/auth.ts": "hands the client to Auth.js's Prisma adapter",
  "lib/email/worker.ts": "the email worker runs outside Next with its own client",
  "lib/email/batch/worker.ts": "the batch email worker runs outside Next with its own client",
  "lib/scheduling/tick-process.ts": "the scheduler runs outside Next with its own client",
  "lib/dispatch/attachments.ts": "the email worker reads a convocation's frozen PDFs, outside Next (no server-only)",
  "lib/platform/rate-limit/shared-rate.ts": "the provider's request rate, shared by every worker process through its own PostgreSQL connection",
};

/** Modules of another name that call queries and mutations (never the client itself), and why. */
export const COMPOSERS: Record<string, string> = {
  "lib/attendance/register/download.ts": "the register's download: reads the register, records the export, renders the file",
  "lib/registrations/link-up/lookup.ts": "the link-up lookup: one read and its rate limit, for the page and the action",
  "lib/scheduling/due-work.ts": "the scheduler's list of due work: each job is an area's mutation",
};

/** Prefixes where any module may use the database (plumbing and test support). */
export const DATA_LAYER_PREFIXES = ["lib/platform/database/", "lib/test/"];

/** Where .tsx files may sit inside lib/: email templates render React to HTML. */
export const LIB_TSX_PREFIXES = ["lib/email/templates/"];

/**
 * Exported functions that take the client or a transaction with more than one
 * argument after it, and why. Everywhere else it is (db, value) or
 * (db, { … }): the client first, never a default.
 */
export const SIGNATURE_EXCEPTIONS: Record<string, string> = {
  "lib/meetings/lock.ts withLockedMeeting": "(db, where, work): the work runs inside the lock, a callback reads best last",
};
