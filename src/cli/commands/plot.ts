/**
 * `nqp plot --kind KIND --data FILE ... --out FIG.svg|.png`: draws one chart of the chart model
 * (src/report/charts) with the SVG renderer (ECharts SSR; PNG through resvg). Regression kinds fit the
 * models with the engine; spatial, SHAP and GeoShapley kinds read plain columns (z, Wz; lon, lat,
 * cluster/value; a SHAP matrix file) so any engine's output can be plotted.
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { dirname, resolve } from "path";
import { Frame, InputError, keyColumn, numericColumn } from "../../engine/frame";
import { entropyIndex } from "../../engine/indices/entropy";
import { heterogeneity } from "../../engine/models/heterogeneity";
import { fitLinear } from "../../engine/models/linear";
import { requireColumn } from "../../engine/models/spec-frame";
import { Chart, CHART_KINDS, ChartKind, GeoJsonLike } from "../../report/charts/chart";
import { coefPlot, heterogeneityColumns, stepwiseColumns } from "../../report/charts/coef-chart";
import { shapBar, shapDependence, shapSummary } from "../../report/charts/shap-charts";
import { geoshapleyMap, lisaMap, moranScatter, pointMap } from "../../report/charts/spatial-charts";
import { trendChart } from "../../report/charts/trend-chart";
import { weightsChart } from "../../report/charts/weights-chart";
import { applyDerive } from "../../report/run-spec";
import { validateSpecFile } from "../../report/spec";
import { renderSvg, svgToPng } from "../../report/writers/svg";
import { DATA_FLAG, JSON_FLAG, ParsedArgs, getBool, getList, getString } from "../argv";
import { CliCommand } from "../command";
import { readDataFile } from "../data";
import { toJson } from "../output";

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new InputError(`${what} not found: ${path}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${what} ${path} is not valid JSON: ${(e as Error).message}`);
  }
}

const need = (a: ParsedArgs, name: string, kind: string): string => {
  const v = getString(a, name);
  if (v === undefined) throw new InputError(`--kind ${kind} needs --${name}.`);
  return v;
};
const col = (f: Frame, name: string, role: string) => (requireColumn(f, name, role), numericColumn(f, name));

/** Rows of --where col=value[,col=value] (all rows without it). */
function whereRows(f: Frame, a: ParsedArgs): number[] {
  const conds = (getList(a, "where") ?? []).map((c) => {
    const m = /^([^=]+)=(.*)$/.exec(c);
    if (!m) throw new InputError(`--where takes COLUMN=VALUE, got "${c}".`);
    requireColumn(f, m[1], "--where column");
    return [keyColumn(f, m[1]), m[2]] as const;
  });
  const out: number[] = [];
  for (let i = 0; i < f.nrow; i++) if (conds.every(([k, v]) => k[i] === v)) out.push(i);
  if (!out.length) throw new InputError(`No row meets --where ${(getList(a, "where") ?? []).join(",")}.`);
  return out;
}

const pick = (v: ArrayLike<number>, rows: number[]) => rows.map((i) => v[i]);

function geojson(a: ParsedArgs, cwd: string): GeoJsonLike | undefined {
  const p = getString(a, "geojson");
  if (!p) return undefined;
  const g = readJson(resolve(cwd, p), "GeoJSON file") as GeoJsonLike;
  if (!g || typeof g.type !== "string") throw new InputError(`GeoJSON file ${p} has no "type".`);
  return g;
}

