import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();

async function ruleIds(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((message) => message.ruleId);
}

const usesClient = 'import { db } from "@/lib/db";\nexport const meetings = () => db().meeting.findMany();\n';

describe("import-direction lint rules", () => {
  it("refuse the generated Prisma client in a page", async () => {
    const code = 'import { PrismaClient } from "@/lib/generated/prisma/client";\nexport const c = new PrismaClient();\n';
    expect(await ruleIds("app/probe/page.tsx", code)).toContain("@typescript-eslint/no-restricted-imports");
  });

  it("refuse the shared client in a component and in a non-data lib file", async () => {
    expect(await ruleIds("components/probe.tsx", usesClient)).toContain("@typescript-eslint/no-restricted-imports");
    expect(await ruleIds("lib/meetings/format.ts", usesClient)).toContain("@typescript-eslint/no-restricted-imports");
  });

  it("refuse the generated client in a component and in a non-data lib file", async () => {
    const code = 'import { PrismaClient } from "@/lib/generated/prisma/client";\nexport const c = new PrismaClient();\n';
    expect(await ruleIds("components/probe.tsx", code)).toContain("@typescript-eslint/no-restricted-imports");
    expect(await ruleIds("lib/meetings/format.ts", code)).toContain("@typescript-eslint/no-restricted-imports");
  });

  it("allow the client in queries.ts, mutations.ts and lib/db.ts", async () => {
    expect(await ruleIds("lib/meetings/queries.ts", usesClient)).not.toContain("@typescript-eslint/no-restricted-imports");
    expect(await ruleIds("lib/meetings/mutations.ts", usesClient)).not.toContain("@typescript-eslint/no-restricted-imports");
  });

  it("allow type-only imports of generated enums anywhere", async () => {
    const code = 'import type { MeetingKind } from "@/lib/generated/prisma/enums";\nexport const k: MeetingKind = "WEBINAR";\n';
    expect(await ruleIds("components/probe.tsx", code)).toEqual([]);
  });

  it("refuse lib importing from components or app, and components importing from app", async () => {
    expect(await ruleIds("lib/meetings/x.ts", 'import { A } from "@/components/a";\nexport const a = A;\n')).toContain(
      "no-restricted-imports",
    );
    expect(await ruleIds("components/x.tsx", 'import { B } from "@/app/b";\nexport const b = B;\n')).toContain(
      "no-restricted-imports",
    );
  });
});

describe("the shell that hands the client to a service", () => {
  // Holding is not querying: scripts/check-structure.test.ts proves that a
  // database call in a page or an action fails the structure check.
  it("lets pages, server actions and route handlers hold lib/db, not the generated client", async () => {
    const handsOn =
      'import { db } from "@/lib/db";\nimport { getPublicMeeting } from "@/lib/meetings/queries";\nexport const meeting = () => getPublicMeeting(db(), "x");\n';
    expect(await ruleIds("lib/registrations/actions.ts", handsOn)).not.toContain("@typescript-eslint/no-restricted-imports");
    expect(await ruleIds("app/api/x/route.ts", handsOn)).not.toContain("@typescript-eslint/no-restricted-imports");
    expect(await ruleIds("app/probe/page.tsx", handsOn)).not.toContain("@typescript-eslint/no-restricted-imports");
    const generated = 'import { PrismaClient } from "@/lib/generated/prisma/client";\nexport const c = new PrismaClient();\n';
    expect(await ruleIds("app/api/x/route.ts", generated)).toContain("@typescript-eslint/no-restricted-imports");
  });
});

describe("import cycles inside lib/", () => {
  it("fail the lint on two modules that import each other (the fixture the tree's lint skips)", async () => {
    // ignore: false lints the fixture folder that eslint.config.mjs ignores.
    const results = await new ESLint({ ignore: false }).lintFiles(["lib/test/fixtures/import-cycle/a.ts", "lib/test/fixtures/import-cycle/b.ts"]);
    expect(results.map((result) => result.messages.map((message) => message.ruleId))).toEqual([["import/no-cycle"], ["import/no-cycle"]]);
  });

  it("leave type-only imports out: a type carries no module cycle", async () => {
    const code = 'import type { a } from "./a";\nexport const c = (x: typeof a): string => x();\n';
    expect(await new ESLint({ ignore: false }).lintText(code, { filePath: "lib/test/fixtures/import-cycle/b.ts" }).then(([result]) => result.messages)).toEqual([]);
  });
});
