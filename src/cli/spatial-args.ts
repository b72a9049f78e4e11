/**
 * Flags and JSON records shared by `nqp weights`, `nqp moran` and `nqp spatial`: the weights flags,
 * reading a `file:W.csv` matrix (an id column, then one column per unit, header = the unit ids), and the
 * JSON shapes (test/reference/spatial/README.md, "How nqp spatial, nqp moran, nqp weights map").
 */
import { InputError } from "../engine/frame/errors";
import { cellToNumber } from "../engine/frame/missing";
import { UserMatrix, WeightsRequest } from "../engine/spatial/build";
import { SpatialAnalysis } from "../engine/spatial/fit";
import { MoranFrameResult, MoranPeriodResult } from "../engine/spatial/moran-frame";
import { checkNormalisation } from "../engine/spatial/normalise";
import { WeightsSummary } from "../engine/spatial/summary";
import { parseWeightsSpec } from "../engine/spatial/weights";
import { Diagnostic } from "../engine/stats/diagnostic";
import { FlagDef, getString, ParsedArgs } from "./argv";
import { CliIO } from "./command";
import { readDataRows } from "./data";
import { keyed } from "./output";

export const WEIGHTS_FLAGS: Record<string, FlagDef> = {
  id: { type: "string", meta: "ID", required: true, description: "unit id column (W's rows/columns are the ids in sorted order)" },
  lat: { type: "string", meta: "LAT", description: "latitude column, degrees (distance-based weights)" },
  lon: { type: "string", meta: "LON", description: "longitude column, degrees" },
  weights: { type: "string", meta: "SPEC", required: true, description: "knn:K | idw:P[,CUTOFF_KM] | exp:D0_KM | econ:VAR | file:W.csv (great-circle km)" },
  style: { type: "string", values: ["row", "spectral", "minmax", "none"], description: "normalisation (default row)" },
};

/** Reads an id column + n x n matrix (CSV/XLSX) into a UserMatrix. */
export async function readWeightsMatrix(path: string, cwd: string): Promise<UserMatrix> {
  const rows = await readDataRows(path, cwd);
  if (rows.length < 2) throw new InputError(`${path}: a weights matrix needs a header row (id, then one column per unit) and one row per unit.`);
  const colIds = rows[0].slice(1).map((c) => String(c ?? "").trim());
  const rowIds = rows.slice(1).map((r, i) => {
    const s = String(r[0] ?? "").trim();
    if (s === "") throw new InputError(`${path}: row ${i + 2} has no unit id in the first column.`);
    return s;
  });
  const n = rowIds.length;
  const values = new Float64Array(n * colIds.length);
  rows.slice(1).forEach((r, i) =>
    colIds.forEach((cid, j) => {
      const v = cellToNumber(r[j + 1]);
      if (v === undefined || Number.isNaN(v)) throw new InputError(`${path}: the entry in row ${i + 2} (unit ${rowIds[i]}), column ${j + 2} (unit ${cid}) is not a number.`);
      values[i * colIds.length + j] = v;
    }),
  );
  return { rowIds, colIds, values, source: path };
}

export async function weightsRequest(a: ParsedArgs, io: CliIO): Promise<WeightsRequest> {
  const text = getString(a, "weights")!;
  const spec = parseWeightsSpec(text, "--weights");
  const style = checkNormalisation(getString(a, "style") ?? "row", "--style");
  const matrix = spec.kind === "file" ? await readWeightsMatrix(spec.path, io.cwd) : undefined;
  return { id: getString(a, "id")!, lat: getString(a, "lat"), lon: getString(a, "lon"), weights: spec, style, matrix };
}

export function weightsJson(s: WeightsSummary): Record<string, unknown> {
  return {
    weights: s.spec,
    style: s.style,
    n: s.n,
    links: s.links,
    neighbours: s.neighbours,
    islands: s.islands,
    n_islands: s.islands.length,
    asymmetric_links: s.asymmetricLinks,
    structurally_symmetric: s.structurallySymmetric,
    S0: s.constants.S0,
    S1: s.constants.S1,
    S2: s.constants.S2,
  };
}

function variance(v: { variance: number; z: number; pGreater: number; pTwoSided: number }) {
  return { variance: v.variance, z: v.z, p: v.pGreater, p_greater: v.pGreater, p_two_sided: v.pTwoSided };
}

