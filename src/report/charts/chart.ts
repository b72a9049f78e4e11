/**
 * The neutral chart model: what a figure shows, with no renderer in it (like the table model in
 * ../table.ts). Builders (./*-chart.ts) lay result records out as charts; renderers draw them:
 * writers/svg.ts (ECharts server-side SVG, PNG via resvg) and src/excel/chart-writer.ts (native Excel
 * charts through Office.js).
 *
 * Coordinates are numbers. On a "category" axis a value is the position 0..k-1 of axis.categories (a
 * fractional position, e.g. a beeswarm's jitter, stays near its category). Arrays of one series have
 * the same length n (x, y, and colour/size/label/error bars when present).
 */

export type ChartKind =
  | "coef"
  | "trend"
  | "weights"
  | "moran"
  | "lisa"
  | "map"
  | "shap-summary"
  | "shap-bar"
  | "shap-dependence"
  | "geoshapley-map";
export const CHART_KINDS: readonly ChartKind[] = ["coef", "trend", "weights", "moran", "lisa", "map", "shap-summary", "shap-bar", "shap-dependence", "geoshapley-map"];

export type Mark = "point" | "line" | "bar";

/** An interval per point (e.g. a 95% confidence interval): low[i] <= y[i] <= high[i] in the usual case. */
export interface ErrorBars {
  readonly label: string;
  readonly low: readonly number[];
  readonly high: readonly number[];
  /** Drawn thicker when true (the narrower, e.g. 90%, interval). */
  readonly bold?: boolean;
}

export interface ChartSeries {
  readonly name: string;
  readonly mark: Mark;
  readonly x: readonly number[];
  readonly y: readonly number[];
  /** Value mapped through the chart's colour scale, per point . */
  readonly colour?: readonly number[];
  /** Marker area scale per point (relative, 1 = default). */
  readonly size?: readonly number[];
  /** Error bars on y, innermost last. */
  readonly errorBars?: readonly ErrorBars[];
  /** Label per point (shown on hover in the task pane, kept in the source data). */
  readonly labels?: readonly string[];
  /** Palette position of a fixed series colour (default: the series' index). */
  readonly paletteIndex?: number;
  /** Marker size in px (default 7), line width for lines. */
  readonly markSize?: number;
  /** Horizontal bars (value on x, category on y) for mark "bar". */
  readonly horizontal?: boolean;
}

export interface ReferenceLine {
  readonly value: number;
  readonly label?: string;
}

/** A straight line y = intercept + slope * x over the x range (e.g. a fitted slope). */
export interface FittedLine {
  readonly label: string;
  readonly intercept: number;
  readonly slope: number;
}

export type AxisScale = "linear" | "log" | "category";

export interface Axis {
  readonly title: string;
  readonly scale: AxisScale;
  readonly categories?: readonly string[];
  /** Reference lines across the plot at these values of this axis (e.g. 0, a policy year). */
  readonly reference?: readonly ReferenceLine[];
  readonly min?: number;
  readonly max?: number;
}

/** Continuous colour scale for the series' `colour` values (categories are drawn as separate series with a legend). */
export interface ColourScale {
  readonly kind: "continuous";
  readonly title: string;
  readonly min: number;
  readonly max: number;
  readonly palette: "sequential" | "diverging";
  readonly lowLabel?: string;
  readonly highLabel?: string;
}

/** GeoJSON the user provides (Polygon / MultiPolygon / LineString features); drawn as outlines. */
export interface GeoJsonLike {
  readonly type: string;
  readonly features?: readonly { readonly geometry: { readonly type: string; readonly coordinates: unknown } | null }[];
  readonly geometry?: { readonly type: string; readonly coordinates: unknown };
  readonly coordinates?: unknown;
}

