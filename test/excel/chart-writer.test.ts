/**
 * Office.js chart writer against office-addin-mock objects (./chart-mock.ts): a new sheet (user sheets
 * untouched), the data block (values equal the chart model's numbers), the chart type, the interval
 * series (the error bars) bound to their ranges, and what Excel lacks drawn with what it has: colour
 * scales as ~5 binned series in viridis steps (legend = bin ranges), LISA classes as categorical
 * series in their colours, the Moran slope as a line series, category names as data labels.
 */
import { writeChartToNewSheet } from "../../src/excel/chart-writer";
import { coefPlot, stepwiseColumns } from "../../src/report/charts/coef-chart";
import { weightsChart } from "../../src/report/charts/weights-chart";
import { shapSummary, shapDependence } from "../../src/report/charts/shap-charts";
import { lisaMap, moranScatter, pointMap } from "../../src/report/charts/spatial-charts";
import { NEUTRAL, PALETTE, SEQUENTIAL } from "../../src/report/charts/chart";
import { colourBins, legendNumber, paletteSteps } from "../../src/report/charts/colour-bins";
import { chartBook } from "./chart-mock";
import * as F from "../report/charts/fixtures";

test("coefficient plot: new sheet, estimates + interval segments bound to their columns, XY scatter, column names as labels", async () => {
  const results = F.stepwise();
  const chart = coefPlot({ title: "Stepwise", columns: stepwiseColumns(results), terms: ["NQP"] });
  const { run, log } = chartBook(["Data", "Chart Stepwise"]);
  const res = await writeChartToNewSheet(run as any, chart);
  expect(res.sheetName).toBe("Chart Stepwise (2)");
  expect(log.added).toEqual(["Chart Stepwise (2)"]);
  expect(log.loads).toEqual(["items/name"]);
  expect(log.writes.every((w) => w.sheet === "Chart Stepwise (2)")).toBe(true);
  expect(res.chartType).toBe("XYScatter");
  const cells = (c: number) => log.writes.filter((w) => w.c === c).flatMap((w) => w.values);
  const est = cells(0);
  expect(est[0]).toEqual(["label", "x", "NQP"]);
  results.forEach((r, i) => expect(est[i + 1]).toEqual([`(${i + 1})`, i, r.coef[r.terms.indexOf("NQP")]]));
  // 95% interval: segments (x, low), (x, high), gap, equal to the engine's 95% CI
  const ci = cells(4);
  expect(ci[0]).toEqual(["95% CI x", "95% CI y"]);
  results.forEach((r, i) => {
    expect(ci[1 + 3 * i][1]).toBeCloseTo(r.ciLow[r.terms.indexOf("NQP")], 12);
    expect(ci[2 + 3 * i][1]).toBeCloseTo(r.ciHigh[r.terms.indexOf("NQP")], 12);
    expect(ci[3 + 3 * i]).toEqual(["", ""]);
  });
  const ch = log.charts[0];
  expect(ch.type).toBe("XYScatter");
  expect(ch.all.map((s) => [s.name, s.chartType, s.x, s.values])).toEqual([
    ["NQP", undefined, "B2:B4", "C2:C4"],
    ["NQP 95% CI", "XYScatterLinesNoMarkers", "E2:E10", "F2:F10"],
    ["NQP 90% CI", "XYScatterLinesNoMarkers", "H2:H10", "I2:I10"],
    ["axis labels", undefined, "L2:L4", "M2:M4"],
  ]);
  expect(ch.title.text).toBe("Stepwise");
  // the error bars: same colour as the estimates, the 90% interval thicker, no markers
  const [pts, ci95, ci90, labels] = ch.all;
  expect(pts.markerBackgroundColor).toBe(PALETTE[0]);
  expect([ci95.line.color, ci90.line.color]).toEqual([PALETTE[0], PALETTE[0]]);
  expect(ci90.line.weight!).toBeGreaterThan(ci95.line.weight!);
  expect(ci95.markerStyle).toBe("None");
  // the column names (1)..(3) under the points, the numeric axis positions hidden
  expect(labels.points.map((p) => [p.hasDataLabel, p.dataLabel.text, p.dataLabel.position])).toEqual([1, 2, 3].map((i) => [true, `(${i})`, "Below"]));
  expect(ch.legend.hidden).toEqual([3]);
  expect(ch.axes.Category).toMatchObject({ minimum: -0.5, maximum: 2.5, majorUnit: 1, tickLabelPosition: "None" });
  expect(ch.axes.Value.title.text).toBe("Coefficient on NQP");
});

