/**
 * Office.js chart writer: draws a chart model (../report/charts) as a native, live Excel chart. The
 * numbers go first to a NEW sheet (unique name, never a user's cells): per drawn series a block of
 * columns (label, x, y; bars: category, value); the chart's series are bound to those ranges, so editing
 * a cell redraws the chart. Types: bar -> BarClustered / ColumnClustered, line -> XYScatterLines,
 * point -> XYScatter.
 *
 * What Excel lacks is drawn with what it has:
 * - Error bars: Office.js cannot bind custom error-bar ranges (ChartErrorBars has no custom values), so
 *   each interval is an XYScatterLinesNoMarkers series of vertical segments (x, low), (x, high), gap,
 *   bound to its own cells (columns "<CI> x", "<CI> y"); the narrower interval is drawn thicker.
 * - Colour scales (SHAP beeswarm and dependence, point maps): no colour-scale scatter, so the colour
 *   values are cut into ~5 classes (../report/charts/colour-bins.ts, viridis or blue-orange steps), one
 *   series each with its range in the legend. Categorical maps (LISA) are already one series per class.
 * - Category axes on a scatter (coefficient plot columns, beeswarm features): an "axis labels" series
 *   without markers whose data labels carry the category names at the axis edge.
 * - Fitted lines (Moran's slope): a two-point line series over the x range of the points.
 * Colours: each series gets its palette colour (Okabe-Ito; NEUTRAL grey for "not significant").
 */
import type { ExcelRunner } from "./context";
import { Chart, ChartSeries, finiteRange, paletteColour } from "../report/charts/chart";
import { colourBins } from "../report/charts/colour-bins";
import { uniqueSheetName } from "../report/sheet-names";

export interface WrittenChart {
  readonly sheetName: string;
  readonly chartType: string;
  /** Address of the data block on the new sheet, e.g. "A1:E7". */
  readonly dataAddress: string;
  readonly series: readonly { readonly name: string; readonly type: string; readonly x: string; readonly y: string; readonly colour: string }[];
}

const colLetter = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : colLetter(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));
const addr = (c: number, r0: number, r1: number) => `${colLetter(c)}${r0 + 1}:${colLetter(c)}${r1 + 1}`;
const num = (v: number): number | string => (Number.isFinite(v) ? v : "");

export function excelChartType(c: Chart): string {
  const bar = c.series.find((s) => s.mark === "bar");
  if (bar) return bar.horizontal ? "BarClustered" : "ColumnClustered";
  return c.series.some((s) => s.mark === "line") ? "XYScatterLines" : "XYScatter";
}

/** One series as Excel draws it. */
export interface DrawnSeries {
  readonly name: string;
  /** Excel chart type of the series. */
  readonly type: string;
  readonly role: "data" | "interval" | "fitted" | "axis-labels";
  readonly colour: string;
  readonly header: readonly string[];
  readonly columns: readonly (readonly (string | number)[])[];
  /** Columns (within the block) bound as x (categories for bars) and y values. */
  readonly x: number;
  readonly y: number;
  /** Line weight in pt (interval and fitted series). */
  readonly weight?: number;
  readonly markerSize?: number;
  /** Data label per point (axis-labels series) and where it sits. */
  readonly dataLabels?: readonly string[];
  readonly labelPosition?: "Left" | "Below";
}

function categoryName(c: Chart, s: ChartSeries, i: number): string {
  const a = s.mark === "bar" && s.horizontal ? c.y : c.x;
  const pos = s.mark === "bar" && s.horizontal ? s.y[i] : s.x[i];
  return a.categories?.[Math.round(pos)] ?? s.labels?.[i] ?? "";
}

