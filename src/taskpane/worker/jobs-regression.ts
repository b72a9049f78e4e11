/**
 * Regression jobs of the task pane: fixed effects (stepwise columns), IV-2SLS, mediation,
 * heterogeneity (split samples) and the robustness battery. Each calls the engine estimator and hands
 * its results to the report's table builders; nothing here computes a statistic.
 */
import { Frame, keyColumn } from "../../engine/frame";
import { InputError } from "../../engine/frame/errors";
import { fitLinear, LinearSpec } from "../../engine/models/linear";
import { fitIv } from "../../engine/models/iv";
import { mediate } from "../../engine/models/mediation";
import { prepareVariant, RobustnessVariant } from "../../engine/models/robustness";
import type { RegressionResult } from "../../engine/models/result";
import { buildRegressionTable } from "../../report/regression-table";
import { ivTable } from "../../report/iv-table";
import { feRowLabels, panelLabels } from "../../report/labels";
import { buildMediationTable, indirectEffect } from "../../report/mediation-table";
import type { ModelColumn } from "../../report/column";
import { JobContext, JobRunner, requireNumeric } from "./job-kit";
import { slimResult } from "./chart-data";
import { t } from "../../i18n/catalogue";
import { paneCharts } from "../../i18n/messages/pane-charts";
import type { FeSpec, HeterogeneitySpec, IvSpec, MediationSpec, RegressionCore, RobustnessSpec } from "./protocol";

/** Checks every numeric role up front, so a text column chosen as a regressor is named with its rows. */
function checkNumeric(frame: Frame, s: RegressionCore, extra: readonly [string, string][] = []): void {
  requireNumeric(frame, s.y, "dependent variable");
  for (const x of s.x) requireNumeric(frame, x, "regressor");
  for (const c of s.controls) requireNumeric(frame, c, "control");
  for (const [name, role] of extra) requireNumeric(frame, name, role);
}

/**
 * The panel variables' labels and FE rows, as the workbook tables print them ("City FE", "clustered by
 * City"; src/report/labels.ts), spread into every table of the pane.
 */
function panelLayout(s: RegressionCore, ctx: JobContext): { labels: Record<string, string>; feRows: Record<string, string> } {
  const lang = ctx.options.language ?? "en";
  const labels = panelLabels([...s.fe, ...s.cluster], {}, lang);
  return { labels, feRows: feRowLabels(s.fe, labels, lang) };
}

function linearSpec(s: RegressionCore, x: readonly string[], rows?: Int32Array): LinearSpec {
  return { y: s.y, x: [...x], fe: s.fe, cluster: s.cluster.length ? s.cluster : undefined, vcov: s.vcov, rows };
}

function tableOptions(ctx: JobContext) {
  return { paren: ctx.options.paren, decimals: ctx.options.decimals, language: ctx.options.language ?? "en" };
}

function sampleNote(r: RegressionResult): string {
  const parts = [`N = ${r.n}`];
  if (r.sample.droppedMissing) parts.push(`${r.sample.droppedMissing} row(s) dropped for missing values`);
  if (r.sample.droppedSingletons) parts.push(`${r.sample.droppedSingletons} singleton(s) dropped`);
  if (r.omitted.length) parts.push(`omitted (collinear or absorbed): ${r.omitted.join(", ")}`);
  return parts.join("; ") + ".";
}

export const fixedEffects: JobRunner<FeSpec> = async (s, ctx) => {
  checkNumeric(ctx.frame, s);
  const sets: string[][] = s.columns === "all" || s.controls.length === 0 ? [[...s.x, ...s.controls]] : [[...s.x], ...s.controls.map((_c, i) => [...s.x, ...s.controls.slice(0, i + 1)])];
  const columns: ModelColumn[] = [];
  for (const x of sets) {
    const result = fitLinear(ctx.frame, linearSpec(s, x));
    columns.push({ result, indicators: { Controls: x.length > s.x.length } });
  }
  const last = columns[columns.length - 1].result;
  return {
    kind: "fe",
    table: buildRegressionTable({ title: "Baseline regression", columns, terms: [...s.x, ...s.controls], ...panelLayout(s, ctx), options: tableOptions(ctx) }),
    summary: `${columns.length} column(s). Last column: ${sampleNote(last)}`,
    charts: [{ kind: "coef", title: t(paneCharts.coefTitle, { x: s.x.join(", ") }), over: "columns", columns: columns.map((c, i) => ({ label: `(${i + 1})`, result: slimResult(c.result) })), terms: s.x }],
  };
};

