/**
 * Chart model -> Apache ECharts option (plain object; used by the Node SVG renderer ./svg.ts and by the
 * task pane preview in the browser). Layout: title on top, legend under it, continuous colour scale on
 * the right, notes under the plot (wrapped), axis titles outside the tick labels.
 */
import { Axis, Chart, ChartSeries, DIVERGING, GeoJsonLike, SEQUENTIAL, finiteRange, paletteColour } from "../charts/chart";

export const FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif";
const NOTE_LINE = 15;
const CHARS_PER_PX = 1 / 6.3; // ~ average glyph width of an 11 px sans font

/** Polylines (rings and lines) of a GeoJSON object, as [lon, lat] lists. */
export function geoLines(g: GeoJsonLike): number[][][] {
  const out: number[][][] = [];
  const geom = (t: string, c: unknown) => {
    if (t === "Polygon" || t === "MultiLineString") for (const r of c as number[][][]) out.push(r);
    else if (t === "MultiPolygon") for (const p of c as number[][][][]) for (const r of p) out.push(r);
    else if (t === "LineString") out.push(c as number[][]);
  };
  if (g.type === "FeatureCollection") for (const f of g.features ?? []) f.geometry && geom(f.geometry.type, f.geometry.coordinates);
  else if (g.type === "Feature" && g.geometry) geom(g.geometry.type, g.geometry.coordinates);
  else geom(g.type, g.coordinates);
  return out;
}

function wrap(text: string, width: number): string[] {
  return wrapChars(text, Math.max(20, Math.floor(width * CHARS_PER_PX)));
}