/** The series Excel draws for a chart model, in order (the first one creates the chart). */
export function drawnSeries(c: Chart): DrawnSeries[] {
  const out: DrawnSeries[] = [];
  const xTitle = c.x.title || "x";
  c.series.forEach((s, si) => {
    const colour = paletteColour(s.paletteIndex ?? si);
    const label = s.x.map((_, i) => (s.mark === "bar" ? categoryName(c, s, i) : (s.labels?.[i] ?? categoryName(c, s, i))));
    if (s.mark === "bar") {
      out.push({ name: s.name, type: excelChartType(c), role: "data", colour, header: ["category", s.name], columns: [label, (s.horizontal ? s.x : s.y).map(num)], x: 0, y: 1 });
      return;
    }
    const type = s.mark === "line" ? "XYScatterLines" : "XYScatter";
    const marker = s.markSize ? Math.max(2, Math.min(72, Math.round(s.markSize))) : undefined;
    if (s.colour && c.colourScale) {
      for (const b of colourBins(s, c.colourScale)) {
        const name = c.series.length > 1 ? `${s.name}: ${b.label}` : b.label;
        out.push({ name, type, role: "data", colour: b.colour, header: ["label", xTitle, name], columns: [b.points.map((i) => label[i]), b.points.map((i) => num(s.x[i])), b.points.map((i) => num(s.y[i]))], x: 1, y: 2, markerSize: marker });
      }
    } else {
      out.push({ name: s.name, type, role: "data", colour, header: ["label", xTitle, s.name], columns: [label, s.x.map(num), s.y.map(num)], x: 1, y: 2, markerSize: marker });
    }
    for (const e of s.errorBars ?? []) {
      const xs: (number | string)[] = [];
      const ys: (number | string)[] = [];
      s.x.forEach((x, i) => {
        xs.push(num(x), num(x), "");
        ys.push(num(e.low[i]), num(e.high[i]), "");
      });
      out.push({ name: `${s.name} ${e.label}`, type: "XYScatterLinesNoMarkers", role: "interval", colour, header: [`${e.label} x`, `${e.label} y`], columns: [xs, ys], x: 0, y: 1, weight: e.bold ? 3 : 1.25 });
    }
  });
  if (c.series.some((s) => s.mark === "bar")) return out;
  const xs = c.series.flatMap((s) => s.x);
  const ys = c.series.flatMap((s) => [...s.y, ...(s.errorBars ?? []).flatMap((e) => e.low)]);
  const [x0, x1] = finiteRange(xs);
  const [y0] = finiteRange(ys);
  for (const f of c.fitted ?? []) {
    if (!Number.isFinite(x0)) break;
    out.push({ name: f.label, type: "XYScatterLinesNoMarkers", role: "fitted", colour: "#000000", header: [`${f.label} x`, "y"], columns: [[x0, x1], [f.intercept + f.slope * x0, f.intercept + f.slope * x1]], x: 0, y: 1, weight: 2 });
  }
  // Category names at the axis edge, as data labels of a marker-less series.
  const cats = c.y.scale === "category" ? c.y.categories : c.x.scale === "category" ? c.x.categories : undefined;
  if (cats?.length && Number.isFinite(x0) && Number.isFinite(y0)) {
    const onY = c.y.scale === "category";
    const pos = cats.map((_, i) => i);
    out.push({
      name: "axis labels",
      type: "XYScatter",
      role: "axis-labels",
      colour: "#000000",
      header: ["axis label", "x", "y"],
      columns: [[...cats], onY ? pos.map(() => x0) : pos, onY ? pos : pos.map(() => y0)],
      x: 1,
      y: 2,
      dataLabels: cats,
      labelPosition: onY ? "Left" : "Below",
    });
  }
  return out;
}

/** Rows written per request: a beeswarm of 25,000 points stays well under Excel's 5 MB payload. */
const CHUNK_ROWS = 20000;

