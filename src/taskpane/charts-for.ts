/**
 * The pane's chart registry: a job's output -> the charts it can draw, each a label and a builder of a
 * chart model (src/report/charts) from what the worker sent (worker/chart-data.ts, the boosting
 * `explanation`). Choices made after the run are options of the builder: the colour feature of a SHAP
 * dependence plot, the group column of a trend. Drawing is the workbook's (src/excel/chart-writer.ts).
 */
import type { Chart } from "../report/charts/chart";
import { coefPlot } from "../report/charts/coef-chart";
import { shapBar, shapDependence, ShapInput, shapSummary } from "../report/charts/shap-charts";
import { lisaMap, moranScatter, pointMap } from "../report/charts/spatial-charts";
import { trendChart } from "../report/charts/trend-chart";
import { weightsChart } from "../report/charts/weights-chart";
import { t } from "../i18n/catalogue";
import { paneCharts as M } from "../i18n/messages/pane-charts";
import type { ChartData, SpatialChartData, TrendChartData } from "./worker/chart-data";
import type { ShapExplanation } from "./worker/jobs-boosting";
import type { JobOutput } from "./worker/protocol";

export interface ChartOptions {
  /** SHAP dependence: the feature whose value colours the points ("" = none). */
  readonly colourFeature?: string;
  /** Trend: the column whose values split the lines ("" = one line). */
  readonly group?: string;
}

export interface ChartChoice {
  readonly id: string;
  readonly label: string;
  /** The option this chart offers in the pane, with its values. */
  readonly option?: { readonly kind: "colour" | "group"; readonly values: readonly string[] };
  build(options: ChartOptions): Chart;
}

export function chartsFor(output: JobOutput): ChartChoice[] {
  const out: ChartChoice[] = [];
  for (const d of output.charts ?? []) out.push(...choicesOf(d));
  if (output.explanation) out.push(...shapChoices(output.explanation));
  return out;
}

function choicesOf(d: ChartData): ChartChoice[] {
  switch (d.kind) {
    case "coef":
      return [{ id: `coef-${d.over}`, label: t(d.over === "groups" ? M.coefGroups : M.coefStepwise), build: () => coefPlot({ title: d.title, columns: d.columns, terms: d.terms }) }];
    case "weights":
      return [{ id: "weights", label: t(M.weightsBar), build: () => weightsChart(d.entropy, { title: d.title }) }];
    case "trend":
      return [trendChoice(d)];
    case "spatial":
      return spatialChoices(d);
  }
}

function trendChoice(d: TrendChartData): ChartChoice {
  return {
    id: "trend",
    label: t(M.trendByYear),
    option: d.groups.length ? { kind: "group", values: d.groups.map((g) => g.name) } : undefined,
    build: ({ group }) => {
      const g = group ? d.groups.find((x) => x.name === group) : undefined;
      const title = g ? t(M.trendGroupTitle, { variable: d.valueLabel, time: d.timeLabel, group: g.name }) : d.title;
      return trendChart({ title, time: d.time, value: d.value, group: g?.keys, groupLabels: g ? Object.fromEntries([...new Set(g.keys.filter((k): k is string => k !== null))].map((k) => [k, `${g.name} = ${k}`])) : undefined, valueLabel: d.valueLabel, timeLabel: d.timeLabel });
    },
  };
}

function spatialChoices(d: SpatialChartData): ChartChoice[] {
  const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : "n/a");
  const note = t(M.moranNote, { I: fmt(d.moranI), z: Number.isFinite(d.moranZ) ? d.moranZ.toFixed(2) : "n/a", p: fmt(d.moranP), weights: d.weights });
  return [
    { id: "moran", label: t(M.moranScatter, { period: d.period }), build: () => moranScatter({ title: t(M.moranTitle, { variable: d.variable, period: d.period }), variable: d.variable, z: d.z, wz: d.wz, slope: d.slope, names: d.ids, notes: [note] }) },
    { id: "lisa", label: t(M.lisaMap, { period: d.period }), build: () => lisaMap({ title: t(M.lisaTitle, { variable: d.variable, period: d.period }), lon: d.lon, lat: d.lat, names: d.ids, cluster: d.cluster, variable: d.variable, notes: [note] }) },
    { id: "map", label: t(M.valueMap, { variable: d.variable, period: d.period }), build: () => pointMap({ title: t(M.mapTitle, { variable: d.variable, period: d.period }), lon: d.lon, lat: d.lat, names: d.ids, value: d.value, valueLabel: d.variable }) },
  ];
}

/** The explanation as the SHAP builders take it: one SHAP column and one value column per feature. */
export function shapInputOf(e: ShapExplanation): ShapInput {
  const M = e.features.length;
  const n = e.rows.length;
  const shap = e.features.map((_, j) => Float64Array.from({ length: n }, (_v, q) => e.shap[q * M + j]));
  return { names: e.features, shap, values: e.x };
}

function shapChoices(e: ShapExplanation): ChartChoice[] {
  const input = () => shapInputOf(e);
  const byImportance = e.ranking.map((r) => r.feature);
  return [
    { id: "shap-summary", label: t(M.shapSummary), build: () => shapSummary(input()) },
    { id: "shap-bar", label: t(M.shapBar), build: () => shapBar(input()) },
    ...byImportance.map((feature) => ({
      id: `shap-dependence:${feature}`,
      label: t(M.shapDependence, { feature }),
      option: { kind: "colour" as const, values: e.features.filter((f) => f !== feature) },
      build: ({ colourFeature }: ChartOptions) => shapDependence({ ...input(), feature, colourFeature: colourFeature || undefined }),
    })),
  ];
}
