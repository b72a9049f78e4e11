/** `nqp boost`: gradient-boosted trees (xgboost reg:squarederror parity) with TreeSHAP, importance and CV. */
import { readFileSync, writeFileSync } from "fs";
import { resolve } from "path";
import { keyColumn, numericColumn } from "../../engine/frame";
import { encodeKeys } from "../../engine/frame/codes";
import { boostDataFromFrame, readXgbModel, runBoost, BoostRun, TreeMethod, writeXgbModel } from "../../engine/trees";
import { CliError, DATA_FLAG, getBool, getList, getString, JSON_FLAG, ParsedArgs } from "../argv";
import { CliCommand } from "../command";
import { readDataFile } from "../data";
import { formatNumber, formatTable, keyed, toJson } from "../output";

const num = (a: ParsedArgs, name: string): number | undefined => a.flags[name] as number | undefined;

/** The JSON object of a run (keys of issue 15; also used by the formula/task pane tests). */
export function boostJson(r: BoostRun, withInteractions: boolean): Record<string, unknown> {
  const M = r.features.length;
  const rows = (a: Float64Array, width: number) => Array.from({ length: r.n }, (_, i) => Array.from(a.subarray(i * width, (i + 1) * width)));
  const imp = r.importance;
  return {
    n: r.n,
    features: r.features,
    spec: r.spec && {
      trees: r.spec.trees, depth: r.spec.maxDepth, eta: r.spec.eta, lambda: r.spec.lambda, gamma: r.spec.gamma,
      min_child_weight: r.spec.minChildWeight, base_score: r.spec.baseScore, subsample: r.spec.subsample,
      colsample: r.spec.colsample, method: r.spec.method, max_bin: r.spec.maxBin, seed: r.spec.seed,
    },
    n_trees: r.model.trees.length,
    best_iteration: r.bestIteration,
    predictions: r.predictions,
    shap: rows(r.shap, M),
    base_value: r.baseValue,
    importance: {
      mean_abs_shap: keyed(r.features, imp.meanAbsShap),
      weight: keyed(r.features, imp.weight),
      gain: keyed(r.features, imp.gain),
      cover: keyed(r.features, imp.cover),
      total_gain: keyed(r.features, imp.totalGain),
      total_cover: keyed(r.features, imp.totalCover),
    },
    cv: r.cv && {
      k: r.cv.k,
      rmse: r.cv.rmse,
      r2: r.cv.r2,
      rmse_fold_mean: r.cv.rmseFoldMean,
      r2_fold_mean: r.cv.r2FoldMean,
      folds: r.cv.folds.map((f) => ({ fold: f.fold, n: f.n, rmse: f.rmse, r2: f.r2 })),
    },
    ...(withInteractions && r.interactions ? { interactions: Array.from({ length: r.n }, (_, i) => rows(r.interactions!.subarray(i * M * M, (i + 1) * M * M), M).slice(0, M)) } : {}),
    rmse_train: r.rmseTrain,
    r2_train: r.r2Train,
    constant_features: r.constantFeatures,
    n_missing: keyed(r.features, r.nMissing),
  };
}

