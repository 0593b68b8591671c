// What importing a list would do, row by row, against the database as it is
// (the context). Pure: the preview plans against a read of the database, and
// applying plans again inside its transaction and then carries the plan out.
//
// Rows are planned in file order against a running state, so a later row
// sees what earlier rows create: a body named twice is created once, and a
// row repeating an earlier one is "unchanged". A later row that contradicts
// an earlier one about the same project is rejected.
import type { SaiCategory } from "@/lib/generated/prisma/enums";
import { validateTaxCode } from "@/lib/managing-bodies/tax-code";
import { SAI_CATEGORY_LABELS } from "../labels";
import { MAX_PLACES, MAX_PROJECT_CODE } from "../schema";
import { parseCategory } from "./columns";
import type { ImportRow } from "./parse";
import { foldText } from "@/lib/platform/files/fold";

export type PlanContext = {
  municipalities: { id: string; istatCode: string; name: string; saiMember: boolean }[];
  bodies: { id: string; name: string; taxCode: string | null }[];
  projects: { id: string; municipalityId: string; managingBodyId: string; category: SaiCategory; projectCode: string | null; places: number | null }[];
};

/** A body that exists ("id") or that the import creates ("new:<n>"). */
export type BodyRef = string;

export type NewBody = { ref: BodyRef; name: string; taxCode: string | null };

export type ProjectFields = { municipalityId: string; managingBodyRef: BodyRef; category: SaiCategory; projectCode: string | null; places: number | null };

export type Change = { field: string; from: string; to: string };

export type RowOutcome =
  | { kind: "create"; project: ProjectFields; newBody: NewBody | null; bodyTaxCode: { id: string; taxCode: string } | null }
  | { kind: "update"; projectId: string; project: ProjectFields; changes: Change[]; newBody: NewBody | null; bodyTaxCode: { id: string; taxCode: string } | null }
  | { kind: "unchanged"; projectId: string; note?: string }
  | { kind: "rejected"; reasons: string[] };

export type RowPlan = {
  row: number;
  /** As shown in the preview: the municipality's name when found, else what the file says. */
  municipality: string;
  managingBody: string;
  category: string;
  projectCode: string;
  outcome: RowOutcome;
  /** The municipality becomes a SAI member with this row. */
  marksMunicipality: boolean;
};

export type PlanTotals = {
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  rejected: number;
  bodiesToCreate: number;
  municipalitiesToMark: number;
};

export type ImportPlan = { rows: RowPlan[]; totals: PlanTotals; newBodies: NewBody[]; municipalitiesToMark: { id: string; name: string }[] };

type StateProject = { ref: string; municipalityId: string; managingBodyRef: BodyRef; category: SaiCategory; projectCode: string | null; places: number | null };
type StateBody = { ref: BodyRef; name: string; folded: string; taxCode: string | null };

/**
 * The bodies known so far (the database's, then those the list creates),
 * found by tax code, by folded name or by reference in constant time: a
 * 5,000-row list must not scan them all for every row.
 */
class BodyIndex {
  private readonly refs = new Map<BodyRef, StateBody>();
  private readonly taxCodes = new Map<string, StateBody>();
  private readonly names = new Map<string, StateBody[]>();

  constructor(bodies: StateBody[]) {
    for (const body of bodies) this.add(body);
  }

  add(body: StateBody) {
    this.refs.set(body.ref, body);
    if (body.taxCode && !this.taxCodes.has(body.taxCode)) this.taxCodes.set(body.taxCode, body);
    this.names.set(body.folded, [...(this.names.get(body.folded) ?? []), body]);
  }

  setTaxCode(body: StateBody, taxCode: string) {
    body.taxCode = taxCode;
    if (!this.taxCodes.has(taxCode)) this.taxCodes.set(taxCode, body);
  }

  byTaxCode(taxCode: string): StateBody | undefined {
    return this.taxCodes.get(taxCode);
  }

  /** In the order they were known: the oldest first. */
  named(folded: string): StateBody[] {
    return this.names.get(folded) ?? [];
  }

  nameOf(ref: BodyRef): string {
    return this.refs.get(ref)?.name ?? "";
  }
}

