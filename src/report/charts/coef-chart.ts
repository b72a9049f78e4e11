/**
 * Coefficient plot: the estimate of one or more terms across the columns of a regression table (the
 * stepwise baseline, the groups of a heterogeneity table), with confidence intervals at each level
 * (default 95% and 90%): b +/- t(1 - (1 - level)/2, dfInference) * se, the critical value the engine
 * uses for its 95% intervals (normal when dfInference is Infinity).
 */
import { HeterogeneityResult } from "../../engine/models/heterogeneity";
import { RegressionResult } from "../../engine/models/result";
import { tQuantileAt } from "../../engine/stats/distributions";
import { Chart, ChartSeries, makeChart } from "./chart";

export interface CoefColumn {
  readonly label: string;
  readonly result: RegressionResult;
}

export interface CoefPlotSpec {
  readonly title: string;
  readonly columns: readonly CoefColumn[];
  /** Terms to plot (default: the first term of the first column). */
  readonly terms?: readonly string[];
  readonly labels?: Readonly<Record<string, string>>;
  /** Confidence levels, widest first (default [0.95, 0.9]). */
  readonly levels?: readonly number[];
  readonly xTitle?: string;
  readonly notes?: readonly string[];
}

/** Critical value of a two-sided interval at `level` with the result's inference df. */
export function criticalValue(level: number, df: number): number {
  if (!(level > 0 && level < 1)) throw new Error(`Confidence level must be between 0 and 1, got ${level}.`);
  return tQuantileAt(1 - (1 - level) / 2, df);
}

const pct = (l: number) => `${+(l * 100).toFixed(4)}% CI`;

export function coefPlot(spec: CoefPlotSpec): Chart {
  if (!spec.columns.length) throw new Error("coefPlot: no columns.");
  const terms = spec.terms?.length ? spec.terms : [spec.columns[0].result.terms[0]];
  const levels = [...(spec.levels ?? [0.95, 0.9])].sort((a, b) => b - a);
  const label = (t: string) => spec.labels?.[t] ?? t;
  const missing: string[] = [];
  const series = terms.map((term, ti): ChartSeries => {
    const offset = terms.length > 1 ? (ti - (terms.length - 1) / 2) * (0.5 / terms.length) : 0;
    const at = spec.columns.map((c) => {
      const j = c.result.terms.indexOf(term);
      if (j < 0) missing.push(`${label(term)} is not in column ${c.label}`);
      return j;
    });
    const coef = spec.columns.map((c, i) => (at[i] < 0 ? NaN : c.result.coef[at[i]]));
    const se = spec.columns.map((c, i) => (at[i] < 0 ? NaN : c.result.se[at[i]]));
    return {
      name: label(term),
      mark: "point",
      x: spec.columns.map((_, i) => i + offset),
      y: coef,
      labels: spec.columns.map((c) => c.label),
      paletteIndex: ti,
      errorBars: levels.map((l, li) => {
        const q = spec.columns.map((c) => criticalValue(l, c.result.dof.dfInference));
        return { label: pct(l), low: coef.map((b, i) => b - q[i] * se[i]), high: coef.map((b, i) => b + q[i] * se[i]), bold: li > 0 };
      }),
    };
  });
  const stat = spec.columns[0].result;
  const vcov = stat.vcovType === "cluster" ? `clustered by ${stat.clusterVars.join(", ")}` : stat.vcovType === "hc1" ? "robust (HC1)" : "iid";
  return makeChart({
    kind: "coef",
    title: spec.title,
    x: { title: spec.xTitle ?? "", scale: "category", categories: spec.columns.map((c) => c.label) },
    y: { title: terms.length === 1 ? `Coefficient on ${label(terms[0])}` : "Coefficient", scale: "linear", reference: [{ value: 0 }] },
    series,
    legend: true,
    notes: [
      `Points: estimates; bars: ${levels.map(pct).join(" (thin) and ")} (thick) intervals; standard errors ${vcov}.`,
      ...missing,
      ...(spec.notes ?? []),
    ],
  });
}

/** Columns (1), (2), ... of a stepwise table. */
export function stepwiseColumns(results: readonly RegressionResult[]): CoefColumn[] {
  return results.map((result, i) => ({ label: `(${i + 1})`, result }));
}

/** The split-sample columns of heterogeneity results: "<split>: <group>" each. */
export function heterogeneityColumns(splits: readonly { readonly label: string; readonly result: HeterogeneityResult; readonly levelLabels?: Readonly<Record<string, string>> }[]): CoefColumn[] {
  return splits.flatMap((s) => s.result.groups.map((g) => ({ label: `${s.label}: ${s.levelLabels?.[g.label] ?? g.label}`, result: g.result })));
}
