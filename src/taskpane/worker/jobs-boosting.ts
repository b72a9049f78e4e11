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
import { boostDataWithY, BoosterRun, runBoost } from "../../engine/trees";
import { buildBoostingTable, importanceOrder } from "../../report/boosting-table";
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

export const boosting: JobRunner<BoostingSpec> = async (spec, { frame, options, control }) => {
  if (spec.features.length === 0) throw new InputError("Choose at least one feature for the boosting model.");
  if (spec.features.includes(spec.y)) throw new InputError(`The target "${spec.y}" is also a feature; remove it from the features.`);
  requireNumeric(frame, spec.y, "target (y)");
  for (const f of spec.features) requireNumeric(frame, f, "feature");
  const { data, rows, nNoY: noY } = boostDataWithY(frame, spec.y, spec.features);
  const xUsed = spec.features.map((_, j) => Float64Array.from(data.x.subarray(j * data.n, (j + 1) * data.n)));
  const stepper = new BoosterRun(data, { trees: spec.trees, maxDepth: spec.depth, eta: spec.eta, subsample: spec.subsample, colsample: spec.colsample, seed: spec.seed, method: spec.method });
  const total = stepper.spec.trees;
  control.onProgress?.({ task: "boosting", done: 0, total });
  let done = 0;
  while (stepper.step()) {
    done++;
    if (done % 5 === 0) {
      control.onProgress?.({ task: "boosting", done, total });
      await yieldToEventLoop();
      if (control.signal?.aborted) throw new CancelledError("boosting", done, total);
    }
  }
  control.onProgress?.({ task: "boosting", done: total, total });
  const fitted = stepper.result();
  // explain the trained model (runBoost with a given model: predictions, SHAP, importance)
  const r = { ...runBoost(data, { model: fitted.model }), spec: fitted.spec };
  const M = data.m;
  const shap = r.shap;
  const order = importanceOrder(r);
  const table = buildBoostingTable({
    title: `Boosted trees: importance for ${spec.y}`,
    run: r,
    decimals: options.decimals,
    language: options.language,
    notes: noY ? [`${noY} of ${frame.nrow} rows have no ${spec.y} and are not used.`] : [],
  });
  const baseValue = r.baseValue;
  const full = (values: (i: number) => number) => {
    const out = new Float64Array(frame.nrow).fill(NaN);
    rows.forEach((i, q) => (out[i] = values(q)));
    return out;
  };
  const scores: ScoreSheet = {
    sheetName: `SHAP ${spec.y}`,
    keys: keysOf(frame, [spec.id, spec.time]),
    scores: [
      ...spec.features.map((name, j) => ({ name: `SHAP ${name}`, values: full((q) => shap[q * M + j]) })),
      { name: "base value", values: full(() => baseValue) },
      { name: "prediction", values: full((q) => r.predictions[q]) },
    ],
    blankRows: noY,
    note: noY ? `${noY} of ${frame.nrow} rows have no ${spec.y}: not used, left blank.` : `All ${frame.nrow} rows are explained; each row's SHAP values plus the base value equal its prediction.`,
  };
  return {
    kind: "boosting",
    table,
    summary: `${r.model.trees.length} trees on ${data.n} of ${frame.nrow} rows; largest mean |SHAP|: ${spec.features[order[0]]}.`,
    scores,
    explanation: {
      features: spec.features,
      rows,
      shap,
      x: xUsed,
      baseValue,
      predictions: r.predictions,
      ranking: order.map((j) => ({ feature: spec.features[j], meanAbsShap: r.importance.meanAbsShap[j] })),
    },
  };
};
