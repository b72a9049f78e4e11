/**
 * The "psm" table kind (issue 13; paper 002's Table 4): one column per matching method (nearest /
 * radius / kernel), each the regression spec fitted on that method's matched sample (unweighted as the
 * papers do, or weighted by `_weight`), with the matched N and (cross-section or pooled) the ATT as
 * statistic rows; with `show: "balance"`, the pstest balance table of one method's matched sample.
 * Orchestration and layout only: the numbers come from engine/matching.
 */
import { InputError } from "../engine/frame";
import { Frame } from "../engine/frame";
import { MatchOptions, PsmSpec, runPsmWorkflow } from "../engine/matching";
import { Balance } from "../engine/matching/balance";
import { Diagnostic } from "../engine/stats/diagnostic";
import { Lang, t } from "../i18n/catalogue";
import { psmMessages as pm } from "../i18n/messages/tables-psm";
import { ModelColumn } from "./column";
import { zhPanelWord } from "./labels";
import { noteLines } from "./notes";
import { tableOptions } from "./options";
import { fixed } from "./formats";
import { labeller } from "./regression-table";
import type { LinearModelSpec, RegressionLayout, TableSpecBase } from "./spec";
import { EMPTY, makeTable, num, Table, TableRow, text } from "./table";

export interface PsmMethodSpec extends MatchOptions {
  /** Column subtitle, default from the method ("Nearest neighbour", "Radius", "Kernel"). */
  readonly label?: string;
}

export type PsmTableSpec = TableSpecBase & RegressionLayout & {
  readonly kind: "psm";
  /** "regression" (default): the Table 4 columns; "balance": the pstest table of `balanceMethod`. */
  readonly show?: "regression" | "balance";
  /** Treatment, covariates, outcome, by-period / pooled (the matching options come from `methods`). */
  readonly psm: Pick<PsmSpec, "treat" | "x" | "outcome" | "by" | "pooled">;
  readonly methods: readonly PsmMethodSpec[];
  /** The regression on each matched sample (needed for show = "regression"). */
  readonly model?: LinearModelSpec;
  /** Weight the regression by `_weight` (default false). */
  readonly weighted?: boolean;
  /** Index into methods of the balance table (default 0). */
  readonly balanceMethod?: number;
  readonly decimals?: number;
};

export const PSM_TABLE_FIELDS = ["show", "psm", "methods", "model", "weighted", "balanceMethod", "decimals"];

/** The default column subtitle of a method ("Nearest neighbour" / 近邻匹配). */
function methodLabel(m: PsmMethodSpec, lang: Lang): string {
  return m.label ?? t(pm[m.method], undefined, lang);
}

function langOf(spec: PsmTableSpec): Lang {
  return tableOptions(spec.options).language;
}

export function validatePsmTableSpec(t: PsmTableSpec, where: string): void {
  const need = (ok: unknown, msg: string) => {
    if (!ok) throw new InputError(msg);
  };
  need(t.psm && typeof t.psm === "object" && (typeof t.psm.treat === "string" || typeof t.psm.treat === "object") && Array.isArray(t.psm.x) && t.psm.x.length > 0,
    `${where} (psm) needs "psm": {"treat": "<0/1 column or above-median:VAR>", "x": [covariates], "outcome"?, "by"?, "pooled"?}.`);
  for (const k of Object.keys(t.psm)) need(["treat", "x", "outcome", "by", "pooled"].includes(k), `${where}.psm has no field "${k}". Its fields: treat, x, outcome, by, pooled.`);
  need(Array.isArray(t.methods) && t.methods.length > 0, `${where} (psm) needs a non-empty "methods" list, e.g. [{"method": "nn"}, {"method": "radius", "caliper": 0.05}, {"method": "kernel"}].`);
  need(t.show === undefined || t.show === "regression" || t.show === "balance", `${where}.show must be "regression" or "balance"; got ${JSON.stringify(t.show)}.`);
  if (t.show !== "balance") need(t.model && typeof t.model.y === "string" && Array.isArray(t.model.x), `${where} (psm) needs "model": {"y", "x", "fe"?, "cluster"?} for the regression on the matched sample.`);
  const b = t.balanceMethod ?? 0;
  need(Number.isInteger(b) && b >= 0 && b < t.methods.length, `${where}.balanceMethod must index "methods" (0..${t.methods.length - 1}); got ${b}.`);
}

function psmSpecOf(spec: PsmTableSpec, m: PsmMethodSpec): PsmSpec {
  const { label: _l, ...mo } = m;
  return { ...spec.psm, ...mo };
}

/** The regression columns, one per method. */
export function psmColumns(frame: Frame, spec: PsmTableSpec): ModelColumn[] {
  const model = spec.model!;
  const lang = langOf(spec);
  return spec.methods.map((m) => {
    const w = runPsmWorkflow(frame, {
      psm: psmSpecOf(spec, m), balance: false,
      regression: { y: model.y, x: model.x, fe: model.fe, cluster: model.cluster, vcov: model.vcov, weighted: spec.weighted },
    });
    const diagnostics: Diagnostic[] = [];
    const g = w.psm.groups;
    if (g.length === 1 && g[0].effect) {
      diagnostics.push({ name: "psm_att", label: `ATT (${w.psm.outcome})`, statistic: g[0].effect.att, df: [], distribution: "none", p: NaN, nullHypothesis: "", extra: { se: g[0].effect.se } });
    }
    return { result: w.regression!, subtitle: methodLabel(m, lang), diagnostics, values: { psm_matched: w.psm.matchedRows.length } };
  });
}

