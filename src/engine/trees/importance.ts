/**
 * Global importance: mean |SHAP| per feature (from shapValues) and xgboost's get_score over the splits
 * reachable from each root: weight (number of splits), total_gain, gain = total_gain / weight,
 * total_cover, cover = total_cover / weight (0 for a feature that never splits; xgboost omits it).
 */
import { BoostModel } from "./model";
import { reachableNodes } from "./tree";

export interface Importance {
  readonly features: readonly string[];
  readonly meanAbsShap: Float64Array;
  readonly weight: Float64Array;
  readonly gain: Float64Array;
  readonly cover: Float64Array;
  readonly totalGain: Float64Array;
  readonly totalCover: Float64Array;
}

/** `shap` is n x (M + 1) from shapValues (or null: meanAbsShap left NaN). */
export function importance(model: BoostModel, shap: Float64Array | null, nTrees = model.trees.length): Importance {
  const M = model.nFeatures;
  const weight = new Float64Array(M);
  const totalGain = new Float64Array(M);
  const totalCover = new Float64Array(M);
  for (let t = 0; t < nTrees; t++) {
    const tree = model.trees[t];
    for (const k of reachableNodes(tree)) {
      if (tree.left[k] < 0) continue;
      const f = tree.feature[k];
      weight[f] += 1;
      totalGain[f] += tree.gain[k];
      totalCover[f] += tree.cover[k];
    }
  }
  const gain = totalGain.map((g, j) => (weight[j] > 0 ? g / weight[j] : 0));
  const cover = totalCover.map((c, j) => (weight[j] > 0 ? c / weight[j] : 0));
  const meanAbsShap = new Float64Array(M).fill(NaN);
  if (shap) {
    const n = shap.length / (M + 1);
    meanAbsShap.fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < M; j++) meanAbsShap[j] += Math.abs(shap[i * (M + 1) + j]);
    for (let j = 0; j < M; j++) meanAbsShap[j] /= n;
  }
  return { features: model.featureNames, meanAbsShap, weight, gain, cover, totalGain, totalCover };
}
