/**
 * Training parameters of gradient-boosted trees (xgboost names in comments), defaults = xgboost 1.7.
 * Validated once by `boostSpec`, whose messages name the parameter and the allowed values.
 */
import { InputError } from "../frame/errors";
import { checkSeed } from "../resample/rng";

export type TreeMethod = "exact" | "hist";
export const TREE_METHODS: readonly TreeMethod[] = ["exact", "hist"];

export interface BoostSpec {
  /** Number of boosting rounds (trees), `num_boost_round`. */
  readonly trees: number;
  /** `max_depth` (>= 1). */
  readonly maxDepth: number;
  /** Learning rate `eta`. */
  readonly eta: number;
  /** L2 regularisation `lambda` (reg_lambda). */
  readonly lambda: number;
  /** `gamma` (min_split_loss): splits with a smaller loss change are pruned. */
  readonly gamma: number;
  /** `min_child_weight`: smallest hessian sum (row count) of a child. */
  readonly minChildWeight: number;
  /** `base_score`: the starting prediction of every row. */
  readonly baseScore: number;
  /** Row subsampling probability per tree (Bernoulli per row), `subsample`. */
  readonly subsample: number;
  /** Share of features kept per tree (floor(colsample x M), at least 1), `colsample_bytree`. */
  readonly colsample: number;
  readonly method: TreeMethod;
  /** `max_bin` of the hist method. */
  readonly maxBin: number;
  /** Seed of the subsampling generator (xoshiro128**, engine/resample/rng.ts). */
  readonly seed: number;
}

export const DEFAULT_BOOST_SPEC: BoostSpec = {
  trees: 100,
  maxDepth: 6,
  eta: 0.3,
  lambda: 1,
  gamma: 0,
  minChildWeight: 1,
  baseScore: 0.5,
  subsample: 1,
  colsample: 1,
  method: "exact",
  maxBin: 256,
  seed: 0,
};

function check(ok: boolean, name: string, rule: string, got: unknown): void {
  if (!ok) throw new InputError(`The boosting option ${name} must be ${rule}; got ${String(got)}.`, "value");
}

/** Fills defaults and validates every parameter (one place, messages listing what is allowed). */
export function boostSpec(partial: Partial<BoostSpec> = {}): BoostSpec {
  const s: BoostSpec = { ...DEFAULT_BOOST_SPEC, ...stripUndefined(partial) };
  check(Number.isInteger(s.trees) && s.trees >= 1 && s.trees <= 100000, "trees", "a whole number from 1 to 100000", s.trees);
  check(Number.isInteger(s.maxDepth) && s.maxDepth >= 1 && s.maxDepth <= 30, "depth", "a whole number from 1 to 30", s.maxDepth);
  check(Number.isFinite(s.eta) && s.eta > 0 && s.eta <= 1, "eta", "a number in (0, 1]", s.eta);
  check(Number.isFinite(s.lambda) && s.lambda >= 0, "lambda", "a number >= 0", s.lambda);
  check(Number.isFinite(s.gamma) && s.gamma >= 0, "gamma", "a number >= 0", s.gamma);
  check(Number.isFinite(s.minChildWeight) && s.minChildWeight >= 0, "min_child_weight", "a number >= 0", s.minChildWeight);
  check(Number.isFinite(s.baseScore), "base_score", "a finite number", s.baseScore);
  check(Number.isFinite(s.subsample) && s.subsample > 0 && s.subsample <= 1, "subsample", "a number in (0, 1]", s.subsample);
  check(Number.isFinite(s.colsample) && s.colsample > 0 && s.colsample <= 1, "colsample", "a number in (0, 1]", s.colsample);
  check(TREE_METHODS.includes(s.method), "method", `one of ${TREE_METHODS.join(", ")}`, s.method);
  check(Number.isInteger(s.maxBin) && s.maxBin >= 2 && s.maxBin <= 65535, "max_bin", "a whole number from 2 to 65535", s.maxBin);
  checkSeed(s.seed, "boosting seed");
  return s;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as any)[k] = v;
  return out;
}
