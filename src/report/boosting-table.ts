/**
 * The importance table of a boosted-tree model (engine/trees): one row per feature, sorted by mean
 * |SHAP| (largest first): mean |SHAP|, gain and cover (means over the feature's splits), splits; then
 * trees, rows, train RMSE and R2, base value; a note with the settings. Used by the task pane and by
 * the `nqp table` spec kind "boosting".
 */
import type { BoostRun } from "../engine/trees";
import { Lang, t } from "../i18n/catalogue";
import { boostingMessages as bm } from "../i18n/messages/tables-boosting";
import { fixed, INTEGER } from "./formats";
import { noteLines } from "./notes";
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
  /** Wording of headers and notes (default "en"). */
  readonly language?: Lang;
}

/** Feature indices by mean |SHAP|, largest first. */
export function importanceOrder(r: BoostRun): number[] {
  return r.features.map((_, j) => j).sort((a, b) => r.importance.meanAbsShap[b] - r.importance.meanAbsShap[a]);
}

export function buildBoostingTable(s: BoostingTableSpec): Table {
  const r = s.run;
  const lang = s.language ?? "en";
  const w = (msg: { en: string; zh: string }) => t(msg, undefined, lang);
  const imp = r.importance;
  const f = fixed(Math.max(s.decimals ?? 3, 4));
  const blank = [text(""), text(""), text("")];
  const header = [row("header", "header", [bm.feature, bm.meanAbsShap, bm.gain, bm.cover, bm.splits].map((x) => text(w(x))))];
  const body: TableRow[] = importanceOrder(r).map((j) =>
    row("data", r.features[j], [text(r.features[j]), num(imp.meanAbsShap[j], f), num(imp.gain[j], f), num(imp.cover[j], fixed(1)), num(imp.weight[j], INTEGER)]),
  );
  body.push(row("stat", "trees", [text(w(bm.trees)), num(r.model.trees.length, INTEGER), ...blank]));
  body.push(row("stat", "n", [text(w(bm.rows)), num(r.n, INTEGER), ...blank]));
  body.push(row("stat", "rmse", [text(w(bm.rmse)), num(r.rmseTrain, f), ...blank]));
  body.push(row("stat", "r2", [text(w(bm.r2)), num(r.r2Train, f), ...blank]));
  body.push(row("stat", "base", [text(w(bm.base)), num(r.baseValue, f), ...blank]));
  const sp = r.spec;
  const items = [
    ...(sp ? [t(bm.settings, { method: sp.method, trees: sp.trees, depth: sp.maxDepth, eta: sp.eta, subsample: sp.subsample, colsample: sp.colsample, seed: sp.seed }, lang)] : []),
    w(bm.shapNote),
    ...(s.notes ?? []),
    ...(r.constantFeatures.length ? [t(bm.constant, { names: r.constantFeatures.join(lang === "zh" ? "、" : ", ") }, lang)] : []),
  ];
  return makeTable(s.title, header, body, noteLines(items, lang));
}
