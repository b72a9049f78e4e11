/**
 * What the pane's charts need from a job, computed in the worker and sent with the result: plain,
 * structured-cloneable records (no chart is drawn here). The pane's chart registry
 * (src/taskpane/charts-for.ts) turns them into chart models (src/report/charts) when the user picks one,
 * so choices made after the run (SHAP colour feature, trend groups) need no second run.
 */
import { Frame, getColumn, numericColumn } from "../../engine/frame";
import type { RegressionResult } from "../../engine/models/result";
import type { EntropyResult } from "../../engine/indices/entropy";

/** Coefficient plot over the columns of a regression table (stepwise columns or groups). */
export interface CoefChartData {
  readonly kind: "coef";
  readonly title: string;
  readonly over: "columns" | "groups";
  readonly columns: readonly { readonly label: string; readonly result: RegressionResult }[];
  readonly terms: readonly string[];
}

/** Index weights (bar), as the entropy result holds them. */
export interface WeightsChartData {
  readonly kind: "weights";
  readonly title: string;
  readonly entropy: EntropyResult;
}

/** A variable by period, with the columns that can split it into a few group lines. */
export interface TrendChartData {
  readonly kind: "trend";
  readonly title: string;
  readonly valueLabel: string;
  readonly timeLabel: string;
  readonly time: Float64Array;
  readonly value: Float64Array;
  /** Columns with 2 to 6 distinct values (e.g. hu_east), their key per row. */
  readonly groups: readonly { readonly name: string; readonly keys: readonly (string | null)[] }[];
}

/** One period's cross-section of a spatial variable: Moran scatter, LISA clusters and the values on (lon, lat). */
export interface SpatialChartData {
  readonly kind: "spatial";
  readonly variable: string;
  /** e.g. "year 2021". */
  readonly period: string;
  readonly ids: readonly string[];
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly value: Float64Array;
  /** Standardised value and its spatial lag, and the slope of Wz on z (Moran's I for a row-standardised W). */
  readonly z: Float64Array;
  readonly wz: Float64Array;
  readonly slope: number;
  /** Global Moran's I with its normality z and p (for the chart note). */
  readonly moranI: number;
  readonly moranZ: number;
  readonly moranP: number;
  /** LISA class per unit: HH, LL, HL, LH or ns. */
  readonly cluster: readonly string[];
  readonly weights: string;
}

export type ChartData = CoefChartData | WeightsChartData | TrendChartData | SpatialChartData;

/** The result without its per-row arrays (the chart reads coefficients, SEs and the inference df only). */
export function slimResult(r: RegressionResult): RegressionResult {
  return { ...r, sample: { ...r.sample, rows: new Int32Array(0) } };
}

/** The entropy result without its per-row arrays (the weights chart reads the fits). */
export function slimEntropy(e: EntropyResult): EntropyResult {
  return { ...e, scores: new Float64Array(0), normalised: null, layers: e.layers.map((l) => ({ ...l, scores: new Float64Array(0) })) };
}

const MAX_GROUPS = 6;
const MAX_GROUP_COLUMNS = 8;

/** Keys per row of a column with 2..6 distinct non-missing values, or null (scans stop at the 7th value). */
function fewValues(frame: Frame, name: string): (string | null)[] | null {
  const col = getColumn(frame, name);
  const seen = new Set<string>();
  const keys: (string | null)[] = new Array(frame.nrow);
  for (let i = 0; i < frame.nrow; i++) {
    const k = col.text ? col.text[i] : Number.isNaN(col.numbers[i]) ? null : String(col.numbers[i]);
    keys[i] = k;
    if (k !== null) seen.add(k);
    if (seen.size > MAX_GROUPS) return null;
  }
  return seen.size >= 2 ? keys : null;
}

/** Trend data of `value` (a column of the frame, or computed values) by `time`, with the group candidates. */
export function trendData(frame: Frame, spec: { title: string; valueLabel: string; value: Float64Array; time: string; id?: string }): TrendChartData {
  const groups: { name: string; keys: (string | null)[] }[] = [];
  for (const name of frame.names) {
    if (groups.length >= MAX_GROUP_COLUMNS) break;
    if (name === spec.time || name === spec.id || name === spec.valueLabel) continue;
    const keys = fewValues(frame, name);
    if (keys) groups.push({ name, keys });
  }
  return { kind: "trend", title: spec.title, valueLabel: spec.valueLabel, timeLabel: spec.time, time: numericColumn(frame, spec.time), value: spec.value, groups };
}
