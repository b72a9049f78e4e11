/**
 * One call for the faces (CLI, formula, task pane): train (or take a given model), explain, cross-
 * validate. Returns plain arrays: predictions (n), SHAP (n x M row-major, without the bias), the base
 * value (the bias column), importance, optional interactions (n x M x M row-major), optional CV, the model.
 * A SHAP summary (beeswarm) plot needs `shap` with the feature values `x`; a dependence plot of feature j
 * needs column j of both (and, coloured by another feature k, column k of x or the interaction j-k).
 */
import { InputError } from "../frame/errors";
import { BoostData, takeBoostRows } from "./data";
import { trainBooster, TrainOptions } from "./booster";
import { crossValidate, CvResult, foldsFromCodes, groupedFolds, randomFolds } from "./cv";
import { importance, Importance } from "./importance";
import { BoostModel, predict } from "./model";
import { BoostSpec, boostSpec } from "./spec";
import { shapInteractions, shapValues } from "./treeshap";
import { Rng } from "../resample/rng";

export interface BoostRunOptions {
  readonly spec?: Partial<BoostSpec>;
  /** Explain this model instead of training one (xgboost JSON read by readXgbModel). */
  readonly model?: BoostModel;
  /** k-fold CV: random folds seeded by spec.seed, or by unit (`groups` codes), or given (`folds` codes). */
  readonly cv?: { readonly k?: number; readonly groups?: ArrayLike<number>; readonly folds?: ArrayLike<number> };
  /** Early stopping: hold out `validFraction` (seeded) of the rows, stop after `rounds` rounds without gain. */
  readonly earlyStopping?: { readonly rounds: number; readonly validFraction?: number };
  readonly interactions?: boolean;
  readonly onTree?: TrainOptions["onTree"];
  /** Called once per CV fold; return false to cancel. */
  readonly onFold?: (fold: number, k: number) => boolean | void;
}

export interface BoostRun {
  readonly n: number;
  readonly features: readonly string[];
  readonly spec: BoostSpec | null;
  readonly model: BoostModel;
  readonly predictions: Float32Array;
  /** n x M row-major. */
  readonly shap: Float64Array;
  readonly baseValue: number;
  readonly importance: Importance;
  /** n x M x M row-major, when asked. */
  readonly interactions: Float64Array | null;
  readonly cv: CvResult | null;
  readonly rmseTrain: number;
  readonly r2Train: number;
  readonly constantFeatures: readonly string[];
  readonly nMissing: Int32Array;
  readonly cancelled: boolean;
  readonly bestIteration: number | null;
}

function fitStats(y: Float32Array, p: Float32Array): { rmse: number; r2: number } {
  let n = 0;
  let mean = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === y[i]) (mean += y[i], n++);
  mean /= n;
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== y[i]) continue;
    sse += (y[i] - p[i]) ** 2;
    sst += (y[i] - mean) ** 2;
  }
  return { rmse: Math.sqrt(sse / n), r2: 1 - sse / sst };
}

export function runBoost(d: BoostData, o: BoostRunOptions = {}): BoostRun {
  let model: BoostModel;
  let spec: BoostSpec | null = null;
  let cancelled = false;
  let bestIteration: number | null = null;
  let cv: CvResult | null = null;
  if (o.model) {
    if (o.cv || o.earlyStopping) throw new InputError("Cross-validation and early stopping train models: they cannot be combined with a given model (--model-in).", "value");
    model = o.model;
  } else {
    spec = boostSpec(o.spec);
    if (o.cv) {
      const k = o.cv.k ?? 5;
      const folds = o.cv.folds ? foldsFromCodes(o.cv.folds) : o.cv.groups ? groupedFolds(o.cv.groups, k, spec.seed) : randomFolds(d.n, k, spec.seed);
      cv = crossValidate(d, spec, folds, { onFold: o.onFold });
    }
    if (o.earlyStopping) {
      const frac = o.earlyStopping.validFraction ?? 0.2;
      if (!(frac > 0 && frac < 1)) throw new InputError(`The validation fraction must be in (0, 1); got ${frac}.`, "value");
      const perm = new Rng(spec.seed).shuffle(Int32Array.from({ length: d.n }, (_, i) => i));
      const nValid = Math.max(1, Math.round(frac * d.n));
      const validRows = perm.slice(0, nValid).sort();
      const trainRows = perm.slice(nValid).sort();
      const r = trainBooster(takeBoostRows(d, trainRows), spec, { valid: takeBoostRows(d, validRows), earlyStoppingRounds: o.earlyStopping.rounds, onTree: o.onTree });
      model = { ...r.model, featureNames: d.names };
      bestIteration = r.bestIteration;
      cancelled = r.cancelled;
    } else {
      const r = trainBooster(d, spec, { onTree: o.onTree });
      model = r.model;
      cancelled = r.cancelled;
    }
  }
  const M = d.m;
  const predictions = predict(model, d);
  const contribs = shapValues(model, d);
  const shap = new Float64Array(d.n * M);
  for (let i = 0; i < d.n; i++) for (let j = 0; j < M; j++) shap[i * M + j] = contribs[i * (M + 1) + j];
  const baseValue = d.n > 0 ? contribs[M] : NaN;
  let interactions: Float64Array | null = null;
  if (o.interactions) {
    const full = shapInteractions(model, d);
    const S = M + 1;
    interactions = new Float64Array(d.n * M * M);
    for (let i = 0; i < d.n; i++) for (let a = 0; a < M; a++) for (let b = 0; b < M; b++) interactions[(i * M + a) * M + b] = full[i * S * S + a * S + b];
  }
  const fs = fitStats(d.y, predictions);
  return {
    n: d.n,
    features: d.names,
    spec,
    model,
    predictions,
    shap,
    baseValue,
    importance: importance(model, contribs),
    interactions,
    cv,
    rmseTrain: fs.rmse,
    r2Train: fs.r2,
    constantFeatures: d.constant,
    nMissing: d.nMissing,
    cancelled,
    bestIteration,
  };
}
