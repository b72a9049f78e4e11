/**
 * =NQP.MORAN(values, lat, lon, [options]) and =NQP.SPATIAL(y, x, id, time, lat, lon, [options]): thin
 * wrappers over engine/spatial (global Moran's I; two-way FE SAR/SEM/SDM), spilling compact tables.
 * MORAN spills: statistic | value rows (I, E[I], z and p under randomisation and normality, the permutation
 * p when nsim is given, n, the Moran-scatter slope). SPATIAL spills: term | coef | se | z | p per parameter
 * (b, W*x for the SDM, rho/lambda, sigma2), then direct/indirect/total effects per regressor, then
 * log-likelihood, n, T and the estimator.
 */
import { Cell } from "../../engine/frame/missing";
import { frameFromColumns } from "../../engine/frame/frame";
import { InputError } from "../../engine/frame/errors";
import { fitSpatial, SpatialAnalysis, SpatialModel } from "../../engine/spatial/fit";
import { moranOnFrame } from "../../engine/spatial/moran-frame";
import { Normalisation } from "../../engine/spatial/normalise";
import { SpatialVariant } from "../../engine/spatial/design";
import { keyRange, numericRange, OptionSchema, parseOptions, requireSameLength } from "../args";
import { spillNumber, withExcelErrors } from "../errors";

export const MORAN_OPTIONS: OptionSchema = {
  weights: { kind: "text" },
  style: { kind: "choice", values: ["row", "spectral", "minmax", "none"] },
  nsim: { kind: "number", min: 1, max: 1e6 },
  seed: { kind: "number", min: 0, max: 4294967295 },
};

export const SPATIAL_OPTIONS: OptionSchema = {
  model: { kind: "choice", values: ["sar", "sem", "sdm"] },
  weights: { kind: "text" },
  lee_yu: { kind: "flag" },
  variant: { kind: "choice", values: ["leeyu", "direct", "unit_transform_year_dummies", "splm"] },
};

function single(name: string, a: unknown, header?: boolean) {
  const r = header === undefined ? numericRange(name, a) : keyRange(name, a, header);
  if (r.columns.length !== 1) throw new InputError(`Argument ${name} must be a single column but has ${r.columns.length}.`);
  return r;
}

/** Global Moran's I table (see file header); exported for tests. */
export function moranTable(values: unknown, lat: unknown, lon: unknown, options?: unknown): unknown[][] {
  const o = parseOptions(options, MORAN_OPTIONS);
  const v = single("values", values);
  const la = single("lat", lat, v.hasHeader), lo = single("lon", lon, v.hasHeader);
  requireSameLength([{ name: "values", nrow: v.nrow }, { name: "lat", nrow: la.nrow }, { name: "lon", nrow: lo.nrow }]);
  const ids: Cell[] = Array.from({ length: v.nrow }, (_, i) => i + 1);
  const frame = frameFromColumns({ unit: ids, lat: la.columns[0], lon: lo.columns[0], x: v.columns[0] });
  const r = moranOnFrame(frame, { id: "unit", lat: "lat", lon: "lon", weights: String(o.weights ?? "knn:5"), style: (o.style as Normalisation) ?? "row", variable: "x", nsim: o.nsim as number | undefined, seed: o.seed as number | undefined }).results[0].global;
  const rows: unknown[][] = [
    ["statistic", "value"],
    ["Moran's I", spillNumber(r.I)],
    ["E[I]", spillNumber(r.expectation)],
    ["z (randomisation)", spillNumber(r.randomisation.z)],
    ["p (randomisation, one-sided)", spillNumber(r.randomisation.pGreater)],
    ["z (normality)", spillNumber(r.normality.z)],
    ["p (normality, one-sided)", spillNumber(r.normality.pGreater)],
  ];
  if (r.permutation) rows.push([`p (permutation, ${r.permutation.nsim})`, spillNumber(r.permutation.p)]);
  rows.push(["n", r.n], ["scatter slope", spillNumber(r.scatter.slope)]);
  return rows;
}

/**
 * Global Moran's I of one value per unit, with weights from the units' coordinates (great-circle km). Spills I, its expectation, z and one-sided p under randomisation and normality, a permutation p (option nsim), n and the Moran-scatter slope.
 * @customfunction MORAN
 * @param values One column: one value per unit (e.g. a city's mean), optionally with a header.
 * @param lat Latitude of each unit in degrees (one column, same rows).
 * @param lon Longitude of each unit in degrees.
 * @param [options] Options text such as "weights=knn:5; nsim=999; seed=1" (weights knn:K, idw:P, idw:P,CUTOFF_KM, exp:D0_KM; style=row|spectral|minmax|none).
 * @returns A two-column table: statistic, value.
 */
