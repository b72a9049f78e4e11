/**
 * Reader for the Stata ivreg2 fixtures in test/reference/stata-ivreg2 (restatr/ivreg2r output; see
 * that folder's README): datasets in data/, one-row diagnostics, coef, vcov and e(first) tables in fixtures/.
 * Blank fields are Stata's "not posted" and come back as NaN.
 */
import { join } from "path";
import { IvKernelResult } from "../../../src/engine/iv/ivreg2";
import { MeatKind } from "../../../src/engine/iv/meat";
import { Diagnostic } from "../../../src/engine/stats/diagnostic";
import { REFERENCE, readCsvRows, relErr } from "../../support/reference";

export const IVREG2_DIR = join(REFERENCE, "stata-ivreg2");

function num(s: string | undefined): number {
  if (s === undefined || s.trim() === "" || s.trim() === ".") return NaN;
  return Number(s);
}

/** data/<file> as named numeric columns (blank = NaN). */
export function readIvData(file: string): Record<string, Float64Array> {
  const rows = readCsvRows(join(IVREG2_DIR, "data", file));
  const h = rows[0].map((s) => s.replace(/^"|"$/g, ""));
  const out: Record<string, Float64Array> = {};
  h.forEach((name, j) => {
    out[name] = Float64Array.from(rows.slice(1), (r) => num(r[j]));
  });
  return out;
}

/** A one-row diagnostics file as name -> value. */
export function readDiagnostics(file: string): Record<string, number> {
  const rows = readCsvRows(join(IVREG2_DIR, "fixtures", file));
  const out: Record<string, number> = {};
  rows[0].forEach((k, j) => (out[k] = num(rows[1][j])));
  return out;
}

/** term -> { estimate, std_error } in file order. */
export function readCoef(file: string): { term: string; estimate: number; se: number }[] {
  const rows = readCsvRows(join(IVREG2_DIR, "fixtures", file));
  return rows.slice(1).map((r) => ({ term: r[0], estimate: num(r[1]), se: num(r[2]) }));
}

/** Square matrix (row-major by file order) without the term column. */
export function readVcov(file: string): number[][] {
  const rows = readCsvRows(join(IVREG2_DIR, "fixtures", file));
  const hasTerm = rows[0][0] === "term";
  return rows.slice(1).map((r) => r.slice(hasTerm ? 1 : 0).map(num));
}

/** e(first): statistic -> one value per endogenous regressor (column order of the file). */
export function readFirstStage(file: string): { endog: string[]; stats: Record<string, number[]> } {
  const rows = readCsvRows(join(IVREG2_DIR, "fixtures", file));
  const stats: Record<string, number[]> = {};
  for (const r of rows.slice(1)) stats[r[0]] = r.slice(1).map(num);
  return { endog: rows[0].slice(1), stats };
}

/** Columns `names` of `data` at `rows` as an n x k column-major block ("_cons" = ones; `float32` names rounded as Stata stores them). */
export function columns(data: Record<string, Float64Array>, rows: readonly number[], names: readonly string[], float32: readonly string[] = []): Float64Array {
  const n = rows.length;
  const out = new Float64Array(n * names.length);
  names.forEach((nm, j) => rows.forEach((r, i) => {
    out[i + j * n] = nm === "_cons" ? 1 : float32.includes(nm) ? Math.fround(data[nm][r]) : data[nm][r];
  }));
  return out;
}

/** Row indices where every named column is present. */
export function completeRows(data: Record<string, Float64Array>, names: readonly string[]): number[] {
  const rows: number[] = [];
  const len = data[names[0]].length;
  for (let i = 0; i < len; i++) if (names.every((c) => !Number.isNaN(data[c][i]))) rows.push(i);
  return rows;
}

/** The statistic of the diagnostic named `name` (throws when it is missing). */
export function diag(r: { diagnostics: readonly Diagnostic[] }, name: string): number {
  const d = r.diagnostics.find((x) => x.name === name);
  if (!d) throw new Error(`no diagnostic ${name}`);
  return d.statistic;
}

