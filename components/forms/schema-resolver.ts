"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";
import { z } from "zod";
import { withoutBlankRows } from "@/lib/platform/forms/form-data";

// Zod compiles object parsers with `new Function` when it can, and finds out
// by trying: under the site's Content-Security-Policy (no 'unsafe-eval', see
// lib/platform/security/headers.ts) that try is a CSP violation. In the browser it
// parses without compiling.
z.config({ jitless: true });

/**
 * react-hook-form's resolver over a form's shared zod schema. The form's
 * values are what its fields hold (strings, booleans, rows of strings), which
 * is the schema's input; the parsed output is not used in the browser, since
 * the FormData goes to the server action, which parses it again.
 *
 * With `rowsName`, rows nobody filled in are ignored, as the server ignores
 * them, and row errors are put back on the rows as the user sees them.
 */
export function schemaResolver<V extends FieldValues>(schema: z.ZodType, rowsName?: string): Resolver<V> {
  const resolve = zodResolver(schema as z.ZodType<unknown, FieldValues>) as unknown as Resolver<V>;
  if (!rowsName) return resolve;
  return async (values, context, options) => {
    const rows = values[rowsName];
    if (!Array.isArray(rows)) return resolve(values, context, options);
    const { rows: kept, indexes } = withoutBlankRows(rows as Record<string, unknown>[]);
    const result = await resolve({ ...values, [rowsName]: kept }, context, options);
    const rowErrors = (result.errors as Record<string, unknown>)[rowsName];
    if (!rowErrors || typeof rowErrors !== "object") return result;
    // react-hook-form keeps row errors in a (sparse) array, whole-list errors under "root".
    const restored: Record<string, unknown> = Array.isArray(rowErrors) ? ([] as unknown as Record<string, unknown>) : {};
    for (const [key, value] of Object.entries(rowErrors)) {
      restored[/^\d+$/.test(key) ? String(indexes[Number(key)] ?? key) : key] = value;
    }
    return { ...result, errors: { ...result.errors, [rowsName]: restored } } as typeof result;
  };
}