/** The chart a `nqp plot` call asks for, from a frame (derived columns already added). */
export async function plotChart(kind: ChartKind, f: Frame, a: ParsedArgs, cwd: string, specFile?: unknown): Promise<Chart> {
  const title = getString(a, "title");
  switch (kind) {
    case "coef": {
      const y = need(a, "y", kind);
      const x = getList(a, "x") ?? [];
      if (!x.length) throw new InputError("--kind coef needs --x (the key regressor first).");
      const controls = getList(a, "controls") ?? [];
      const base = { y, fe: getList(a, "fe"), cluster: getList(a, "cluster") };
      const by = getList(a, "by");
      const terms = getList(a, "terms") ?? [x[0]];
      if (by?.length) {
        const splits = by.map((c) => ({ label: c, result: heterogeneity(f, { ...base, x: [...x, ...controls] }, { column: c }) }));
        return coefPlot({ title: title ?? `Coefficient on ${x[0]} by ${by.join(", ")}`, columns: heterogeneityColumns(splits), terms });
      }
      const steps = getBool(a, "stepwise") ? controls.map((_, k) => controls.slice(0, k + 1)) : [];
      const sets = getBool(a, "stepwise") ? [[], ...steps] : [controls];
      const results = sets.map((s) => fitLinear(f, { ...base, x: [...x, ...s] }));
      return coefPlot({ title: title ?? `Coefficient on ${x[0]}${getBool(a, "stepwise") ? " (controls added stepwise)" : ""}`, columns: stepwiseColumns(results), terms });
    }
    case "trend": {
      const v = need(a, "value", kind);
      const time = getString(a, "time") ?? "year";
      const g = getString(a, "group");
      if (g) requireColumn(f, g, "--group");
      const at = getString(a, "marker");
      return trendChart({
        title: title ?? `${v} by ${time}${g ? ` and ${g}` : ""}`,
        time: col(f, time, "--time"),
        value: col(f, v, "--value"),
        group: g ? keyColumn(f, g) : undefined,
        valueLabel: v,
        timeLabel: time,
        marker: at === undefined ? undefined : { at: Number(at), label: getString(a, "marker-label") ?? `${at}` },
      });
    }
    case "weights": {
      let names = getList(a, "indicators");
      let negative = getList(a, "negative") ?? [];
      const index = getString(a, "index");
      if (!names && index && specFile) {
        const step = (validateSpecFile(specFile).derive ?? []).find((s) => s.kind === "entropy" && s.name === index);
        if (!step || step.kind !== "entropy") throw new InputError(`The spec file has no entropy step named "${index}".`);
        names = [...step.indicators];
        negative = [...(step.negative ?? [])];
      }
      if (!names?.length) throw new InputError("--kind weights needs --indicators A,B,C (or --spec FILE --index NAME).");
      const e = entropyIndex(names.map((n) => col(f, n, "indicator")), names, { method: "minmax", directions: names.map((n) => (negative.includes(n) ? -1 : 1)) });
      return weightsChart(e, { title: title ?? `Entropy weights${index ? ` of ${index}` : ""}` });
    }
    case "moran": {
      const z = need(a, "z", kind);
      const rows = whereRows(f, a);
      const slope = getString(a, "slope");
      return moranScatter({ title, variable: getString(a, "label") ?? z, z: pick(col(f, z, "--z"), rows), wz: pick(col(f, need(a, "wz", kind), "--wz"), rows), slope: slope === undefined ? undefined : Number(slope) });
    }
    case "lisa":
    case "map":
    case "geoshapley-map": {
      const rows = whereRows(f, a);
      const lon = pick(col(f, getString(a, "lon") ?? "lon", "--lon"), rows);
      const lat = pick(col(f, getString(a, "lat") ?? "lat", "--lat"), rows);
      const nameCol = getString(a, "name");
      const names = nameCol ? (requireColumn(f, nameCol, "--name"), rows.map((i) => keyColumn(f, nameCol)[i] ?? "")) : undefined;
      const boundaries = geojson(a, cwd);
      if (kind === "lisa") {
        const c = need(a, "lisa", kind);
        requireColumn(f, c, "--lisa");
        const k = keyColumn(f, c);
        return lisaMap({ title: title ?? `LISA clusters (${c})`, lon, lat, names, boundaries, cluster: rows.map((i) => k[i] ?? "NS") });
      }
      const v = need(a, "value", kind);
      const values = pick(col(f, v, "--value"), rows);
      if (kind === "geoshapley-map") return geoshapleyMap({ title: title ?? `GeoShapley effect: ${v}`, lon, lat, names, boundaries, values, component: v });
      return pointMap({ title: title ?? v, lon, lat, names, boundaries, value: values, valueLabel: v });
    }
    case "shap-summary":
    case "shap-bar":
    case "shap-dependence": {
      const shapFrame = await readDataFile(need(a, "shap", kind), cwd);
      const names = getList(a, "features") ?? [...shapFrame.columns.keys()];
      if (shapFrame.nrow !== f.nrow) throw new InputError(`The SHAP file has ${shapFrame.nrow} rows, --data has ${f.nrow}: they must match row by row.`);
      const shap = names.map((n) => col(shapFrame, n, "SHAP column"));
      const values = names.map((n) => col(f, n, "feature"));
      const input = { names, shap, values, title };
      if (kind === "shap-summary") return shapSummary(input);
      if (kind === "shap-bar") return shapBar(input);
      return shapDependence({ ...input, feature: need(a, "feature", kind), colourFeature: getString(a, "colour") });
    }
    default:
      throw new InputError(`Unknown chart kind ${kind}.`);
  }
}

/** Writes the chart as .svg or .png (by the extension); returns the absolute path. */
export function writeChart(chart: Chart, out: string, cwd = process.cwd()): string {
  const path = resolve(cwd, out);
  const svg = renderSvg(chart);
  mkdirSync(dirname(path), { recursive: true });
  if (/\.svg$/i.test(out)) writeFileSync(path, svg);
  else if (/\.png$/i.test(out)) writeFileSync(path, svgToPng(svg));
  else throw new InputError(`--out must name a .svg or .png file, got "${out}".`);
  return path;
}

const KINDS = CHART_KINDS as readonly string[];

