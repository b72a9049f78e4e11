/**
 * k-fold cross-validation of boosted trees. Folds (0-based fold index per row) come from
 *  - `randomFolds(n, k, seed)`: a seeded permutation perm of the rows, row perm[i] in fold i mod k;
 *  - `groupedFolds(groups, k, seed)`: the same over units (all rows of a unit in one fold, so a panel's
 *    city never sits in both training and test data);
 *  - `foldsFromCodes(values)`: a fold column of the data (its distinct values in ascending order).
 * Every fold trains on the other folds with the same spec (and seed) and predicts its own rows
 * (out-of-fold). Reported: pooled RMSE and R2 over all rows (SST around the overall mean) and the mean
 * over folds of each fold's RMSE and R2 (SST around the fold mean), the README's two definitions.
 */
import { InputError } from "../frame/errors";
import { Rng } from "../resample/rng";
import { BoostData, takeBoostRows } from "./data";
import { trainBooster, TrainOptions } from "./booster";
import { predict } from "./model";
import { BoostSpec } from "./spec";

export interface FoldStats {
  readonly fold: number;
  readonly n: number;
  readonly rmse: number;
  readonly r2: number;
}

export interface CvResult {
  readonly k: number;
  readonly folds: readonly FoldStats[];
  readonly rmse: number;
  readonly r2: number;
  readonly rmseFoldMean: number;
  readonly r2FoldMean: number;
  /** Out-of-fold prediction of every row. */
  readonly oof: Float32Array;
  readonly foldOf: Int32Array;
}

function checkK(k: number, units: number, what: string): void {
  if (!Number.isInteger(k) || k < 2) throw new InputError(`The number of CV folds must be a whole number >= 2; got ${k}.`, "value");
  if (units < k) throw new InputError(`${k}-fold cross-validation needs at least ${k} ${what}; the data has ${units}.`, "value");
}

export function randomFolds(n: number, k: number, seed: number): Int32Array {
  checkK(k, n, "rows");
  const perm = new Rng(seed).shuffle(Int32Array.from({ length: n }, (_, i) => i));
  const fold = new Int32Array(n);
  for (let i = 0; i < n; i++) fold[perm[i]] = i % k;
  return fold;
}

/** `groups`: unit code per row (any non-negative integers; -1 = missing is an error naming the row). */
export function groupedFolds(groups: ArrayLike<number>, k: number, seed: number): Int32Array {
  const codes = new Map<number, number>();
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (g < 0 || g !== g) throw new InputError(`The CV group (unit) is missing in data row ${i + 1}.`, "value");
    if (!codes.has(g)) codes.set(g, codes.size);
  }
  checkK(k, codes.size, "units (groups)");
  const perm = new Rng(seed).shuffle(Int32Array.from({ length: codes.size }, (_, i) => i));
  const foldOfGroup = new Int32Array(codes.size);
  for (let i = 0; i < perm.length; i++) foldOfGroup[perm[i]] = i % k;
  return Int32Array.from({ length: groups.length }, (_, i) => foldOfGroup[codes.get(groups[i])!]);
}

/** A fold column: its distinct values (ascending) become folds 0..k-1. */
export function foldsFromCodes(values: ArrayLike<number>): Int32Array {
  const distinct = Array.from(new Set(Array.from(values))).sort((a, b) => a - b);
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) throw new InputError(`The fold column is missing in data row ${i + 1}.`, "value");
  checkK(distinct.length, distinct.length, "folds");
  const index = new Map(distinct.map((v, k) => [v, k]));
  return Int32Array.from(values, (v) => index.get(v)!);
}

function rmseR2(y: ArrayLike<number>, p: ArrayLike<number>, rows: ArrayLike<number>): { rmse: number; r2: number } {
  let mean = 0;
  for (let q = 0; q < rows.length; q++) mean += y[rows[q]];
  mean /= rows.length;
  let sse = 0;
  let sst = 0;
  for (let q = 0; q < rows.length; q++) {
    const i = rows[q];
    sse += (y[i] - p[i]) ** 2;
    sst += (y[i] - mean) ** 2;
  }
  return { rmse: Math.sqrt(sse / rows.length), r2: 1 - sse / sst };
}

export interface CvOptions {
  /** Called after each fold (0-based) with the trees of that fold; return false to cancel. */
  readonly onFold?: (fold: number, k: number) => boolean | void;
  readonly onTree?: TrainOptions["onTree"];
}

export function crossValidate(d: BoostData, spec: Partial<BoostSpec>, foldOf: Int32Array, opts: CvOptions = {}): CvResult {
  if (foldOf.length !== d.n) throw new InputError(`The fold assignment has ${foldOf.length} rows but the data has ${d.n}.`, "value");
  let k = 0;
  for (let i = 0; i < foldOf.length; i++) k = Math.max(k, foldOf[i] + 1);
  const oof = new Float32Array(d.n);
  const folds: FoldStats[] = [];
  for (let f = 0; f < k; f++) {
    const test: number[] = [];
    const train: number[] = [];
    for (let i = 0; i < d.n; i++) (foldOf[i] === f ? test : train).push(i);
    if (test.length === 0) throw new InputError(`CV fold ${f + 1} has no rows.`, "value");
    if (train.length < 2) throw new InputError(`CV fold ${f + 1} leaves fewer than 2 training rows.`, "value");
    const fit = trainBooster(takeBoostRows(d, train), spec, { onTree: opts.onTree });
    const p = predict(fit.model, takeBoostRows(d, test));
    test.forEach((i, q) => (oof[i] = p[q]));
    folds.push({ fold: f + 1, n: test.length, ...rmseR2(d.y, oof, test) });
    if (opts.onFold && opts.onFold(f, k) === false) throw new InputError("Cross-validation was cancelled.", "value");
  }
  const all = Int32Array.from({ length: d.n }, (_, i) => i);
  const pooled = rmseR2(d.y, oof, all);
  return {
    k,
    folds,
    rmse: pooled.rmse,
    r2: pooled.r2,
    rmseFoldMean: folds.reduce((s, f) => s + f.rmse, 0) / k,
    r2FoldMean: folds.reduce((s, f) => s + f.r2, 0) / k,
    oof,
    foldOf,
  };
}
