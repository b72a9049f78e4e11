/**
 * =NQP.SHAP(y, x, [options]): gradient-boosted trees (xgboost reg:squarederror parity, engine/trees) and
 * their TreeSHAP values, spilled
 *  - output=shap (default): a header row (x's names, "base value", "prediction"), then one row per data row:
 *    the SHAP value of each feature, the base value and the prediction (SHAP row + base value = prediction);
 *  - output=importance: feature | mean |SHAP| | gain | cover | splits, sorted by mean |SHAP|;
 *  - output=predictions: one column of predictions.
 * Options: trees, depth, eta, lambda, gamma, min_child_weight, base_score, subsample, colsample, seed,
 * method=exact|hist, max_bin (xgboost defaults: 100 trees, depth 6, eta 0.3). Blank x cells are missing
 * values (routed by the learned default direction); a blank y is an error naming the rows.
 */
import { InputError } from "../../engine/frame/errors";
import { boostData, BoostRun, runBoost, TreeMethod } from "../../engine/trees";
import { numericRange, OptionSchema, parseOptions, requireSameLength } from "../args";
import { toExcelError } from "../errors";

export const SHAP_OPTIONS: OptionSchema = {
  output: { kind: "choice", values: ["shap", "importance", "predictions"] },
  trees: { kind: "number", min: 1, max: 100000 },
  depth: { kind: "number", min: 1, max: 30 },
  eta: { kind: "number", min: 0, max: 1 },
  lambda: { kind: "number", min: 0 },
  gamma: { kind: "number", min: 0 },
  min_child_weight: { kind: "number", min: 0 },
  base_score: { kind: "number" },
  subsample: { kind: "number", min: 0, max: 1 },
  colsample: { kind: "number", min: 0, max: 1 },
  seed: { kind: "number", min: 0, max: 4294967295 },
  method: { kind: "choice", values: ["exact", "hist"] },
  max_bin: { kind: "number", min: 2, max: 65535 },
};

/** Parses the arguments and runs the model; exported for tests and the task pane. */
export function runShap(y: unknown, x: unknown, options?: unknown): { run: BoostRun; output: string } {
  const o = parseOptions(options, SHAP_OPTIONS);
  const yr = numericRange("y", y);
  if (yr.columns.length !== 1) throw new InputError(`Argument y must be a single column but has ${yr.columns.length}.`);
  const xr = numericRange("x", x);
  if (xr.hasHeader !== yr.hasHeader) throw new InputError(`y ${yr.hasHeader ? "has" : "has no"} header row but x ${xr.hasHeader ? "has one" : "does not"}: select both with or both without headers.`);
  requireSameLength([{ name: "y", nrow: yr.nrow }, { name: "x", nrow: xr.nrow }]);
  const nums = (name: string, cells: unknown[]) =>
    cells.map((c, i) => {
      if (c === null || c === undefined || c === "" || c === "NA" || c === "#N/A") return NaN;
      const v = typeof c === "number" ? c : Number(String(c).trim());
      if (!Number.isFinite(v)) throw new InputError(`Column "${name}" holds "${String(c)}" in data row ${i + 1}: it must be a number (leave the cell blank for missing).`);
      return v;
    });
  const d = boostData(
    { name: yr.names[0], values: nums(yr.names[0], yr.columns[0]) },
    xr.names.map((name, j) => ({ name, values: nums(name, xr.columns[j]) })),
  );
  const run = runBoost(d, {
    spec: {
      trees: o.trees as number | undefined, maxDepth: o.depth as number | undefined, eta: o.eta as number | undefined,
      lambda: o.lambda as number | undefined, gamma: o.gamma as number | undefined, minChildWeight: o.min_child_weight as number | undefined,
      baseScore: o.base_score as number | undefined, subsample: o.subsample as number | undefined, colsample: o.colsample as number | undefined,
      seed: o.seed as number | undefined, method: o.method as TreeMethod | undefined, maxBin: o.max_bin as number | undefined,
    },
  });
  return { run, output: (o.output as string | undefined) ?? "shap" };
}

/** The spilled table of a run (see file header). */
export function shapTable(r: BoostRun, output: string): any[][] {
  const M = r.features.length;
  if (output === "importance") {
    const imp = r.importance;
    const order = r.features.map((_, j) => j).sort((a, b) => imp.meanAbsShap[b] - imp.meanAbsShap[a]);
    return [["feature", "mean |SHAP|", "gain", "cover", "splits"], ...order.map((j) => [r.features[j], imp.meanAbsShap[j], imp.gain[j], imp.cover[j], imp.weight[j]])];
  }
  if (output === "predictions") return [["prediction"], ...Array.from(r.predictions, (p) => [p])];
  const rows: any[][] = [[...r.features, "base value", "prediction"]];
  for (let i = 0; i < r.n; i++) rows.push([...Array.from(r.shap.subarray(i * M, (i + 1) * M)), r.baseValue, r.predictions[i]]);
  return rows;
}

/**
 * Gradient-boosted trees (xgboost parity) explained by TreeSHAP: per-row SHAP values, or the importance table.
 * @customfunction SHAP
 * @param y Target: one column, optionally with a header cell; no blanks.
 * @param x Features: adjacent columns with the same rows (blank cells = missing values).
 * @param [options] Options text such as "trees=200; depth=4; eta=0.05; subsample=0.8; colsample=0.8; seed=1" or "output=importance" (also lambda, gamma, min_child_weight, base_score, method=exact|hist, max_bin).
 * @returns Per row the SHAP value of each feature, the base value and the prediction; or the importance table (mean |SHAP|, gain, cover, splits).
 */
export function shap(y: any[][], x: any[][], options?: any[][]): any[][] {
  try {
    const { run, output } = runShap(y, x, options);
    return shapTable(run, output);
  } catch (e) {
    throw toExcelError("SHAP", e);
  }
}
