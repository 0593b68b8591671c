// npm test's structure step: lib/'s layout and import rules (scripts/structure/rules.ts,
// explained in ARCHITECTURE.md). Prints one line per violation and fails on any.
import { checkTree } from "./structure/check";

const violations = checkTree(process.cwd());
for (const { file, line, rule, message } of violations) console.error(`${file}${line ? `:${line}` : ""}  [${rule}] ${message}`);
if (violations.length > 0) {
  console.error(`${violations.length} structure violation(s): see ARCHITECTURE.md.`);
  process.exit(1);
}
console.log("structure: lib/ follows ARCHITECTURE.md");
