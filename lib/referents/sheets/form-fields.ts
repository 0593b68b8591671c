// The scheda's fields as the browser submits them: the action reads FormData
// with these shapes and the form starts from their empty values.
import { blankRow, defineForm, emptyValues, formOf, pageOrder, type FormValues } from "@/lib/platform/forms/form-data";
import { MAX_REFERENTS, referentSheetSchema, rejectSheetSchema, sheetReferentSchema } from "./schema";

export const referentSheetForm = formOf(referentSheetSchema, {
  checkboxes: ["privacyConsent", "communicationsConsent"],
  rows: { referents: sheetReferentSchema },
  omit: ["website"],
});
export type ReferentSheetRaw = FormValues<typeof referentSheetForm>;
export type SheetReferentRaw = ReferentSheetRaw["referents"][number];

export const rejectSheetForm = formOf(rejectSheetSchema);
export type RejectSheetRaw = FormValues<typeof rejectSheetForm>;

export const approveSheetForm = defineForm({ text: [] });
export type ApproveSheetRaw = FormValues<typeof approveSheetForm>;

export function blankReferent(): SheetReferentRaw {
  return blankRow(referentSheetForm, "referents");
}

/** At least `count` rows, the typed ones first. Without JavaScript the page offers all five. */
export function padReferents(rows: readonly SheetReferentRaw[], count: number): SheetReferentRaw[] {
  return [...rows, ...Array.from({ length: Math.max(0, count - rows.length) }, blankReferent)];
}

export function emptyReferentSheet(rows = MAX_REFERENTS): ReferentSheetRaw {
  return { ...emptyValues(referentSheetForm), referents: padReferents([], rows) };
}

/** Field order on the page: the error summary lists errors in it and focus goes to the first. */
export function referentSheetFieldOrder(rowCount: number): string[] {
  return pageOrder(referentSheetForm, { referents: rowCount });
}

/** "Referente 2" for an error on the second row, so the summary says which row. */
export function referentRowLabel(path: string): string | undefined {
  const match = /^referents\.(\d+)\./.exec(path);
  return match ? `Referente ${Number(match[1]) + 1}` : undefined;
}
