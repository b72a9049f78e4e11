/**
 * A boosted-tree model: trees in xgboost's layout, the float32 base score and the feature names
 * (in the column order the trees' feature indices refer to).
 */
import { BoostData } from "./data";
import { leafOf, Tree } from "./tree";

export interface BoostModel {
  readonly trees: readonly Tree[];
  /** float32 base_score. */
  readonly baseScore: number;
  readonly featureNames: readonly string[];
  readonly nFeatures: number;
}

/**
 * Predictions as xgboost makes them: p = f32(base_score), then p = f32(p + leaf_t) tree after tree.
 * `nTrees` limits the trees used (early stopping's best iteration).
 */
export function predict(model: BoostModel, d: BoostData, nTrees = model.trees.length): Float32Array {
  checkFeatures(model, d);
  const p = new Float32Array(d.n).fill(model.baseScore);
  for (let t = 0; t < nTrees; t++) addTree(model.trees[t], d, p);
  return p;
}

/** p_i = f32(p_i + leaf value of tree t at row i), for every row. */
export function addTree(tree: Tree, d: BoostData, p: Float32Array): void {
  for (let i = 0; i < d.n; i++) p[i] += tree.value[leafOf(tree, d.x, d.n, i)];
}

export function checkFeatures(model: BoostModel, d: BoostData): void {
  if (d.m !== model.nFeatures) {
    throw new Error(`The model was trained on ${model.nFeatures} features but the data has ${d.m}.`);
  }
}
