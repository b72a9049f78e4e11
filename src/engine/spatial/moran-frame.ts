/**
 * Moran's I on a frame: one value per unit (a cross-section), or one result per period of a panel
 * ("per year of a panel": each period's cross-section with the same W).
 */
import { InputError } from "../frame/errors";
import { Frame, keyColumn, numericColumn } from "../frame/frame";
import { buildWeights, WeightsRequest } from "./build";
import { localMoran, LisaResult } from "./lisa";
import { moranGlobal, MoranGlobal, MoranOptions } from "./moran";
import { SpatialWeights } from "./normalise";
import { sortIds, Units } from "./units";

export interface MoranSpec extends WeightsRequest {
  readonly variable: string;
  /** Period column: one result per period. */
  readonly time?: string;
  readonly alpha?: number;
  readonly nsim?: number;
  readonly seed?: number;
}

export interface MoranPeriodResult {
  /** Period label ("" for a cross-section). */
  readonly period: string;
  readonly global: MoranGlobal;
  readonly local: LisaResult;
}

export interface MoranFrameResult {
  readonly variable: string;
  readonly ids: readonly string[];
  readonly weights: SpatialWeights;
  readonly results: readonly MoranPeriodResult[];
}

/** The unit values of `variable` in rows `rows` (all rows when omitted); each unit exactly once. */
export function valuesByUnit(frame: Frame, units: Units, variable: string, rows?: readonly number[], what = ""): Float64Array {
  const x = numericColumn(frame, variable);
  const n = units.ids.length;
  const out = new Float64Array(n).fill(NaN);
  const seen = new Int32Array(n).fill(-1);
  const list = rows ?? Array.from({ length: frame.nrow }, (_, r) => r);
  for (const r of list) {
    const u = units.ofRow[r];
    if (seen[u] >= 0) throw new InputError(`Unit "${units.ids[u]}" has more than one row${what} (data rows ${seen[u] + 1} and ${r + 1}); give the time column for a panel, or one row per unit.`);
    seen[u] = r;
    out[u] = x[r];
  }
  const absent = units.ids.filter((_, i) => seen[i] < 0);
  if (absent.length > 0) throw new InputError(`${absent.length} unit(s) have no row${what}: ${absent.slice(0, 10).join(", ")}${absent.length > 10 ? ", ..." : ""}.`);
  return out;
}

export function moranOnFrame(frame: Frame, spec: MoranSpec): MoranFrameResult {
  const { units, weights } = buildWeights(frame, spec);
  const opts: MoranOptions = { nsim: spec.nsim, seed: spec.seed };
  const one = (x: Float64Array, period: string, label: string): MoranPeriodResult => ({
    period,
    global: moranGlobal(x, weights.w, units.ids, label, opts),
    local: localMoran(x, weights.w, units.ids, label, spec.alpha ?? 0.05),
  });
  let results: MoranPeriodResult[];
  if (spec.time) {
    const tk = keyColumn(frame, spec.time);
    const byPeriod = new Map<string, number[]>();
    tk.forEach((k, r) => {
      if (k === null) throw new InputError(`Column "${spec.time}" (the period) is missing in data row ${r + 1}.`);
      if (!byPeriod.has(k)) byPeriod.set(k, []);
      byPeriod.get(k)!.push(r);
    });
    results = sortIds([...byPeriod.keys()]).map((t) => one(valuesByUnit(frame, units, spec.variable, byPeriod.get(t)!, ` in ${spec.time} ${t}`), t, `${spec.variable} (${spec.time} ${t})`));
  } else {
    results = [one(valuesByUnit(frame, units, spec.variable), "", spec.variable)];
  }
  return { variable: spec.variable, ids: units.ids, weights, results };
}
