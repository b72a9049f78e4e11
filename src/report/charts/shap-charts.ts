/**
 * SHAP summaries from a plain SHAP matrix (features as columns of length n, as the engine stores
 * matrices) and the feature values: beeswarm summary (features ranked by mean |SHAP|, the top one at
 * the top; colour = the feature's value as its rank within the feature, 0 low .. 1 high), bar summary
 * (mean |SHAP|) and the dependence plot of one feature coloured by another.
 */
import { Chart, finiteRange, makeChart } from "./chart";

export interface ShapInput {
  readonly names: readonly string[];
  /** SHAP value per feature (column j) and row, length n each. */
  readonly shap: readonly ArrayLike<number>[];
  /** Feature values, same shape (needed for colour and dependence). */
  readonly values?: readonly ArrayLike<number>[];
  readonly labels?: Readonly<Record<string, string>>;
  readonly title?: string;
  readonly notes?: readonly string[];
}

function check(s: ShapInput) {
  if (s.shap.length !== s.names.length) throw new Error(`SHAP: ${s.shap.length} SHAP columns for ${s.names.length} feature names.`);
  const n = s.shap[0]?.length ?? 0;
  s.shap.forEach((c, j) => {
    if (c.length !== n) throw new Error(`SHAP: column ${s.names[j]} has ${c.length} rows, the first has ${n}.`);
  });
  if (s.values) {
    if (s.values.length !== s.names.length) throw new Error(`SHAP: ${s.values.length} feature-value columns for ${s.names.length} features.`);
    s.values.forEach((c, j) => {
      if (c.length !== n) throw new Error(`SHAP: feature values of ${s.names[j]} have ${c.length} rows, SHAP has ${n}.`);
    });
  }
  return n;
}

/** Mean |SHAP| per feature over finite values. */
export function meanAbsShap(shap: readonly ArrayLike<number>[]): number[] {
  return shap.map((c) => {
    let s = 0;
    let k = 0;
    for (let i = 0; i < c.length; i++)
      if (Number.isFinite(c[i])) {
        s += Math.abs(c[i]);
        k++;
      }
    return s / k;
  });
}

/** Feature order from least to most important (category positions run bottom-up). */
function ranked(s: ShapInput): number[] {
  const imp = meanAbsShap(s.shap);
  return imp.map((_, j) => j).sort((a, b) => imp[a] - imp[b] || b - a);
}

const label = (s: ShapInput, j: number) => s.labels?.[s.names[j]] ?? s.names[j];

export function shapBar(s: ShapInput): Chart {
  check(s);
  const imp = meanAbsShap(s.shap);
  const order = ranked(s);
  return makeChart({
    kind: "shap-bar",
    title: s.title ?? "Feature importance (mean |SHAP|)",
    x: { title: "Mean |SHAP value|", scale: "linear", min: 0 },
    y: { title: "", scale: "category", categories: order.map((j) => label(s, j)) },
    series: [{ name: "mean |SHAP|", mark: "bar", horizontal: true, x: order.map((j) => imp[j]), y: order.map((_, p) => p), labels: order.map((j) => s.names[j]), paletteIndex: 0 }],
    legend: false,
    notes: [...(s.notes ?? [])],
    height: Math.max(300, 90 + 26 * s.names.length),
  });
}

/** Rank of each value within its column scaled to 0..1 (ties share the mean rank; NaN stays NaN). */
export function rankScale(v: ArrayLike<number>): number[] {
  const idx = Array.from({ length: v.length }, (_, i) => i).filter((i) => Number.isFinite(v[i]));
  idx.sort((a, b) => v[a] - v[b]);
  const out = new Array<number>(v.length).fill(NaN);
  for (let a = 0; a < idx.length; ) {
    let b = a;
    while (b + 1 < idx.length && v[idx[b + 1]] === v[idx[a]]) b++;
    const r = idx.length > 1 ? (a + b) / 2 / (idx.length - 1) : 0.5;
    for (let k = a; k <= b; k++) out[idx[k]] = r;
    a = b + 1;
  }
  return out;
}

