/**
 * =NQP.GP(y, x, lat, lon, [options]) and =NQP.GEOSHAPLEY(y, x, lat, lon, [options]): thin wrappers over
 * engine/gp (fitGp) and engine/explain (geoShapley), with the options of `nqp gp` (src/functions/gp-args.ts).
 * GP spills
 *  - output=summary (default): hyperparameter | value | d loglik / d log value per hyperparameter, then the
 *    log marginal likelihood (of the normalised y, as scikit-learn), n, the jitter, the kernel and notes;
 *  - output=posterior: mean | sd | sd_y per data row (sd = SD of the latent f; sd_y adds the noise).
 * GEOSHAPLEY explains the posterior mean at the first `rows` data rows (default all) with the first
 * `background` data rows as the background set (default 50; test/reference/gp README "background rule"):
 *  - output=ranking (default): component | mean |phi| | mean phi for the 2p + 1 components (features, GEO,
 *    "<feature> x GEO") by mean |phi|, then the base value, the counts and the method (exact, or the
 *    Kernel-SHAP fallback beyond `max_exact` players, said in words);
 *  - output=values: per row base | GEO | phi_j | phi_(GEO,j) | prediction (they add up to the prediction);
 *  - output=contribution: feature | non-geo | geo | total (the package's contribution bar ranking).
 * Cost: one fit (seconds; restarts multiply it) and, for GeoShapley, 2^(p+1) x background predictions per
 * explained row, so `rows` and `background` keep a live formula responsive.
 */
import { contributionRanking, summaryRanking } from "../../engine/explain/geoshapley-summary";
import { geoShapley, GeoShapleyResult } from "../../engine/explain/geoshapley";
import { InputError } from "../../engine/frame/errors";
import { fitGp, GpModel } from "../../engine/gp/model";
import { t } from "../../i18n/catalogue";
import { functionsGp as M } from "../../i18n/messages/functions-gp";
import { OptionSchema, parseOptions } from "../args";
import { spillNumber, withExcelErrors } from "../errors";
import { GP_FIT_OPTIONS, gpDesign, GpDesign, gpFitOptions } from "../gp-args";

export const GP_OPTIONS: OptionSchema = { ...GP_FIT_OPTIONS, output: { kind: "choice", values: ["summary", "posterior"] } };

export const GEOSHAPLEY_OPTIONS: OptionSchema = {
  ...GP_FIT_OPTIONS,
  output: { kind: "choice", values: ["ranking", "values", "contribution"] },
  background: { kind: "number", min: 1 },
  rows: { kind: "number", min: 1 },
  max_exact: { kind: "number", min: 1, max: 20 },
  samples: { kind: "number", min: 16, max: 1e6 },
};

/** Parses the arguments and fits the GP; exported for tests. */
export function runGpFormula(y: unknown, x: unknown, lat: unknown, lon: unknown, options?: unknown): { model: GpModel; design: GpDesign; output: string } {
  const o = parseOptions(options, GP_OPTIONS);
  const design = gpDesign(y, x, lat, lon);
  return { model: fitGp(design.data, gpFitOptions(o)), design, output: (o.output as string | undefined) ?? "summary" };
}

export function gpTable(model: GpModel, output: string): unknown[][] {
  if (output === "posterior") {
    const post = model.fitted();
    return [[t(M.mean), t(M.sd), t(M.sdY)], ...Array.from(post.mean, (m, i) => [spillNumber(m), spillNumber(post.sdF[i]), spillNumber(post.sdY[i])])];
  }
  const rows: unknown[][] = [[t(M.hyperparameter), t(M.value), t(M.gradient)]];
  model.names.forEach((name, j) => rows.push([name, model.values[j], spillNumber(model.gradient[j])]));
  rows.push([t(M.loglik), spillNumber(model.loglik), ""], [t(M.nRows), model.n, ""], [t(M.jitter), model.jitter, ""], [t(M.kernel), model.kernelDescription, ""]);
  for (const w of model.warnings) rows.push([t(M.note), w, ""]);
  return rows;
}

export interface GeoShapleyFormulaRun {
  readonly model: GpModel;
  readonly result: GeoShapleyResult;
  readonly nBackground: number;
  readonly output: string;
}

/** Parses the arguments, fits the GP and explains it; exported for tests. */
export function runGeoShapleyFormula(y: unknown, x: unknown, lat: unknown, lon: unknown, options?: unknown): GeoShapleyFormulaRun {
  const o = parseOptions(options, GEOSHAPLEY_OPTIONS);
  const { data } = gpDesign(y, x, lat, lon);
  const model = fitGp(data, gpFitOptions(o));
  const width = data.features.length + 2;
  const nb = Math.min(data.n, Math.floor((o.background as number | undefined) ?? 50));
  const nx = Math.min(data.n, Math.floor((o.rows as number | undefined) ?? data.n));
  if (nb < 1 || nx < 1) throw new InputError(t(M.needRows, { min: 1, n: Math.min(nb, nx) }));
  const result = geoShapley({
    predict: (rows, m) => model.predictMean(rows, m),
    features: data.features,
    X: data.X.slice(0, nx * width),
    n: nx,
    background: data.X.slice(0, nb * width),
    nBackground: nb,
    maxExactPlayers: o.max_exact as number | undefined,
    samples: o.samples as number | undefined,
    seed: o.seed as number | undefined,
  });
  return { model, result, nBackground: nb, output: (o.output as string | undefined) ?? "ranking" };
}

