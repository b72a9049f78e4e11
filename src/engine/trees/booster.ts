/**
 * Gradient boosting for squared error (xgboost reg:squarederror), README rules 2-3: every row starts at
 * f32(base_score); each round g_i = f32(p_i - y_i), h_i = 1, one tree is grown on the round's row and column
 * sample, and its leaves are added to every row's prediction in float32.
 *
 * Subsampling (seeded xoshiro128**, engine/resample/rng.ts): each row is kept for a tree with probability
 * `subsample` (Bernoulli); `colsample` keeps max(1, floor(colsample x M)) features per tree, drawn without
 * replacement. Early stopping: with a validation set and `earlyStoppingRounds` R, training stops when the
 * validation RMSE has not improved for R rounds and the model keeps the trees up to the best round.
 */
import { InputError } from "../frame/errors";
import { Rng } from "../resample/rng";
import { BoostData } from "./data";
import { ExactFinder } from "./exact";
import { f32 } from "./gain";
import { growTree } from "./grow";
import { HistFinder } from "./hist";
import { SplitFinder } from "./level";
import { addTree, BoostModel } from "./model";
import { boostSpec, BoostSpec } from "./spec";
import { Tree } from "./tree";

export interface TreeProgress {
  /** Trees grown so far (1-based count). */
  readonly tree: number;
  readonly trees: number;
  readonly trainRmse: number;
  readonly validRmse?: number;
}

export interface TrainOptions {
  readonly valid?: BoostData;
  readonly earlyStoppingRounds?: number;
  /** Called after each tree; return false to stop (cancel): the model keeps the trees grown so far. */
  readonly onTree?: (p: TreeProgress) => boolean | void;
}

export interface TrainResult {
  readonly model: BoostModel;
  readonly spec: BoostSpec;
  /** float32 predictions of the training rows from the kept trees. */
  readonly predictions: Float32Array;
  /** Training RMSE after each round. */
  readonly trainRmse: Float64Array;
  /** Validation RMSE after each round (empty without a validation set). */
  readonly validRmse: Float64Array;
  /** 0-based index of the last kept tree. */
  readonly bestIteration: number;
  readonly stoppedEarly: boolean;
  readonly cancelled: boolean;
}

function rmse(p: Float32Array, y: Float32Array): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const e = y[i] - p[i];
    s += e * e;
  }
  return Math.sqrt(s / p.length);
}

export function makeFinder(d: BoostData, spec: BoostSpec): SplitFinder {
  return spec.method === "hist" ? new HistFinder(d, spec.maxBin) : new ExactFinder(d);
}

export function trainBooster(d: BoostData, partial: Partial<BoostSpec> = {}, opts: TrainOptions = {}): TrainResult {
  const spec = boostSpec(partial);
  const { n, m } = d;
  if (n < 2) throw new InputError(`Boosting needs at least 2 rows; the data has ${n}.`, "value");
  for (let i = 0; i < n; i++) {
    if (d.y[i] !== d.y[i]) throw new InputError(`y is missing in data row ${i + 1}: boosting needs y in every row.`, "value");
  }
  if (opts.valid && opts.valid.m !== m) throw new InputError(`The validation data has ${opts.valid.m} features but the training data has ${m}.`, "value");
  const R = opts.earlyStoppingRounds;
  if (R !== undefined && (!Number.isInteger(R) || R < 1)) throw new InputError(`early stopping rounds must be a whole number >= 1; got ${R}.`, "value");
  if (R !== undefined && !opts.valid) throw new InputError("Early stopping needs a validation set.", "value");

  const finder = makeFinder(d, spec);
  const rng = new Rng(spec.seed);
  const base = f32(spec.baseScore);
  const p = new Float32Array(n).fill(base);
  const pv = opts.valid ? new Float32Array(opts.valid.n).fill(base) : null;
  const grad = new Float32Array(n);
  const sampled = new Uint8Array(n).fill(1);
  const pos = new Int32Array(n);
  const nKeep = Math.max(1, Math.floor(spec.colsample * m));
  const allFeatures = Int32Array.from({ length: m }, (_, j) => j);
  const trees: Tree[] = [];
  const trainRmse: number[] = [];
  const validRmse: number[] = [];
  let bestScore = Infinity;
  let bestIteration = -1;
  let stoppedEarly = false;
  let cancelled = false;
  let bestP: Float32Array | null = null;

  for (let t = 0; t < spec.trees; t++) {
    for (let i = 0; i < n; i++) grad[i] = f32(p[i] - d.y[i]);
    if (spec.subsample < 1) for (let i = 0; i < n; i++) sampled[i] = rng.uniform() < spec.subsample ? 1 : 0;
    let features = allFeatures;
    if (nKeep < m) {
      const perm = rng.shuffle(Int32Array.from(allFeatures));
      features = perm.slice(0, nKeep).sort();
    }
    const tree = growTree({ data: d, grad, sampled, features, spec, finder }, pos);
    trees.push(tree);
    for (let i = 0; i < n; i++) p[i] += tree.value[pos[i]];
    const tr = rmse(p, d.y);
    trainRmse.push(tr);
    let vr: number | undefined;
    if (pv && opts.valid) {
      addTree(tree, opts.valid, pv);
      vr = rmse(pv, opts.valid.y);
      validRmse.push(vr);
    }
    if (R !== undefined && vr !== undefined) {
      if (vr < bestScore) {
        bestScore = vr;
        bestIteration = t;
        bestP = Float32Array.from(p);
      } else if (t - bestIteration >= R) {
        stoppedEarly = true;
        break;
      }
    } else {
      bestIteration = t;
    }
    if (opts.onTree && opts.onTree({ tree: t + 1, trees: spec.trees, trainRmse: tr, validRmse: vr }) === false) {
      cancelled = true;
      break;
    }
  }
  const kept = R !== undefined ? trees.slice(0, bestIteration + 1) : trees;
  const predictions = R !== undefined && bestP ? bestP : p;
  return {
    model: { trees: kept, baseScore: base, featureNames: d.names, nFeatures: m },
    spec,
    predictions,
    trainRmse: Float64Array.from(trainRmse),
    validRmse: Float64Array.from(validRmse),
    bestIteration,
    stoppedEarly,
    cancelled,
  };
}