function wrapChars(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const w of text.split(/\s+/)) {
    if (line && line.length + 1 + w.length > max) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

const isBarAxis = (c: Chart, horizontal: boolean) => c.series.some((s) => s.mark === "bar" && !!s.horizontal === horizontal);

function axisOption(a: Axis, c: Chart, dim: "x" | "y") {
  const base = {
    name: a.title,
    nameLocation: "middle" as const,
    nameTextStyle: { fontSize: 12, color: "#222" },
    axisLabel: { fontSize: 11, color: "#333", hideOverlap: true } as Record<string, unknown>,
    axisLine: { onZero: false, lineStyle: { color: "#555" } },
    splitLine: { lineStyle: { color: "#e6e6e6" } },
  };
  if (a.scale === "category") {
    const cats = a.categories ?? [];
    const categoryBars = isBarAxis(c, dim === "y");
    if (categoryBars) return { ...base, type: "category", data: [...cats], axisTick: { alignWithLabel: true }, axisLabel: { ...base.axisLabel, interval: 0 }, splitLine: { show: false } };
    return {
      ...base,
      type: "value",
      min: -0.5,
      max: cats.length - 0.5,
      splitLine: { show: false },
      axisTick: { customValues: cats.map((_, i) => i) },
      axisLabel: { ...base.axisLabel, hideOverlap: false, customValues: cats.map((_, i) => i), formatter: (v: number) => cats[Math.round(v)] ?? "" },
    };
  }
  const axisLabel = { ...base.axisLabel, formatter: (v: number) => String(+v.toPrecision(6)) };
  return { ...base, axisLabel, type: a.scale === "log" ? "log" : "value", scale: a.min === undefined, ...(a.min !== undefined ? { min: a.min } : {}), ...(a.max !== undefined ? { max: a.max } : {}) };
}

function colourOf(s: ChartSeries, i: number) {
  return paletteColour(s.paletteIndex ?? i);
}

function seriesOptions(c: Chart): unknown[] {
  const out: unknown[] = [];
  const cs = c.colourScale;
  c.series.forEach((s, i) => {
    const colour = colourOf(s, i);
    if (s.mark === "bar") {
      const k = (s.horizontal ? c.y : c.x).categories?.length ?? s.x.length;
      const data = new Array<number | null>(k).fill(null);
      s.x.forEach((xv, j) => {
        if (s.horizontal) data[s.y[j]] = xv;
        else data[xv] = s.y[j];
      });
      out.push({ type: "bar", name: s.name, data, itemStyle: { color: colour }, barMaxWidth: 26, label: { show: k <= 40, position: s.horizontal ? "right" : "top", fontSize: 10, color: "#333", formatter: (p: { value: number }) => fmt(p.value) } });
      return;
    }
    for (const e of s.errorBars ?? []) {
      out.push({
        type: "custom",
        name: s.name,
        silent: true,
        z: 1,
        itemStyle: { color: colour },
        encode: { x: 0, y: [1, 2] },
        data: s.x.map((xv, j) => [xv, e.low[j], e.high[j]]).filter((d) => d.every(Number.isFinite)),
        renderItem: (_p: unknown, api: { value: (d: number) => number; coord: (v: number[]) => number[]; style: () => unknown }) => {
          const lo = api.coord([api.value(0), api.value(1)]);
          const hi = api.coord([api.value(0), api.value(2)]);
          const w = e.bold ? 3.5 : 1.5;
          const cap = e.bold ? 0 : 5;
          const line = (x1: number, y1: number, x2: number, y2: number) => ({ type: "line", shape: { x1, y1, x2, y2 }, style: { stroke: colour, lineWidth: w } });
          return { type: "group", children: [line(lo[0], lo[1], hi[0], hi[1]), ...(cap ? [line(lo[0] - cap, lo[1], lo[0] + cap, lo[1]), line(hi[0] - cap, hi[1], hi[0] + cap, hi[1])] : [])] };
        },
      });
    }
    const withColour = !!(cs && s.colour);
    const data = s.x.map((xv, j) => (withColour ? [xv, s.y[j], s.colour![j]] : [xv, s.y[j]]));
    out.push({
      type: s.mark === "line" ? "line" : "scatter",
      name: s.name,
      data,
      z: 3,
      symbolSize: s.markSize ?? (s.mark === "line" ? 6 : 8),
      ...(s.mark === "line" ? { showSymbol: true, lineStyle: { width: 2.2, color: colour } } : {}),
      ...(withColour ? { itemStyle: { opacity: 0.85 } } : { itemStyle: { color: colour, opacity: s.mark === "line" ? 1 : 0.85 } }),
    });
  });
  for (const f of c.fitted ?? []) {
    const [x0, x1] = finiteRange(c.series.flatMap((s) => s.x));
    out.push({ type: "line", name: f.label, data: [[x0, f.intercept + f.slope * x0], [x1, f.intercept + f.slope * x1]], showSymbol: false, lineStyle: { width: 2, color: "#222" }, itemStyle: { color: "#222" }, z: 4 });
  }
  const refs = [...(c.x.reference ?? []).map((r) => ({ xAxis: r.value, label: r.label })), ...(c.y.reference ?? []).map((r) => ({ yAxis: r.value, label: r.label }))];
  if (refs.length)
    out.push({
      type: "line",
      name: "_reference",
      data: [],
      markLine: {
        silent: true,
        symbol: "none",
        animation: false,
        lineStyle: { color: "#777", type: "dashed", width: 1.2 },
        data: refs.map((r) => ({ ...("xAxis" in r ? { xAxis: r.xAxis } : { yAxis: r.yAxis }), label: { show: !!r.label, formatter: r.label ?? "", position: "insideEndTop", fontSize: 11, color: "#333" } })),
      },
    });
  if (c.geo?.boundaries)
    out.push({
      type: "lines",
      name: "_boundaries",
      coordinateSystem: "cartesian2d",
      polyline: true,
      silent: true,
      z: 0,
      lineStyle: { color: "#9a9a9a", width: 0.8, opacity: 1 },
      data: geoLines(c.geo.boundaries).map((coords) => ({ coords })),
    });
  return out;
}

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return "";
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(2) : +v.toPrecision(3) + "";
}

