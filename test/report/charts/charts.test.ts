/**
 * Chart models: every series value equals the number of the result it comes from (fitLinear,
 * heterogeneity, entropyIndex on data/nqp_panel.csv; plain arrays for Moran, LISA, maps, SHAP), and
 * one SVG snapshot per kind (ECharts SSR output, test/report/charts/__snapshots__).
 */
import { coefPlot, criticalValue, heterogeneityColumns, stepwiseColumns } from "../../../src/report/charts/coef-chart";
import { Chart } from "../../../src/report/charts/chart";
import { meanAbsShap, rankScale, shapBar, shapDependence, shapSummary } from "../../../src/report/charts/shap-charts";
import { geoshapleyMap, lisaCluster, lisaMap, moranScatter, originSlope, pointMap } from "../../../src/report/charts/spatial-charts";
import { trendChart } from "../../../src/report/charts/trend-chart";
import { weightsChart } from "../../../src/report/charts/weights-chart";
import { renderSvg } from "../../../src/report/writers/svg";
import { tQuantileAt } from "../../../src/engine/stats/distributions";
import * as F from "./fixtures";

const built: Record<string, Chart> = {};

describe("coefficient plot", () => {
  const results = F.stepwise();
  const chart = coefPlot({ title: "Stepwise baseline", columns: stepwiseColumns(results), terms: ["NQP"] });
  built.coef = chart;
  it("plots each column's estimate and its 95% interval equals the engine's", () => {
    const s = chart.series[0];
    results.forEach((r, i) => {
      const j = r.terms.indexOf("NQP");
      expect(s.y[i]).toBe(r.coef[j]);
      expect(s.errorBars![0].label).toBe("95% CI");
      expect(s.errorBars![0].low[i]).toBeCloseTo(r.ciLow[j], 12);
      expect(s.errorBars![0].high[i]).toBeCloseTo(r.ciHigh[j], 12);
      const q90 = tQuantileAt(0.95, r.dof.dfInference);
      expect(s.errorBars![1].low[i]).toBe(r.coef[j] - q90 * r.se[j]);
    });
    expect(chart.x.categories).toEqual(["(1)", "(2)", "(3)"]);
    expect(chart.source.rows[0]).toEqual(["NQP", "(1)", "(1)", results[0].coef[0], chart.series[0].errorBars![0].low[0], chart.series[0].errorBars![0].high[0], chart.series[0].errorBars![1].low[0], chart.series[0].errorBars![1].high[0]]);
  });
  it("heterogeneity groups: one column per group, a series per term, missing terms named", () => {
    const h = F.huLine();
    const c = coefPlot({ title: "Hu line", columns: heterogeneityColumns([{ label: "Hu Line", result: h, levelLabels: { "0": "West", "1": "East" } }]), terms: ["NQP", "GDP", "nothere"] });
    expect(c.x.categories).toEqual(["Hu Line: West", "Hu Line: East"]);
    h.groups.forEach((g, i) => expect(c.series[1].y[i]).toBe(g.result.coef[g.result.terms.indexOf("GDP")]));
    expect(c.series[2].y.every(Number.isNaN)).toBe(true);
    expect(c.notes.join(" ")).toMatch(/nothere is not in column Hu Line: West/);
    built.coefHet = c;
  });
  it("rejects a level outside (0, 1)", () => expect(() => criticalValue(95, 10)).toThrow(/between 0 and 1/));
});

describe("trend by year and group", () => {
  const t = F.trendInput();
  const chart = trendChart({ title: "NQP by Hu line", ...t, groupLabels: { "0": "West", "1": "East" }, valueLabel: "NQP", marker: { at: 2016, label: "2016" } });
  built.trend = chart;
  it("each point is the mean of the group-year rows", () => {
    const east = chart.series.find((s) => s.name === "East")!;
    const rows = Array.from({ length: t.value.length }, (_, i) => i).filter((i) => t.group[i] === "1" && t.time[i] === 2018);
    const mean = rows.reduce((a, i) => a + t.value[i], 0) / rows.length;
    expect(east.y[east.x.indexOf(2018)]).toBeCloseTo(mean, 14);
    expect(east.size![east.x.indexOf(2018)]).toBe(rows.length);
    expect(chart.series.map((s) => s.name)).toEqual(["West", "East"]);
    expect(chart.x.reference).toEqual([{ value: 2016, label: "2016" }]);
  });
});

