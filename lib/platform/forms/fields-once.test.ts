// The Italian zod field builders live in lib/platform/forms/fields.ts alone: a copy in
// a form's schema would miss the control-character rule or drift from it.
import { readdirSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";

it("declares the email, phone and checkbox fields once, in lib/platform/forms/fields.ts", () => {
  const copies = ["lib", "app", "components"]
    .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: "utf8" }).map((file) => `${dir}/${file}`))
    .filter((file) => /\.tsx?$/.test(file) && !file.startsWith("lib/generated/") && file !== "lib/platform/forms/fields.ts")
    .filter((file) => /^(export )?const (emailField|phoneField|checkbox) = /m.test(readFileSync(file, "utf8")));
  expect(copies).toEqual([]);
});