export function expectRel(actual: number, expected: number, what: string, tol = 1e-7): void {
  const e = relErr(actual, expected);
  if (!(e <= tol)) throw new Error(`${what}: got ${actual}, Stata ${expected} (rel. error ${e.toExponential(2)})`);
}

/** Coefficients and SEs in file order (terms must match), and the VCV relative to its largest entry. */
export function expectCoefVcov(
  r: { terms: readonly string[]; coef: Float64Array; se: Float64Array; vcov: Float64Array },
  coefFile: string, vcovFile: string | null, tol = 1e-7,
): void {
  const coef = readCoef(coefFile);
  if (r.terms.length !== coef.length || r.terms.some((t, j) => t !== coef[j].term)) {
    throw new Error(`${coefFile}: terms ${r.terms.join(",")} vs Stata ${coef.map((c) => c.term).join(",")}`);
  }
  coef.forEach((c, j) => {
    expectRel(r.coef[j], c.estimate, `${coefFile} coef ${c.term}`, tol);
    expectRel(r.se[j], c.se, `${coefFile} se ${c.term}`, tol);
  });
  if (vcovFile === null) return;
  const V = readVcov(vcovFile);
  const k = coef.length;
  let maxAbs = 0;
  for (const row of V) for (const v of row) maxAbs = Math.max(maxAbs, Math.abs(v));
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
    const e = Math.abs(r.vcov[i + j * k] - V[i][j]) / maxAbs;
    if (!(e < tol)) throw new Error(`${vcovFile}[${i},${j}]: got ${r.vcov[i + j * k]}, Stata ${V[i][j]} (error ${e.toExponential(2)} of max |V|)`);
  }
}

/** The partial-layout diagnostics every such file has (see the README's column dictionary). */
export function expectPartialDiagnostics(r: IvKernelResult, file: string, kind: MeatKind, partialCount: number): void {
  const d = readDiagnostics(file);
  expect([r.n, r.rankX, r.rankZ, partialCount]).toEqual([d.N, d.K, d.L, d.partial_ct]);
  expectRel(r.rss, d.rss, `${file} rss`);
  expectRel(r.rmse, d.sigma, `${file} sigma`);
  expectRel(diag(r, "cd_f"), d.weak_id_cd_f, `${file} Cragg-Donald F`);
  expectRel(diag(r, "kp_lm"), d.underid_stat, `${file} under-identification LM`);
  expect(r.diagnostics.find((x) => x.name === "kp_lm")!.df).toEqual([d.underid_df]);
  if (kind === "iid") expect(Number.isNaN(d.weak_id_kp_f)).toBe(true);
  else expectRel(diag(r, "kp_f"), d.weak_id_kp_f, `${file} KP rk Wald F`);
  if (d.overid_df > 0) {
    expectRel(diag(r, "hansen_j"), d.overid_stat, `${file} Sargan / Hansen J`);
    expect(r.diagnostics.find((x) => x.name === "hansen_j")!.df).toEqual([d.overid_df]);
  }
  if (!Number.isNaN(d.df_r)) expect(r.dfInference).toBe(d.df_r);
}

/** The identification statistics every clustered fixture posts: N, ranks, clusters, rss, rmse, KP rk LM (+ df), KP rk Wald F, CD F. */
export function expectClusteredIdStats(r: IvKernelResult, d: Record<string, number>, nClusters: number): void {
  expect([r.n, r.rankX, r.rankZ, nClusters]).toEqual([d.N, d.K, d.L, d.N_clust]);
  expectRel(r.rss, d.rss, "rss");
  expectRel(r.rmse, d.rmse, "rmse");
  expectRel(diag(r, "kp_lm"), d.idstat, "KP rk LM");
  expect(r.diagnostics.find((x) => x.name === "kp_lm")!.df).toEqual([d.iddf]);
  expectRel(diag(r, "kp_f"), d.widstat, "KP rk Wald F");
  expectRel(diag(r, "cd_f"), d.cdf, "Cragg-Donald F");
}