export const command: CliCommand = {
  name: "plot",
  summary: "Charts (coefficient plot, trends, weights, maps, Moran/LISA, SHAP, GeoShapley) to .svg or .png",
  usage: "nqp plot --kind KIND --data FILE [--spec FILE.json] ... --out FIG.svg|FIG.png",
  flags: {
    kind: { type: "string", required: true, values: KINDS, description: "chart kind" },
    data: DATA_FLAG,
    out: { type: "string", required: true, meta: "FIG.svg|FIG.png", description: "figure to write" },
    spec: { type: "string", meta: "FILE.json", description: "spec file whose derive steps add columns first (e.g. NQP); see data/demo-spec.json" },
    title: { type: "string", meta: "TEXT", description: "chart title" },
    y: { type: "string", meta: "NAME", description: "coef: outcome" },
    x: { type: "list", meta: "A,B", description: "coef: key regressor(s), always in the model" },
    controls: { type: "list", meta: "C,D", description: "coef: controls (with --stepwise added one at a time)" },
    stepwise: { type: "boolean", description: "coef: one column per added control, (1) = key regressor only" },
    by: { type: "list", meta: "COL", description: "coef: split-sample columns by the levels of these group columns" },
    terms: { type: "list", meta: "A,B", description: "coef: terms to plot (default: first of --x)" },
    fe: { type: "list", meta: "A,B", description: "coef: absorbed fixed effects" },
    cluster: { type: "list", meta: "A", description: "coef: cluster variable(s)" },
    value: { type: "string", meta: "NAME", description: "trend / map / geoshapley-map: the variable" },
    time: { type: "string", meta: "NAME", description: "trend: time column (default year)" },
    group: { type: "string", meta: "NAME", description: "trend: one line per level" },
    marker: { type: "number", meta: "T", description: "trend: vertical marker (e.g. first post-policy year)" },
    "marker-label": { type: "string", meta: "TEXT", description: "trend: marker label" },
    indicators: { type: "list", meta: "A,B,C", description: "weights: entropy indicators" },
    negative: { type: "list", meta: "A", description: "weights: negative indicators" },
    index: { type: "string", meta: "NAME", description: "weights: the entropy step of --spec with this name" },
    z: { type: "string", meta: "NAME", description: "moran: standardised variable" },
    wz: { type: "string", meta: "NAME", description: "moran: its spatial lag" },
    slope: { type: "number", meta: "I", description: "moran: Moran's I (default: slope of wz on z)" },
    label: { type: "string", meta: "TEXT", description: "moran: variable name shown" },
    lon: { type: "string", meta: "NAME", description: "maps: longitude column (default lon)" },
    lat: { type: "string", meta: "NAME", description: "maps: latitude column (default lat)" },
    name: { type: "string", meta: "NAME", description: "maps: unit name column" },
    lisa: { type: "string", meta: "NAME", description: "lisa: cluster column (HH/LL/LH/HL/NS or codes 0-4)" },
    where: { type: "list", column: false, meta: "COL=V", description: "maps / moran: keep rows with these values (e.g. year=2020)" },
    geojson: { type: "string", meta: "FILE", description: "maps: boundaries to outline" },
    shap: { type: "string", meta: "FILE", description: "shap-*: SHAP values, one column per feature, rows as --data" },
    features: { type: "list", meta: "A,B", description: "shap-*: features (default: every column of --shap)" },
    feature: { type: "string", meta: "NAME", description: "shap-dependence: the feature" },
    colour: { type: "string", meta: "NAME", description: "shap-dependence: colour feature" },
    json: JSON_FLAG,
  },
  details:
    "Examples (shipped data):\n" +
    "  nqp plot --kind coef --data data/nqp_panel.csv --spec data/demo-spec.json --y ER --x NQP --controls GDP,FTE,BOOK,OPEN,FEF --stepwise --fe city_id,year --cluster city_id --out coef.svg\n" +
    "  nqp plot --kind trend --data data/nqp_panel.csv --spec data/demo-spec.json --value NQP --group hu_east --marker 2016 --out trend.png\n" +
    "  nqp plot --kind map --data data/nqp_panel.csv --spec data/demo-spec.json --value NQP --where year=2020 --name city_name --out map.png\n" +
    "LISA: --lisa COL holds HH/LL/LH/HL/NS or the codes 0-4 (0 n.s., 1 HH, 2 LH, 3 LL, 4 HL).",
  async run(args, io) {
    const kind = getString(args, "kind") as ChartKind;
    let frame = await readDataFile(getString(args, "data")!, io.cwd);
    const specPath = getString(args, "spec");
    const spec = specPath ? readJson(resolve(io.cwd, specPath), "Spec file") : undefined;
    if (spec) frame = applyDerive(frame, validateSpecFile(spec).derive);
    const chart = await plotChart(kind, frame, args, io.cwd, spec);
    const path = writeChart(chart, getString(args, "out")!, io.cwd);
    if (getBool(args, "json")) io.out(toJson({ out: path, kind: chart.kind, title: chart.title, series: chart.series.map((s) => ({ name: s.name, n: s.x.length })) }) + "\n");
    else io.out(`Wrote ${chart.kind} chart "${chart.title}" (${chart.series.length} series) to ${path}\n`);
    return 0;
  },
};
