/**
 * Small helpers the analysis batteries (mediation, heterogeneity, robustness) use to derive an
 * ordinary model spec from a baseline: add or replace a column of a frame (without touching the
 * input frame), and build or intersect row subsets (ascending 0-based data rows, as
 * `LinearSpec.rows`).
 */
import { Column, Frame, getColumn, keyColumn, numericColumn } from "../frame";
import { InputError } from "../frame/errors";

/** The fields of a linear spec the batteries read or rewrite; other fields pass through untouched. */
export interface SpecCore {
  readonly y: string;
  readonly x: readonly string[];
  readonly fe?: readonly string[];
  readonly rows?: Int32Array;
}

function withColumn(frame: Frame, col: Column): Frame {
  const columns = new Map(frame.columns);
  columns.set(col.name, col);
  const names = frame.columns.has(col.name) ? frame.names : [...frame.names, col.name];
  return { nrow: frame.nrow, names, columns };
}

/** A copy of the frame with a numeric column added (or replaced when the name exists). */
export function withNumericColumn(frame: Frame, name: string, values: Float64Array): Frame {
  if (values.length !== frame.nrow) throw new InputError(`Column "${name}" has ${values.length} rows but the data have ${frame.nrow}.`);
  let nMissing = 0;
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) nMissing++;
  return withColumn(frame, { name, numbers: values, text: null, firstTextRow: -1, nMissing });
}

/** A copy of the frame with a text (key) column added or replaced; null = missing. */
export function withTextColumn(frame: Frame, name: string, text: (string | null)[]): Frame {
  if (text.length !== frame.nrow) throw new InputError(`Column "${name}" has ${text.length} rows but the data have ${frame.nrow}.`);
  let nMissing = 0;
  let firstTextRow = -1;
  const numbers = new Float64Array(text.length).fill(NaN);
  for (let i = 0; i < text.length; i++) {
    if (text[i] === null) nMissing++;
    else if (firstTextRow < 0) firstTextRow = i;
  }
  return withColumn(frame, { name, numbers, text, firstTextRow, nMissing });
}

/** All rows 0..n-1, or the given subset. */
export function baseRows(frame: Frame, rows?: Int32Array): Int32Array {
  return rows ? rows : Int32Array.from({ length: frame.nrow }, (_, i) => i);
}

/** Rows of `rows` (or of the whole frame) for which keep(i) holds, ascending. */
export function filterRows(frame: Frame, rows: Int32Array | undefined, keep: (i: number) => boolean): Int32Array {
  const base = baseRows(frame, rows);
  const out: number[] = [];
  for (const i of base) if (keep(i)) out.push(i);
  return Int32Array.from(out);
}

/**
 * Rows (of `rows` or the whole frame) where every listed variable is present: numeric variables
 * non-missing, key variables (FE, cluster, groups) non-missing as keys.
 */
export function completeRows(frame: Frame, rows: Int32Array | undefined, numeric: readonly string[], keys: readonly string[] = []): Int32Array {
  const nums = numeric.map((v) => numericColumn(frame, v));
  const ks = keys.map((v) => keyColumn(frame, v));
  return filterRows(frame, rows, (i) => nums.every((c) => !Number.isNaN(c[i])) && ks.every((k) => k[i] !== null));
}

/** The numeric column, checked to exist (for error messages naming the argument). */
export function requireColumn(frame: Frame, name: string, role: string): void {
  if (!frame.columns.has(name)) {
    throw new InputError(`The ${role} "${name}" is not a column of the data. Columns are: ${frame.names.join(", ")}.`);
  }
  getColumn(frame, name);
}