export const command: CliCommand = {
  name: "boost",
  summary: "Gradient-boosted trees (xgboost parity): predictions, TreeSHAP values, importance, k-fold CV, model files",
  usage:
    "nqp boost --data FILE --y Y --x A,B,.. [--trees 200 --depth 4 --eta 0.05 --subsample 0.8 --colsample 0.8 --seed S] " +
    "[--method exact|hist] [--cv 5 [--group UNIT | --folds COL]] [--interactions] [--model-out M.json | --model-in M.json] [--json]",
  flags: {
    data: DATA_FLAG,
    y: { type: "string", required: true, meta: "Y", description: "target column (missing y is an error naming the rows)" },
    x: { type: "list", required: true, meta: "A,B,..", description: "feature columns (blank cells = missing, routed by the learned default direction)" },
    trees: { type: "number", meta: "T", description: "boosting rounds (default 100)" },
    depth: { type: "number", meta: "D", description: "max_depth (default 6)" },
    eta: { type: "number", meta: "E", description: "learning rate (default 0.3)" },
    lambda: { type: "number", meta: "L", description: "L2 regularisation (default 1)" },
    gamma: { type: "number", meta: "G", description: "min_split_loss: prune splits with smaller loss change (default 0)" },
    "min-child-weight": { type: "number", meta: "W", description: "smallest child size (hessian sum; default 1)" },
    "base-score": { type: "number", meta: "S", description: "starting prediction (default 0.5, as xgboost 1.7)" },
    subsample: { type: "number", meta: "F", description: "row share per tree (default 1)" },
    colsample: { type: "number", meta: "F", description: "feature share per tree, colsample_bytree (default 1)" },
    seed: { type: "number", meta: "S", description: "seed of subsampling and of the CV folds (default 0)" },
    method: { type: "string", values: ["exact", "hist"], description: "exact greedy (default) or histogram (for 1e5+ rows)" },
    "max-bin": { type: "number", meta: "B", description: "bins per feature of --method hist (default 256)" },
    cv: { type: "number", meta: "K", description: "K-fold cross-validation (seeded random folds)" },
    group: { type: "string", meta: "UNIT", description: "with --cv: folds by unit (all rows of a city in one fold)" },
    folds: { type: "string", meta: "COL", description: "with --cv: the fold of each row from this column" },
    "early-stop": { type: "number", meta: "R", description: "hold out --valid-frac of the rows and stop after R rounds without improvement" },
    "valid-frac": { type: "number", meta: "F", description: "validation share for --early-stop (default 0.2)" },
    interactions: { type: "boolean", description: "also SHAP interaction values (n x M x M)" },
    "model-out": { type: "string", meta: "M.json", description: "write the trained model in xgboost's JSON format" },
    "model-in": { type: "string", meta: "M.json", description: "explain an xgboost JSON model instead of training (--x in the model's feature order)" },
    json: JSON_FLAG,
  },
  details:
    "JSON: {n, features, spec, n_trees, predictions[n], shap[n][M], base_value, importance{mean_abs_shap, weight, gain, cover,\n" +
    "total_gain, total_cover: {feature: v}}, cv{k, rmse, r2, rmse_fold_mean, r2_fold_mean, folds[]} | null,\n" +
    "interactions[n][M][M] (with --interactions), rmse_train, r2_train, constant_features, n_missing}.\n" +
    "Each SHAP row plus base_value sums to the prediction. Example (paper 003's settings):\n" +
    "  nqp boost --data data/nqp_panel.csv --y UR --x GDP,FTE,BOOK,OPEN,FEF --trees 200 --depth 4 --eta 0.05 --subsample 0.8 --colsample 0.8 --seed 1 --cv 5",
  async run(args, io) {
    const frame = await readDataFile(getString(args, "data")!, io.cwd);
    const y = getString(args, "y")!;
    const x = getList(args, "x")!;
    const modelIn = getString(args, "model-in");
    const modelOut = getString(args, "model-out");
    if (modelIn && modelOut) throw new CliError("--model-in explains a given model; --model-out writes a trained one: use one of them.");
    const k = num(args, "cv");
    const group = getString(args, "group");
    const foldCol = getString(args, "folds");
    if (group && k === undefined) throw new CliError("--group needs --cv K.");
    if (group && foldCol) throw new CliError("Use --group or --folds, not both.");
    const data = boostDataFromFrame(frame, y, x, { requireY: !modelIn });
    const model = modelIn ? readXgbModel(readFileSync(resolve(io.cwd, modelIn), "utf8"), x) : undefined;
    const early = num(args, "early-stop");
    const r = runBoost(data, {
      model,
      spec: {
        trees: num(args, "trees"), maxDepth: num(args, "depth"), eta: num(args, "eta"), lambda: num(args, "lambda"),
        gamma: num(args, "gamma"), minChildWeight: num(args, "min-child-weight"), baseScore: num(args, "base-score"),
        subsample: num(args, "subsample"), colsample: num(args, "colsample"), seed: num(args, "seed"),
        method: getString(args, "method") as TreeMethod | undefined, maxBin: num(args, "max-bin"),
      },
      cv: k !== undefined || foldCol ? {
        k,
        groups: group ? encodeKeys(keyColumn(frame, group)).codes : undefined,
        folds: foldCol ? numericColumn(frame, foldCol) : undefined,
      } : undefined,
      earlyStopping: early !== undefined ? { rounds: early, validFraction: num(args, "valid-frac") } : undefined,
      interactions: getBool(args, "interactions"),
    });
    if (modelOut) writeFileSync(resolve(io.cwd, modelOut), writeXgbModel(r.model));
    if (getBool(args, "json")) {
      io.out(toJson(boostJson(r, getBool(args, "interactions"))) + "\n");
      return 0;
    }
    const imp = r.importance;
    const order = r.features.map((_, j) => j).sort((a, b) => imp.meanAbsShap[b] - imp.meanAbsShap[a]);
    io.out(`Boosted trees: ${r.model.trees.length} trees${r.spec ? ` (${r.spec.method}, depth ${r.spec.maxDepth}, eta ${r.spec.eta})` : ` from ${modelIn}`}, ${r.n} rows.\n`);
    io.out(formatTable(["feature", "mean|SHAP|", "gain", "cover", "splits"], order.map((j) => [r.features[j], imp.meanAbsShap[j], imp.gain[j], imp.cover[j], imp.weight[j]])));
    io.out(`Base value ${formatNumber(r.baseValue)}; train RMSE ${formatNumber(r.rmseTrain)}, R2 ${formatNumber(r.r2Train)}.\n`);
    if (r.cv) io.out(`${r.cv.k}-fold CV: RMSE ${formatNumber(r.cv.rmse)}, R2 ${formatNumber(r.cv.r2)} (pooled out-of-fold); fold means ${formatNumber(r.cv.rmseFoldMean)}, ${formatNumber(r.cv.r2FoldMean)}.\n`);
    if (r.constantFeatures.length) io.out(`Constant features (never split, SHAP 0): ${r.constantFeatures.join(", ")}.\n`);
    if (modelOut) io.out(`Model written to ${modelOut} (xgboost JSON).\n`);
    io.out("Use --json for every row's prediction and SHAP values.\n");
    return 0;
  },
};
