/**
 * Office.js chart writer: draws a chart model (../report/charts) as a native, live Excel chart. The
 * numbers go first to a NEW sheet (unique name, never a user's cells): per series a block of columns
 * (label, x, y; then per interval low, high); the chart's series are bound to those ranges, so editing a
 * cell redraws the chart. Types: bar -> BarClustered / ColumnClustered, line -> XYScatterLines,
 * point -> XYScatter. Error bars: Office.js cannot bind custom error-bar ranges (ChartErrorBars has
 * no custom values), so each interval is drawn as an XYScatterLinesNoMarkers series of vertical
 * segments (x, low), (x, high), gap, bound to its own cells (columns "<CI> x", "<CI> y").
 */
import type { ExcelRunner } from "./context";
import { Chart, ChartSeries } from "../report/charts/chart";
import { uniqueSheetName } from "../report/sheet-names";

export interface WrittenChart {
  readonly sheetName: string;
  readonly chartType: string;
  /** Address of the data block on the new sheet, e.g. "A1:E7". */
  readonly dataAddress: string;
  readonly series: readonly { readonly name: string; readonly type: string; readonly x: string; readonly y: string }[];
}

const colLetter = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : colLetter(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));
const addr = (c: number, r0: number, r1: number) => `${colLetter(c)}${r0 + 1}:${colLetter(c)}${r1 + 1}`;
const num = (v: number): number | string => (Number.isFinite(v) ? v : "");

export function excelChartType(c: Chart): string {
  const bar = c.series.find((s) => s.mark === "bar");
  if (bar) return bar.horizontal ? "BarClustered" : "ColumnClustered";
  return c.series.some((s) => s.mark === "line") ? "XYScatterLines" : "XYScatter";
}

interface Block {
  name: string;
  type: string;
  header: string[];
  columns: (string | number)[][];
  x: number;
  y: number;
}

/** The data columns of each drawn series (estimates, then their interval segments). */
export function chartBlocks(c: Chart): Block[] {
  const type = excelChartType(c);
  const cat = (s: ChartSeries, i: number) => {
    const a = s.mark === "bar" && s.horizontal ? c.y : c.x;
    const pos = s.mark === "bar" && s.horizontal ? s.y[i] : s.x[i];
    return a.categories?.[Math.round(pos)] ?? s.labels?.[i] ?? "";
  };
  const blocks: Block[] = [];
  for (const s of c.series) {
    const label = s.x.map((_, i) => cat(s, i));
    if (s.mark === "bar") {
      const vals = s.horizontal ? s.x : s.y;
      blocks.push({ name: s.name, type, header: ["category", s.name], columns: [label, vals.map(num)], x: 0, y: 1 });
      continue;
    }
    blocks.push({ name: s.name, type: s.mark === "line" ? "XYScatterLines" : "XYScatter", header: ["label", c.x.title || "x", s.name], columns: [label, s.x.map(num), s.y.map(num)], x: 1, y: 2 });
    for (const e of s.errorBars ?? []) {
      const xs: (number | string)[] = [];
      const ys: (number | string)[] = [];
      s.x.forEach((x, i) => {
        xs.push(num(x), num(x), "");
        ys.push(num(e.low[i]), num(e.high[i]), "");
      });
      blocks.push({ name: `${s.name} ${e.label}`, type: "XYScatterLinesNoMarkers", header: [`${e.label} x`, `${e.label} y`], columns: [xs, ys], x: 0, y: 1 });
    }
  }
  return blocks;
}

/** Writes the chart's data to a new sheet and adds a native chart bound to it. */
export async function writeChartToNewSheet(run: ExcelRunner, chart: Chart, opts: { sheetName?: string; activate?: boolean } = {}): Promise<WrittenChart> {
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name");
    await ctx.sync();
    const name = uniqueSheetName((opts.sheetName ?? `Chart ${chart.title}`).slice(0, 31), sheets.items.map((s) => s.name));
    const ws = sheets.add(name);
    const blocks = chartBlocks(chart);
    let col = 0;
    let last = 0;
    const placed = blocks.map((b) => {
      const n = b.columns[0].length;
      const rows = [b.header, ...Array.from({ length: n }, (_, i) => b.columns.map((c) => c[i]))];
      ws.getRangeByIndexes(0, col, n + 1, b.header.length).values = rows;
      const at = { ...b, xCol: col + b.x, yCol: col + b.y, n };
      col += b.header.length + 1;
      last = Math.max(last, n);
      return at;
    });
    const type = excelChartType(chart);
    const first = placed[0];
    const ch = ws.charts.add(type as Excel.ChartType, ws.getRange(addr(first.yCol, 1, first.n)), "Columns");
    ch.title.text = chart.title;
    ch.legend.visible = chart.legend.show;
    const out: WrittenChart["series"][number][] = [];
    placed.forEach((p, i) => {
      const s = i === 0 ? ch.series.getItemAt(0) : ch.series.add(p.name);
      s.name = p.name;
      if (i > 0 && p.type !== type) s.chartType = p.type as Excel.ChartType;
      s.setValues(ws.getRange(addr(p.yCol, 1, p.n)));
      s.setXAxisValues(ws.getRange(addr(p.xCol, 1, p.n)));
      out.push({ name: p.name, type: p.type, x: addr(p.xCol, 1, p.n), y: addr(p.yCol, 1, p.n) });
    });
    const value = ch.axes.getItem("Value" as Excel.ChartAxisType);
    value.title.text = chart.series[0]?.horizontal ? chart.x.title : chart.y.title;
    ch.setPosition(`${colLetter(col + 1)}2`);
    if (opts.activate ?? true) ws.activate();
    await ctx.sync();
    return { sheetName: name, chartType: type, dataAddress: `A1:${colLetter(Math.max(0, col - 2))}${last + 1}`, series: out };
  });
}