type Triple = Pick<StateProject, "municipalityId" | "managingBodyRef" | "category">;
const tripleKey = (p: Triple) => `${p.municipalityId}|${p.managingBodyRef}|${p.category}`;

/**
 * The projects known so far, by project code and by municipality × body ×
 * category, each unique as in the database (the plan rejects a row that
 * would break either).
 */
class ProjectIndex {
  private readonly codes = new Map<string, StateProject>();
  private readonly triples = new Map<string, StateProject>();

  constructor(projects: StateProject[]) {
    for (const project of projects) this.add(project);
  }

  add(project: StateProject) {
    if (project.projectCode) this.codes.set(project.projectCode, project);
    this.triples.set(tripleKey(project), project);
  }

  update(project: StateProject, fields: Omit<StateProject, "ref">) {
    if (project.projectCode) this.codes.delete(project.projectCode);
    this.triples.delete(tripleKey(project));
    Object.assign(project, fields);
    this.add(project);
  }

  byCode(code: string): StateProject | undefined {
    return this.codes.get(code);
  }

  byTriple(triple: Triple): StateProject | undefined {
    return this.triples.get(tripleKey(triple));
  }

  /** Every project, as the list leaves them. */
  all(): IterableIterator<StateProject> {
    return this.triples.values();
  }
}

function display(value: string | number | null): string {
  return value === null || value === "" ? "—" : String(value);
}

type Municipality = PlanContext["municipalities"][number];

/** The municipalities by ISTAT code, by folded name (several may share one) and their names by id. */
export type MunicipalityLookup = {
  byIstat: Map<string, Municipality>;
  byName: Map<string, Municipality[]>;
  nameOf: Map<string, string>;
};

export function municipalityLookup(municipalities: readonly Municipality[]): MunicipalityLookup {
  const byName = new Map<string, Municipality[]>();
  for (const m of municipalities) byName.set(foldText(m.name), [...(byName.get(foldText(m.name)) ?? []), m]);
  return {
    byIstat: new Map(municipalities.map((m) => [m.istatCode, m])),
    byName,
    nameOf: new Map(municipalities.map((m) => [m.id, m.name])),
  };
}

/** The row's municipality: by ISTAT code (checked against the name when both are given), else by name. */
export function matchMunicipality(row: Pick<ImportRow, "istatCode" | "municipality">, lookup: MunicipalityLookup): { municipality: Municipality | null; reasons: string[] } {
  const istat = row.istatCode.replace(/\s/g, "");
  if (istat) {
    const code = /^\d{5}$/.test(istat) ? `0${istat}` : istat;
    if (!/^\d{6}$/.test(code)) return { municipality: null, reasons: [`Codice ISTAT «${row.istatCode}» non valido: sono 6 cifre.`] };
    const municipality = lookup.byIstat.get(code);
    if (!municipality) return { municipality: null, reasons: [`Nessun Comune siciliano ha il codice ISTAT ${code}.`] };
    if (row.municipality && foldText(row.municipality) !== foldText(municipality.name)) {
      return { municipality: null, reasons: [`Il codice ISTAT ${code} è del Comune di ${municipality.name}, non di «${row.municipality}».`] };
    }
    return { municipality, reasons: [] };
  }
  if (!row.municipality) return { municipality: null, reasons: ["Manca il Comune (nome o codice ISTAT)."] };
  const matches = lookup.byName.get(foldText(row.municipality)) ?? [];
  if (matches.length === 1) return { municipality: matches[0], reasons: [] };
  if (matches.length > 1) return { municipality: null, reasons: [`Più Comuni si chiamano «${row.municipality}»: indica il codice ISTAT.`] };
  return { municipality: null, reasons: [`Comune sconosciuto: «${row.municipality}» non è tra i Comuni siciliani.`] };
}

type Validated = {
  municipality: Municipality | null;
  taxCode: string | null;
  category: SaiCategory | null;
  projectCode: string | null;
  places: number | null;
  reasons: string[];
};