export function moranPeriodJson(r: MoranPeriodResult, ids: readonly string[]): Record<string, unknown> {
  const g = r.global, l = r.local;
  const local: Record<string, unknown> = {};
  ids.forEach((id, i) => {
    local[id] = { x: l.x[i], lag_x: l.lagX[i], Ii: l.Ii[i], E_Ii: l.E[i], Var_Ii: l.Var[i], Z_Ii: l.Z[i], p_two_sided: l.p[i], quadrant: l.quadrantMean[i], cluster: l.cluster[i] };
  });
  return {
    n: g.n,
    I: g.I,
    expectation: g.expectation,
    S0: g.S0,
    S1: g.S1,
    S2: g.S2,
    b2: g.b2,
    randomisation: variance(g.randomisation),
    normality: variance(g.normality),
    permutation: g.permutation ? { nsim: g.permutation.nsim, seed: g.permutation.seed, p: g.permutation.p, p_spdep: g.permutation.pSpdep, definition: "(1 + #{I_perm >= I}) / (nsim + 1)" } : null,
    alpha: l.alpha,
    cluster_counts: l.clusterCounts,
    scatter: { ids, z: g.scatter.z, wz: g.scatter.wz, slope: g.scatter.slope },
    local,
  };
}

export function moranJson(r: MoranFrameResult): Record<string, unknown> {
  const base = { variable: r.variable, weights: r.weights.raw.spec, style: r.weights.style };
  if (r.results.length === 1 && r.results[0].period === "") return { ...base, ...moranPeriodJson(r.results[0], r.ids) };
  const by: Record<string, unknown> = {};
  for (const p of r.results) by[p.period] = moranPeriodJson(p, r.ids);
  return { ...base, periods: r.results.map((p) => p.period), by_period: by };
}

const diag = (d: Diagnostic) => ({ stat: d.statistic, df: d.df[0], p: d.p });

export function spatialJson(s: SpatialAnalysis): Record<string, unknown> {
  const f = s.fit;
  const k = f.xNames.length;
  const q = f.terms.length;
  const coef: Record<string, number> = {}, theta: Record<string, number> = {};
  f.xNames.forEach((x, j) => (coef[x] = f.coef[j]));
  if (f.model === "sdm") f.xNames.forEach((x, j) => (theta[`W*${x}`] = f.coef[k + j]));
  const vcov: Record<string, Record<string, number>> = {};
  f.terms.forEach((t, i) => (vcov[t] = keyed(f.terms, f.vcov.subarray(i * q, (i + 1) * q))));
  const eff = (kind: "direct" | "indirect" | "total") => {
    const o: Record<string, unknown> = {};
    for (const r of f.effects!.rows) o[r.name] = { coef: r[kind].coef, se: r[kind].se, z: r[kind].z, p: r[kind].p };
    return o;
  };
  return {
    model: f.model,
    variant: f.variant,
    variant_label: f.variantLabel,
    lee_yu: f.variant === "leeyu",
    depvar: f.depVar,
    weights: s.weights.raw.spec,
    terms: f.terms,
    [f.spatialParam]: f.rho,
    coef,
    theta: f.model === "sdm" ? theta : null,
    se: keyed(f.terms, f.se),
    z: keyed(f.terms, f.z),
    p: keyed(f.terms, f.p),
    se_eim: f.seEim ? keyed(f.terms, f.seEim) : null,
    vcov,
    effects: f.effects ? { method: f.effects.method, direct: eff("direct"), indirect: eff("indirect"), total: eff("total"), ...(f.effects.draws ? { draws: f.effects.draws, seed: f.effects.seed } : {}) } : null,
    loglik: f.loglik,
    sigma2: f.sigma2,
    pseudo_r2: f.pseudoR2,
    lm_tests: {
      variant: "elhorst",
      LM_lag: diag(s.lmTests.lmLag),
      LM_error: diag(s.lmTests.lmError),
      robust_LM_lag: diag(s.lmTests.robustLmLag),
      robust_LM_error: diag(s.lmTests.robustLmError),
    },
    wald: s.wald ? { sdm_vs_sar: diag(s.wald.sdmVsSar), sdm_vs_sem: diag(s.wald.sdmVsSem) } : null,
    lr: s.lr ? { sdm_vs_sar: diag(s.lr.sdmVsSar), sdm_vs_sem: diag(s.lr.sdmVsSem) } : null,
    n: f.n,
    T: f.T,
    nobs: f.n * f.T,
    logdet: f.logdetMethod,
    bounds: f.bounds,
  };
}
