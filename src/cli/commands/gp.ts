/** `nqp gp`: geographical Gaussian-process regression with optional GeoShapley explanations (engine/gp, engine/explain). */
import { formatNumber } from "../output";
import { numericColumn, Frame } from "../../engine/frame";
import { gpAnalysisJson, parseBounds, parseNamedValues, runGpAnalysis, splitFixed } from "../../engine/gp/analysis";
import { GpData } from "../../engine/gp/model";
import { GEO_METRICS, GEO_SHAPES, KERNEL_NAMES, KernelName, GeoShape } from "../../engine/gp/presets";
import { GeoMetric } from "../../engine/gp/stationary";
import { DATA_FLAG, getBool, getList, getString, JSON_FLAG } from "../argv";
import { CliCommand } from "../command";
import { readDataFile } from "../data";
import { formatTable, toJson } from "../output";

function design(frame: Frame, y: string | null, x: string[], lat: string, lon: string): GpData {
  const cols = [...x, lat, lon].map((c) => numericColumn(frame, c));
  const n = frame.nrow;
  const w = cols.length;
  const X = new Float64Array(n * w);
  for (let i = 0; i < n; i++) for (let j = 0; j < w; j++) X[i * w + j] = cols[j][i];
  return { features: x, X, n, y: y ? numericColumn(frame, y) : new Float64Array(n) };
}

export const command: CliCommand = {
  name: "gp",
  summary: "Gaussian-process regression on features + coordinates (gp_ard, Jiao-Tao ggpr_jt) with GeoShapley",
  usage:
    "nqp gp --data FILE --y Y --x A,B --lat LAT --lon LON [--kernel gp_ard|ggpr_jt] [--fixed \"name=v,...\"] " +
    "[--bounds \"name=lo:hi,...\"] [--init \"name=v,...\"] [--restarts 5 --seed S] [--predict NEW.csv] " +
    "[--geoshapley --background 50] [--fast-subsample M] [--json]",
  flags: {
    data: DATA_FLAG,
    y: { type: "string", required: true, meta: "Y", description: "outcome column" },
    x: { type: "list", required: true, meta: "A,B", description: "feature columns" },
    lat: { type: "string", required: true, meta: "LAT", description: "latitude (decimal degrees) or projected y" },
    lon: { type: "string", required: true, meta: "LON", description: "longitude (decimal degrees) or projected x" },
    kernel: { type: "string", values: [...KERNEL_NAMES], description: "gp_ard (default) or ggpr_jt" },
    geo: { type: "string", values: [...GEO_SHAPES], description: "gp_ard: shape of the geographic kernel (default rbf)" },
    metric: { type: "string", values: [...GEO_METRICS], description: "gp_ard: planar (degrees as given, default) or greatcircle (km)" },
    fixed: { type: "string", meta: "name=v,...", description: "hyperparameters held fixed (natural units); nu sets the Matern smoothness" },
    init: { type: "string", meta: "name=v,...", description: "starting values of the first start" },
    bounds: { type: "string", meta: "name=lo:hi,...", description: "box per hyperparameter (natural units)" },
    restarts: { type: "number", meta: "K", description: "random restarts uniform on the log box (default 0)" },
    seed: { type: "number", meta: "S", description: "seed of the restarts / subsample (default 0)" },
    predict: { type: "string", meta: "NEW.csv", description: "rows to predict (same feature and coordinate columns)" },
    geoshapley: { type: "boolean", description: "GeoShapley of the posterior mean at every --data row" },
    background: { type: "number", meta: "N", description: "GeoShapley background: the first N rows of --data (default 50)" },
    "fast-subsample": { type: "number", meta: "M", description: "fit the hyperparameters on a seeded subsample of M rows, exact posterior on all" },
    json: JSON_FLAG,
  },
  details:
    "Example (bundled sample, fixed hyperparameters):\n" +
    '  nqp gp --data data/gp_city2022.csv --y ER --x NQP-FEF --lat lat --lon lon --fixed "sf2=1.5,l_NQP=8,l_GDP=4,l_FTE=15,l_BOOK=25,l_OPEN=25,l_FEF=25,sg2=0.05,lg=2.5,sn2=0.8"\n' +
    "JSON: {hyperparameters, theta, loglik (normalised y), gradient (by log_<name>), jitter, mean, sd (sd of f), sd_y,\n" +
    "lat, lon, predict: {mean, sd, sd_y}, geoshapley: {method, base, geo, primary, interaction}, ranking, contribution_ranking, warnings}.",
  async run(args, io) {
    const frame = await readDataFile(getString(args, "data")!, io.cwd);
    const x = getList(args, "x")!;
    const lat = getString(args, "lat")!;
    const lon = getString(args, "lon")!;
    const data = design(frame, getString(args, "y")!, x, lat, lon);
    const fx = splitFixed(args.flags.fixed !== undefined ? parseNamedValues(String(args.flags.fixed), "--fixed") : {});
    const pathNew = getString(args, "predict");
    let newRows: { X: Float64Array; n: number } | undefined;
    if (pathNew) {
      const nf = await readDataFile(pathNew, io.cwd);
      const d2 = design(nf, null, x, lat, lon);
      newRows = { X: d2.X, n: d2.n };
    }
    const num = (k: string) => (args.flags[k] === undefined ? undefined : Number(args.flags[k]));
    const a = runGpAnalysis(
      data,
      {
        kernel: { kernel: (getString(args, "kernel") ?? "gp_ard") as KernelName, nu: fx.nu, geo: getString(args, "geo") as GeoShape | undefined, metric: getString(args, "metric") as GeoMetric | undefined },
        fixed: fx.fixed,
        init: args.flags.init !== undefined ? parseNamedValues(String(args.flags.init), "--init") : undefined,
        bounds: args.flags.bounds !== undefined ? parseBounds(String(args.flags.bounds)) : undefined,
        restarts: num("restarts"),
        seed: num("seed"),
        fastSubsample: num("fast-subsample"),
        geoshapley: getBool(args, "geoshapley"),
        background: num("background"),
      },
      newRows,
    );
    const latCol = numericColumn(frame, lat);
    const lonCol = numericColumn(frame, lon);
    const obj = gpAnalysisJson(a, latCol, lonCol);
    if (getBool(args, "json")) {
      io.out(toJson(obj) + "\n");
      return 0;
    }
    const m = a.model;
    io.out(`Kernel: ${m.kernelDescription}\nN = ${m.n}, log marginal likelihood ${formatNumber(m.loglik)}${m.jitter > 0 ? ` (jitter ${m.jitter})` : ""}\n`);
    io.out(formatTable(["hyperparameter", "value", "d loglik / d log"], m.names.map((nm, j) => [nm, m.values[j], m.gradient[j]])));
    for (const w of m.warnings) io.out(`Note: ${w}\n`);
    if (a.geoshapley) {
      io.out(`GeoShapley (${a.geoshapley.methodNote}), base ${a.geoshapley.base}\n`);
      io.out(formatTable(["component", "mean |phi|", "mean phi"], (obj.ranking as any[]).map((e) => [e.component, e.mean_abs, e.mean])));
    }
    return 0;
  },
};