/** Beeswarm offsets in (-0.4, 0.4): points in the same x bin are stacked alternately above and below. */
export function swarmOffsets(x: ArrayLike<number>, bins = 60): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) (lo = Math.min(lo, x[i])), (hi = Math.max(hi, x[i]));
  const width = hi > lo ? (hi - lo) / bins : 1;
  const count = new Map<number, number>();
  const raw = Array.from({ length: x.length }, (_, i) => {
    const b = Math.floor((x[i] - lo) / width);
    const k = count.get(b) ?? 0;
    count.set(b, k + 1);
    return [b, k] as const;
  });
  const most = Math.max(1, ...count.values());
  const step = Math.min(0.04, 0.4 / Math.ceil(most / 2));
  return raw.map(([, k]) => (k % 2 ? -1 : 1) * Math.ceil(k / 2) * step);
}

export function shapSummary(s: ShapInput): Chart {
  const n = check(s);
  const order = ranked(s);
  const x: number[] = [];
  const y: number[] = [];
  const colour: number[] = [];
  const labels: string[] = [];
  order.forEach((j, pos) => {
    const off = swarmOffsets(s.shap[j]);
    const c = s.values ? rankScale(s.values[j]) : null;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(s.shap[j][i])) continue;
      x.push(s.shap[j][i]);
      y.push(pos + off[i]);
      colour.push(c ? c[i] : NaN);
      labels.push(s.names[j]);
    }
  });
  return makeChart({
    kind: "shap-summary",
    title: s.title ?? "SHAP summary",
    x: { title: "SHAP value (impact on the prediction)", scale: "linear", reference: [{ value: 0 }] },
    y: { title: "", scale: "category", categories: order.map((j) => label(s, j)) },
    series: [{ name: "SHAP", mark: "point", x, y, labels, ...(s.values ? { colour } : {}), markSize: 4 }],
    colourScale: s.values ? { kind: "continuous", title: "Feature value", min: 0, max: 1, palette: "sequential", lowLabel: "Low", highLabel: "High" } : undefined,
    legend: false,
    notes: ["Features ranked by mean |SHAP|; colour: the feature's value (rank within the feature).", ...(s.notes ?? [])],
    height: Math.max(320, 100 + 34 * s.names.length),
  });
}

export function shapDependence(s: ShapInput & { readonly feature: string; readonly colourFeature?: string }): Chart {
  check(s);
  if (!s.values) throw new Error("SHAP dependence needs the feature values.");
  const j = s.names.indexOf(s.feature);
  if (j < 0) throw new Error(`SHAP dependence: feature "${s.feature}" is not one of ${s.names.join(", ")}.`);
  const c = s.colourFeature === undefined ? -1 : s.names.indexOf(s.colourFeature);
  if (s.colourFeature !== undefined && c < 0) throw new Error(`SHAP dependence: colour feature "${s.colourFeature}" is not one of ${s.names.join(", ")}.`);
  const xs = s.values[j];
  const ys = s.shap[j];
  const keep = Array.from({ length: xs.length }, (_, i) => i).filter((i) => Number.isFinite(xs[i]) && Number.isFinite(ys[i]));
  const col = c >= 0 ? keep.map((i) => s.values![c][i]) : undefined;
  const [cmin, cmax] = col ? finiteRange(col) : [NaN, NaN];
  return makeChart({
    kind: "shap-dependence",
    title: s.title ?? `SHAP dependence: ${label(s, j)}`,
    x: { title: label(s, j), scale: "linear" },
    y: { title: `SHAP value of ${label(s, j)}`, scale: "linear", reference: [{ value: 0 }] },
    series: [{ name: label(s, j), mark: "point", x: keep.map((i) => xs[i]), y: keep.map((i) => ys[i]), colour: col, markSize: 5 }],
    colourScale: c >= 0 ? { kind: "continuous", title: label(s, c), min: cmin, max: cmax, palette: "sequential" } : undefined,
    legend: false,
    notes: [...(xs.length > keep.length ? [`${xs.length - keep.length} row(s) without a value left out.`] : []), ...(s.notes ?? [])],
  });
}
