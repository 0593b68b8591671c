// lib/routes.ts is the one place app paths are written. This walks app/ for
// its routes (every page.tsx and route.ts), checks that each helper's path is
// one of them, and scans app/, components/ and lib/ for a string literal
// that writes an app path by hand. Both checks are run on fixtures too,
// which they must reject.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { everyPage, patternRegExp, routePatterns, routes, routeSections } from "@/lib/routes";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Files that may write app paths: this module, tests (they check what a user sees) and test fixtures. */
const ALLOWED = [/^lib\/routes\.ts$/, /\.test\.tsx?$/, /^lib\/test\//];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith("lib/generated/"));
}

/** "app/(public)/convocazioni/[slug]/page.tsx" → "/convocazioni/[slug]". */
function routeOf(file: string): string | null {
  const match = /^app\/(.*?)\/?(page\.tsx|route\.ts)$/.exec(file);
  if (!match) return null;
  const segments = match[1].split("/").filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

/** Whether a concrete path (query and fragment aside) is served by one of the routes. */
function isRoute(routeList: string[], concrete: string): boolean {
  const pathname = concrete.split(/[?#]/)[0];
  const parts = pathname === "/" ? [] : pathname.slice(1).split("/");
  return routeList.some((route) => {
    const pattern = route === "/" ? [] : route.slice(1).split("/");
    return pattern.length === parts.length && pattern.every((segment, i) => /^\[[^.]+\]$/.test(segment) || segment === parts[i]);
  });
}

/** Every path the helpers build, each labelled by its helper; arguments are placeholders. */
function helperPaths(value: unknown, name: string): [string, string][] {
  if (typeof value === "string") return [[name, value]];
  if (typeof value === "function") {
    const args = Array.from({ length: value.length }, (_, i) => `arg${i}`);
    return helperPaths((value as (...a: string[]) => unknown)(...args), `${name}()`);
  }
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, inner]) => helperPaths(inner, `${name}.${key}`));
  throw new Error(`${name}: not a path`);
}

/** Every string literal (or template part) in a file that starts with one of the app's first path segments. */
function pathLiterals(file: string, source: string, firstSegments: string[]): string[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const appPath = new RegExp(`^/(${firstSegments.map((s) => s.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")).join("|")})(?=$|[/?#])`);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) &&
      appPath.test(node.text)
    ) {
      const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
      found.push(`${file}:${line + 1}: ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

let files: string[] = [];
let routeList: string[] = [];
let firstSegments: string[] = [];

beforeAll(async () => {
  files = [...(await sourceFiles("app")), ...(await sourceFiles("components")), ...(await sourceFiles("lib")), "proxy.ts"];
  routeList = files.map(routeOf).filter((route): route is string => route !== null);
  // The app's own addresses: what a user is sent to. api/ and dev/ are not linked.
  firstSegments = [...new Set(routeList.map((route) => route.split("/")[1]).filter((s) => s && s !== "api" && s !== "dev"))];
});

describe("lib/routes.ts", () => {
  it("finds the app's routes", () => {
    expect(routeList).toEqual(expect.arrayContaining(["/", "/dashboard", "/convocazioni/[slug]", "/dashboard/convocazioni/[id]/iscrizioni/esporta"]));
    expect(firstSegments).toEqual(expect.arrayContaining(["dashboard", "convocazioni", "iscrizione", "invito", "attestati", "accedi", "scheda-referenti"]));
  });

  it("builds only paths that are routes in app/", () => {
    const paths = helperPaths(routes, "routes");
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.filter(([, built]) => !isRoute(routeList, built))).toEqual([]);
  });

  it("has a helper for every page and route handler in app/ but api/ and dev/", () => {
    const built = helperPaths(routes, "routes").map(([, p]) => p);
    const missing = routeList.filter((route) => !route.startsWith("/api/") && !route.startsWith("/dev/") && !built.some((p) => isRoute([route], p)));
    expect(missing).toEqual([]);
  });

  it("gives patterns that are routes in app/, as written there", () => {
    for (const pattern of Object.values(routePatterns)) expect(routeList).toContain(pattern);
    expect(everyPage(routePatterns.publicMeeting)).toEqual(["/convocazioni/[slug]", "page"]);
  });

  it("matches a pattern as the refusals matched the upload paths by hand", () => {
    expect(patternRegExp(routePatterns.attendanceUpload).source).toBe(/^\/dashboard\/convocazioni\/[^/]+\/presenze\/carica\/?$/.source);
    expect(patternRegExp(routePatterns.saiImportUpload).source).toBe(/^\/dashboard\/enti-gestori\/importa\/carica\/?$/.source);
    const upload = patternRegExp(routePatterns.attendanceUpload);
    expect([routes.dashboard.meeting("m1").attendanceUpload(), "/dashboard/convocazioni/m1/presenze/carica/"].every((p) => upload.test(p))).toBe(true);
    expect(["/dashboard/convocazioni//presenze/carica", "/dashboard/convocazioni/a/b/presenze/carica", "/dashboard/convocazioni/m1/presenze"].some((p) => upload.test(p))).toBe(false);
  });

  it("gives sections that some route starts with", () => {
    for (const section of Object.values(routeSections)) expect(routeList.filter((route) => route.startsWith(`${section}/`))).not.toEqual([]);
  });

  it("is the only file that writes an app path", async () => {
    const found: string[] = [];
    for (const file of files.filter((f) => !ALLOWED.some((allowed) => allowed.test(f)))) {
      found.push(...pathLiterals(file, await readFile(path.join(ROOT, file), "utf8"), firstSegments));
    }
    expect(found).toEqual([]);
  });
});

describe("the checks catch a path written by hand", () => {
  it("reports the literals of a fixture, not its comments or text", async () => {
    const file = "lib/test/fixtures/route-literals.tsx";
    expect(pathLiterals(file, await readFile(path.join(ROOT, file), "utf8"), firstSegments)).toEqual([
      `${file}:6: /dashboard/convocazioni`,
      `${file}:7: /convocazioni/`,
      `${file}:8: /iscrizione/`,
      `${file}:13: /privacy`,
    ]);
  });

  it("rejects a path that is no route", () => {
    expect(isRoute(routeList, routes.dashboard.meeting("x").registrations())).toBe(true);
    expect(isRoute(routeList, "/dashboard/convocazioni/x/nonesiste")).toBe(false);
    expect(isRoute(routeList, "/dashboard/convocazioni/x/iscrizioni/y")).toBe(false);
    expect(isRoute(routeList, "/accedi?uscita=1")).toBe(true);
    expect(routeList).not.toContain("/(public)/privacy");
  });
});
