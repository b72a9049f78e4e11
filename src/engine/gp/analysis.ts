/**
 * One GP + GeoShapley analysis from named columns (the shared back end of `nqp gp`, =NQP.GP /
 * =NQP.GEOSHAPLEY and the task pane): fit (or fix) the hyperparameters, the posterior at the data rows and
 * at new rows, and optionally GeoShapley of the posterior mean with the FIRST `background` data rows as the
 * background set (test/reference/gp/README.md "background rule"), explaining every data row.
 * Returns plain data with the JSON keys of the CLI (snake_case where the issue names them).
 */
import { contributionRanking, summaryRanking } from "../explain/geoshapley-summary";
import { geoShapley, GeoShapleyResult } from "../explain/geoshapley";
import { InputError } from "../frame/errors";
import { fitGp, GpData, GpFitOptions, GpModel } from "./model";

export interface GpAnalysisSpec extends GpFitOptions {
  readonly geoshapley?: boolean;
  /** Background rows for GeoShapley: the first N data rows (default 50, at most n). */
  readonly background?: number;
  readonly maxExactPlayers?: number;
}

export interface GpAnalysis {
  readonly model: GpModel;
  readonly mean: Float64Array;
  readonly sd: Float64Array;
  readonly sdY: Float64Array;
  readonly predict: { mean: Float64Array; sd: Float64Array; sdY: Float64Array } | null;
  readonly geoshapley: GeoShapleyResult | null;
}

/** Parses "name=value,name=value" (natural units). */
export function parseNamedValues(text: string, what: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(",").map((s) => s.trim()).filter((s) => s.length > 0)) {
    const m = /^([A-Za-z_][\w.]*)\s*=\s*(.+)$/.exec(part);
    const v = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(v)) throw new InputError(`${what}: expected name=value pairs separated by commas; cannot read "${part}".`);
    out[m[1]] = v;
  }
  return out;
}

/** Parses "name=lo:hi,..." bounds. */
export function parseBounds(text: string): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const part of text.split(",").map((s) => s.trim()).filter((s) => s.length > 0)) {
    const m = /^([A-Za-z_][\w.]*)\s*=\s*([^:]+):(.+)$/.exec(part);
    const lo = m ? Number(m[2]) : NaN;
    const hi = m ? Number(m[3]) : NaN;
    if (!m || !Number.isFinite(lo) || !Number.isFinite(hi)) throw new InputError(`--bounds: expected name=lo:hi pairs separated by commas; cannot read "${part}".`);
    out[m[1]] = [lo, hi];
  }
  return out;
}

/** Splits kernel options out of --fixed: `nu` is a kernel setting (not a hyperparameter). */
export function splitFixed(fixed: Record<string, number>): { fixed: Record<string, number>; nu?: number } {
  const { nu, ...rest } = fixed;
  return { fixed: rest, nu };
}

export function runGpAnalysis(data: GpData, spec: GpAnalysisSpec, newRows?: { X: Float64Array; n: number }): GpAnalysis {
  const model = fitGp(data, spec);
  const fit = model.fitted();
  const predict = newRows && newRows.n > 0 ? model.predict(newRows.X, newRows.n) : null;
  let gs: GeoShapleyResult | null = null;
  if (spec.geoshapley) {
    const nb = Math.min(data.n, Math.floor(spec.background ?? 50));
    if (!(nb >= 1)) throw new InputError(`--background must be a whole number >= 1; got ${spec.background}.`);
    const width = data.features.length + 2;
    gs = geoShapley({
      predict: (rows, m) => model.predictMean(rows, m),
      features: data.features,
      X: data.X,
      n: data.n,
      background: data.X.slice(0, nb * width),
      nBackground: nb,
      maxExactPlayers: spec.maxExactPlayers,
      seed: spec.seed,
    });
  }
  return { model, mean: fit.mean, sd: fit.sdF, sdY: fit.sdY, predict: predict ? { mean: predict.mean, sd: predict.sdF, sdY: predict.sdY } : null, geoshapley: gs };
}

/** The JSON object of `nqp gp --json` (keys as in the issue and the reference README). */
export function gpAnalysisJson(a: GpAnalysis, lat: Float64Array, lon: Float64Array): Record<string, unknown> {
  const m = a.model;
  const grad: Record<string, number> = {};
  m.thetaNames.forEach((t, j) => (grad[t] = m.gradient[j]));
  const out: Record<string, unknown> = {
    kernel: m.kernelDescription,
    n: m.n,
    hyperparameters: m.hyperparameters,
    theta: Object.fromEntries(m.thetaNames.map((t, j) => [t, Math.log(m.values[j])])),
    bounds: Object.fromEntries(m.names.map((nm, j) => [nm, m.bounds[j]])),
    fixed: m.names.filter((_, j) => m.fixed[j]),
    loglik: m.loglik,
    gradient: grad,
    jitter: m.jitter,
    y_mean: m.yMean,
    y_sd: m.ySd,
    starts: m.starts.map((s) => ({ start: Object.fromEntries(m.names.map((nm, j) => [nm, s.start[j]])), loglik: s.loglik, iterations: s.iterations, message: s.message })),
    fast_subsample: m.subsample ? m.subsample.length : null,
    mean: a.mean,
    sd: a.sd,
    sd_y: a.sdY,
    lat,
    lon,
    warnings: m.warnings,
  };
  if (a.predict) out.predict = { mean: a.predict.mean, sd: a.predict.sd, sd_y: a.predict.sdY };
  const g = a.geoshapley;
  if (g) {
    const p = g.features.length;
    const byFeature = (arr: Float64Array) => Object.fromEntries(g.features.map((f, j) => [f, Float64Array.from({ length: g.geo.length }, (_, i) => arr[i * p + j])]));
    out.geoshapley = { method: g.method, method_note: g.methodNote, base: g.base, prediction: g.prediction, geo: g.geo, primary: byFeature(g.primary), interaction: byFeature(g.interaction) };
    out.ranking = summaryRanking(g).map((e) => ({ component: e.component, mean_abs: e.meanAbs, mean: e.mean }));
    out.contribution_ranking = contributionRanking(g).map((e) => ({ feature: e.feature, non_geo: e.nonGeo, geo: e.geo, total: e.total }));
  }
  return out;
}
