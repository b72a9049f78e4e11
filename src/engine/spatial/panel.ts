/**
 * A balanced spatial panel: n units (sorted ids = W's order) x T periods (sorted), every (unit, period)
 * exactly once. Stacked vectors are PERIOD-MAJOR: element t * n + i is unit i in period t (so W applies
 * block by block, (I_T kron W) x). Two-way demeaning uses the FE engine (src/engine/fe), which is exact
 * on a balanced panel (x_it - x_i. - x_.t + x..).
 */
import { InputError } from "../frame/errors";
import { Frame, keyColumn, numericColumn } from "../frame/frame";
import { buildFixedEffects, FixedEffects } from "../fe";
import { sortIds, Units, unitsOf } from "./units";

export interface SpatialPanel {
  readonly units: Units;
  readonly periods: readonly string[];
  readonly n: number;
  readonly T: number;
  /** Frame row of each stacked position (length n T). */
  readonly rowOf: Int32Array;
  readonly idName: string;
  readonly timeName: string;
  /** The variable in period-major order; missing values are an error naming the unit and period. */
  stack(name: string): Float64Array;
  /** Two-way (unit and period) demeaning of a stacked vector. */
  readonly fe: FixedEffects;
}

const list = (a: readonly string[], max = 10) => a.slice(0, max).join(", ") + (a.length > max ? ` and ${a.length - max} more` : "");

export function balancedPanel(frame: Frame, idName: string, timeName: string): SpatialPanel {
  const units = unitsOf(frame, idName);
  const tk = keyColumn(frame, timeName);
  const pset = new Set<string>();
  tk.forEach((k, r) => {
    if (k === null) throw new InputError(`Column "${timeName}" (the period) is missing in data row ${r + 1}.`);
    pset.add(k);
  });
  const periods = sortIds([...pset]);
  const pidx = new Map(periods.map((p, t) => [p, t]));
  const n = units.ids.length;
  const T = periods.length;
  if (T < 2) throw new InputError(`The panel needs at least 2 periods of "${timeName}"; it has ${T}.`);
  const rowOf = new Int32Array(n * T).fill(-1);
  for (let r = 0; r < frame.nrow; r++) {
    const pos = pidx.get(tk[r] as string)! * n + units.ofRow[r];
    if (rowOf[pos] >= 0) throw new InputError(`Unit "${units.ids[units.ofRow[r]]}" appears twice in ${timeName} ${tk[r]} (data rows ${rowOf[pos] + 1} and ${r + 1}); a panel has one row per unit and period.`);
    rowOf[pos] = r;
  }
  const holes: string[] = [];
  const unitsMissing = new Set<string>();
  const yearsMissing = new Set<string>();
  for (let t = 0; t < T; t++)
    for (let i = 0; i < n; i++)
      if (rowOf[t * n + i] < 0) {
        holes.push(`${units.ids[i]} in ${periods[t]}`);
        unitsMissing.add(units.ids[i]);
        yearsMissing.add(periods[t]);
      }
  if (holes.length > 0) {
    throw new InputError(
      `The spatial panel must be balanced (every unit in every period), but ${holes.length} unit-period row(s) are missing: ` +
        `units ${list([...unitsMissing])} lack ${timeName} ${list(sortIds([...yearsMissing]))} (${list(holes, 5)}). ` +
        `Drop those units or periods, or fill the rows.`,
    );
  }
  const uc = new Int32Array(n * T), tc = new Int32Array(n * T);
  for (let t = 0; t < T; t++) for (let i = 0; i < n; i++) {
    uc[t * n + i] = i;
    tc[t * n + i] = t;
  }
  const fe = buildFixedEffects([{ name: idName, codes: uc }, { name: timeName, codes: tc }]);
  return {
    units,
    periods,
    n,
    T,
    rowOf,
    idName,
    timeName,
    fe,
    stack(name: string): Float64Array {
      const x = numericColumn(frame, name);
      const out = new Float64Array(n * T);
      const bad: string[] = [];
      for (let p = 0; p < n * T; p++) {
        out[p] = x[rowOf[p]];
        if (!Number.isFinite(out[p])) bad.push(`${units.ids[p % n]} in ${periods[Math.floor(p / n)]} (data row ${rowOf[p] + 1})`);
      }
      if (bad.length > 0) throw new InputError(`"${name}" is missing for ${bad.length} unit-period row(s): ${list(bad, 5)}. The spatial panel models need complete data (nothing is dropped silently).`);
      return out;
    },
  };
}

/** Demeans each period block across units: J_n applied period by period (period-major vector). */
export function demeanAcrossUnits(x: Float64Array, n: number, T: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let t = 0; t < T; t++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[t * n + i];
    s /= n;
    for (let i = 0; i < n; i++) out[t * n + i] = x[t * n + i] - s;
  }
  return out;
}