export function geoShapleyTable(run: GeoShapleyFormulaRun): unknown[][] {
  const r = run.result;
  const p = r.features.length;
  const n = r.geo.length;
  const approximate = r.method !== "exact";
  if (run.output === "values") {
    const rows: unknown[][] = [[t(M.base), "GEO", ...r.features, ...r.features.map((f) => `${f} x GEO`), t(M.prediction)]];
    for (let i = 0; i < n; i++) {
      rows.push([r.base, r.geo[i], ...Array.from(r.primary.subarray(i * p, (i + 1) * p)), ...Array.from(r.interaction.subarray(i * p, (i + 1) * p)), r.prediction[i]]);
    }
    if (approximate) rows.push([`${t(M.method)}: ${r.methodNote}`, ...new Array(2 * p + 2).fill("")]);
    return rows;
  }
  const tail = (width: number): unknown[][] => {
    const pad = new Array(width - 2).fill("");
    return [
      [t(M.baseValue), r.base, ...pad],
      [t(M.explainedRows), n, ...pad],
      [t(M.background), run.nBackground, ...pad],
      [t(M.method), r.methodNote, ...pad],
      ...run.model.warnings.map((w) => [t(M.note), w, ...pad]),
    ];
  };
  if (run.output === "contribution") {
    return [[t(M.feature), t(M.nonGeo), t(M.geoPart), t(M.total)], ...contributionRanking(r).map((e) => [e.feature, e.nonGeo, e.geo, e.total]), ...tail(4)];
  }
  return [[t(M.component), t(M.meanAbs), t(M.meanPhi)], ...summaryRanking(r).map((e) => [e.component, e.meanAbs, e.mean]), ...tail(3)];
}

/**
 * Gaussian-process regression on features plus coordinates (kernel gp_ard: Matern ARD on the standardised features + a geographic kernel on lat/lon + noise; or ggpr_jt, Jiao and Tao's GGPR). Hyperparameters fixed or by maximum marginal likelihood with seeded restarts. Spills the hyperparameters with the gradient, the log marginal likelihood, n and the kernel; or the posterior mean and SD per row.
 * @customfunction GP
 * @param y Outcome: one column, optionally with a header cell; no blanks.
 * @param x Features: adjacent numeric columns with the same rows (a header row names them).
 * @param lat Latitude of each row in decimal degrees (or a projected y coordinate).
 * @param lon Longitude of each row in decimal degrees (or a projected x coordinate).
 * @param [options] Options text such as "kernel=gp_ard; restarts=5; seed=1" or "fixed=sf2=1.5 l_NQP=8 sg2=0.05 lg=2.5 sn2=0.8; output=posterior" (also init, bounds=name=lo:hi ..., nu, geo=rbf|matern12|matern32|matern52, metric=planar|greatcircle, fast_subsample=M).
 * @returns hyperparameter, value, d loglik / d log value; then log marginal likelihood, n, jitter, kernel; or mean, sd, sd_y per row.
 */
export function gp(y: any[][], x: any[][], lat: any[][], lon: any[][], options?: any[][]): any[][] {
  return withExcelErrors("GP", () => {
    const r = runGpFormula(y, x, lat, lon, options);
    return gpTable(r.model, r.output) as any[][];
  });
}

/**
 * GeoShapley (Li 2024) of a Gaussian-process model on features plus coordinates: each feature's primary effect, the intrinsic location effect (lat and lon as one player GEO) and the feature x location interactions; exact over all coalitions up to 12 players, Kernel-SHAP beyond (said in the output). Background: the first 50 data rows (option background). Spills the ranking by mean |phi|, or the values per row.
 * @customfunction GEOSHAPLEY
 * @param y Outcome: one column, optionally with a header cell; no blanks.
 * @param x Features: adjacent numeric columns with the same rows (a header row names them).
 * @param lat Latitude of each row in decimal degrees (or a projected y coordinate).
 * @param lon Longitude of each row in decimal degrees (or a projected x coordinate).
 * @param [options] Options text such as "fixed=sf2=1.5 l_NQP=8 sg2=0.05 lg=2.5 sn2=0.8; background=50; output=values" (output=ranking|values|contribution; rows=K explains the first K rows; max_exact, samples; and every NQP.GP option).
 * @returns component, mean |phi|, mean phi (ranking) with base value and method; or per row base, GEO, phi_j, phi_(GEO,j), prediction.
 */
export function geoshapley(y: any[][], x: any[][], lat: any[][], lon: any[][], options?: any[][]): any[][] {
  return withExcelErrors("GEOSHAPLEY", () => geoShapleyTable(runGeoShapleyFormula(y, x, lat, lon, options)) as any[][]);
}