export const instrumental: JobRunner<IvSpec> = async (s, ctx) => {
  checkNumeric(ctx.frame, s, s.instruments.map((z) => [z, "instrument"] as [string, string]));
  const iv = fitIv(ctx.frame, { y: s.y, endog: s.x, instruments: s.instruments, x: s.controls, fe: s.fe, cluster: s.cluster.length ? s.cluster : undefined, vcov: s.vcov });
  return {
    kind: "iv",
    // The workbook's IV layout (src/report/iv-table.ts ivTable): first stage(s) from the IV fit itself.
    table: ivTable(iv, { title: "IV-2SLS estimates", controls: s.controls, ...panelLayout(s, ctx), options: tableOptions(ctx) }),
    summary: `Second stage: ${sampleNote(iv)}`,
  };
};

export const mediation: JobRunner<MediationSpec> = async (s, ctx) => {
  if (s.x.length !== 1) throw new InputError(`Mediation takes one key regressor; ${s.x.length} are chosen (${s.x.join(", ")}).`);
  checkNumeric(ctx.frame, s, [[s.mediator, "mediator"]]);
  const res = await mediate(
    ctx.frame,
    {
      y: s.y,
      treat: s.x[0],
      mediators: [s.mediator],
      controls: s.controls,
      fe: s.fe,
      cluster: s.cluster.length ? s.cluster : undefined,
      vcov: s.vcov,
      bootstrap: s.bootstrap > 0 ? { reps: s.bootstrap, seed: 20261122 } : undefined,
    },
    ctx.control,
  );
  const m = res.mediators[0];
  // The a path on the mediator's own rows (as a mechanism regression runs it), for the sample note.
  const own = fitLinear(ctx.frame, linearSpec({ ...s, y: s.mediator }, [...s.x, ...s.controls]));
  return {
    kind: "mediation",
    table: buildMediationTable({
      title: `Mechanism: ${s.mediator}`,
      total: m.total,
      aPath: m.aPath,
      outcome: m.outcome!,
      indirect: [m.sobel],
      effect: indirectEffect(m),
      aPathOwnSample: own,
      terms: [s.x[0], s.mediator],
      controls: s.controls,
      ...panelLayout(s, ctx),
      indicators: { Controls: s.controls.length > 0 },
      options: tableOptions(ctx),
    }),
    summary: `Indirect effect a*b = ${m.indirect.toPrecision(4)} (Sobel z = ${m.sobel.statistic.toFixed(2)}); N = ${m.n}.`,
  };
};

function medianOf(values: Float64Array): number {
  const v = Array.from(values).filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const h = v.length / 2;
  return v.length % 2 ? v[Math.floor(h)] : (v[h - 1] + v[h]) / 2;
}

export const heterogeneity: JobRunner<HeterogeneitySpec> = async (s, ctx) => {
  checkNumeric(ctx.frame, s);
  const groups: { label: string; rows: Int32Array }[] = [];
  if (s.split === "median") {
    const v = requireNumeric(ctx.frame, s.by, "split variable");
    const med = medianOf(v);
    const below: number[] = [];
    const above: number[] = [];
    v.forEach((x, i) => (Number.isNaN(x) ? undefined : x <= med ? below.push(i) : above.push(i)));
    groups.push({ label: `${s.by} <= median`, rows: Int32Array.from(below) }, { label: `${s.by} > median`, rows: Int32Array.from(above) });
  } else {
    const keys = keyColumn(ctx.frame, s.by);
    const byKey = new Map<string, number[]>();
    keys.forEach((k, i) => {
      if (k === null) return;
      if (!byKey.has(k)) byKey.set(k, []);
      byKey.get(k)!.push(i);
    });
    if (byKey.size > 12) throw new InputError(`"${s.by}" has ${byKey.size} distinct values; split by a variable with at most 12 groups, or use "At the median".`);
    if (byKey.size < 2) throw new InputError(`"${s.by}" has ${byKey.size} distinct value(s); a split needs at least two groups.`);
    for (const k of [...byKey.keys()].sort()) groups.push({ label: `${s.by} = ${k}`, rows: Int32Array.from(byKey.get(k)!) });
  }
  const columns: ModelColumn[] = groups.map((g) => ({ result: fitLinear(ctx.frame, linearSpec(s, [...s.x, ...s.controls], g.rows)), group: g.label, indicators: { Controls: s.controls.length > 0 } }));
  return {
    kind: "heterogeneity",
    table: buildRegressionTable({ title: `Heterogeneity by ${s.by}`, columns, terms: s.x, controls: s.controls, ...panelLayout(s, ctx), options: tableOptions(ctx) }),
    summary: groups.map((g, i) => `${g.label}: N = ${columns[i].result.n}`).join("; ") + ".",
    charts: [{ kind: "coef", title: t(paneCharts.groupsTitle, { x: s.x.join(", "), by: s.by }), over: "groups", columns: columns.map((c, i) => ({ label: groups[i].label, result: slimResult(c.result) })), terms: s.x }],
  };
};