export function moran(values: any[][], lat: any[][], lon: any[][], options?: any[][]): any[][] {
  return withExcelErrors("MORAN", () => moranTable(values, lat, lon, options));
}

/** Parses the arguments and fits the model; exported for tests and the task pane. */
export function fitSpatialFormula(y: unknown, x: unknown, id: unknown, time: unknown, lat: unknown, lon: unknown, options?: unknown): SpatialAnalysis {
  const o = parseOptions(options, SPATIAL_OPTIONS);
  const yr = single("y", y);
  const xr = numericRange("x", x);
  const h = yr.hasHeader;
  const idr = single("id", id, h), tr = single("time", time, h), la = single("lat", lat, h), lo = single("lon", lon, h);
  requireSameLength([yr, xr, idr, tr, la, lo].map((r, i) => ({ name: ["y", "x", "id", "time", "lat", "lon"][i], nrow: r.nrow })));
  const cols: Record<string, Cell[]> = { __id: idr.columns[0], __time: tr.columns[0], __lat: la.columns[0], __lon: lo.columns[0], [yr.names[0]]: yr.columns[0] };
  xr.names.forEach((n, j) => {
    if (cols[n] !== undefined) throw new InputError(`Regressor "${n}" has the same name as the dependent variable.`);
    cols[n] = xr.columns[j];
  });
  const variant = (o.variant as SpatialVariant | undefined) ?? (o.lee_yu === false ? "direct" : "leeyu");
  return fitSpatial(frameFromColumns(cols), { id: "__id", time: "__time", lat: "__lat", lon: "__lon", weights: String(o.weights ?? "knn:5"), model: ((o.model as SpatialModel) ?? "sdm"), y: yr.names[0], x: xr.names, variant });
}

export function spatialTable(s: SpatialAnalysis): unknown[][] {
  const f = s.fit;
  const out: unknown[][] = [["term", "coef", "se", "z", "p"]];
  f.terms.forEach((t, i) => out.push([t, spillNumber(f.coef[i]), spillNumber(f.se[i]), spillNumber(f.z[i]), spillNumber(f.p[i])]));
  if (f.effects)
    for (const kind of ["direct", "indirect", "total"] as const)
      for (const r of f.effects.rows) out.push([`${kind}: ${r.name}`, spillNumber(r[kind].coef), spillNumber(r[kind].se), spillNumber(r[kind].z), spillNumber(r[kind].p)]);
  out.push(["log-likelihood", spillNumber(f.loglik), "", "", ""]);
  out.push(["n (units)", f.n, "", "", ""]);
  out.push(["T (periods)", f.T, "", "", ""]);
  out.push(["estimator", f.variantLabel, "", "", ""]);
  return out;
}

/**
 * Spatial panel model with unit and period fixed effects (SAR, SEM or SDM by QML, Lee-Yu bias-corrected by default), weights from coordinates. Spills coef, SE (observed information), z and p per parameter, the direct/indirect/total effects with delta-method SEs, then log-likelihood, n, T and the estimator. A generalised DID term (Post x Intensity) is an ordinary x column.
 * @customfunction SPATIAL
 * @param y Dependent variable: one column, optionally with a header cell.
 * @param x Regressors: one or more adjacent columns.
 * @param id Panel unit (e.g. city id): one column; the panel must be balanced.
 * @param time Period (e.g. year): one column.
 * @param lat Latitude of the unit in degrees (constant within a unit).
 * @param lon Longitude of the unit in degrees.
 * @param [options] Options text such as "model=sdm; weights=knn:5" (model=sar|sem|sdm; lee_yu=false for the uncorrected estimator; variant=leeyu|direct|unit_transform_year_dummies|splm).
 * @returns A table: term, coef, se, z, p; effects rows; log-likelihood, n, T, estimator.
 */
export function spatial(y: any[][], x: any[][], id: any[][], time: any[][], lat: any[][], lon: any[][], options?: any[][]): any[][] {
  return withExcelErrors("SPATIAL", () => spatialTable(fitSpatialFormula(y, x, id, time, lat, lon, options)));
}