function validateRow(row: ImportRow, lookup: MunicipalityLookup): Validated {
  const { municipality, reasons } = matchMunicipality(row, lookup);

  let taxCode: string | null = null;
  if (row.taxCode) {
    const result = validateTaxCode(row.taxCode);
    if (result.ok) taxCode = result.value;
    else reasons.push(`Codice fiscale «${row.taxCode}» non valido: ${result.reason}`);
  }
  if (!row.managingBody && !taxCode) reasons.push("Manca l'ente gestore.");

  const category = parseCategory(row.category);
  if (!row.category) reasons.push("Manca la categoria.");
  else if (!category) reasons.push(`Categoria «${row.category}» sconosciuta: usa Ordinari, MSNA o DM-DS.`);

  const projectCode = row.projectCode.toUpperCase() || null;
  if (projectCode && projectCode.length > MAX_PROJECT_CODE) reasons.push(`Codice progetto troppo lungo (al massimo ${MAX_PROJECT_CODE} caratteri).`);

  let places: number | null = null;
  if (row.places) {
    // "1.000" is a thousand (Italian grouping), "25,0" and "25.0" are 25 (a spreadsheet's decimals).
    const compact = row.places
      .replace(/\s/g, "")
      .replace(/^(\d{1,3})\.(\d{3})$/, "$1$2")
      .replace(/[.,]0{1,2}$/, "");
    if (/^\d{1,5}$/.test(compact) && Number(compact) <= MAX_PLACES) places = Number(compact);
    else reasons.push(`Posti «${row.places}» non validi: indica un numero intero.`);
  }
  return { municipality, taxCode, category, projectCode, places, reasons };
}

/** What the list has planned so far: the running state each row is planned against. */
type PlanState = {
  bodies: BodyIndex;
  projects: ProjectIndex;
  /** The first row that names each project. */
  touchedBy: Map<string, number>;
  newBodies: NewBody[];
  newProjects: number;
  alreadyMember: Set<string>;
  /** The municipalities the list makes SAI members, by id, with their names. */
  marked: Map<string, string>;
};

function initialState(context: PlanContext): PlanState {
  return {
    bodies: new BodyIndex(context.bodies.map((b) => ({ ref: b.id, name: b.name, folded: foldText(b.name), taxCode: b.taxCode }))),
    projects: new ProjectIndex(
      context.projects.map((p) => ({ ref: p.id, municipalityId: p.municipalityId, managingBodyRef: p.managingBodyId, category: p.category, projectCode: p.projectCode, places: p.places })),
    ),
    touchedBy: new Map(),
    newBodies: [],
    newProjects: 0,
    alreadyMember: new Set(context.municipalities.filter((m) => m.saiMember).map((m) => m.id)),
    marked: new Map(),
  };
}

type BodyMatch =
  | { ok: false; reason: string }
  | {
      ok: true;
      body: StateBody;
      /** The body the row creates. */
      newBody: NewBody | null;
      /** The tax code the row gives a known body that had none. */
      bodyTaxCode: { id: string; taxCode: string } | null;
      /** The tax code the row gives a body an earlier row of this list creates: it becomes part of that new body. */
      newBodyTaxCode: string | null;
    };

/** The row's managing body: by tax code; else by exact name (one without a tax code, when the row gives one); else a new one. */
function matchBody(row: ImportRow, taxCode: string | null, bodies: BodyIndex, newBodyCount: number): BodyMatch {
  const folded = foldText(row.managingBody);
  let body: StateBody | undefined;
  let claimed: StateBody | undefined;
  if (taxCode) {
    body = bodies.byTaxCode(taxCode);
    if (!body && folded) body = claimed = bodies.named(folded).find((b) => b.taxCode === null);
  } else {
    const named = bodies.named(folded);
    if (named.length > 1) return { ok: false, reason: `Più enti gestori si chiamano «${row.managingBody}»: indica il codice fiscale.` };
    body = named[0];
  }
  if (claimed && taxCode) {
    if (claimed.ref.startsWith("new:")) return { ok: true, body: claimed, newBody: null, bodyTaxCode: null, newBodyTaxCode: taxCode };
    return { ok: true, body: claimed, newBody: null, bodyTaxCode: { id: claimed.ref, taxCode }, newBodyTaxCode: null };
  }
  if (body) return { ok: true, body, newBody: null, bodyTaxCode: null, newBodyTaxCode: null };
  if (!folded) return { ok: false, reason: `Manca il nome dell'ente gestore: nessun ente noto ha il codice fiscale ${taxCode}.` };
  const newBody = { ref: `new:${newBodyCount + 1}`, name: row.managingBody.replace(/\s+/g, " "), taxCode };
  return { ok: true, body: { ref: newBody.ref, name: newBody.name, folded, taxCode }, newBody, bodyTaxCode: null, newBodyTaxCode: null };
}

