// Reads a tree's lib/, app/ and components/ and lists where it breaks the
// rules of ./rules.ts. Imports are read as text (static, dynamic and
// re-exports); type-only imports carry no client and count only for direction.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import {
  COMPOSERS,
  DATA_LAYER_FILES,
  DATA_LAYER_PREFIXES,
  DOMAIN_AREAS,
  FILE_KINDS,
  LIB_TSX_PREFIXES,
  OTHER_FOLDERS,
  ROOT_FILES,
  SIGNATURE_EXCEPTIONS,
} from "./rules";

export type Violation = { file: string; line: number; rule: string; message: string };

type Import = { specifier: string; target: string | null; typeOnly: boolean; line: number };

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
const IMPORT = /(?:^|[\s;])(import|export)\s+(type\s+)?(?:[^"'`;]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
// A call on a client or transaction, by the names this code gives them (db, tx, client, prisma; db() too).
const DB_CALL =
  /\b(?:db|tx|client|prisma|defaultDb|appDb)(?:\(\))?\.(?:\$queryRaw|\$queryRawUnsafe|\$executeRaw|\$executeRawUnsafe|\$transaction|[a-z]\w*\.(?:findMany|findFirst|findFirstOrThrow|findUnique|findUniqueOrThrow|create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany|count|aggregate|groupBy))\s*[(`]/;

function walk(root: string, folder: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(path.join(root, folder));
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const relative = path.posix.join(folder, name);
    if (name === "node_modules" || name === "generated" || name === "fixtures") return [];
    return statSync(path.join(root, relative)).isDirectory() ? walk(root, relative) : [relative];
  });
}

const isTest = (file: string) => /\.(test|spec|fuzz\.test)\.tsx?$/.test(file) || file.startsWith("lib/test/");
const stem = (file: string) => path.posix.basename(file).replace(/\.(test\.)?tsx?$/, "");

/** The file an import names inside the tree (without its extension), or null for a package. */
function resolve(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return specifier.slice(2).replace(SOURCE, "");
  if (specifier.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(SOURCE, "");
  return null;
}

function importsOf(file: string, text: string): Import[] {
  const found: Import[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[3] ?? match[4];
    const typeOnly = Boolean(match[2]);
    const line = text.slice(0, match.index).split("\n").length + (match[0].startsWith("\n") ? 1 : 0);
    found.push({ specifier, target: resolve(file, specifier), typeOnly, line });
  }
  return found;
}

function area(file: string): string | null {
  const [top, name] = file.split("/");
  return top === "lib" && (DOMAIN_AREAS as readonly string[]).includes(name) ? name : null;
}

function isDataLayer(file: string): boolean {
  const kind = stem(file);
  return kind === "queries" || kind === "mutations" || file in DATA_LAYER_FILES || DATA_LAYER_PREFIXES.some((p) => file.startsWith(p));
}

// A parameter that holds the client or a transaction, by the names and types this code gives them.
const DB_PARAM_NAME = /^(db|tx|client)$/;
const DB_PARAM_TYPE = /^(Db|Tx|DbOrTx|PrismaClient|Prisma\.TransactionClient)$/;

/**
 * Exported functions of lib/ that take the database: the client first, with
 * no default, and one argument after it (a value or one params object).
 */
function signatureViolations(file: string, text: string): { line: number; message: string }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { line: number; message: string }[] = [];
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const check = (name: string, params: ts.NodeArray<ts.ParameterDeclaration>, at: ts.Node) => {
    const index = params.findIndex((p) => DB_PARAM_NAME.test(p.name.getText(source)) || DB_PARAM_TYPE.test(p.type?.getText(source) ?? ""));
    if (index < 0 || `${file} ${name}` in SIGNATURE_EXCEPTIONS) return;
    const line = source.getLineAndCharacterOfPosition(at.getStart(source)).line + 1;
    if (index > 0) found.push({ line, message: `${name} takes the database as argument ${index + 1}: make it the first, (db, params)` });
    else if (params[0].initializer) found.push({ line, message: `${name} defaults its client: let the caller pass db() or its transaction` });
    else if (params.length > 2) found.push({ line, message: `${name} takes ${params.length - 1} arguments after the client: pass one params object, (db, { … })` });
  };
  for (const statement of source.statements) {
    if (!exported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) check(statement.name.text, statement.parameters, statement);
    if (ts.isVariableStatement(statement))
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) check(declaration.name.getText(source), init.parameters, declaration);
      }
  }
  return found;
}

/** Every violation in the tree at root (a checkout, or a test's fixture). */
export function checkTree(root: string): Violation[] {
  const violations: Violation[] = [];
  const add = (file: string, line: number, rule: string, message: string) => violations.push({ file, line, rule, message });

  for (const name of readdirSync(path.join(root, "lib"))) {
    const relative = `lib/${name}`;
    if (statSync(path.join(root, relative)).isDirectory()) {
      if (!(DOMAIN_AREAS as readonly string[]).includes(name) && !(name in OTHER_FOLDERS))
        add(relative, 0, "misplaced", "an unknown folder of lib/: a domain area goes in scripts/structure/rules.ts and ARCHITECTURE.md, plumbing under lib/platform/");
    } else if (!(name.replace(/\.test\.ts$/, ".ts") in ROOT_FILES)) {
      add(relative, 0, "misplaced", "lib/ holds only db.ts, routes.ts, segments.ts and site.ts at its top: put the file in its area or under lib/platform/");
    }
  }

  const files = ["lib", "app", "components"].flatMap((top) => walk(root, top)).filter((file) => SOURCE.test(file));
  for (const file of files) {
    const text = readFileSync(path.join(root, file), "utf8");
    const test = isTest(file);
    if (file.startsWith("lib/") && file.endsWith(".tsx") && !test && !LIB_TSX_PREFIXES.some((p) => file.startsWith(p)))
      add(file, 0, "misplaced", "React components live in components/; lib/ renders only email templates (lib/email/templates/)");

    const pure = area(file) !== null && !test && !isDataLayer(file) && !(stem(file) in FILE_KINDS) && !(file in COMPOSERS);
    for (const { specifier, target, typeOnly, line } of importsOf(file, text)) {
      if (target === null) {
        if (pure && !typeOnly && /^@prisma\/(client|adapter-pg)/.test(specifier))
          add(file, line, "pure-module", `a pure module may not use the database (${specifier}): move the read to queries.ts or the write to mutations.ts`);
        continue;
      }
      if (test) continue;
      if (file.startsWith("lib/") && /^(app|components)(\/|$)/.test(target))
        add(file, line, "direction", `lib/ may not import ${target}: app/ and components/ build on lib/, not the other way`);
      if (file.startsWith("components/") && /^app(\/|$)/.test(target)) add(file, line, "direction", `components/ may not import ${target}`);
      if (file.startsWith("lib/platform/") && area(target + ".ts") !== null)
        add(file, line, "platform", `lib/platform/ knows no domain area: ${target} is one; pass what it needs in from the caller`);
      if (path.posix.basename(target) === "actions" && file.startsWith("lib/"))
        add(file, line, "actions", `server actions (${target}) are called by app/ and components/ only: use the area's queries or mutations`);
      if (pure && !typeOnly) {
        const kind = path.posix.basename(target);
        if (target === "lib/db" || target.startsWith("lib/generated/prisma/client") || kind === "queries" || kind === "mutations")
          add(file, line, "pure-module", `${path.posix.basename(file)} is no queries/mutations file and may not reach the database (${target}): move the code, or name the file by what it does`);
      }
    }
    if (!test && file.startsWith("lib/"))
      for (const { line, message } of signatureViolations(file, text)) add(file, line, "signature", message);
    if (!test && !isDataLayer(file)) {
      text.split("\n").forEach((content, index) => {
        if (DB_CALL.test(content.replace(/\/\/.*$/, "")))
          add(file, index + 1, "database-call", "only queries.ts and mutations.ts talk to the database: move this call there and call it");
      });
    }
  }
  return violations;
}