export interface SourceData {
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

export interface Chart {
  readonly kind: ChartKind;
  readonly title: string;
  readonly x: Axis;
  readonly y: Axis;
  readonly series: readonly ChartSeries[];
  readonly fitted?: readonly FittedLine[];
  readonly colourScale?: ColourScale;
  readonly legend: { readonly show: boolean };
  readonly notes: readonly string[];
  /** Map: equal-area-looking aspect (x = lon, y = lat, scaled by cos(mean lat)). */
  readonly geo?: { readonly boundaries?: GeoJsonLike };
  /** The numbers drawn, as a table (written to the chart's sheet in Excel; CSV from the CLI). */
  readonly source: SourceData;
  /** Suggested size in px. */
  readonly width: number;
  readonly height: number;
}

/** Okabe & Ito (2008) colour-blind-safe qualitative palette (black moved last). */
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"] as const;
/** Viridis (sequential, colour-blind safe), 9 stops from low to high. */
export const SEQUENTIAL = ["#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725"] as const;
/** Blue - light grey - orange (diverging, colour-blind safe; after ColorBrewer PuOr / Okabe-Ito hues). */
export const DIVERGING = ["#0072B2", "#56B4E9", "#B9DDF1", "#EEEEEE", "#F7C98B", "#E69F00", "#D55E00"] as const;

/** Grey for "none" (palette index -1, e.g. not-significant LISA units). */
export const NEUTRAL = "#BBBBBB";
export const paletteColour = (i: number): string => (i < 0 ? NEUTRAL : PALETTE[i % PALETTE.length]);

/** Throws when arrays of a series differ in length (a builder bug or bad input). */
export function checkSeries(s: ChartSeries): ChartSeries {
  const n = s.x.length;
  const bad = (what: string, len: number) => {
    throw new Error(`Chart series "${s.name}": ${what} has ${len} values, x has ${n}.`);
  };
  if (s.y.length !== n) bad("y", s.y.length);
  if (s.colour && s.colour.length !== n) bad("colour", s.colour.length);
  if (s.size && s.size.length !== n) bad("size", s.size.length);
  if (s.labels && s.labels.length !== n) bad("labels", s.labels.length);
  for (const e of s.errorBars ?? []) {
    if (e.low.length !== n) bad(`${e.label} low`, e.low.length);
    if (e.high.length !== n) bad(`${e.label} high`, e.high.length);
  }
  return s;
}

const cell = (v: number | string | undefined): string | number | null => (v === undefined || (typeof v === "number" && !Number.isFinite(v)) ? null : v);

/** Long-format source table of the series: series, label, x (category name on a category axis), y, colour, size, intervals. */
export function sourceOf(series: readonly ChartSeries[], x: Axis, y: Axis): SourceData {
  const bars = [...new Set(series.flatMap((s) => (s.errorBars ?? []).map((e) => e.label)))];
  const hasColour = series.some((s) => s.colour);
  const hasSize = series.some((s) => s.size);
  const hasLabel = series.some((s) => s.labels);
  const header = ["series", ...(hasLabel ? ["label"] : []), x.title || "x", y.title || "y", ...(hasColour ? ["colour"] : []), ...(hasSize ? ["size"] : []), ...bars.flatMap((b) => [`${b} low`, `${b} high`])];
  const name = (a: Axis, v: number) => (a.scale === "category" && a.categories && Number.isInteger(v) ? (a.categories[v] ?? v) : v);
  const rows: (string | number | null)[][] = [];
  for (const s of series)
    for (let i = 0; i < s.x.length; i++) {
      const byLabel = new Map((s.errorBars ?? []).map((e) => [e.label, e]));
      rows.push([
        s.name,
        ...(hasLabel ? [cell(s.labels?.[i])] : []),
        cell(name(x, s.x[i])),
        cell(name(y, s.y[i])),
        ...(hasColour ? [cell(s.colour?.[i])] : []),
        ...(hasSize ? [cell(s.size?.[i])] : []),
        ...bars.flatMap((b) => [cell(byLabel.get(b)?.low[i]), cell(byLabel.get(b)?.high[i])]),
      ]);
    }
  return { header, rows };
}

/** What a builder gives makeChart: the chart without its derived parts (source) and with defaults. */
export type ChartParts = Omit<Chart, "legend" | "notes" | "source" | "width" | "height"> & {
  readonly legend?: boolean;
  readonly notes?: readonly string[];
  readonly width?: number;
  readonly height?: number;
};

/** Assembles a chart: checks the series and derives the source table. */
export function makeChart(p: ChartParts): Chart {
  const series = p.series.map(checkSeries);
  return {
    kind: p.kind,
    title: p.title,
    x: p.x,
    y: p.y,
    series,
    fitted: p.fitted,
    colourScale: p.colourScale,
    legend: { show: p.legend ?? series.length > 1 },
    notes: p.notes ?? [],
    geo: p.geo,
    source: sourceOf(series, p.x, p.y),
    width: p.width ?? 720,
    height: p.height ?? 440,
  };
}

/** Finite minimum and maximum of the values (NaN, NaN when none is finite). */
export function finiteRange(values: Iterable<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values)
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return lo <= hi ? [lo, hi] : [NaN, NaN];
}
