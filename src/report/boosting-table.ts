/**
 * The importance table of a boosted-tree model (engine/trees): one row per feature, sorted by mean
 * |SHAP| (largest first): mean |SHAP|, gain and cover (means over the feature's splits), splits; then
 * trees, rows, train RMSE and R2, base value; a note with the settings. Used by the task pane and by
 * the `nqp table` spec kind "boosting".
 */
import type { BoostRun } from "../engine/trees";
import { fixed, INTEGER } from "./formats";
import { makeTable, num, text, Table, TableRow } from "./table";

function row(role: TableRow["role"], key: string, cells: TableRow["cells"]): TableRow {
  return { role, key, cells };
}

export interface BoostingTableSpec {
  readonly title: string;
  readonly run: BoostRun;
  readonly decimals?: number;
  /** Extra notes (e.g. rows left out for a missing y). */
  readonly notes?: readonly string[];
}

/** Feature indices by mean |SHAP|, largest first. */
export function importanceOrder(r: BoostRun): number[] {
  return r.features.map((_, j) => j).sort((a, b) => r.importance.meanAbsShap[b] - r.importance.meanAbsShap[a]);
}

export function buildBoostingTable(s: BoostingTableSpec): Table {
  const r = s.run;
  const imp = r.importance;
  const f = fixed(Math.max(s.decimals ?? 3, 4));
  const blank = [text(""), text(""), text("")];
  const header = [row("header", "header", [text("Feature"), text("Mean |SHAP|"), text("Gain"), text("Cover"), text("Splits")])];
  const body: TableRow[] = importanceOrder(r).map((j) =>
    row("data", r.features[j], [text(r.features[j]), num(imp.meanAbsShap[j], f), num(imp.gain[j], f), num(imp.cover[j], fixed(1)), num(imp.weight[j], INTEGER)]),
  );
  body.push(row("stat", "trees", [text("Trees"), num(r.model.trees.length, INTEGER), ...blank]));
  body.push(row("stat", "n", [text("Rows"), num(r.n, INTEGER), ...blank]));
  body.push(row("stat", "rmse", [text("Train RMSE"), num(r.rmseTrain, f), ...blank]));
  body.push(row("stat", "r2", [text("Train R2"), num(r.r2Train, f), ...blank]));
  body.push(row("stat", "base", [text("Base value"), num(r.baseValue, f), ...blank]));
  const sp = r.spec;
  const notes = [
    ...(sp ? [`Gradient-boosted trees (xgboost reg:squarederror, ${sp.method}): ${sp.trees} trees, depth ${sp.maxDepth}, learning rate ${sp.eta}, subsample ${sp.subsample}, colsample ${sp.colsample}, seed ${sp.seed}.`] : []),
    "Mean |SHAP| = mean over rows of the absolute TreeSHAP value (path-dependent, as xgboost pred_contribs); gain and cover are averages over the feature's splits.",
    ...(s.notes ?? []),
    ...(r.constantFeatures.length ? [`Constant (never split): ${r.constantFeatures.join(", ")}.`] : []),
  ];
  return makeTable(s.title, header, body, notes);
}
