// publiccode.yml (the standard for public software, asked of PA software by
// AgID's reuse guidelines) checked against the standard's published JSON
// Schema, vendored in vendor/publiccode/, and against what the schema cannot
// say: the standard's conditional rules and lengths, files that must exist in
// the repository, and agreement with package.json and lib/site.ts.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Ajv, type ErrorObject } from "ajv";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { SOURCE_CODE_LICENSE, SOURCE_CODE_URL } from "../lib/site";

const ROOT = path.resolve(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

const SCHEMA_FILE = "vendor/publiccode/publiccode.schema.json";
const SCHEMA_SHA256 = "6ab77458399fbece39c25f27a640dba955e5a309ee9bf7c039b37e0bdaf44f8e";
const pkg = JSON.parse(read("package.json")) as { version: string; license: string };

/** The top-level keys the standard marks mandatory (schema.core.rst, v0.7.0). */
const MANDATORY_KEYS = [
  "publiccodeYmlVersion",
  "name",
  "url",
  "platforms",
  "developmentStatus",
  "softwareType",
  "description",
  "legal",
  "maintenance",
  "localisation",
] as const;
const LANGUAGES = ["it", "en"] as const;
const SCREENSHOT_WIDTH = 1280;
const MAX_SCREENSHOT_BYTES = 300 * 1024;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSchema = ajv.compile(JSON.parse(read(SCHEMA_FILE)));

type Doc = Record<string, unknown>;
type Description = { shortDescription?: unknown; longDescription?: unknown; features?: unknown; screenshots?: unknown };

const describeSchemaError = (error: ErrorObject) => `schema: ${error.instancePath || "/"} ${error.message ?? ""} ${JSON.stringify(error.params)}`;

/** A repository path, relative, inside the repository. */
function repoFile(relative: unknown): string | null {
  if (typeof relative !== "string" || path.isAbsolute(relative) || /^[a-z]+:/i.test(relative)) return null;
  const absolute = path.resolve(ROOT, relative);
  return absolute.startsWith(ROOT + path.sep) && existsSync(absolute) ? absolute : null;
}

function pngWidth(file: string): number | null {
  const bytes = readFileSync(file);
  const signature = "89504e470d0a1a0a";
  return bytes.subarray(0, 8).toString("hex") === signature ? bytes.readUInt32BE(16) : null;
}

function isCalendarDate(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** Every way `doc` falls short of the standard and of the project's facts; empty when it is right. */
function problems(doc: Doc, today = new Date().toISOString().slice(0, 10)): string[] {
  const found: string[] = [];
  if (!validateSchema(doc)) found.push(...(validateSchema.errors ?? []).map(describeSchemaError));

  for (const key of MANDATORY_KEYS) if (!(key in doc)) found.push(`missing mandatory key ${key}`);

  const descriptions = (doc.description ?? {}) as Record<string, Description>;
  for (const language of LANGUAGES) {
    const description = descriptions[language];
    if (!description) {
      found.push(`description.${language} missing`);
      continue;
    }
    const short = description.shortDescription;
    if (typeof short !== "string" || !short.trim()) found.push(`description.${language}.shortDescription missing`);
    else {
      if ([...short].length > 150) found.push(`description.${language}.shortDescription longer than 150 characters`);
      if (/\n/.test(short.trim())) found.push(`description.${language}.shortDescription is not one line`);
    }
    const long = description.longDescription;
    // Mandatory "for at least one language": we ship both, so both must have it.
    if (typeof long !== "string") found.push(`description.${language}.longDescription missing`);
    else if ([...long].length < 150 || [...long].length > 10000) found.push(`description.${language}.longDescription not within 150-10000 characters`);
    if (!Array.isArray(description.features) || description.features.length === 0) found.push(`description.${language}.features missing`);
    const screenshots = Array.isArray(description.screenshots) ? description.screenshots : [];
    for (const screenshot of screenshots) {
      const file = repoFile(screenshot);
      if (!file) found.push(`screenshot ${String(screenshot)} is not a file in the repository`);
      else if (!/\.(png|jpe?g)$/i.test(file)) found.push(`screenshot ${String(screenshot)} is not PNG or JPG`);
      else if (statSync(file).size > MAX_SCREENSHOT_BYTES) found.push(`screenshot ${String(screenshot)} is over 300 KB`);
      else if (/\.png$/i.test(file) && pngWidth(file) !== SCREENSHOT_WIDTH) found.push(`screenshot ${String(screenshot)} is not ${SCREENSHOT_WIDTH} px wide`);
    }
  }

  if (doc.logo !== undefined) {
    const file = repoFile(doc.logo);
    if (!file || !/\.(svgz?|png)$/i.test(file)) found.push(`logo ${String(doc.logo)} is not an SVG or PNG file in the repository`);
  }

  const maintenance = (doc.maintenance ?? {}) as { type?: unknown; contacts?: unknown; contractors?: unknown };
  if ((maintenance.type === "internal" || maintenance.type === "community") && !(Array.isArray(maintenance.contacts) && maintenance.contacts.length > 0)) {
    found.push("maintenance.contacts required for internal or community maintenance");
  }
  if ((maintenance.type === "contract") !== (maintenance.contractors !== undefined)) found.push("maintenance.contractors present exactly when maintenance is by contract");

  const legal = (doc.legal ?? {}) as { license?: unknown };
  if (legal.license !== pkg.license) found.push(`legal.license ${String(legal.license)} is not package.json's ${pkg.license}`);
  if (doc.softwareVersion !== pkg.version) found.push(`softwareVersion ${String(doc.softwareVersion)} is not package.json's ${pkg.version}`);
  if (!isCalendarDate(doc.releaseDate)) found.push(`releaseDate ${String(doc.releaseDate)} is not a YYYY-MM-DD date`);
  else if (doc.releaseDate > today) found.push(`releaseDate ${doc.releaseDate} is in the future`);
  if (doc.url !== SOURCE_CODE_URL) found.push(`url ${String(doc.url)} is not SOURCE_CODE_URL (${SOURCE_CODE_URL})`);
  return found;
}

function loadPubliccode(text: string): Doc {
  const document = parseDocument(text, { version: "1.2", uniqueKeys: true, prettyErrors: true });
  expect([...document.errors, ...document.warnings].map((problem) => problem.message)).toEqual([]);
  return document.toJS() as Doc;
}

const TEXT = read("publiccode.yml");
const publiccode = loadPubliccode(TEXT);
const copy = (): Doc => structuredClone(publiccode);

describe("publiccode.yml", () => {
  it("the vendored schema is SchemaStore's file byte for byte, as its README records", () => {
    const bytes = readFileSync(path.join(ROOT, SCHEMA_FILE));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(SCHEMA_SHA256);
    const readme = read("vendor/publiccode/README.md");
    expect(readme).toContain(SCHEMA_SHA256);
    expect(readme).toContain("1484b01fec7b0e97d7edd60bfc7628a95ecde514");
    expect(readme).toContain("src/schemas/json/publiccode.json");
  });

  it("is UTF-8 YAML 1.2 that the published schema accepts, with nothing the standard or the project's facts refuse", () => {
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(path.join(ROOT, "publiccode.yml")))).not.toThrow();
    expect(problems(publiccode)).toEqual([]);
  });

  it("describes the portal in Italian and English, for the web, as a beta web application of ANCI Sicilia funded by FAMI", () => {
    expect(Object.keys(publiccode.description as object).sort()).toEqual(["en", "it"]);
    expect(publiccode.platforms).toEqual(["web"]);
    expect(publiccode.softwareType).toBe("standalone/web");
    expect(publiccode.localisation).toEqual({ localisationReady: false, availableLanguages: ["it"] });
    expect(publiccode.legal).toMatchObject({ license: SOURCE_CODE_LICENSE });
    expect(publiccode.organisation).toMatchObject({ uri: "https://www.anci.sicilia.it" });
    const funders = (publiccode.fundedBy as { name: string }[]).map((funder) => funder.name).join(" | ");
    expect(funders).toContain("Fondo Asilo, Migrazione e Integrazione (FAMI) 2014-2020");
    expect(funders).toContain("Ministero dell'Interno");
    const dependencies = (publiccode.dependsOn as { open: { name: string }[] }).open.map((dependency) => dependency.name);
    expect(dependencies).toEqual(expect.arrayContaining(["PostgreSQL", "Node.js"]));
  });

  it("shows five screenshots, the same in both languages, each a 1280 px PNG under 300 KB in docs/screenshots", () => {
    const descriptions = publiccode.description as Record<string, Description>;
    const shots = descriptions.it.screenshots as string[];
    expect(shots).toHaveLength(5);
    expect(descriptions.en.screenshots).toEqual(shots);
    for (const shot of shots) expect(shot).toMatch(/^docs\/screenshots\/[a-z-]+\.png$/);
  });

  const broken: [string, (doc: Doc) => void, RegExp][] = [
    ["an unknown top-level key", (doc) => (doc.homepage = "https://example.org"), /must NOT have additional properties/],
    ["a development status outside the list", (doc) => (doc.developmentStatus = "production"), /allowedValues/],
    ["a software type outside the list", (doc) => (doc.softwareType = "web"), /allowedValues/],
    ["platforms as a string", (doc) => (doc.platforms = "web"), /must be array/],
    ["a date in another format", (doc) => (doc.releaseDate = "03/12/2026"), /must match format "date"/],
    ["no maintenance", (doc) => delete doc.maintenance, /missing mandatory key maintenance/],
    ["no English description", (doc) => delete (doc.description as Doc).en, /description\.en missing/],
    ["a short description of 151 characters", (doc) => ((doc.description as Record<string, Description>).it.shortDescription = "x".repeat(151)), /shortDescription longer than 150/],
    ["a long description of 149 characters", (doc) => ((doc.description as Record<string, Description>).en.longDescription = "x".repeat(149)), /longDescription not within 150-10000/],
    ["a long description of 10001 characters", (doc) => ((doc.description as Record<string, Description>).it.longDescription = "x".repeat(10001)), /longDescription not within 150-10000/],
    ["no features", (doc) => delete (doc.description as Record<string, Description>).it.features, /features missing/],
    ["a screenshot not in the repository", (doc) => ((doc.description as Record<string, Description>).it.screenshots = ["docs/screenshots/mancante.png"]), /not a file in the repository/],
    ["a screenshot outside the repository", (doc) => ((doc.description as Record<string, Description>).en.screenshots = ["../../etc/hostname"]), /not a file in the repository/],
    ["a logo not in the repository", (doc) => (doc.logo = "public/marchi/mancante.svg"), /logo/],
    ["internal maintenance with no contact", (doc) => delete (doc.maintenance as Doc).contacts, /maintenance\.contacts required/],
    ["another licence than package.json's", (doc) => ((doc.legal as Doc).license = "EUPL-1.2"), /legal\.license EUPL-1\.2/],
    ["another version than package.json's", (doc) => (doc.softwareVersion = "9.9.9"), /softwareVersion 9\.9\.9/],
    ["a release date in the future", (doc) => (doc.releaseDate = "2999-01-01"), /in the future/],
    ["an impossible release date", (doc) => (doc.releaseDate = "2026-02-30"), /not a YYYY-MM-DD date/],
    ["another repository than the footer's", (doc) => (doc.url = "https://example.org/convoca.git"), /is not SOURCE_CODE_URL/],
    ["a funder with no uri", (doc) => delete (doc.fundedBy as Doc[])[0].uri, /must have required property 'uri'/],
  ];
  for (const [what, breakIt, expected] of broken) {
    it(`a copy with ${what} fails`, () => {
      const doc = copy();
      breakIt(doc);
      const found = problems(doc);
      expect(found.join("\n")).toMatch(expected);
    });
  }

  it("a copy without any set of the mandatory keys fails, naming each missing one", () => {
    fc.assert(
      fc.property(fc.subarray([...MANDATORY_KEYS], { minLength: 1 }), (removed) => {
        const doc = copy();
        for (const key of removed) delete doc[key];
        const found = problems(doc).join("\n");
        return removed.every((key) => found.includes(`missing mandatory key ${key}`));
      }),
    );
  });

  it("a copy whose short description grows past 150 characters fails, and one within it passes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 200 }).filter((text) => !/[\n\r]/.test(text) && text.trim() === text && text.length > 0), (text) => {
        const doc = copy();
        (doc.description as Record<string, Description>).it.shortDescription = text;
        const tooLong = problems(doc).some((problem) => problem.includes("shortDescription longer than 150"));
        return tooLong === [...text].length > 150;
      }),
      { numRuns: 200 },
    );
  });
});