/**
 * The project the row is about, if it exists: by project code, else by
 * municipality × body × category; a reason when the row would give two
 * projects the same triple.
 */
function findProject(projects: ProjectIndex, desired: Triple, projectCode: string | null, describe: string): { existing: StateProject | undefined } | { reason: string } {
  if (!projectCode) return { existing: projects.byTriple(desired) };
  const existing = projects.byCode(projectCode);
  const triple = projects.byTriple(desired);
  if (existing && triple && triple !== existing) return { reason: `${describe}: esiste già un altro progetto (codice ${display(triple.projectCode)}).` };
  if (!existing && triple) {
    if (triple.projectCode) return { reason: `Per ${describe} esiste già il progetto con codice ${triple.projectCode}.` };
    return { existing: triple };
  }
  return { existing };
}

/** What a project would change from (its fields and their display names) to the target. */
export type ProjectSide = ProjectFields & { municipalityName: string; managingBodyName: string };

export function projectChanges(from: ProjectSide, to: ProjectSide): Change[] {
  const changes: Change[] = [];
  if (from.municipalityId !== to.municipalityId) changes.push({ field: "Comune", from: from.municipalityName, to: to.municipalityName });
  if (from.managingBodyRef !== to.managingBodyRef) changes.push({ field: "Ente gestore", from: from.managingBodyName, to: to.managingBodyName });
  if (from.category !== to.category) changes.push({ field: "Categoria", from: SAI_CATEGORY_LABELS[from.category], to: SAI_CATEGORY_LABELS[to.category] });
  if (from.projectCode !== to.projectCode) changes.push({ field: "Codice progetto", from: display(from.projectCode), to: display(to.projectCode) });
  if (from.places !== to.places) changes.push({ field: "Posti", from: display(from.places), to: display(to.places) });
  return changes;
}

/** What an accepted row adds to the running state. */
type RowEffects = {
  municipality: { id: string; name: string };
  body: StateBody;
  newBody: NewBody | null;
  /** A tax code the body takes (a known body's, or a new one's from an earlier row). */
  bodyTaxCode: string | null;
  project: { kind: "add"; fields: ProjectFields } | { kind: "update"; existing: StateProject; fields: ProjectFields } | { kind: "same"; existing: StateProject };
};

type RowDecision = { plan: RowPlan; effects: RowEffects | null };

/** Plans one row against the state so far; what it would add to the state comes back beside the plan. */
function planRow(row: ImportRow, lookup: MunicipalityLookup, state: PlanState): RowDecision {
  const checked = validateRow(row, lookup);
  const base = {
    row: row.row,
    municipality: checked.municipality?.name ?? row.municipality ?? row.istatCode,
    managingBody: row.managingBody,
    category: checked.category ? SAI_CATEGORY_LABELS[checked.category] : row.category,
    projectCode: checked.projectCode ?? "",
    marksMunicipality: false,
  };
  const rejected = (reasons: string[], managingBody = base.managingBody): RowDecision => ({
    plan: { ...base, managingBody, outcome: { kind: "rejected", reasons } },
    effects: null,
  });
  if (checked.reasons.length > 0 || !checked.municipality || !checked.category) return rejected(checked.reasons);
  const { municipality, category, projectCode, places } = checked;

  const match = matchBody(row, checked.taxCode, state.bodies, state.newBodies.length);
  if (!match.ok) return rejected([match.reason]);
  const { body, newBody, bodyTaxCode, newBodyTaxCode } = match;

  const desired = { municipalityId: municipality.id, managingBodyRef: body.ref, category };
  const found = findProject(state.projects, desired, projectCode, `${municipality.name}, ${body.name}, ${SAI_CATEGORY_LABELS[category]}`);
  if ("reason" in found) return rejected([found.reason], body.name);
  const { existing } = found;

  const accepted = (outcome: RowOutcome, project: RowEffects["project"]): RowDecision => ({
    plan: { ...base, managingBody: body.name, outcome },
    effects: { municipality, body, newBody, bodyTaxCode: bodyTaxCode?.taxCode ?? newBodyTaxCode, project },
  });

  if (!existing) {
    const project: ProjectFields = { ...desired, projectCode, places };
    return accepted({ kind: "create", project, newBody, bodyTaxCode }, { kind: "add", fields: project });
  }

  const target: ProjectFields = { ...desired, projectCode: projectCode ?? existing.projectCode, places: places ?? existing.places };
  const changes = projectChanges(
    { ...existing, municipalityName: lookup.nameOf.get(existing.municipalityId) ?? "", managingBodyName: state.bodies.nameOf(existing.managingBodyRef) },
    { ...target, municipalityName: municipality.name, managingBodyName: body.name },
  );
  if (bodyTaxCode) changes.push({ field: "Codice fiscale dell'ente", from: "—", to: bodyTaxCode.taxCode });

  const earlier = state.touchedBy.get(existing.ref);
  if (changes.length === 0) {
    const note = newBodyTaxCode
      ? `Aggiunge il codice fiscale ${newBodyTaxCode} all'ente creato da questa importazione.`
      : earlier
        ? `Ripete la riga ${earlier}.`
        : undefined;
    return accepted({ kind: "unchanged", projectId: existing.ref, ...(note ? { note } : {}) }, { kind: "same", existing });
  }
  if (earlier) return rejected([`Contraddice la riga ${earlier}, che riguarda lo stesso progetto con dati diversi.`], body.name);
  return accepted({ kind: "update", projectId: existing.ref, project: target, changes, newBody, bodyTaxCode }, { kind: "update", existing, fields: target });
}

