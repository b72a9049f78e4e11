/**
 * The task pane's boosting model: gradient-boosted trees (engine/trees, xgboost parity) trained tree by
 * tree in the worker (progress per tree; Cancel between trees), explained by TreeSHAP. Output: the
 * importance table (mean |SHAP|, gain, cover, splits), the SHAP values as their own sheet (id, time,
 * one column per feature, base value, prediction, row-aligned with the data) and `explanation`, the
 * arrays a SHAP summary (beeswarm) or dependence chart needs.
 * Rows without y are left out of training and counted (their SHAP cells stay blank).
 */
import { InputError } from "../../engine/frame/errors";
import { CancelledError } from "../../engine/resample/control";
import { boostData, BoosterRun, importance, shapValues } from "../../engine/trees";
import { fixed, INTEGER } from "../../report/formats";
import { makeTable, num, text, Table, TableRow } from "../../report/table";
import { JobRunner, requireNumeric } from "./job-kit";
import type { BoostingSpec, ScoreSheet } from "./protocol";
import { keysOf } from "./score-sheet";

/** Per-row SHAP values and feature values of the rows used, for beeswarm / dependence plots. */
export interface ShapExplanation {
  readonly features: readonly string[];
  /** Data rows (0-based) the model was trained on and explained. */
  readonly rows: Int32Array;
  /** rows.length x M row-major SHAP values. */
  readonly shap: Float64Array;
  /** Feature values per feature (rows.length each), NaN = missing. */
  readonly x: readonly Float64Array[];
  readonly baseValue: number;
  readonly predictions: Float32Array;
  /** Features ordered by mean |SHAP| (largest first), with the value. */
  readonly ranking: readonly { readonly feature: string; readonly meanAbsShap: number }[];
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function row(role: TableRow["role"], key: string, cells: TableRow["cells"]): TableRow {
  return { role, key, cells };
}

export const boosting: JobRunner<BoostingSpec> = async (spec, { frame, options, control }) => {
  if (spec.features.length === 0) throw new InputError("Choose at least one feature for the boosting model.");
  if (spec.features.includes(spec.y)) throw new InputError(`The target "${spec.y}" is also a feature; remove it from the features.`);
  const y = requireNumeric(frame, spec.y, "target (y)");
  const xs = spec.features.map((f) => requireNumeric(frame, f, "feature"));
  const rows: number[] = [];
  for (let i = 0; i < frame.nrow; i++) if (Number.isFinite(y[i])) rows.push(i);
  const noY = frame.nrow - rows.length;
  const take = (c: Float64Array) => Float64Array.from(rows, (i) => c[i]);
  const xUsed = xs.map(take);
  const d = boostData({ name: spec.y, values: take(y) }, spec.features.map((name, j) => ({ name, values: xUsed[j] })));
  const run = new BoosterRun(d, { trees: spec.trees, maxDepth: spec.depth, eta: spec.eta, subsample: spec.subsample, colsample: spec.colsample, seed: spec.seed, method: spec.method });
  const total = run.spec.trees;
  control.onProgress?.({ task: "boosting", done: 0, total });
  let done = 0;
  while (run.step()) {
    done++;
    if (done % 5 === 0) {
      control.onProgress?.({ task: "boosting", done, total });
      await yieldToEventLoop();
      if (control.signal?.aborted) throw new CancelledError("boosting", done, total);
    }
  }
  control.onProgress?.({ task: "boosting", done: total, total });
  const fit = run.result();
  const M = d.m;
  const contribs = shapValues(fit.model, d);
  const imp = importance(fit.model, contribs);
  const shap = new Float64Array(d.n * M);
  for (let i = 0; i < d.n; i++) for (let j = 0; j < M; j++) shap[i * M + j] = contribs[i * (M + 1) + j];
  const baseValue = contribs[M];
  let sse = 0;
  let mean = 0;
  for (let i = 0; i < d.n; i++) mean += d.y[i] / d.n;
  let sst = 0;
  for (let i = 0; i < d.n; i++) (sse += (d.y[i] - fit.predictions[i]) ** 2), (sst += (d.y[i] - mean) ** 2);
  const order = spec.features.map((_, j) => j).sort((a, b) => imp.meanAbsShap[b] - imp.meanAbsShap[a]);

  const f = fixed(Math.max(options.decimals, 4));
  const header = [row("header", "header", [text("Feature"), text("Mean |SHAP|"), text("Gain"), text("Cover"), text("Splits")])];
  const body: TableRow[] = order.map((j) => row("data", spec.features[j], [text(spec.features[j]), num(imp.meanAbsShap[j], f), num(imp.gain[j], f), num(imp.cover[j], fixed(1)), num(imp.weight[j], INTEGER)]));
  body.push(row("stat", "trees", [text("Trees"), num(fit.model.trees.length, INTEGER), text(""), text(""), text("")]));
  body.push(row("stat", "n", [text("Rows"), num(d.n, INTEGER), text(""), text(""), text("")]));
  body.push(row("stat", "rmse", [text("Train RMSE"), num(Math.sqrt(sse / d.n), f), text(""), text(""), text("")]));
  body.push(row("stat", "r2", [text("Train R2"), num(1 - sse / sst, f), text(""), text(""), text("")]));
  body.push(row("stat", "base", [text("Base value"), num(baseValue, f), text(""), text(""), text("")]));
  const notes = [
    `Gradient-boosted trees (xgboost reg:squarederror, ${spec.method}): ${total} trees, depth ${spec.depth}, learning rate ${spec.eta}, subsample ${spec.subsample}, colsample ${spec.colsample}, seed ${spec.seed}.`,
    "Mean |SHAP| = mean over rows of the absolute TreeSHAP value (path-dependent, as xgboost pred_contribs); gain and cover are averages over the feature's splits.",
    ...(noY ? [`${noY} of ${frame.nrow} rows have no ${spec.y} and are not used.`] : []),
    ...(d.constant.length ? [`Constant (never split): ${d.constant.join(", ")}.`] : []),
  ];
  const table: Table = makeTable(`Boosted trees: importance for ${spec.y}`, header, body, notes);

  const full = (values: (i: number) => number) => {
    const out = new Float64Array(frame.nrow).fill(NaN);
    rows.forEach((r, q) => (out[r] = values(q)));
    return out;
  };
  const scores: ScoreSheet = {
    sheetName: `SHAP ${spec.y}`,
    keys: keysOf(frame, [spec.id, spec.time]),
    scores: [
      ...spec.features.map((name, j) => ({ name: `SHAP ${name}`, values: full((q) => shap[q * M + j]) })),
      { name: "base value", values: full(() => baseValue) },
      { name: "prediction", values: full((q) => fit.predictions[q]) },
    ],
    blankRows: noY,
    note: noY ? `${noY} of ${frame.nrow} rows have no ${spec.y}: not used, left blank.` : `All ${frame.nrow} rows are explained; each row's SHAP values plus the base value equal its prediction.`,
  };
  return {
    kind: "boosting",
    table,
    summary: `${fit.model.trees.length} trees on ${d.n} of ${frame.nrow} rows; largest mean |SHAP|: ${spec.features[order[0]]}.`,
    scores,
    explanation: {
      features: spec.features,
      rows: Int32Array.from(rows),
      shap,
      x: xUsed,
      baseValue,
      predictions: fit.predictions,
      ranking: order.map((j) => ({ feature: spec.features[j], meanAbsShap: imp.meanAbsShap[j] })),
    },
  };
};
