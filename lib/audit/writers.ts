// What the audit writers put in the log, read from their source: every action
// code and every field name of the before/after/details objects. The labels
// test checks each has an Italian label, so a new writer cannot slip into the
// log speaking code.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ACTION = /"([a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*)"/g;
// Where a written object starts: the before/after/details of an entry, or a
// helper that builds one (auditSnapshot, auditView, projectSnapshot, …select).
const REGION = /(?:\b(?:before|after|details)\s*:\s*(?:[^{},\n]*\?\s*)?|function\s+(?:audit\w*|\w*Snapshot)\s*\([^)]*\)[^{]*\{\s*(?:const[^;]*;\s*)?return\s*|const\s+\w*(?:Audit|Snapshot)Select\s*=\s*)\{/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "test" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The files that write audit entries (they call recordAudit, recordAudits or recordExport). */
export function auditWriterFiles(root = path.join(process.cwd(), "lib")): string[] {
  return sourceFiles(root).filter((file) => !file.includes(`${path.sep}audit${path.sep}`) && /\b(?:recordAudits?|recordExport)\(/.test(readFileSync(file, "utf8")));
}

/** The object literal starting at `open` (a "{"), up to its matching brace. */
function objectAt(source: string, open: number): string {
  let depth = 0;
  for (let index = open; index < source.length; index++) {
    if (source[index] === "{") depth++;
    else if (source[index] === "}" && --depth === 0) return source.slice(open, index + 1);
  }
  return source.slice(open);
}

// Prisma's words inside a select, not fields of the entry.
const QUERY_WORDS = new Set(["select", "orderBy", "where", "include"]);

/** The keys of an object literal, at every depth (speakers' names, merged projects' codes), without spreads. */
function keysOf(literal: string): string[] {
  return [...literal.matchAll(/[{,]\s*(\w+)\s*(?=[:,}])/g)].map((match) => match[1]).filter((key) => !/^\d/.test(key) && !QUERY_WORDS.has(key));
}

export function auditedActions(files = auditWriterFiles()): string[] {
  const found = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, "utf8").matchAll(ACTION)) found.add(match[1]);
  }
  return [...found].sort();
}

export function auditedFields(files = auditWriterFiles()): string[] {
  const found = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(REGION)) {
      for (const key of keysOf(objectAt(source, match.index + match[0].length - 1))) found.add(key);
    }
  }
  return [...found].sort();
}