/** Writes the chart's data to a new sheet and adds a native chart bound to it. */
export async function writeChartToNewSheet(run: ExcelRunner, chart: Chart, opts: { sheetName?: string; activate?: boolean } = {}): Promise<WrittenChart> {
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name");
    await ctx.sync();
    const name = uniqueSheetName((opts.sheetName ?? `Chart ${chart.title}`).slice(0, 31), sheets.items.map((s) => s.name));
    const ws = sheets.add(name);
    const drawn = drawnSeries(chart);
    let col = 0;
    let last = 0;
    const placed: (DrawnSeries & { xCol: number; yCol: number; n: number })[] = [];
    for (const b of drawn) {
      const n = b.columns[0].length;
      ws.getRangeByIndexes(0, col, 1, b.header.length).values = [[...b.header]];
      for (let r0 = 0; r0 < n; r0 += CHUNK_ROWS) {
        const r1 = Math.min(n, r0 + CHUNK_ROWS);
        ws.getRangeByIndexes(1 + r0, col, r1 - r0, b.header.length).values = Array.from({ length: r1 - r0 }, (_, i) => b.columns.map((c) => c[r0 + i]));
        if (n > CHUNK_ROWS) await ctx.sync();
      }
      placed.push({ ...b, xCol: col + b.x, yCol: col + b.y, n });
      col += b.header.length + 1;
      last = Math.max(last, n);
    }
    const type = excelChartType(chart);
    const first = placed[0];
    const ch = ws.charts.add(type as Excel.ChartType, ws.getRange(addr(first.yCol, 1, first.n)), "Columns");
    ch.title.text = chart.title;
    ch.legend.visible = chart.legend.show || drawn.filter((d) => d.role === "data").length > 1;
    const out: WrittenChart["series"][number][] = [];
    placed.forEach((p, i) => {
      const s = i === 0 ? ch.series.getItemAt(0) : ch.series.add(p.name);
      s.name = p.name;
      if (i > 0 && p.type !== type) s.chartType = p.type as Excel.ChartType;
      s.setValues(ws.getRange(addr(p.yCol, 1, p.n)));
      s.setXAxisValues(ws.getRange(addr(p.xCol, 1, p.n)));
      style(s, p);
      // the axis-labels series only carries the category names: no legend entry
      if (p.role === "axis-labels") ch.legend.legendEntries.getItemAt(i).visible = false;
      out.push({ name: p.name, type: p.type, x: addr(p.xCol, 1, p.n), y: addr(p.yCol, 1, p.n), colour: p.colour });
    });
    axes(ch, chart);
    ch.setPosition(`${colLetter(col + 1)}2`);
    if (opts.activate ?? true) ws.activate();
    await ctx.sync();
    return { sheetName: name, chartType: type, dataAddress: `A1:${colLetter(Math.max(0, col - 2))}${last + 1}`, series: out };
  });
}

function style(s: Excel.ChartSeries, p: DrawnSeries): void {
  if (p.type === "BarClustered" || p.type === "ColumnClustered") {
    s.format.fill.setSolidColor(p.colour);
    return;
  }
  if (p.role === "interval" || p.role === "fitted") {
    s.markerStyle = "None" as Excel.ChartMarkerStyle;
    s.format.line.color = p.colour;
    s.format.line.weight = p.weight ?? 1.5;
    return;
  }
  if (p.role === "axis-labels") {
    s.markerStyle = "None" as Excel.ChartMarkerStyle;
    p.dataLabels?.forEach((text, i) => {
      const pt = s.points.getItemAt(i);
      pt.hasDataLabel = true;
      pt.dataLabel.text = text;
      pt.dataLabel.position = p.labelPosition as Excel.ChartDataLabelPosition;
    });
    return;
  }
  s.markerStyle = "Circle" as Excel.ChartMarkerStyle;
  if (p.markerSize) s.markerSize = p.markerSize;
  s.markerBackgroundColor = p.colour;
  s.markerForegroundColor = p.colour;
  if (p.type === "XYScatterLines") s.format.line.color = p.colour;
}

function axes(ch: Excel.Chart, c: Chart): void {
  const horizontalBar = c.series.some((s) => s.mark === "bar" && s.horizontal);
  const value = ch.axes.getItem("Value" as Excel.ChartAxisType);
  const category = ch.axes.getItem("Category" as Excel.ChartAxisType);
  value.title.text = horizontalBar ? c.x.title : c.y.title;
  category.title.text = horizontalBar ? c.y.title : c.x.title;
  if (c.series.some((s) => s.mark === "bar")) return;
  // A category axis of a scatter: positions 0..k-1, named by the axis-labels series, so no numbers.
  const catAxis = (a: Chart["x"], axis: Excel.ChartAxis) => {
    if (a.scale !== "category" || !a.categories?.length) return;
    axis.minimum = -0.5;
    axis.maximum = a.categories.length - 0.5;
    axis.majorUnit = 1;
    axis.tickLabelPosition = "None" as Excel.ChartAxisTickLabelPosition;
  };
  catAxis(c.x, category);
  catAxis(c.y, value);
}
