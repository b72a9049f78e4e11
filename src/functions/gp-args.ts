/**
 * Arguments of =NQP.GP and =NQP.GEOSHAPLEY: y, x, lat, lon ranges -> the GP design (engine/gp GpData:
 * row-major [features..., lat, lon]), and the options shared with `nqp gp` (kernel, geo, metric, nu,
 * fixed, init, bounds, restarts, seed, fast_subsample). Inside one options text, `fixed`, `init` and
 * `bounds` list their pairs separated by spaces ("fixed=sf2=1.5 l_NQP=8"), because commas and
 * semicolons separate options; in a two-column options range commas work too, as in the CLI.
 * Every cell must be a number: a blank or text cell is an error naming the argument, column and row.
 */
import { Cell, cellToNumber, isMissingCell } from "../engine/frame/missing";
import { InputError } from "../engine/frame/errors";
import { splitFixed } from "../engine/gp/analysis";
import { GpData, GpFitOptions } from "../engine/gp/model";
import { GEO_METRICS, GEO_SHAPES, KERNEL_NAMES, GeoShape, KernelName } from "../engine/gp/presets";
import { GeoMetric } from "../engine/gp/stationary";
import { t } from "../i18n/catalogue";
import { functionsGp as M } from "../i18n/messages/functions-gp";
import { numericRange, OptionSchema, OptionValues, RangeColumns, requireSameLength } from "./args";

/** The options every GP formula accepts (the CLI's flags, snake_case). */
export const GP_FIT_OPTIONS: OptionSchema = {
  kernel: { kind: "choice", values: [...KERNEL_NAMES] },
  geo: { kind: "choice", values: [...GEO_SHAPES] },
  metric: { kind: "choice", values: [...GEO_METRICS] },
  nu: { kind: "number", min: 0.01, max: 100 },
  fixed: { kind: "text" },
  init: { kind: "text" },
  bounds: { kind: "text" },
  restarts: { kind: "number", min: 0, max: 1000 },
  seed: { kind: "number", min: 0, max: 4294967295 },
  fast_subsample: { kind: "number", min: 10 },
};

export interface GpDesign {
  readonly data: GpData;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
}

function single(name: string, arg: unknown): RangeColumns {
  const r = numericRange(name, arg);
  if (r.columns.length !== 1) throw new InputError(t(M.singleColumn, { arg: name, n: r.columns.length }));
  return r;
}

function numbers(arg: string, column: string, cells: readonly Cell[]): Float64Array {
  return Float64Array.from(cells, (c, i) => {
    if (isMissingCell(c)) throw new InputError(t(M.blankCell, { arg, column, row: i + 1 }));
    const v = cellToNumber(c);
    if (v === undefined || !Number.isFinite(v)) throw new InputError(t(M.textCell, { arg, column, value: String(c), row: i + 1 }));
    return v;
  });
}

/** The design of the formula's ranges (header rule of args.ts; every range with or every without headers). */
export function gpDesign(y: unknown, x: unknown, lat: unknown, lon: unknown): GpDesign {
  const yr = single("y", y);
  const xr = numericRange("x", x);
  const la = single("lat", lat);
  const lo = single("lon", lon);
  for (const [name, r] of [["x", xr], ["lat", la], ["lon", lo]] as const) {
    if (r.hasHeader !== yr.hasHeader) {
      throw new InputError(t(M.headerMismatch, { yHas: t(yr.hasHeader ? M.has : M.hasNo), arg: name, argHas: t(r.hasHeader ? M.hasOne : M.doesNot) }));
    }
  }
  requireSameLength([{ name: "y", nrow: yr.nrow }, { name: "x", nrow: xr.nrow }, { name: "lat", nrow: la.nrow }, { name: "lon", nrow: lo.nrow }]);
  const n = yr.nrow;
  if (n < 2) throw new InputError(t(M.needRows, { min: 2, n }));
  const xs = xr.names.map((name, j) => numbers("x", name, xr.columns[j]));
  const latv = numbers("lat", la.names[0], la.columns[0]);
  const lonv = numbers("lon", lo.names[0], lo.columns[0]);
  const p = xs.length;
  const w = p + 2;
  const X = new Float64Array(n * w);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) X[i * w + j] = xs[j][i];
    X[i * w + p] = latv[i];
    X[i * w + p + 1] = lonv[i];
  }
  return { data: { features: xr.names, X, n, y: numbers("y", yr.names[0], yr.columns[0]) }, lat: latv, lon: lonv };
}

const pairsOf = (text: string) => text.split(/[\s,]+/).filter((s) => s.length > 0);

/** "sf2=1.5 l_NQP=8" (spaces or commas) -> natural-unit values. */
export function namedValues(option: string, text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of pairsOf(text)) {
    const m = /^([A-Za-z_][\w.]*)=(.+)$/.exec(part);
    const v = m ? cellToNumber(m[2]) : undefined;
    if (!m || v === undefined || !Number.isFinite(v)) throw new InputError(t(M.badPairs, { option, part }));
    out[m[1]] = v;
  }
  return out;
}

/** "sf2=0.01:10 lg=0.5:50" -> boxes. */
export function namedBounds(text: string): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const part of pairsOf(text)) {
    const m = /^([A-Za-z_][\w.]*)=([^:]+):(.+)$/.exec(part);
    const lo = m ? cellToNumber(m[2]) : undefined;
    const hi = m ? cellToNumber(m[3]) : undefined;
    if (!m || lo === undefined || hi === undefined || !Number.isFinite(lo) || !Number.isFinite(hi)) throw new InputError(t(M.badBounds, { part }));
    out[m[1]] = [lo, hi];
  }
  return out;
}

/** Parsed options -> the engine's fit options (nu from the option or from fixed, as `nqp gp --fixed nu=...`). */
export function gpFitOptions(o: OptionValues): GpFitOptions {
  const fx = splitFixed(o.fixed !== undefined ? namedValues("fixed", String(o.fixed)) : {});
  const num = (k: string) => (o[k] === undefined ? undefined : Number(o[k]));
  return {
    kernel: { kernel: ((o.kernel as string) ?? "gp_ard") as KernelName, nu: num("nu") ?? fx.nu, geo: o.geo as GeoShape | undefined, metric: o.metric as GeoMetric | undefined },
    fixed: fx.fixed,
    init: o.init !== undefined ? namedValues("init", String(o.init)) : undefined,
    bounds: o.bounds !== undefined ? namedBounds(String(o.bounds)) : undefined,
    restarts: num("restarts"),
    seed: num("seed"),
    fastSubsample: num("fast_subsample"),
  };
}
