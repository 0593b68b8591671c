// Taking a person out of free-form JSON (an email's data, an audit entry) that
// is about someone else but mentions them: the rest of the record stays.

export type PersonTraces = { email: string; firstName: string; lastName: string; phone: string | null };

export const ERASED_FIRST_NAME = "Dato";
export const ERASED_LAST_NAME = "cancellato";
export const ERASED_NAME = `${ERASED_FIRST_NAME} ${ERASED_LAST_NAME}`;

/** The address an erased person's rows carry instead of theirs: unique, and never deliverable (.invalid). */
export function erasedEmail(personId: string): string {
  return `cancellato-${personId}@anonimo.invalid`;
}

/** An address erasePerson wrote: nothing is ever sent there, and nobody is designated by it. */
export function isErasedAddress(email: string): boolean {
  return /^cancellato-[0-9a-f-]{36}@anonimo\.invalid$/i.test(email.trim());
}

function replaceAll(text: string, needle: string, replacement: string): string {
  if (!needle) return text;
  const lower = text.toLowerCase();
  const target = needle.toLowerCase();
  let out = "";
  let from = 0;
  for (let at = lower.indexOf(target); at !== -1; at = lower.indexOf(target, from)) {
    out += text.slice(from, at) + replacement;
    from = at + target.length;
  }
  return out + text.slice(from);
}

/** The strings that identify the person on their own: the address, the full name either way round, the phone. */
export function traceNeedles(person: PersonTraces, personId: string): [string, string][] {
  const needles: [string, string][] = [[person.email, erasedEmail(personId)]];
  const first = person.firstName.trim();
  const last = person.lastName.trim();
  if (first && last) {
    needles.push([`${first} ${last}`, ERASED_NAME], [`${last} ${first}`, ERASED_NAME]);
  }
  const phone = person.phone?.trim();
  if (phone && phone.replace(/\D/g, "").length >= 6) needles.push([phone, "[telefono cancellato]"]);
  return needles;
}

/** Does this text (a JSON column as text) mention the person? */
export function mentions(text: string, needles: readonly [string, string][]): boolean {
  const lower = text.toLowerCase();
  return needles.some(([needle]) => needle !== "" && lower.includes(needle.toLowerCase()));
}

function isPersonObject(value: Record<string, unknown>, person: PersonTraces): boolean {
  const email = person.email.toLowerCase();
  return Object.values(value).some((field) => typeof field === "string" && field.trim().toLowerCase() === email);
}

/**
 * The JSON with the person taken out. An object that carries their address
 * is about them: its fields equal to their first name, surname or phone go
 * too. Elsewhere only the identifying strings are replaced, so another
 * "Maria" in the same record keeps her name.
 */
export function scrubJson(value: unknown, person: PersonTraces, personId: string): unknown {
  const needles = traceNeedles(person, personId);
  const walk = (node: unknown): unknown => {
    if (typeof node === "string") return needles.reduce((text, [needle, replacement]) => replaceAll(text, needle, replacement), node);
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== "object") return node;
    const object = node as Record<string, unknown>;
    const aboutThem = isPersonObject(object, person);
    const same = (field: unknown, target: string | null) =>
      typeof field === "string" && target !== null && target.trim() !== "" && field.trim().toLowerCase() === target.trim().toLowerCase();
    return Object.fromEntries(
      Object.entries(object).map(([key, field]) => {
        if (aboutThem) {
          if (same(field, person.firstName)) return [key, ERASED_FIRST_NAME];
          if (same(field, person.lastName)) return [key, ERASED_LAST_NAME];
          if (same(field, person.phone)) return [key, null];
        }
        return [key, walk(field)];
      }),
    );
  };
  return walk(value);
}

const SECRET_KEY = /url|link|token|hash|^ics$/i;

/** An email's data for an export: everything but links (personal links, join links, sign-in links), tokens and hashes. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !SECRET_KEY.test(key))
      .map(([key, field]) => [key, withoutSecrets(field)]),
  );
}
