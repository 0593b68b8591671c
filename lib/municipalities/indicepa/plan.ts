// What importing IndicePA's list would do to each Comune's PEC, against the
// Comuni as stored. Pure: the preview plans against a read of the database,
// applying plans again inside its transaction and writes `updates`.
//
// Rows are matched by ISTAT code, the one code both sides have (the stored
// Comuni have no tax code). A Comune listed twice keeps the row that is the
// Comune's own entry (IPA code "c_" and its cadastral code), else the first.
import { emailAddressField } from "@/lib/platform/forms/fields";
import { isComuneIpaCode, type IndicePaRow } from "./parse";

export type StoredMunicipality = { id: string; istatCode: string; name: string; pec: string | null };

/** One Comune's outcome. `line` is the row of the file it comes from. */
export type PecChange =
  | { kind: "new"; pec: string; line: number }
  | { kind: "changed"; from: string; to: string; line: number }
  | { kind: "unchanged"; pec: string; line: number }
  /** In the list, with no address marked «Pec»: the stored PEC, if any, is kept. */
  | { kind: "no-pec"; line: number }
  /** In the list, with a «Pec» that is not an email address: the stored PEC, if any, is kept. */
  | { kind: "invalid-pec"; found: string; line: number }
  /** Not in the list at all. */
  | { kind: "not-listed" };

export type MunicipalityPlan = { municipality: StoredMunicipality; change: PecChange };

export type ListedRow = { line: number; istatCode: string; name: string; pec: string | null };

export type PecPlan = {
  /** Every stored Comune, in the order given, with its outcome. */
  municipalities: MunicipalityPlan[];
  /** What applying writes: the new and changed PECs. */
  updates: { id: string; pec: string }[];
  /** Rows whose ISTAT code is no stored Comune's. */
  unmatched: ListedRow[];
  /** Rows whose «Pec» is not an email address, by line (whether or not they match a Comune). */
  invalidPecs: (ListedRow & { pec: string })[];
  /** Rows set aside because another row of the same Comune was used. */
  duplicates: (ListedRow & { usedLine: number })[];
  totals: Record<PecChange["kind"], number> & { unmatched: number; duplicates: number };
};

// The same check as every form's email field (a PEC is an email address), without its messages.
const pecAddress = emailAddressField({ missing: "", tooLong: "", invalid: "" });

export function isPecAddress(value: string): boolean {
  return pecAddress.safeParse(value).success;
}

/** "  Protocollo@PEC.Comune.it " and "protocollo@pec.comune.it" are one address. */
function normalisePec(value: string): string {
  return value.trim().toLowerCase();
}

function listed(row: IndicePaRow): ListedRow {
  return { line: row.line, istatCode: row.istatCode, name: row.name, pec: row.pec };
}

/** The row used for each ISTAT code, and the rows set aside for another of the same Comune. */
export function chooseRows(rows: readonly IndicePaRow[]): { chosen: Map<string, IndicePaRow>; duplicates: PecPlan["duplicates"] } {
  const byCode = new Map<string, IndicePaRow[]>();
  for (const row of rows) byCode.set(row.istatCode, [...(byCode.get(row.istatCode) ?? []), row]);
  const chosen = new Map<string, IndicePaRow>();
  const duplicates: PecPlan["duplicates"] = [];
  for (const [istatCode, group] of byCode) {
    // The Comune's own entry with a PEC, else its own entry, else any row with a PEC, else the first.
    const own = (row: IndicePaRow) => isComuneIpaCode(row.ipaCode);
    const withPec = (row: IndicePaRow) => row.pec !== null && isPecAddress(row.pec);
    const used =
      group.find((row) => own(row) && withPec(row)) ?? group.find(own) ?? group.find(withPec) ?? group[0];
    chosen.set(istatCode, used);
    duplicates.push(...group.filter((row) => row !== used).map((row) => ({ ...listed(row), usedLine: used.line })));
  }
  return { chosen, duplicates: duplicates.toSorted((a, b) => a.line - b.line) };
}

/** One Comune's outcome, given its row in the list (or none). */
export function pecChange(stored: string | null, row: IndicePaRow | undefined): PecChange {
  if (!row) return { kind: "not-listed" };
  if (row.pec === null) return { kind: "no-pec", line: row.line };
  const found = normalisePec(row.pec);
  if (!isPecAddress(found)) return { kind: "invalid-pec", found, line: row.line };
  if (stored === null || stored.trim() === "") return { kind: "new", pec: found, line: row.line };
  const current = normalisePec(stored);
  return current === found ? { kind: "unchanged", pec: found, line: row.line } : { kind: "changed", from: stored, to: found, line: row.line };
}

function updatesOf(plans: readonly MunicipalityPlan[]): PecPlan["updates"] {
  return plans.flatMap(({ municipality, change }) => {
    if (change.kind === "new") return [{ id: municipality.id, pec: change.pec }];
    if (change.kind === "changed") return [{ id: municipality.id, pec: change.to }];
    return [];
  });
}

function invalidPecsOf(rows: readonly IndicePaRow[]): PecPlan["invalidPecs"] {
  return rows.flatMap((row) => (row.pec !== null && !isPecAddress(normalisePec(row.pec)) ? [{ ...listed(row), pec: row.pec }] : []));
}

function totalsOf(plans: readonly MunicipalityPlan[], unmatched: number, duplicates: number): PecPlan["totals"] {
  const totals: PecPlan["totals"] = { new: 0, changed: 0, unchanged: 0, "no-pec": 0, "invalid-pec": 0, "not-listed": 0, unmatched, duplicates };
  for (const { change } of plans) totals[change.kind] += 1;
  return totals;
}

/** The plan: each stored Comune's outcome, the rows that match none, the invalid PECs and the duplicates. */
export function planPecImport(rows: readonly IndicePaRow[], municipalities: readonly StoredMunicipality[]): PecPlan {
  const { chosen, duplicates } = chooseRows(rows);
  const plans = municipalities.map((municipality) => ({ municipality, change: pecChange(municipality.pec, chosen.get(municipality.istatCode)) }));
  const stored = new Set(municipalities.map((municipality) => municipality.istatCode));
  const unmatched = [...chosen.values()]
    .filter((row) => !stored.has(row.istatCode))
    .map(listed)
    .toSorted((a, b) => a.line - b.line);
  return {
    municipalities: plans,
    updates: updatesOf(plans),
    unmatched,
    invalidPecs: invalidPecsOf(rows),
    duplicates,
    totals: totalsOf(plans, unmatched.length, duplicates.length),
  };
}

/** Each PEC applying writes, by Comune: the old one (null when none) and the new one. */
export type PecWrite = { name: string; from: string | null; to: string };

export function writesOf(plan: PecPlan): PecWrite[] {
  return plan.municipalities.flatMap(({ municipality, change }): PecWrite[] => {
    if (change.kind === "new") return [{ name: municipality.name, from: null, to: change.pec }];
    if (change.kind === "changed") return [{ name: municipality.name, from: change.from, to: change.to }];
    return [];
  });
}
