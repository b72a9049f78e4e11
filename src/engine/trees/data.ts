/**
 * The training/prediction data of boosted trees: features as float32 (xgboost converts its DMatrix to
 * float32), column-major n x m (`x[i + j * n]`), NaN = missing (routed by the learned default direction);
 * the target y as float32. Missing y is an error naming the rows; text in a feature is an error naming the
 * column and row (engine/frame); constant features are allowed (they never split) and listed.
 */
import { Frame, numericColumn } from "../frame";
import { InputError } from "../frame/errors";

export interface BoostData {
  readonly n: number;
  readonly m: number;
  readonly names: readonly string[];
  /** n x m column-major float32 features, NaN = missing. */
  readonly x: Float32Array;
  /** float32 target (NaN only when built without `requireY`). */
  readonly y: Float32Array;
  /** Per feature: number of missing values. */
  readonly nMissing: Int32Array;
  /** Names of features with one distinct present value (or none): they cannot split. */
  readonly constant: readonly string[];
}

function rowList(rows: number[]): string {
  const shown = rows.slice(0, 10).map((r) => r + 1).join(", ");
  return rows.length > 10 ? `${shown} and ${rows.length - 10} more` : shown;
}

/**
 * Builds BoostData from arrays. `rowLabel` turns a 0-based row into the label used in messages (default:
 * data row i + 1). y missing is an error when `requireY` (training), listing the rows.
 */
export function boostData(
  y: { name: string; values: ArrayLike<number> } | null,
  x: readonly { name: string; values: ArrayLike<number> }[],
  opts: { requireY?: boolean } = {},
): BoostData {
  if (x.length === 0) throw new InputError("Boosting needs at least one feature (x).", "value");
  const n = x[0].values.length;
  const m = x.length;
  const X = new Float32Array(n * m);
  const nMissing = new Int32Array(m);
  const constant: string[] = [];
  const seen = new Set<string>();
  for (let j = 0; j < m; j++) {
    const { name, values } = x[j];
    if (seen.has(name)) throw new InputError(`The feature "${name}" is listed twice in x.`, "value");
    seen.add(name);
    if (values.length !== n) throw new InputError(`x column "${name}" has ${values.length} rows but "${x[0].name}" has ${n}.`, "value");
    let first = NaN;
    let distinct = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v !== v) {
        X[i + j * n] = NaN;
        nMissing[j]++;
        continue;
      }
      if (!Number.isFinite(v)) throw new InputError(`x column "${name}" holds ${v} in data row ${i + 1}: values must be finite numbers (blank = missing).`, "num");
      const f = Math.fround(v);
      X[i + j * n] = f;
      if (distinct === 0) {
        first = f;
        distinct = 1;
      } else if (f !== first) distinct = 2;
    }
    if (distinct < 2) constant.push(name);
  }
  const Y = new Float32Array(n);
  if (y) {
    if (y.values.length !== n) throw new InputError(`y "${y.name}" has ${y.values.length} rows but x has ${n}.`, "value");
    const bad: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = y.values[i];
      if (!Number.isFinite(v)) bad.push(i);
      Y[i] = Math.fround(v);
    }
    if (bad.length > 0 && opts.requireY !== false) {
      throw new InputError(`y "${y.name}" is missing (or not finite) in data row${bad.length > 1 ? "s" : ""} ${rowList(bad)}: boosting needs y in every row (drop or fill those rows).`, "value");
    }
  } else Y.fill(NaN);
  return { n, m, names: x.map((c) => c.name), x: X, y: Y, nMissing, constant };
}

/** BoostData from frame columns (y may be null for prediction only). */
export function boostDataFromFrame(frame: Frame, y: string | null, x: readonly string[], opts: { requireY?: boolean } = {}): BoostData {
  return boostData(
    y === null ? null : { name: y, values: numericColumn(frame, y) },
    x.map((name) => ({ name, values: numericColumn(frame, name) })),
    opts,
  );
}

/** The rows `rows` of d (a copy). */
export function takeBoostRows(d: BoostData, rows: ArrayLike<number>): BoostData {
  const n = rows.length;
  const X = new Float32Array(n * d.m);
  const Y = new Float32Array(n);
  const nMissing = new Int32Array(d.m);
  for (let j = 0; j < d.m; j++) {
    for (let i = 0; i < n; i++) {
      const v = d.x[rows[i] + j * d.n];
      X[i + j * n] = v;
      if (v !== v) nMissing[j]++;
    }
  }
  for (let i = 0; i < n; i++) Y[i] = d.y[rows[i]];
  return { n, m: d.m, names: d.names, x: X, y: Y, nMissing, constant: d.constant };
}

/**
 * For faces that train on "every row with y" (task pane, table specs): BoostData of the rows whose y is
 * present, the data rows used (0-based) and how many rows were left out for a missing y (to be reported).
 */
export function boostDataWithY(frame: Frame, y: string, x: readonly string[]): { data: BoostData; rows: Int32Array; nNoY: number } {
  const all = boostDataFromFrame(frame, y, x, { requireY: false });
  const rows: number[] = [];
  for (let i = 0; i < all.n; i++) if (all.y[i] === all.y[i]) rows.push(i);
  const r = Int32Array.from(rows);
  const data = takeBoostRows(all, r);
  const constant = data.names.filter((_, j) => {
    let first = NaN;
    for (let i = 0; i < data.n; i++) {
      const v = data.x[i + j * data.n];
      if (v !== v) continue;
      if (first !== first) first = v;
      else if (v !== first) return false;
    }
    return true;
  });
  return { data: { ...data, constant }, rows: r, nNoY: all.n - rows.length };
}
