import { describe, expect, it } from "vitest";
import { buildDatabaseUrl, describeDatabaseUrl, parseDatabaseUrl, withDatabase } from "./connection";

describe("database URLs", () => {
  it("round-trips a URL with characters that need encoding", () => {
    const parts = { host: "db.example.org", port: 5433, user: "convoca", password: "p@ss:w/rd", database: "convoca" };
    expect(parseDatabaseUrl(buildDatabaseUrl(parts))).toEqual(parts);
  });

  it("switches database and hides the password in log lines", () => {
    const url = withDatabase("postgresql://u:secret@localhost:5432/convoca", "other");
    expect(parseDatabaseUrl(url).database).toBe("other");
    expect(describeDatabaseUrl(url)).toBe("postgresql://u@localhost:5432/other");
  });

  it("refuses a URL that is not PostgreSQL", () => {
    expect(() => parseDatabaseUrl("mysql://u:p@localhost/x")).toThrow(/postgres/);
  });
});
