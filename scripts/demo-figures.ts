/**
 * The demo's figures: the coefficient plot of Table 3 (stepwise baseline of data/demo-spec.json), the
 * NQP trend by Hu-line group (hu_east) and the NQP map of the last year (lat/lon of data/nqp_panel.csv),
 * written as PNGs to out/demo/ and embedded (ExcelJS images) on a "Figures" sheet of the demo workbook.
 */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "fs";
import { dirname, join } from "path";
import { keyColumn, numericColumn } from "../src/engine/frame";
import { fitLinear } from "../src/engine/models/linear";
import { readDataFile } from "../src/cli/data";
import { Chart } from "../src/report/charts/chart";
import { coefPlot, stepwiseColumns } from "../src/report/charts/coef-chart";
import { pointMap } from "../src/report/charts/spatial-charts";
import { trendChart } from "../src/report/charts/trend-chart";
import { applyDerive, rowsWhere } from "../src/report/run-spec";
import { validateSpecFile } from "../src/report/spec";
import { renderPng } from "../src/report/writers/svg";

/** The figures' wording (the Chinese workbook passes data/demo-zh.json's "figures"). */
export interface FigureWords {
  readonly sheet: string;
  readonly header: string;
  readonly coef: string;
  readonly coefAxis: string;
  readonly trend: string;
  readonly west: string;
  readonly east: string;
  /** "{year}" is replaced by the last year. */
  readonly map: string;
  /** Appended to the PNG file names ("" or "-zh"). */
  readonly suffix?: string;
}

export const ENGLISH_FIGURES: FigureWords = {
  sheet: "Figures",
  header: "Figures (drawn from the same chart model as nqp plot; PNGs in this folder)",
  coef: "Table 3: coefficient on NQP as controls are added",
  coefAxis: "Column of Table 3",
  trend: "NQP by year, east and west of the Hu line",
  west: "West of the Hu line",
  east: "East of the Hu line",
  map: "NQP by city, {year}",
};

export async function demoCharts(specFile: string, dataFile: string, words: FigureWords = ENGLISH_FIGURES): Promise<{ file: string; chart: Chart }[]> {
  const spec = validateSpecFile(JSON.parse(readFileSync(specFile, "utf8")));
  const frame = applyDerive(await readDataFile(dataFile), spec.derive);
  const t3 = spec.tables.find((t) => t.kind === "regression" && /^Table 3/.test(t.title));
  if (!t3 || t3.kind !== "regression") throw new Error("demo spec: no regression table titled 'Table 3...'.");
  const results = t3.models.map((m) => fitLinear(frame, { y: m.y, x: m.x, fe: m.fe, cluster: m.cluster, vcov: m.vcov, rows: rowsWhere(frame, m.where) }));
  const coef = coefPlot({ title: words.coef, columns: stepwiseColumns(results), terms: ["NQP"], xTitle: words.coefAxis });
  const trend = trendChart({
    title: words.trend,
    time: numericColumn(frame, "year"),
    value: numericColumn(frame, "NQP"),
    group: keyColumn(frame, "hu_east"),
    groupLabels: { "0": words.west, "1": words.east },
    valueLabel: "NQP",
  });
  const year = numericColumn(frame, "year");
  let last = -Infinity;
  for (const y of year) if (y > last) last = y;
  const rows = Array.from({ length: frame.nrow }, (_, i) => i).filter((i) => year[i] === last);
  const at = (c: string) => rows.map((i) => numericColumn(frame, c)[i]);
  const map = pointMap({ title: words.map.replace("{year}", String(last)), lon: at("lon"), lat: at("lat"), value: at("NQP"), valueLabel: "NQP", names: rows.map((i) => keyColumn(frame, "city_name")[i] ?? "") });
  const sx = words.suffix ?? "";
  return [
    { file: `fig-coef-table3${sx}.png`, chart: coef },
    { file: `fig-trend-nqp-hu${sx}.png`, chart: trend },
    { file: `fig-map-nqp${sx}.png`, chart: map },
  ];
}

/** Renders the figures next to the workbook and adds the Figures sheet to it; returns the PNG paths. */
export async function addDemoFigures(workbook: string, specFile: string, dataFile: string, words: FigureWords = ENGLISH_FIGURES): Promise<string[]> {
  const figs = await demoCharts(specFile, dataFile, words);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(workbook);
  const ws = wb.addWorksheet(words.sheet);
  ws.getCell("A1").value = words.header;
  ws.getCell("A1").font = { bold: true, size: 12 };
  let row = 2;
  const paths: string[] = [];
  for (const f of figs) {
    const png = renderPng(f.chart);
    const path = join(dirname(workbook), f.file);
    writeFileSync(path, png);
    paths.push(path);
    const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
    ws.addImage(id, { tl: { col: 0, row }, ext: { width: f.chart.width, height: f.chart.height } });
    row += Math.ceil(f.chart.height / 20) + 2;
  }
  // The figures print on one page (LibreOffice/Excel print and PDF export).
  ws.pageSetup = { fitToPage: true, fitToWidth: 1, fitToHeight: 1, orientation: "portrait" };
  await wb.xlsx.writeFile(workbook);
  return paths;
}
