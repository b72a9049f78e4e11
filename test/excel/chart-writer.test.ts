/**
 * Office.js chart writer against office-addin-mock objects: a new sheet (user sheets untouched), the
 * data block (values equal the chart model's numbers), the chart type and the interval series (the
 * error bars) bound to their ranges.
 */
import { OfficeMockObject } from "office-addin-mock";
import { writeChartToNewSheet } from "../../src/excel/chart-writer";
import { coefPlot, stepwiseColumns } from "../../src/report/charts/coef-chart";
import { weightsChart } from "../../src/report/charts/weights-chart";
import * as F from "../report/charts/fixtures";

function book(existing: string[]) {
  const log = { loads: [] as string[], added: [] as string[], writes: [] as { sheet: string; r: number; c: number; values: unknown[][] }[], charts: [] as any[] };
  const sheet = (name: string) => {
    const charts = {
      add: (type: string, range: any) => {
        const series: any[] = [];
        const mk = (n: string) => {
          const s: any = { name: n, chartType: undefined, setValues: (r: any) => (s.values = r.address), setXAxisValues: (r: any) => (s.x = r.address) };
          series.push(s);
          return s;
        };
        mk("Series1");
        const ch: any = { type, source: range.address, title: {}, legend: {}, series: { getItemAt: (i: number) => series[i], add: mk }, axes: { getItem: () => ({ title: {} }) }, setPosition: (p: string) => (ch.at = p), all: series };
        log.charts.push(ch);
        return ch;
      },
    };
    return {
      name,
      charts,
      activate: () => undefined,
      getRange: (address: string) => ({ address }),
      getRangeByIndexes: (r: number, c: number) => {
        const rg: any = {};
        Object.defineProperty(rg, "values", { set: (v: unknown[][]) => log.writes.push({ sheet: name, r, c, values: v }) });
        return rg;
      },
    };
  };
  const mock = new OfficeMockObject({
    workbook: { worksheets: { items: existing.map((n) => ({ name: n })), add: (n: string) => (log.added.push(n), sheet(n)), load: (what: string) => log.loads.push(what) } },
    sync: async () => undefined,
  });
  // office-addin-mock turns arrays into objects: put the sheet list back as the array Office.js returns.
  (mock as any).workbook.worksheets.items = existing.map((n) => ({ name: n }));
  const run = <T>(batch: (ctx: any) => Promise<T>) => batch(mock as any);
  return { run, log };
}

test("coefficient plot: new sheet, estimates + interval segments bound to their columns, XY scatter", async () => {
  const results = F.stepwise();
  const chart = coefPlot({ title: "Stepwise", columns: stepwiseColumns(results), terms: ["NQP"] });
  const { run, log } = book(["Data", "Chart Stepwise"]);
  const res = await writeChartToNewSheet(run as any, chart);
  expect(res.sheetName).toBe("Chart Stepwise (2)");
  expect(log.added).toEqual(["Chart Stepwise (2)"]);
  expect(log.loads).toEqual(["items/name"]);
  expect(log.writes.every((w) => w.sheet === "Chart Stepwise (2)")).toBe(true);
  expect(res.chartType).toBe("XYScatter");
  const est = log.writes[0].values;
  expect(est[0]).toEqual(["label", "x", "NQP"]);
  results.forEach((r, i) => expect(est[i + 1]).toEqual([`(${i + 1})`, i, r.coef[r.terms.indexOf("NQP")]]));
  // 95% interval: segments (x, low), (x, high), gap
  const ci = log.writes[1].values;
  expect(ci[0]).toEqual(["95% CI x", "95% CI y"]);
  expect(ci[1][1]).toBeCloseTo(results[0].ciLow[0], 12);
  expect(ci[2][1]).toBeCloseTo(results[0].ciHigh[0], 12);
  expect(ci[3]).toEqual(["", ""]);
  const ch = log.charts[0];
  expect(ch.type).toBe("XYScatter");
  expect(ch.all.map((s: any) => [s.name, s.chartType, s.x, s.values])).toEqual([
    ["NQP", undefined, "B2:B4", "C2:C4"],
    ["NQP 95% CI", "XYScatterLinesNoMarkers", "E2:E10", "F2:F10"],
    ["NQP 90% CI", "XYScatterLinesNoMarkers", "H2:H10", "I2:I10"],
  ]);
  expect(ch.title.text).toBe("Stepwise");
});

test("weights: horizontal bar chart bound to the weights column", async () => {
  const e = F.entropyOfPanel();
  const chart = weightsChart(e, { title: "Weights" });
  const { run, log } = book(["Data"]);
  const res = await writeChartToNewSheet(run as any, chart);
  expect(res.chartType).toBe("BarClustered");
  const rows = log.writes[0].values.slice(1);
  rows.forEach(([name, w]) => expect(w).toBe(e.fits[0].weights[e.names.indexOf(name as string)]));
  expect(log.charts[0].all[0].values).toBe(`B2:B${e.names.length + 1}`);
});
