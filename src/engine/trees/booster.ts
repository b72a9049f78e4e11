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
import { TreeGrower } from "./grow";
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

/**
 * A training run one tree at a time (`step()` grows the next tree; false when done), so the task pane's
 * worker can yield between trees (progress and Cancel); `trainBooster` runs it to the end.
 */
export class BoosterRun {
  readonly spec: BoostSpec;
  private readonly finder: SplitFinder;
  private readonly grower: TreeGrower;
  private readonly rng: Rng;
  private readonly p: Float32Array;
  private readonly pv: Float32Array | null;
  private readonly grad: Float32Array;
  private readonly sampled: Uint8Array;
  private readonly pos: Int32Array;
  private readonly nKeep: number;
  private readonly allFeatures: Int32Array;
  private readonly trees: Tree[] = [];
  private readonly trainRmse: number[] = [];
  private readonly validRmse: number[] = [];
  private readonly R: number | undefined;
  private bestScore = Infinity;
  private bestIteration = -1;
  private bestP: Float32Array | null = null;
  private stoppedEarly = false;
  private cancelled = false;
  private done = false;

  constructor(private readonly d: BoostData, partial: Partial<BoostSpec> = {}, private readonly opts: TrainOptions = {}) {
    const spec = (this.spec = boostSpec(partial));
    const { n, m } = d;
    if (n < 2) throw new InputError(`Boosting needs at least 2 rows; the data has ${n}.`, "value");
    for (let i = 0; i < n; i++) {
      if (d.y[i] !== d.y[i]) throw new InputError(`y is missing in data row ${i + 1}: boosting needs y in every row.`, "value");
    }
    if (opts.valid && opts.valid.m !== m) throw new InputError(`The validation data has ${opts.valid.m} features but the training data has ${m}.`, "value");
    const R = (this.R = opts.earlyStoppingRounds);
    if (R !== undefined && (!Number.isInteger(R) || R < 1)) throw new InputError(`early stopping rounds must be a whole number >= 1; got ${R}.`, "value");
    if (R !== undefined && !opts.valid) throw new InputError("Early stopping needs a validation set.", "value");
    this.finder = makeFinder(d, spec);
    this.grower = new TreeGrower(n, spec.maxDepth);
    this.rng = new Rng(spec.seed);
    const base = f32(spec.baseScore);
    this.p = new Float32Array(n).fill(base);
    this.pv = opts.valid ? new Float32Array(opts.valid.n).fill(base) : null;
    this.grad = new Float32Array(n);
    this.sampled = new Uint8Array(n).fill(1);
    this.pos = new Int32Array(n);
    this.nKeep = Math.max(1, Math.floor(spec.colsample * m));
    this.allFeatures = Int32Array.from({ length: m }, (_, j) => j);
  }

  /** Grows the next tree; returns false when training has finished (all trees, early stop or cancel). */
  step(): boolean {
    if (this.done) return false;
    const { d, spec, p, grad, sampled, rng, opts } = this;
    const { n, m } = d;
    const t = this.trees.length;
    const y = d.y;
    for (let i = 0; i < n; i++) grad[i] = p[i] - y[i]; // Float32Array store = f32(.)
    if (spec.subsample < 1) for (let i = 0; i < n; i++) sampled[i] = rng.uniform() < spec.subsample ? 1 : 0;
    let features = this.allFeatures;
    if (this.nKeep < m) {
      const perm = rng.shuffle(Int32Array.from(this.allFeatures));
      features = perm.slice(0, this.nKeep).sort();
    }
    const tree = this.grower.grow({ data: d, grad, sampled, features, spec, finder: this.finder }, this.pos);
    this.trees.push(tree);
    for (let i = 0; i < n; i++) p[i] += tree.value[this.pos[i]];
    const tr = rmse(p, d.y);
    this.trainRmse.push(tr);
    let vr: number | undefined;
    if (this.pv && opts.valid) {
      addTree(tree, opts.valid, this.pv);
      vr = rmse(this.pv, opts.valid.y);
      this.validRmse.push(vr);
    }
    if (this.R !== undefined && vr !== undefined) {
      if (vr < this.bestScore) {
        this.bestScore = vr;
        this.bestIteration = t;
        this.bestP = Float32Array.from(p);
      } else if (t - this.bestIteration >= this.R) {
        this.stoppedEarly = true;
        this.done = true;
        return false;
      }
    } else {
      this.bestIteration = t;
    }
    if (opts.onTree && opts.onTree({ tree: t + 1, trees: spec.trees, trainRmse: tr, validRmse: vr }) === false) {
      this.cancelled = true;
      this.done = true;
      return false;
    }
    if (t + 1 >= spec.trees) this.done = true;
    return !this.done;
  }

  /** Stops a run early (Cancel): the result keeps the trees grown so far. */
  cancel(): void {
    this.cancelled = true;
    this.done = true;
  }

  result(): TrainResult {
    const R = this.R;
    const kept = R !== undefined ? this.trees.slice(0, this.bestIteration + 1) : this.trees.slice();
    const predictions = R !== undefined && this.bestP ? this.bestP : Float32Array.from(this.p);
    return {
      model: { trees: kept, baseScore: f32(this.spec.baseScore), featureNames: this.d.names, nFeatures: this.d.m },
      spec: this.spec,
      predictions,
      trainRmse: Float64Array.from(this.trainRmse),
      validRmse: Float64Array.from(this.validRmse),
      bestIteration: this.bestIteration,
      stoppedEarly: this.stoppedEarly,
      cancelled: this.cancelled,
    };
  }
}

export function trainBooster(d: BoostData, partial: Partial<BoostSpec> = {}, opts: TrainOptions = {}): TrainResult {
  const run = new BoosterRun(d, partial, opts);
  while (run.step());
  return run.result();
}