/** The ECharts option drawing the chart at its width x height. */
export function chartOption(c: Chart): Record<string, unknown> {
  const cs = c.colourScale;
  const legend = c.legend.show;
  const right = cs ? 120 : 30;
  const notes = c.notes.flatMap((n) => wrap(n, c.width - 30));
  const bottom = 62 + notes.length * NOTE_LINE;
  const yCats = c.y.scale === "category";
  const yNameGap = yCats ? 0 : 55;
  const seriesIdx = c.series.map((s, i) => ({ s, i }));
  const extremes = c.geo ? (["x", "y"] as const).map((d) => finiteRange(c.series.flatMap((s) => s[d]))) : null;
  const pad = (r: [number, number]) => (r[1] - r[0]) * 0.04 || 0.5;
  const xAxis = axisOption(c.x, c, "x") as Record<string, unknown>;
  const yAxis = axisOption(c.y, c, "y") as Record<string, unknown>;
  if (extremes) {
    const [xr, yr] = extremes;
    const hideEnds = (a: Record<string, unknown>) => ({ ...(a.axisLabel as object), showMinLabel: false, showMaxLabel: false });
    Object.assign(xAxis, { min: +(xr[0] - pad(xr)).toFixed(2), max: +(xr[1] + pad(xr)).toFixed(2), scale: true, axisLabel: hideEnds(xAxis) });
    Object.assign(yAxis, { min: +(yr[0] - pad(yr)).toFixed(2), max: +(yr[1] + pad(yr)).toFixed(2), scale: true, axisLabel: hideEnds(yAxis) });
  }
  xAxis.nameGap = 28;
  yAxis.nameGap = yNameGap;
  const scatterWithColour = cs ? c.series.flatMap((s, i) => (s.colour && s.mark !== "bar" ? [i] : [])) : [];
  // visualMap's seriesIndex counts ECharts series: error-bar series come before each series' points.
  let k = 0;
  const echartsIndex: number[] = [];
  for (const { s } of seriesIdx) {
    if (s.mark !== "bar") k += (s.errorBars ?? []).length;
    echartsIndex.push(k);
    k++;
  }
  const palette = cs?.palette === "diverging" ? DIVERGING : SEQUENTIAL;
  return {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: FONT },
    title: [
      { text: c.title, left: "center", top: 8, textStyle: { fontSize: 15, fontWeight: "bold", color: "#111", fontFamily: FONT } },
      ...(notes.length ? [{ text: notes.join("\n"), left: 12, bottom: 8, textStyle: { fontSize: 11, fontWeight: "normal", color: "#444", lineHeight: NOTE_LINE, fontFamily: FONT } }] : []),
    ],
    legend: legend ? { show: true, top: 34, itemGap: 22, data: c.series.map((s) => s.name).concat((c.fitted ?? []).map((f) => f.label)), textStyle: { fontSize: 11, fontFamily: FONT } } : { show: false },
    grid: { left: yCats ? 20 : 75, right, top: legend ? 72 : 48, bottom, containLabel: yCats },
    xAxis,
    yAxis,
    ...(cs
      ? {
          visualMap: {
            type: "continuous",
            min: cs.min,
            max: cs.max,
            dimension: 2,
            seriesIndex: scatterWithColour.map((i) => echartsIndex[i]),
            inRange: { color: [...palette] },
            calculable: false,
            orient: "vertical",
            right: 22,
            top: legend ? 96 : 78,
            itemWidth: 14,
            itemHeight: 160,
            text: [cs.highLabel ?? fmt(cs.max), cs.lowLabel ?? fmt(cs.min)],
            textStyle: { fontSize: 11, color: "#333", fontFamily: FONT },
          },
          graphic: [{ type: "text", left: c.width - 112, top: legend ? 76 : 56, style: { text: wrapChars(cs.title, 16).slice(0, 3).join("\n"), fontSize: 11, fontWeight: "bold", fill: "#222", fontFamily: FONT } }],
        }
      : {}),
    series: seriesOptions(c),
  };
}
