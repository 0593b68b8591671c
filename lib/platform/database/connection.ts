export type ConnectionParts = {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
};

export const EMBEDDED_DEFAULT_PORT = 54329;
export const EMBEDDED_USER = "postgres";
// The embedded server only listens on localhost; the password guards nothing
// a local user could not already read from the data folder.
export const EMBEDDED_PASSWORD = "convoca";
export const DEFAULT_DATABASE = "convoca";

export function parseDatabaseUrl(url: string): ConnectionParts {
  const parsed = new URL(url);
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new Error(`DATABASE_URL must be a postgres:// URL, got ${parsed.protocol}`);
  }
  return {
    host: decodeURIComponent(parsed.hostname) || "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || DEFAULT_DATABASE,
  };
}

export function buildDatabaseUrl(parts: ConnectionParts): string {
  const user = encodeURIComponent(parts.user);
  const password = encodeURIComponent(parts.password);
  return `postgresql://${user}:${password}@${parts.host}:${parts.port}/${encodeURIComponent(parts.database)}`;
}

export function withDatabase(url: string, database: string): string {
  return buildDatabaseUrl({ ...parseDatabaseUrl(url), database });
}

/** The URL without its password, for log lines. */
export function describeDatabaseUrl(url: string): string {
  const { host, port, user, database } = parseDatabaseUrl(url);
  return `postgresql://${user}@${host}:${port}/${database}`;
}

export function isLocalHost(host: string): boolean {
  return ["localhost", "127.0.0.1", "::1", "[::1]"].includes(host);
}

export function embeddedPort(): number {
  const value = process.env.EMBEDDED_PG_PORT;
  return value ? Number(value) : EMBEDDED_DEFAULT_PORT;
}
