// The licence AgID's reuse guidelines ask of network software, stated where
// reviewers and tools look for it: LICENSE, package.json (and its lock), the README.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const read = (file: string) => readFile(path.join(ROOT, file), "utf8");

test("LICENSE is the GNU AGPL version 3, and the project takes it as 3.0-or-later everywhere", async () => {
  const licence = await read("LICENSE");
  expect(licence.startsWith("GNU AFFERO GENERAL PUBLIC LICENSE\nVersion 3, 19 November 2007")).toBe(true);
  expect(licence).toContain("13. Remote Network Interaction; Use with the GNU General Public License.");
  expect(licence).toContain("either version 3 of the License, or (at your option) any later version");

  expect(JSON.parse(await read("package.json")).license).toBe("AGPL-3.0-or-later");
  expect(JSON.parse(await read("package-lock.json")).packages[""].license).toBe("AGPL-3.0-or-later");
  expect(await read("README.md")).toMatch(/## Licenza\n[\s\S]*`AGPL-3\.0-or-later`[\s\S]*\[LICENSE\]\(LICENSE\)/);
});
