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

type Validated = {
  municipality: PlanContext["municipalities"][number] | null;
  taxCode: string | null;
  category: SaiCategory | null;
  projectCode: string | null;
  places: number | null;
  reasons: string[];
};

function validateRow(row: ImportRow, byIstat: Map<string, PlanContext["municipalities"][number]>, byName: Map<string, PlanContext["municipalities"]>): Validated {
  const reasons: string[] = [];
  let municipality: Validated["municipality"] = null;
  const istat = row.istatCode.replace(/\s/g, "");
  if (istat) {
    const code = /^\d{5}$/.test(istat) ? `0${istat}` : istat;
    if (!/^\d{6}$/.test(code)) reasons.push(`Codice ISTAT «${row.istatCode}» non valido: sono 6 cifre.`);
    else {
      municipality = byIstat.get(code) ?? null;
      if (!municipality) reasons.push(`Nessun Comune siciliano ha il codice ISTAT ${code}.`);
      else if (row.municipality && foldText(row.municipality) !== foldText(municipality.name)) {
        reasons.push(`Il codice ISTAT ${code} è del Comune di ${municipality.name}, non di «${row.municipality}».`);
        municipality = null;
      }
    }
  } else if (row.municipality) {
    const matches = byName.get(foldText(row.municipality)) ?? [];
    if (matches.length === 1) municipality = matches[0];
    else if (matches.length > 1) reasons.push(`Più Comuni si chiamano «${row.municipality}»: indica il codice ISTAT.`);
    else reasons.push(`Comune sconosciuto: «${row.municipality}» non è tra i Comuni siciliani.`);
  } else {
    reasons.push("Manca il Comune (nome o codice ISTAT).");
  }

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

export function planImport(rows: readonly ImportRow[], context: PlanContext): ImportPlan {
  const byIstat = new Map(context.municipalities.map((m) => [m.istatCode, m]));
  const byName = new Map<string, PlanContext["municipalities"]>();
  for (const m of context.municipalities) byName.set(foldText(m.name), [...(byName.get(foldText(m.name)) ?? []), m]);
  const municipalityName = new Map(context.municipalities.map((m) => [m.id, m.name]));

  const bodies = new BodyIndex(context.bodies.map((b) => ({ ref: b.id, name: b.name, folded: foldText(b.name), taxCode: b.taxCode })));
  const projects = new ProjectIndex(
    context.projects.map((p) => ({ ref: p.id, municipalityId: p.municipalityId, managingBodyRef: p.managingBodyId, category: p.category, projectCode: p.projectCode, places: p.places })),
  );
  const touchedBy = new Map<string, number>();
  const newBodies: NewBody[] = [];
  const marked = new Map<string, string>();
  const alreadyMember = new Set(context.municipalities.filter((m) => m.saiMember).map((m) => m.id));
  let newProjects = 0;

  const planned: RowPlan[] = rows.map((row) => {
    const checked = validateRow(row, byIstat, byName);
    const base = {
      row: row.row,
      municipality: checked.municipality?.name ?? row.municipality ?? row.istatCode,
      managingBody: row.managingBody,
      category: checked.category ? SAI_CATEGORY_LABELS[checked.category] : row.category,
      projectCode: checked.projectCode ?? "",
      marksMunicipality: false,
    };
    const reject = (reasons: string[]): RowPlan => ({ ...base, outcome: { kind: "rejected", reasons } });
    if (checked.reasons.length > 0 || !checked.municipality || !checked.category) return reject(checked.reasons);
    const { municipality, taxCode, category, projectCode, places } = checked;

    // The body: by tax code; else by exact name (one without a tax code, when the row gives one); else a new one.
    const folded = foldText(row.managingBody);
    let body: StateBody | undefined;
    let bodyTaxCode: { id: string; taxCode: string } | null = null;
    let newBody: NewBody | null = null;
    if (taxCode) {
      body = bodies.byTaxCode(taxCode);
      if (!body && folded) {
        body = bodies.named(folded).find((b) => b.taxCode === null);
        if (body) bodyTaxCode = { id: body.ref, taxCode };
      }
    } else {
      const named = bodies.named(folded);
      if (named.length > 1) return reject([`Più enti gestori si chiamano «${row.managingBody}»: indica il codice fiscale.`]);
      body = named[0];
    }
    if (!body) {
      if (!folded) return reject([`Manca il nome dell'ente gestore: nessun ente noto ha il codice fiscale ${taxCode}.`]);
      newBody = { ref: `new:${newBodies.length + 1}`, name: row.managingBody.replace(/\s+/g, " "), taxCode };
      body = { ref: newBody.ref, name: newBody.name, folded, taxCode };
    }
    // A tax code for a body an earlier row of this list creates becomes part of that new body.
    let newBodyTaxCode: string | null = null;
    if (bodyTaxCode && bodyTaxCode.id.startsWith("new:")) {
      newBodyTaxCode = bodyTaxCode.taxCode;
      bodyTaxCode = null;
    }
    base.managingBody = body.name;

    const desired = { municipalityId: municipality.id, managingBodyRef: body.ref, category };
    let existing: StateProject | undefined;
    if (projectCode) {
      existing = projects.byCode(projectCode);
      const triple = projects.byTriple(desired);
      if (existing && triple && triple !== existing) {
        return reject([`${municipality.name}, ${body.name}, ${SAI_CATEGORY_LABELS[category]}: esiste già un altro progetto (codice ${display(triple.projectCode)}).`]);
      }
      if (!existing && triple) {
        if (triple.projectCode) return reject([`Per ${municipality.name}, ${body.name}, ${SAI_CATEGORY_LABELS[category]} esiste già il progetto con codice ${triple.projectCode}.`]);
        existing = triple;
      }
    } else {
      existing = projects.byTriple(desired);
    }

    const commitNewBodyTaxCode = () => {
      if (!newBodyTaxCode) return;
      bodies.setTaxCode(body, newBodyTaxCode);
      const pending = newBodies.find((candidate) => candidate.ref === body.ref);
      if (pending) pending.taxCode = newBodyTaxCode;
    };
    const commitBody = () => {
      if (newBody) {
        newBodies.push(newBody);
        bodies.add(body);
      }
      if (bodyTaxCode) bodies.setTaxCode(body, bodyTaxCode.taxCode);
      commitNewBodyTaxCode();
    };
    const commitMark = (): boolean => {
      if (alreadyMember.has(municipality.id) || marked.has(municipality.id)) return false;
      marked.set(municipality.id, municipality.name);
      return true;
    };

    if (!existing) {
      const project: ProjectFields = { ...desired, projectCode, places };
      commitBody();
      newProjects += 1;
      const ref = `new-project:${newProjects}`;
      projects.add({ ref, ...project });
      touchedBy.set(ref, row.row);
      return { ...base, marksMunicipality: commitMark(), outcome: { kind: "create", project, newBody, bodyTaxCode } };
    }

    const target: ProjectFields = {
      ...desired,
      projectCode: projectCode ?? existing.projectCode,
      places: places ?? existing.places,
    };
    const changes: Change[] = [];
    if (existing.municipalityId !== target.municipalityId) changes.push({ field: "Comune", from: municipalityName.get(existing.municipalityId) ?? "", to: municipality.name });
    if (existing.managingBodyRef !== target.managingBodyRef) changes.push({ field: "Ente gestore", from: bodies.nameOf(existing.managingBodyRef), to: body.name });
    if (existing.category !== target.category) changes.push({ field: "Categoria", from: SAI_CATEGORY_LABELS[existing.category], to: SAI_CATEGORY_LABELS[category] });
    if (existing.projectCode !== target.projectCode) changes.push({ field: "Codice progetto", from: display(existing.projectCode), to: display(target.projectCode) });
    if (existing.places !== target.places) changes.push({ field: "Posti", from: display(existing.places), to: display(target.places) });
    if (bodyTaxCode) changes.push({ field: "Codice fiscale dell'ente", from: "—", to: bodyTaxCode.taxCode });

    const earlier = touchedBy.get(existing.ref);
    if (changes.length === 0) {
      touchedBy.set(existing.ref, earlier ?? row.row);
      commitNewBodyTaxCode();
      const note = newBodyTaxCode
        ? `Aggiunge il codice fiscale ${newBodyTaxCode} all'ente creato da questa importazione.`
        : earlier
          ? `Ripete la riga ${earlier}.`
          : undefined;
      return { ...base, marksMunicipality: commitMark(), outcome: { kind: "unchanged", projectId: existing.ref, ...(note ? { note } : {}) } };
    }
    if (earlier) return reject([`Contraddice la riga ${earlier}, che riguarda lo stesso progetto con dati diversi.`]);

    commitBody();
    touchedBy.set(existing.ref, row.row);
    projects.update(existing, target);
    return { ...base, marksMunicipality: commitMark(), outcome: { kind: "update", projectId: existing.ref, project: target, changes, newBody, bodyTaxCode } };
  });

  // A Comune with a SAI project is a SAI member, even one whose projects this list does not name.
  for (const project of projects.all()) {
    if (alreadyMember.has(project.municipalityId) || marked.has(project.municipalityId)) continue;
    marked.set(project.municipalityId, municipalityName.get(project.municipalityId) ?? "");
  }

  const count = (kind: RowOutcome["kind"]) => planned.filter((row) => row.outcome.kind === kind).length;
  return {
    rows: planned,
    newBodies,
    municipalitiesToMark: [...marked].map(([id, name]) => ({ id, name })),
    totals: {
      rows: planned.length,
      create: count("create"),
      update: count("update"),
      unchanged: count("unchanged"),
      rejected: count("rejected"),
      bodiesToCreate: newBodies.length,
      municipalitiesToMark: marked.size,
    },
  };
}