test("weights: horizontal bar chart bound to the weights column, in the palette's first colour", async () => {
  const e = F.entropyOfPanel();
  const chart = weightsChart(e, { title: "Weights" });
  const { run, log } = chartBook(["Data"]);
  const res = await writeChartToNewSheet(run as any, chart);
  expect(res.chartType).toBe("BarClustered");
  const rows = log.writes[1].values;
  rows.forEach(([name, w]) => expect(w).toBe(e.fits[0].weights[e.names.indexOf(name as string)]));
  expect(log.charts[0].all[0].values).toBe(`B2:B${e.names.length + 1}`);
  expect(log.charts[0].all[0].fill).toBe(PALETTE[0]);
  expect(log.charts[0].all).toHaveLength(1);
});

test("colour bins: equal-width classes over the scale, viridis steps, ranges in the labels", () => {
  expect(paletteSteps("sequential", 5)).toEqual([SEQUENTIAL[0], SEQUENTIAL[2], SEQUENTIAL[4], SEQUENTIAL[6], SEQUENTIAL[8]]);
  const s = { name: "v", mark: "point" as const, x: [0, 1, 2, 3, 4, 5], y: [0, 0, 0, 0, 0, 0], colour: [0, 0.19, 0.2, 0.55, 1, NaN] };
  const bins = colourBins(s, { kind: "continuous", title: "Value", min: 0, max: 1, palette: "sequential" });
  expect(bins.map((b) => [b.label, b.points])).toEqual([
    ["Value 0 to 0.2", [0, 1]],
    ["Value 0.2 to 0.4", [2]],
    ["Value 0.4 to 0.6", [3]],
    ["Value 0.8 to 1", [4]],
    ["Value: no value", [5]],
  ]);
  expect(bins.map((b) => b.colour)).toEqual([SEQUENTIAL[0], SEQUENTIAL[2], SEQUENTIAL[4], SEQUENTIAL[8], NEUTRAL]);
  expect([legendNumber(0.123456), legendNumber(1234.5), legendNumber(2e-5), legendNumber(-3)]).toEqual(["0.123", "1235", "2e-5", "-3"]);
});

test("SHAP beeswarm: one XY series per colour class (5, viridis), every point once with its SHAP value, features as labels", async () => {
  const s = F.shapInput(80);
  const chart = shapSummary({ names: s.names, shap: s.shap, values: s.values });
  const { run, log } = chartBook(["Data"]);
  const res = await writeChartToNewSheet(run as any, chart);
  expect(res.chartType).toBe("XYScatter");
  const ch = log.charts[0];
  const data = ch.all.filter((x) => x.name !== "axis labels");
  expect(data).toHaveLength(5);
  expect(data.map((x) => x.markerBackgroundColor)).toEqual(paletteSteps("sequential", 5));
  expect(data[0].name).toBe("Feature value 0 to 0.2 (low)");
  expect(data[4].name).toBe("Feature value 0.8 to 1 (high)");
  expect(ch.legend.visible).toBe(true);
  // the points written, over all classes, are the chart model's points (x = SHAP value, y = feature row + jitter)
  const model = chart.series[0];
  const written = res.series
    .filter((x) => x.name !== "axis labels")
    .flatMap((x) => {
      const col = (a: string) => a.charCodeAt(0) - 65;
      return log.writes.filter((w) => w.c === col(x.x) - 1).flatMap((w) => w.values.slice(w.r === 0 ? 1 : 0));
    });
  expect(written).toHaveLength(model.x.length);
  const key = (f: unknown, x: unknown, y: unknown) => `${f}|${x}|${y}`;
  expect(new Set(written.map((r) => key(r[0], r[1], r[2])))).toEqual(new Set(model.x.map((x, i) => key(model.labels![i], x, model.y[i]))));
  // the features named at the left edge, most important on top (last category position)
  const labels = ch.all.find((x) => x.name === "axis labels")!;
  expect(labels.points.map((p) => p.dataLabel.text)).toEqual(chart.y.categories);
  expect(labels.points[0].dataLabel.position).toBe("Left");
  expect(chart.y.categories![chart.y.categories!.length - 1]).toBe("NQP");
  expect(ch.axes.Value).toMatchObject({ minimum: -0.5, maximum: 3.5, tickLabelPosition: "None" });
});