describe("index weights", () => {
  const e = F.entropyOfPanel();
  const chart = weightsChart(e, { title: "Entropy weights" });
  built.weights = chart;
  it("bars are the entropy weights, largest on top", () => {
    const s = chart.series[0];
    s.labels!.forEach((name, p) => expect(s.x[p]).toBe(e.fits[0].weights[e.names.indexOf(name)]));
    expect(s.x[s.x.length - 1]).toBe(Math.max(...e.fits[0].weights));
    expect(s.x.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe("spatial charts", () => {
  const m = F.moranInput();
  const c = F.cities();
  it("Moran scatter: points are (z, Wz), the default slope is sum(z Wz) / sum(z^2)", () => {
    const chart = moranScatter({ variable: "NQP", ...m });
    built.moran = chart;
    expect(chart.series[0].x).toEqual(m.z);
    expect(chart.series[0].y).toEqual(m.wz);
    const slope = m.z.reduce((a, z, i) => a + z * m.wz[i], 0) / m.z.reduce((a, z) => a + z * z, 0);
    expect(chart.fitted![0].slope).toBeCloseTo(slope, 14);
    expect(originSlope(m.z, m.wz)).toBeCloseTo(slope, 14);
    expect(moranScatter({ variable: "v", ...m, slope: 0.3 }).fitted![0].slope).toBe(0.3);
  });
  it("LISA map: one series per cluster with the units' coordinates; codes and names accepted", () => {
    const cl = Array.from(c.lon, (_, i) => [1, 2, 3, 4, 0, "hh"][i % 6]);
    const chart = lisaMap({ title: "LISA clusters of NQP", lon: c.lon, lat: c.lat, cluster: cl, boundaries: F.SQUARE });
    built.lisa = chart;
    const hh = chart.series.find((s) => s.name.startsWith("High-High"))!;
    const idx = cl.flatMap((v, i) => (v === 1 || v === "hh" ? [i] : []));
    expect(hh.x).toEqual(idx.map((i) => c.lon[i]));
    expect(hh.y).toEqual(idx.map((i) => c.lat[i]));
    expect(chart.series.reduce((a, s) => a + s.x.length, 0)).toBe(c.lon.length);
    expect(lisaCluster("3")).toBe("LL");
    expect(() => lisaCluster("XX")).toThrow(/not one of HH/);
  });
  it("point map: colour values are the variable, the scale spans its range", () => {
    const chart = pointMap({ title: "NQP, 2020", lon: c.lon, lat: c.lat, value: c.nqp, valueLabel: "NQP", names: c.names, boundaries: F.SQUARE });
    built.map = chart;
    expect(chart.series[0].colour).toEqual(Array.from(c.nqp));
    expect(chart.colourScale!.min).toBe(Math.min(...c.nqp));
    expect(chart.colourScale!.max).toBe(Math.max(...c.nqp));
    expect(() => pointMap({ title: "x", lon: [1], lat: [1, 2], value: [1], valueLabel: "v" })).toThrow(/lon has 1, lat 2/);
  });
  it("GeoShapley map: diverging scale centred at 0", () => {
    const v = Array.from(c.nqp, (x) => x - 0.1);
    const chart = geoshapleyMap({ title: "GeoShapley: intrinsic location effect", lon: c.lon, lat: c.lat, values: v, component: "intrinsic" });
    built.geoshapley = chart;
    expect(chart.series[0].colour).toEqual(v);
    expect(chart.colourScale!.min).toBe(-chart.colourScale!.max);
    expect(chart.colourScale!.palette).toBe("diverging");
  });
});

describe("SHAP charts", () => {
  const s = F.shapInput();
  it("bar summary: mean |SHAP| per feature, most important on top", () => {
    const chart = shapBar(s);
    built.shapBar = chart;
    const imp = meanAbsShap(s.shap);
    expect(chart.series[0].x).toEqual([...imp].sort((a, b) => a - b));
    expect(chart.y.categories![chart.y.categories!.length - 1]).toBe("NQP");
    expect(imp[0]).toBeCloseTo(s.shap[0].reduce((a, v) => a + Math.abs(v), 0) / s.shap[0].length, 14);
  });
  it("beeswarm: x are the SHAP values, colour the within-feature rank of the feature value", () => {
    const chart = shapSummary(s);
    built.shapSummary = chart;
    const pts = chart.series[0];
    const top = pts.labels!.flatMap((l, i) => (l === "NQP" ? [i] : []));
    expect(top.map((i) => pts.x[i])).toEqual(s.shap[0]);
    expect(top.map((i) => pts.colour![i])).toEqual(rankScale(s.values[0]));
    top.forEach((i) => expect(Math.abs(pts.y[i] - 3)).toBeLessThan(0.45));
    expect(rankScale([3, 1, 2, 2])).toEqual([1, 0, 0.5, 0.5]);
  });
  it("dependence: x = feature value, y = its SHAP, colour = the colour feature", () => {
    const chart = shapDependence({ ...s, feature: "NQP", colourFeature: "GDP" });
    built.shapDependence = chart;
    expect(chart.series[0].x).toEqual(s.values[0]);
    expect(chart.series[0].y).toEqual(s.shap[0]);
    expect(chart.series[0].colour).toEqual(s.values[1]);
    expect(() => shapDependence({ ...s, feature: "ZZZ" })).toThrow(/"ZZZ" is not one of NQP, GDP/);
  });
});

describe("SVG renderer (ECharts SSR)", () => {
  it("draws every chart built above (title, axis titles, no NaN) and matches its snapshot", () => {
    expect(Object.keys(built).length).toBe(11);
    for (const [name, chart] of Object.entries(built)) {
      const svg = renderSvg(chart);
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg).toContain(chart.title.replace(/&/g, "&amp;"));
      if (chart.y.title) expect(svg).toContain(chart.y.title);
      expect(svg).not.toMatch(/NaN/);
      expect(svg).toMatchSnapshot(name);
    }
  });
});
