// Generators for the fuzz tests (fast-check): inputs that are bad for sure —
// each carries at least one fault no schema may accept — wrapped in noise
// that may or may not be bad (extra fields, odd values, files for text).
// Bad for sure means nothing may be written, whatever else the input holds.
import fc from "fast-check";

const code = (from: number, to: number) => fc.integer({ min: from, max: to }).map((value) => String.fromCharCode(value));

/**
 * One character no text field may hold that survives a FormData: C0 but
 * tab/LF/CR, DEL, C1. (A FormData turns a lone surrogate into U+FFFD, as a
 * browser's form submission does: the JSON API gets those, below.)
 */
export const forbiddenFormCharacter = fc.oneof(code(0x00, 0x08), code(0x0b, 0x0c), code(0x0e, 0x1f), code(0x7f, 0x9f));

/** One character no text field may hold: those, and a lone surrogate. */
export const forbiddenCharacter = fc.oneof(forbiddenFormCharacter, code(0xd800, 0xdfff));

/** Any string at all: every code unit, lone surrogates included. */
export const anyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((value) => String.fromCharCode(value)), maxLength: 40 }),
  fc.constantFrom("", " ", "\u0000", "%00", "%C0%AF", "null", "true", "false", "on", "0", "-1", "1e309", "__proto__", "constructor", "<script>", "=HYPERLINK(\"x\")"),
);

const spoil = (character: fc.Arbitrary<string>) =>
  fc.tuple(fc.string({ maxLength: 30 }), character, fc.string({ maxLength: 30 })).map(([before, value, after]) => before + value + after);

/** A string with a forbidden character somewhere in it: refused by every text field. */
export const spoiledString = spoil(forbiddenCharacter);

/** The same, as a form submits it. */
export const spoiledFormString = spoil(forbiddenFormCharacter);

/** Longer than any field allows (the largest text field is 20,000 characters). */
export const hugeString = fc.tuple(fc.integer({ min: 20_001, max: 200_000 }), fc.constantFrom("a", "à", "\u0000", "😀")).map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

/** A value of any JSON type, nested deep or not. */
export const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer({ min: 50, max: 3000 }).map((depth) => JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown),
  fc.integer({ min: 50, max: 3000 }).map((depth) => JSON.parse('{"a":'.repeat(depth) + "null" + "}".repeat(depth)) as unknown),
);

/** A segment that is not the shape it should be. */
export const malformedSegment = fc.oneof(
  spoiledString,
  fc.constantFrom("\u0000", "\u0000\n[tick] forged log line", "%00", "%C0%AF", "..", "", "a b", "UPPER", "a".repeat(300), "\ud800"),
);

export type FormEntry = [name: string, value: string | Blob];

/** A text value or a file where a text was expected. */
export const formValue: fc.Arbitrary<string | Blob> = fc.oneof(
  { weight: 5, arbitrary: anyString },
  { weight: 1, arbitrary: spoiledFormString },
  { weight: 1, arbitrary: fc.constant(new Blob(["file"], { type: "text/plain" })) },
);

/**
 * A form's submission: the valid entries, then noise (entries changed,
 * removed or added, unknown names), then at least one fault
 * from `faults`, applied last so no noise can undo it.
 */
export function badForm(valid: Record<string, string>, faults: fc.Arbitrary<(entries: Map<string, string | Blob>) => void>): fc.Arbitrary<FormEntry[]> {
  const names = Object.keys(valid);
  const noise = fc.array(
    fc.oneof(
      fc.tuple(fc.constantFrom(...names), formValue).map(([name, value]) => (entries: Map<string, string | Blob>) => void entries.set(name, value)),
      fc.constantFrom(...names).map((name) => (entries: Map<string, string | Blob>) => void entries.delete(name)),
      fc.tuple(fc.oneof(anyString, fc.constantFrom("nominees.0.email", "nominees.999.firstName", "referents.7.email", "$ACTION_ID_x", "__proto__")), formValue).map(
        ([name, value]) => (entries: Map<string, string | Blob>) => void entries.set(name, value),
      ),
    ),
    { maxLength: 6 },
  );
  return fc.tuple(noise, fc.array(faults, { minLength: 1, maxLength: 3 })).map(([changes, chosen]) => {
    const entries = new Map<string, string | Blob>(Object.entries(valid));
    for (const change of [...changes, ...chosen]) change(entries);
    return [...entries];
  });
}

/** Faults for these fields: a forbidden character, a huge value, a file, or (for required ones) nothing at all. */
export function textFaults(fields: { required: string[]; optional?: string[] }) {
  const all = [...fields.required, ...(fields.optional ?? [])];
  return fc.oneof(
    fc.tuple(fc.constantFrom(...all), spoiledFormString).map(([name, value]) => (entries: Map<string, string | Blob>) => void entries.set(name, value)),
    fc.tuple(fc.constantFrom(...all), hugeString).map(([name, value]) => (entries: Map<string, string | Blob>) => void entries.set(name, value)),
    fc.tuple(fc.constantFrom(...fields.required), fc.constantFrom<"delete" | "blank" | "file">("delete", "blank", "file")).map(
      ([name, how]) =>
        (entries: Map<string, string | Blob>) => {
          if (how === "delete") entries.delete(name);
          else entries.set(name, how === "blank" ? "   " : new Blob(["x"]));
        },
    ),
  );
}

export function toFormData(entries: FormEntry[]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}
