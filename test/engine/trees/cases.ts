/**
 * Loading the boosting reference cases (test/reference/boosting, README there): the case JSON, its data
 * file as BoostData (features in spec order), the per-row results and interactions of xgboost 1.7.4.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { BoostData, boostData, BoostSpec, Tree } from "../../../src/engine/trees";
import { readCsvRows, REFERENCE } from "../../support/reference";

export const BOOST = join(REFERENCE, "boosting");

export function boostCase(name: string): any {
  return JSON.parse(readFileSync(join(BOOST, "expected", `${name}.json`), "utf8"));
}

export function boostCsv(file: string): { header: string[]; rows: string[][] } {
  const all = readCsvRows(join(BOOST, "data", file));
  return { header: all[0], rows: all.slice(1) };
}

const num = (s: string) => (s === "" || s === "NA" || s === "#N/A" ? NaN : Number(s));

export function csvColumn(file: string, name: string): number[] {
  const { header, rows } = boostCsv(file);
  const j = header.indexOf(name);
  if (j < 0) throw new Error(`${file} has no column ${name}`);
  return rows.map((r) => num(r[j] ?? ""));
}

export function caseData(c: any): BoostData {
  const file = String(c.dataset).replace("../data/", "");
  return boostData({ name: c.spec.y, values: csvColumn(file, c.spec.y) }, c.spec.x.map((x: string) => ({ name: x, values: csvColumn(file, x) })));
}

export function caseSpec(c: any): Partial<BoostSpec> {
  const s = c.spec;
  return {
    trees: s.n_trees,
    maxDepth: s.max_depth,
    eta: s.eta,
    lambda: s.lambda,
    gamma: s.gamma,
    minChildWeight: s.min_child_weight,
    baseScore: s.base_score,
    subsample: s.subsample,
    colsample: s.colsample_bytree,
    method: s.tree_method,
    maxBin: s.max_bin ?? 256,
    seed: s.seed ?? 0,
  };
}

/** expected/<case>_rows.csv: prediction, shap (n x M), bias per row. */
export function caseRows(name: string, M: number): { prediction: number[]; shap: number[][]; bias: number[] } {
  const all = readCsvRows(join(BOOST, "expected", `${name}_rows.csv`)).slice(1).map((r) => r.map(Number));
  return { prediction: all.map((r) => r[2]), shap: all.map((r) => r.slice(3, 3 + M)), bias: all.map((r) => r[3 + M]) };
}

/** expected/<case>_interactions.csv: per row the (M+1) x (M+1) matrix row-major. */
export function caseInteractions(name: string): number[][] {
  return readCsvRows(join(BOOST, "expected", `${name}_interactions.csv`)).slice(1).map((r) => r.slice(1).map(Number));
}

/** Max |got - expected| / max |expected| over all values (the README's "scaled error"). */
export function scaledError(got: ArrayLike<number>, expected: ArrayLike<number>): number {
  let e = 0;
  let a = 0;
  for (let i = 0; i < expected.length; i++) {
    e = Math.max(e, Math.abs(got[i] - expected[i]));
    a = Math.max(a, Math.abs(expected[i]));
  }
  return e / a;
}

/** Walks our tree and the reference dump from the root; returns the first difference or null. */
export function treeDifference(t: Tree, ref: { nodes: any[] }, leafScale: number): string | null {
  const nodes = new Map<number, any>(ref.nodes.map((n) => [n.id, n]));
  const walk = (k: number, id: number): string | null => {
    const e = nodes.get(id);
    if (!e || e.deleted) return `reference node ${id} is missing or deleted`;
    const leaf = t.left[k] < 0;
    if (leaf !== (e.leaf !== undefined)) return `node ${id}: leaf/split layout differs`;
    if (leaf) {
      if (Math.abs(t.value[k] - e.leaf) > 2e-6 * leafScale) return `leaf ${id}: ${t.value[k]} vs ${e.leaf}`;
      return null;
    }
    if (t.feature[k] !== e.feature_index) return `node ${id}: feature ${t.feature[k]} vs ${e.feature_index}`;
    if ((t.defaultLeft[k] === 1) !== e.default_left) return `node ${id}: default_left differs`;
    if (Math.abs(t.value[k] - e.threshold) > 2.5e-7 * Math.abs(e.threshold)) return `node ${id}: threshold ${t.value[k]} vs ${e.threshold}`;
    return walk(t.left[k], e.left) ?? walk(t.right[k], e.right);
  };
  return walk(0, 0);
}

export function maxAbsLeaf(c: any): number {
  let m = 0;
  for (const t of c.results.trees) for (const n of t.nodes) if (n.leaf !== undefined) m = Math.max(m, Math.abs(n.leaf));
  return m;
}