function variants(s: RobustnessSpec, ctx: JobContext): RobustnessVariant[] {
  const out: RobustnessVariant[] = [];
  for (const c of s.checks) {
    if (c === "winsorize") out.push({ label: "Winsorised 1/99", steps: [{ kind: "winsorize", vars: [s.y, ...s.x, ...s.controls] }] });
    else if (c === "alt_outcome") out.push({ label: t(paneCharts.altOutcomeColumn, { y: s.altOutcome! }), steps: [{ kind: "replaceOutcome", y: s.altOutcome! }] });
    else if (c === "lag_x") out.push({ label: `Lagged ${s.x[0]}`, steps: [{ kind: "lagRegressor", lag: 1 }] });
    else if (c === "drop_groups") out.push(dropVariant(s, ctx.frame));
    else if (c === "trim_period") out.push({ label: s.period ? `${s.period[0]}-${s.period[1]}` : "Without the last period", steps: [{ kind: "period", ...(s.period ? { from: s.period[0], to: s.period[1] } : {}) }] });
  }
  return out;
}

/** A 0/1 flag column: numeric, every non-missing value 0 or 1. */
function requireFlag(frame: Frame, name: string): void {
  const v = requireNumeric(frame, name, "flag column");
  const bad = v.findIndex((x) => !Number.isNaN(x) && x !== 0 && x !== 1);
  if (bad >= 0) throw new InputError(`"${name}" is not a 0/1 flag: data row ${bad + 1} holds ${v[bad]}. Choose a 0/1 column, or drop by chosen values of "${name}".`);
}

/**
 * drop_groups: rows whose `dropBy` is one of `dropValues`, or rows flagged 1 in a 0/1 column. Specs
 * written before the rule existed (no rule, no values) drop `municipality` = 1.
 */
function dropVariant(s: RobustnessSpec, frame: Frame): RobustnessVariant {
  const legacy = !s.dropRule && !s.dropValues?.length;
  const rule = s.dropRule ?? (legacy ? "flag" : "values");
  const by = legacy ? (frame.columns.has("municipality") ? "municipality" : "") : (s.dropBy ?? "");
  if (!by) throw new InputError("Dropping groups needs a column to drop by: a group column such as province (with the values to drop) or a 0/1 flag such as municipality.");
  if (rule === "flag") {
    requireFlag(frame, by);
    return { label: by === "municipality" ? "Without municipalities" : `Without ${by} = 1`, steps: [{ kind: "dropGroups", column: by, values: ["1"] }] };
  }
  const values = [...new Set((s.dropValues ?? []).map((v) => v.trim()).filter((v) => v !== ""))];
  if (!values.length) throw new InputError(`List the values of "${by}" to drop, separated by commas (e.g. P01, P02).`);
  return { label: values.length <= 3 ? `Without ${values.join(", ")}` : `Without ${values.length} ${by} values`, steps: [{ kind: "dropGroups", column: by, values }] };
}

/** "Without P01, P02": 88 data rows dropped (P01 44, P02 44), N 2840 -> 2760. */
function dropNote(label: string, byGroup: Readonly<Record<string, number>>, column: string, nBase: number, n: number): string {
  const groups = Object.entries(byGroup);
  const rows = groups.reduce((a, [, c]) => a + c, 0);
  const each = groups.length > 1 ? ` (${groups.map(([v, c]) => `${v}: ${c}`).join(", ")})` : "";
  return `"${label}" drops the ${rows} data rows with ${column} = ${groups.map(([v]) => v).join(", ")}${each}; N ${nBase} -> ${n}.`;
}

export const robustness: JobRunner<RobustnessSpec> = async (s, ctx) => {
  checkNumeric(ctx.frame, s);
  if (s.checks.includes("lag_x") || s.checks.includes("trim_period")) {
    if (s.fe.length < 2) throw new InputError("Lagging the regressor or restricting the period needs the panel id and time variables (choose them in Data).");
  }
  const base = linearSpec(s, [...s.x, ...s.controls]);
  const columns: ModelColumn[] = [{ result: fitLinear(ctx.frame, base), group: "Baseline" }];
  const panel = { id: s.fe[0] ?? "", time: s.fe[1] ?? "" };
  const notes: string[] = [];
  for (const v of variants(s, ctx)) {
    const p = prepareVariant(ctx.frame, base, { panel, treat: s.x[0] }, v);
    const result = fitLinear(p.frame, p.spec);
    columns.push({ result, group: p.label });
    const drop = v.steps.find((st) => st.kind === "dropGroups");
    if (drop?.kind === "dropGroups") notes.push(dropNote(p.label, p.changes.rowsDroppedByGroup, drop.column, columns[0].result.n, result.n));
  }
  return {
    kind: "robustness",
    table: buildRegressionTable({ title: "Robustness checks", columns, terms: s.x, controls: s.controls, ...panelLayout(s, ctx), options: tableOptions(ctx), notes }),
    summary: [`${columns.length - 1} check(s) beside the baseline (N = ${columns[0].result.n}).`, ...notes].join(" "),
  };
};
