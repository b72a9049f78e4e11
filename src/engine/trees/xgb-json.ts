/**
 * xgboost's JSON model format (Booster.save_model("m.json"), xgboost 1.7.4): read a model trained in
 * Python and write ours so xgboost loads it. Only gbtree with reg:squarederror and one output is
 * supported. Floats are written as the shortest decimal that reads back as the same float32, in
 * xgboost's own style ("1.7627869E0"); base_score as a string ("5E-1"). A node deleted by pruning is
 * written as xgboost does (split index 2147483647, default_left 1, children -1).
 */
import { InputError } from "../frame/errors";
import { BoostModel } from "./model";
import { Tree } from "./tree";

const DELETED_SPLIT_INDEX = 2147483647;
const NO_PARENT = 2147483647;

/** Shortest decimal string that rounds to the same float32, xgboost style (mantissa "E" exponent). */
export function formatFloat32(v: number): string {
  const f = Math.fround(v);
  if (f === 0) return Object.is(f, -0) ? "-0E0" : "0E0";
  if (!Number.isFinite(f)) throw new Error(`cannot write ${v} to an xgboost model`);
  for (let p = 1; p <= 9; p++) {
    const s = f.toExponential(p - 1);
    if (Math.fround(Number(s)) === f) return s.replace("e+", "E").replace("e", "E");
  }
  return f.toExponential(8).replace("e+", "E").replace("e", "E");
}

function treeJson(t: Tree, id: number, nFeatures: number): object {
  const n = t.nNodes;
  const floats = (a: Float32Array): string => "[" + Array.from(a, (v) => formatFloat32(v)).join(",") + "]";
  const splitIndices = Array.from(t.feature, (f, k) => (t.deleted[k] ? DELETED_SPLIT_INDEX : f));
  const defaultLeft = Array.from(t.defaultLeft, (d, k) => (t.deleted[k] ? 1 : d));
  let nDeleted = 0;
  for (let k = 0; k < n; k++) nDeleted += t.deleted[k];
  return {
    base_weights: RAW(floats(t.baseWeight)),
    categories: [],
    categories_nodes: [],
    categories_segments: [],
    categories_sizes: [],
    default_left: defaultLeft,
    id,
    left_children: Array.from(t.left),
    loss_changes: RAW(floats(t.gain)),
    parents: Array.from(t.parent, (p) => (p < 0 ? NO_PARENT : p)),
    right_children: Array.from(t.right),
    split_conditions: RAW(floats(t.value)),
    split_indices: splitIndices,
    split_type: new Array(n).fill(0),
    sum_hessian: RAW(floats(t.cover)),
    tree_param: { num_deleted: String(nDeleted), num_feature: String(nFeatures), num_nodes: String(n), size_leaf_vector: "0" },
  };
}

/** Marker for pre-formatted JSON text inside the object (so floats keep xgboost's spelling). */
class Raw {
  constructor(readonly text: string) {}
}
const RAW = (text: string) => new Raw(text);

function stringify(v: unknown): string {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return "[" + v.map(stringify).join(",") + "]";
  if (v !== null && typeof v === "object") {
    return "{" + Object.entries(v as Record<string, unknown>).map(([k, x]) => JSON.stringify(k) + ":" + stringify(x)).join(",") + "}";
  }
  return JSON.stringify(v);
}

export interface WriteModelOptions {
  /** Write the feature names into learner.feature_names (xgboost then checks them on prediction). */
  readonly featureNames?: boolean;
}

/** The model as xgboost 1.7.4 JSON text. */
export function writeXgbModel(model: BoostModel, opts: WriteModelOptions = {}): string {
  const T = model.trees.length;
  const obj = {
    learner: {
      attributes: { best_iteration: String(Math.max(0, T - 1)), best_ntree_limit: String(T) },
      feature_names: opts.featureNames ? model.featureNames : [],
      feature_types: opts.featureNames ? model.featureNames.map(() => "float") : [],
      gradient_booster: {
        model: {
          gbtree_model_param: { num_parallel_tree: "1", num_trees: String(T), size_leaf_vector: "0" },
          tree_info: new Array(T).fill(0),
          trees: model.trees.map((t, i) => treeJson(t, i, model.nFeatures)),
        },
        name: "gbtree",
      },
      learner_model_param: {
        base_score: formatFloat32(model.baseScore),
        boost_from_average: "0",
        num_class: "0",
        num_feature: String(model.nFeatures),
        num_target: "1",
      },
      objective: { name: "reg:squarederror", reg_loss_param: { scale_pos_weight: "1" } },
    },
    version: [1, 7, 4],
  };
  return stringify(obj);
}