/** Marks the municipality a SAI member, unless it is one already; says whether it did. */
function markMember(state: PlanState, id: string, name: string): boolean {
  if (state.alreadyMember.has(id) || state.marked.has(id)) return false;
  state.marked.set(id, name);
  return true;
}

/** Adds an accepted row's effects to the state, so later rows see them; says whether the row marks its municipality. */
function recordRow(state: PlanState, row: number, effects: RowEffects): boolean {
  const { body, project } = effects;
  if (effects.newBody) {
    state.newBodies.push(effects.newBody);
    state.bodies.add(body);
  }
  if (effects.bodyTaxCode) {
    state.bodies.setTaxCode(body, effects.bodyTaxCode);
    const pending = state.newBodies.find((candidate) => candidate.ref === body.ref);
    if (pending) pending.taxCode = effects.bodyTaxCode;
  }
  let ref: string;
  if (project.kind === "add") {
    state.newProjects += 1;
    ref = `new-project:${state.newProjects}`;
    state.projects.add({ ref, ...project.fields });
  } else {
    ref = project.existing.ref;
    if (project.kind === "update") state.projects.update(project.existing, project.fields);
  }
  // The first row naming a project stays the one later rows repeat or contradict.
  if (!state.touchedBy.has(ref)) state.touchedBy.set(ref, row);
  return markMember(state, effects.municipality.id, effects.municipality.name);
}

function planTotals(rows: readonly RowPlan[], state: PlanState): PlanTotals {
  const count = (kind: RowOutcome["kind"]) => rows.filter((row) => row.outcome.kind === kind).length;
  return {
    rows: rows.length,
    create: count("create"),
    update: count("update"),
    unchanged: count("unchanged"),
    rejected: count("rejected"),
    bodiesToCreate: state.newBodies.length,
    municipalitiesToMark: state.marked.size,
  };
}

export function planImport(rows: readonly ImportRow[], context: PlanContext): ImportPlan {
  const lookup = municipalityLookup(context.municipalities);
  const state = initialState(context);
  const planned: RowPlan[] = [];
  for (const row of rows) {
    const { plan, effects } = planRow(row, lookup, state);
    planned.push(effects ? { ...plan, marksMunicipality: recordRow(state, row.row, effects) } : plan);
  }
  // A Comune with a SAI project is a SAI member, even one whose projects this list does not name.
  for (const project of state.projects.all()) markMember(state, project.municipalityId, lookup.nameOf.get(project.municipalityId) ?? "");

  return {
    rows: planned,
    newBodies: state.newBodies,
    municipalitiesToMark: [...state.marked].map(([id, name]) => ({ id, name })),
    totals: planTotals(planned, state),
  };
}
