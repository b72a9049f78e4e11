/**
 * Units of a (panel) frame: the distinct ids in sorted order (numeric ids numerically, else as text),
 * which is the row/column order of W; and unit-level values (coordinates, means) taken from the rows.
 */
import { InputError } from "../frame/errors";
import { Frame, keyColumn, numericColumn } from "../frame/frame";
import { Coordinates } from "./distance";

export interface Units {
  readonly ids: readonly string[];
  /** Unit index (0..n-1) of each frame row; -1 where the id is missing. */
  readonly ofRow: Int32Array;
  readonly idName: string;
}

export function sortIds(ids: string[]): string[] {
  const numeric = ids.every((s) => s.trim() !== "" && Number.isFinite(Number(s)));
  return numeric ? ids.sort((a, b) => Number(a) - Number(b)) : ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function unitsOf(frame: Frame, idName: string): Units {
  const keys = keyColumn(frame, idName);
  const set = new Set<string>();
  keys.forEach((k, r) => {
    if (k === null) throw new InputError(`Column "${idName}" (the unit id) is missing in data row ${r + 1}.`);
    set.add(k);
  });
  const ids = sortIds([...set]);
  const index = new Map(ids.map((s, i) => [s, i]));
  const ofRow = Int32Array.from(keys, (k) => index.get(k as string)!);
  return { ids, ofRow, idName };
}

/** One value per unit that must be the same on every row of the unit (coordinates). */
export function constantPerUnit(frame: Frame, units: Units, name: string): Float64Array {
  const x = numericColumn(frame, name);
  const out = new Float64Array(units.ids.length).fill(NaN);
  for (let r = 0; r < x.length; r++) {
    const u = units.ofRow[r];
    const v = x[r];
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(out[u])) out[u] = v;
    else if (out[u] !== v) throw new InputError(`Column "${name}" must be constant within a unit, but unit "${units.ids[u]}" has ${out[u]} and ${v} (data row ${r + 1}).`);
  }
  return out;
}

/** Mean over the unit's non-missing rows (NaN when it has none). */
export function meanPerUnit(frame: Frame, units: Units, name: string): Float64Array {
  const x = numericColumn(frame, name);
  const n = units.ids.length;
  const s = new Float64Array(n);
  const c = new Float64Array(n);
  for (let r = 0; r < x.length; r++) {
    if (Number.isNaN(x[r])) continue;
    s[units.ofRow[r]] += x[r];
    c[units.ofRow[r]]++;
  }
  for (let i = 0; i < n; i++) s[i] = c[i] > 0 ? s[i] / c[i] : NaN;
  return s;
}

export function coordinatesOf(frame: Frame, units: Units, lat: string, lon: string): Coordinates {
  return { ids: units.ids, lat: constantPerUnit(frame, units, lat), lon: constantPerUnit(frame, units, lon) };
}