/** Default statistic rows of the PSM regression table. */
export function psmStats(columns: readonly ModelColumn[]): string[] {
  const hasAtt = columns.every((c) => c.diagnostics?.some((d) => d.name === "psm_att"));
  return ["n", "psm_matched", ...(hasAtt ? ["psm_att"] : []), "r2_within"];
}

/** The notes of the PSM regression table: how the samples were matched (and, with `regression`, what the regressions use). */
export function psmNotes(spec: PsmTableSpec, regression = true): string[] {
  const lang = langOf(spec);
  const p = spec.psm;
  const by = p.by && (lang === "zh" ? spec.labels?.[p.by] ?? zhPanelWord(p.by) ?? p.by : p.by);
  const per = by ? t(p.pooled ? pm.perPooled : pm.perWithin, { by }, lang) : t(pm.perNone, undefined, lang);
  const meth = spec.methods.map((m) => {
    const label = methodLabel(m, lang);
    if (m.method === "nn") {
      const caliper = m.caliper ? t(pm.nnCaliper, { c: m.caliper }, lang) : "";
      const replacement = m.noReplacement ? t(pm.nnNoReplacement, undefined, lang) : "";
      return t(pm.nnMethod, { label, k: m.k ?? 1, caliper, replacement }, lang);
    }
    if (m.method === "radius") return t(pm.radiusMethod, { label, c: String(m.caliper) }, lang);
    return t(pm.kernelMethod, { label, kernel: m.kernel ?? "epan", bw: m.bwidth ?? 0.06 }, lang);
  });
  const treat = typeof p.treat === "string" ? p.treat : t(pm.rule, undefined, lang);
  const matching = t(pm.note, { treat, per, methods: meth.join(t(pm.methodSep, undefined, lang)) }, lang);
  if (!regression) return [matching];
  const reg = t(spec.weighted ? pm.regressionWeighted : pm.regressionUnweighted, undefined, lang);
  // English: one note line (as before); Chinese: two items of the 注 paragraph.
  return lang === "en" ? [`${matching} ${reg}`] : [matching, reg];
}

/** The pstest table: per covariate U and M rows, then the summary rows. */
export function buildPsmBalanceTable(
  title: string,
  b: Balance,
  o: { labels?: Readonly<Record<string, string>>; decimals?: number; notes?: readonly string[]; language?: Lang } = {},
): Table {
  const lang = o.language ?? "en";
  const w = (msg: { en: string; zh: string }) => t(msg, undefined, lang);
  const d = fixed(o.decimals ?? 3);
  const label = labeller(o.labels, lang);
  const header: TableRow[] = [{
    role: "header", key: "columns",
    cells: [pm.variable, pm.sample, pm.meanTreated, pm.meanControl, pm.pctBias, pm.pctReduct, pm.t, pm.pT, pm.varRatio].map((s) => text(w(s))),
  }];
  const sampleName = (s: "U" | "M") => w(s === "U" ? pm.unmatched : pm.matched);
  const body: TableRow[] = [];
  for (const [v, c] of Object.entries(b.covariates)) {
    for (const s of ["U", "M"] as const) {
      const x = c[s];
      body.push({
        role: "data", key: `${v}_${s}`,
        cells: [s === "U" ? text(label(v)) : EMPTY, text(sampleName(s)), num(x.mean_treated, d), num(x.mean_control, d), num(x.pct_bias, fixed(1)),
          s === "M" ? num(c.pct_reduct_abs_bias, fixed(1)) : EMPTY, num(x.t, fixed(2)), num(x.p, fixed(3)), num(x.var_ratio, fixed(2))],
      });
    }
  }
  const summary = [pm.sample, pm.pseudoR2, pm.lrChi2, pm.pChi2, pm.meanBias, pm.medianBias].map(w);
  body.push({ role: "header", key: "summary", cells: [...summary, "B", "R", ""].map((s) => (s ? text(s) : EMPTY)) });
  for (const s of ["U", "M"] as const) {
    const x = b.summary[s];
    body.push({
      role: "data", key: `summary_${s}`,
      cells: [text(sampleName(s)), num(x.pseudo_r2, d), num(x.lr_chi2, fixed(2)), num(x.p_chi2, fixed(3)), num(x.mean_bias, fixed(1)), num(x.median_bias, fixed(1)), num(x.B, fixed(1)), num(x.R, fixed(2)), EMPTY],
    });
  }
  const items = [
    w(pm.balanceNote),
    t(pm.matchedSample, { n: b.summary.M.n_rows, w: Math.round(b.summary.M.sum_of_weights) }, lang),
    ...(o.notes ?? []),
  ];
  return makeTable(title, header, body, noteLines(items, lang));
}

/** show = "balance": the balance of one method's matched sample. */
export function psmBalanceTable(frame: Frame, spec: PsmTableSpec): Table {
  const m = spec.methods[spec.balanceMethod ?? 0];
  const w = runPsmWorkflow(frame, { psm: psmSpecOf(spec, m) });
  return buildPsmBalanceTable(spec.title, w.balance!, {
    labels: spec.labels,
    decimals: spec.decimals,
    language: langOf(spec),
    notes: [...psmNotes({ ...spec, methods: [m] }, false), ...(spec.notes ?? [])],
  });
}
