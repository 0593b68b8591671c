// The structure check proves itself: a clean fixture tree passes, and each
// kind of misplacement fails with its rule named. The cycle rule is ESLint's
// import/no-cycle, proved in scripts/eslint-rules.test.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkTree } from "./structure/check";

const CLEAN: Record<string, string> = {
  "lib/db.ts": 'export const db = () => ({});\n',
  "lib/routes.ts": "export const routes = {};\n",
  "lib/platform/format/text.ts": "export const trim = (s: string) => s.trim();\n",
  "lib/meetings/queries.ts": 'import type { Db } from "@/lib/db";\nexport const meetings = (client: Db) => client.meeting.findMany();\n',
  "lib/meetings/mutations.ts": 'import type { Tx } from "@/lib/db";\nexport const rename = (tx: Tx) => tx.meeting.update({ where: {}, data: {} });\n',
  "lib/meetings/actions.ts": 'import { rename } from "./mutations";\nexport const act = rename;\n',
  "lib/meetings/ics.ts": 'import { trim } from "@/lib/platform/format/text";\nimport type { Tx } from "@/lib/db";\nexport const ics = (t: Tx | null) => trim(String(t));\nexport const drop = (state: { items: Map<string, number> }) => state.items.delete("x");\n',
  "lib/meetings/ics.test.ts": 'import { meetings } from "./queries";\nimport { act } from "./actions";\nexport { meetings, act };\n',
  "lib/email/templates/layout.tsx": "export const Layout = () => null;\n",
  "app/page.tsx": 'import { act } from "@/lib/meetings/actions";\nexport default act;\n',
  "components/list.tsx": 'import { meetings } from "@/lib/meetings/queries";\nexport const List = meetings;\n',
};

let root: string;

function tree(extra: Record<string, string>) {
  root = mkdtempSync(path.join(tmpdir(), "convoca-structure-"));
  for (const [file, text] of Object.entries({ ...CLEAN, ...extra })) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return checkTree(root).map(({ file, rule }) => `${file} ${rule}`);
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the structure check", () => {
  it("passes a tree that follows the rules", () => {
    expect(tree({})).toEqual([]);
  });

  it("finds a misplaced file: at lib/'s top, an unknown folder, a component in lib/", () => {
    expect(tree({ "lib/stray.ts": "export {};\n", "lib/helpers/x.ts": "export {};\n", "lib/meetings/card.tsx": "export {};\n" })).toEqual(
      expect.arrayContaining(["lib/stray.ts misplaced", "lib/helpers misplaced", "lib/meetings/card.tsx misplaced"]),
    );
  });

  it("finds a pure module that reaches the database", () => {
    expect(tree({ "lib/meetings/helpers.ts": 'import { meetings } from "./queries";\nexport const h = meetings;\n' })).toEqual([
      "lib/meetings/helpers.ts pure-module",
    ]);
  });

  it("finds forbidden imports: plumbing into a domain area, lib into components, a nested action from lib", () => {
    expect(
      tree({
        "lib/platform/format/title.ts": 'import { ics } from "@/lib/meetings/ics";\nexport const t = ics;\n',
        "lib/meetings/labels.ts": 'import { List } from "@/components/list";\nexport const l = List;\n',
        "lib/registrations/dashboard/actions.ts": "export const bulk = () => 1;\n",
        "lib/registrations/mutations.ts": 'import { bulk } from "./dashboard/actions";\nexport const m = bulk;\n',
        "components/uses-app.tsx": 'import P from "@/app/page";\nexport const U = P;\n',
      }),
    ).toEqual([
      "lib/meetings/labels.ts direction",
      "lib/platform/format/title.ts platform",
      "lib/registrations/mutations.ts actions",
      "components/uses-app.tsx direction",
    ]);
  });

  it("finds a database call through a passed-in transaction outside queries and mutations", () => {
    expect(
      tree({ "lib/meetings/emails.ts": 'import type { Tx } from "@/lib/db";\nexport const read = (tx: Tx) => tx.meeting.findMany({});\n' }),
    ).toEqual(["lib/meetings/emails.ts database-call"]);
  });

  it("finds a query that defaults its client or takes it last, and a mutation with positional arguments after it", () => {
    expect(
      tree({
        "lib/meetings/queries.ts":
          'import { db as defaultDb, type Db } from "@/lib/db";\n' +
          "export async function one(id: string, db: Db = defaultDb()) {\n  return db.meeting.findUnique({ where: { id } });\n}\n" +
          "export async function two(db: Db = defaultDb()) {\n  return db.meeting.findMany({});\n}\n" +
          "export const fine = (db: Db, { id, now }: { id: string; now: Date }) => db.meeting.findMany({ where: { id, startsAt: { gt: now } } });\n",
        "lib/meetings/mutations.ts":
          'import type { Tx } from "@/lib/db";\n' +
          "export async function publish(tx: Tx, actor: { id: string }, id: string) {\n  return tx.meeting.update({ where: { id }, data: { updatedById: actor.id } });\n}\n",
      }),
    ).toEqual(["lib/meetings/mutations.ts signature", "lib/meetings/queries.ts signature", "lib/meetings/queries.ts signature"]);
  });

  it("finds a page that queries with the client it may only hand on", () => {
    expect(
      tree({
        "app/probe/page.tsx": 'import { db } from "@/lib/db";\nexport default async function P() {\n  return db().meeting.findMany({});\n}\n',
        "app/handed/page.tsx":
          'import { db } from "@/lib/db";\nimport { listUsers } from "@/lib/users/queries";\nexport default async function P() {\n  return listUsers(db());\n}\n',
      }),
    ).toEqual(["app/probe/page.tsx database-call"]);
  });

  it("passes the real tree", () => {
    root = mkdtempSync(path.join(tmpdir(), "convoca-structure-"));
    expect(checkTree(process.cwd())).toEqual([]);
  });
});