test("SHAP dependence coloured by another feature: binned by that feature's value range", async () => {
  const s = F.shapInput(80);
  const chart = shapDependence({ names: s.names, shap: s.shap, values: s.values, feature: "NQP", colourFeature: "GDP" });
  const { run, log } = chartBook([]);
  await writeChartToNewSheet(run as any, chart);
  const ch = log.charts[0];
  expect(ch.all.length).toBeGreaterThanOrEqual(4);
  expect(ch.all.every((x) => x.name.startsWith("GDP "))).toBe(true);
  const total = log.writes.filter((w) => w.r > 0).reduce((a, w) => a + w.values.length, 0);
  expect(total).toBe(80);
});

test("LISA map: one series per class in its colour (HH vermillion, LL blue, not significant grey) on lon/lat", async () => {
  const c = F.cities();
  const cluster = Array.from(c.nqp, (_v, i) => (i % 7 === 0 ? "HH" : i % 7 === 1 ? "LL" : i % 7 === 2 ? "HL" : "NS"));
  const chart = lisaMap({ title: "LISA", lon: c.lon, lat: c.lat, names: c.names, cluster });
  const { run, log } = chartBook(["Data"]);
  await writeChartToNewSheet(run as any, chart);
  const ch = log.charts[0];
  expect(ch.all.map((s) => s.name.replace(/ \(\d+\)$/, ""))).toEqual(["High-High", "Low-Low", "High-Low", "Not significant"]);
  expect(ch.all.map((s) => s.markerBackgroundColor)).toEqual([PALETTE[1], PALETTE[0], PALETTE[4], NEUTRAL]);
  expect(ch.axes.Category.title.text).toBe("Longitude");
  expect(ch.axes.Value.title.text).toBe("Latitude");
  const hh = log.writes.filter((w) => w.c === 0 && w.r > 0).flatMap((w) => w.values);
  const idx = cluster.flatMap((v, i) => (v === "HH" ? [i] : []));
  expect(hh).toEqual(idx.map((i) => [c.names[i], c.lon[i], c.lat[i]]));
});

test("point map: the value's colour scale as 5 viridis classes on (lon, lat)", async () => {
  const c = F.cities();
  const chart = pointMap({ title: "NQP 2020", lon: c.lon, lat: c.lat, names: c.names, value: c.nqp, valueLabel: "NQP" });
  const { run, log } = chartBook([]);
  await writeChartToNewSheet(run as any, chart);
  const names = log.charts[0].all.map((s) => s.name);
  expect(names).toHaveLength(5);
  expect(names[0]).toMatch(/^NQP [\d.]+ to [\d.]+$/);
  expect(log.charts[0].all.map((s) => s.markerBackgroundColor)).toEqual(paletteSteps("sequential", 5));
});

test("Moran scatter: the points and the fitted slope as a two-point line over the x range", async () => {
  const m = F.moranInput();
  const chart = moranScatter({ variable: "NQP", z: m.z, wz: m.wz });
  const { run, log } = chartBook([]);
  const res = await writeChartToNewSheet(run as any, chart);
  const fitted = log.charts[0].all[1];
  expect(fitted.name).toMatch(/^Slope \(Moran's I\) = /);
  expect(fitted.chartType).toBe("XYScatterLinesNoMarkers");
  const slope = chart.fitted![0].slope;
  const line = log.writes.filter((w) => w.c === 4 && w.r > 0).flatMap((w) => w.values);
  const [x0, x1] = [Math.min(...m.z), Math.max(...m.z)];
  expect(line).toEqual([[x0, slope * x0], [x1, slope * x1]]);
  expect(res.series).toHaveLength(2);
});