function fail(msg: string): never {
  throw new InputError(`The xgboost model file ${msg}.`, "value");
}

function arr(o: any, key: string, n: number): number[] {
  const a = o?.[key];
  if (!Array.isArray(a) || a.length !== n) fail(`has no ${key} array of ${n} entries in a tree`);
  return a.map(Number);
}

/**
 * Reads xgboost JSON model text. `featureNames` (the data's columns, in order) names the features when
 * the file has none; with names in the file they must match.
 */
export function readXgbModel(text: string, featureNames?: readonly string[]): BoostModel {
  let j: any;
  try {
    j = JSON.parse(text);
  } catch (e) {
    fail(`is not valid JSON (${(e as Error).message})`);
  }
  const L = j?.learner;
  if (!L) fail("has no learner object (is it an xgboost JSON model, saved with save_model(\"*.json\")?)");
  const gb = L.gradient_booster;
  if (gb?.name !== "gbtree") fail(`uses booster "${gb?.name}"; only gbtree is supported`);
  const obj = L.objective?.name;
  if (obj !== "reg:squarederror") fail(`has objective "${obj}"; only reg:squarederror is supported`);
  const mp = L.learner_model_param ?? {};
  if (Number(mp.num_class ?? 0) > 1 || Number(mp.num_target ?? 1) > 1) fail("has several outputs; only one is supported");
  const nFeatures = Number(mp.num_feature);
  if (!Number.isInteger(nFeatures) || nFeatures < 1) fail("has no num_feature");
  const baseScore = Math.fround(Number(mp.base_score));
  if (!Number.isFinite(baseScore)) fail("has no base_score");
  const model = gb.model;
  if (Number(model?.gbtree_model_param?.num_parallel_tree ?? 1) !== 1) fail("uses num_parallel_tree > 1 (random forests are not supported)");
  const fileNames: string[] = Array.isArray(L.feature_names) ? L.feature_names : [];
  let names: readonly string[];
  if (fileNames.length > 0) {
    if (fileNames.length !== nFeatures) fail(`lists ${fileNames.length} feature names but num_feature is ${nFeatures}`);
    if (featureNames && featureNames.join("\u0000") !== fileNames.join("\u0000")) {
      throw new InputError(`The model's features are ${fileNames.join(", ")} but the data gives ${featureNames.join(", ")} (same names, same order).`, "value");
    }
    names = fileNames;
  } else if (featureNames) {
    if (featureNames.length !== nFeatures) {
      throw new InputError(`The model has ${nFeatures} features but ${featureNames.length} were given (x must list the model's features in its order).`, "value");
    }
    names = featureNames;
  } else names = Array.from({ length: nFeatures }, (_, k) => `f${k}`);
  const trees: Tree[] = (model.trees as any[]).map((t, ti) => {
    const n = Number(t?.tree_param?.num_nodes);
    if (!Number.isInteger(n) || n < 1) fail(`has no num_nodes in tree ${ti}`);
    const left = Int32Array.from(arr(t, "left_children", n));
    const right = Int32Array.from(arr(t, "right_children", n));
    const parent = Int32Array.from(arr(t, "parents", n), (p) => (p === NO_PARENT ? -1 : p));
    const splitIdx = arr(t, "split_indices", n);
    const splitType = Array.isArray(t.split_type) ? t.split_type.map(Number) : [];
    if (splitType.some((s: number) => s !== 0)) fail(`has categorical splits in tree ${ti}; only numeric splits are supported`);
    const deleted = new Uint8Array(n).fill(1);
    const stack = [0];
    while (stack.length) {
      const k = stack.pop()!;
      if (k < 0 || k >= n || deleted[k] === 0) fail(`has an invalid node structure in tree ${ti}`);
      deleted[k] = 0;
      if (left[k] >= 0) {
        if (splitIdx[k] < 0 || splitIdx[k] >= nFeatures) fail(`splits on feature ${splitIdx[k]} in tree ${ti} but has ${nFeatures} features`);
        stack.push(left[k], right[k]);
      }
    }
    return {
      nNodes: n,
      left,
      right,
      parent,
      feature: Int32Array.from(splitIdx, (f, k) => (deleted[k] ? 0 : f)),
      value: Float32Array.from(arr(t, "split_conditions", n)),
      defaultLeft: Uint8Array.from(arr(t, "default_left", n), (d, k) => (deleted[k] ? 0 : d ? 1 : 0)),
      baseWeight: Float32Array.from(arr(t, "base_weights", n)),
      gain: Float32Array.from(arr(t, "loss_changes", n)),
      cover: Float32Array.from(arr(t, "sum_hessian", n)),
      deleted,
    };
  });
  return { trees, baseScore, featureNames: names, nFeatures };
}
