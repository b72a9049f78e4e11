/**
 * Winsorising at percentiles with Stata's `_pctile` definition (= R quantile type 2), as
 * `winsor2 x, cuts(1 99) replace`: values below the lower cutoff are set to it, values above the
 * upper cutoff likewise. Cutoffs use every non-missing value of the variable (within each group
 * when a group column is given).
 *
 * Percentile (Stata _pctile, default): with the n sorted values x_(1) <= ... <= x_(n) and P = n q
 * (q the fraction, e.g. 0.01): if P is a whole number the average of x_(P) and x_(P+1), else x_(ceil P).
 *
 * Shapes: x has length n; `values` has length n in input order (missing stays NaN).
 */
import { InputError } from "../frame";

/** Stata `_pctile` percentile of already sorted values (ascending, no NaN), q in (0, 1). */
export function pctileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const P = n * q;
  const whole = Math.round(P);
  // n q is computed in floating point (0.01 * 2800 = 28.000000000000004): treat near-integers as integers.
  if (Math.abs(P - whole) <= 1e-9 * Math.max(1, P)) {
    if (whole <= 0) return sorted[0];
    if (whole >= n) return sorted[n - 1];
    return (sorted[whole - 1] + sorted[whole]) / 2;
  }
  const k = Math.min(n, Math.max(1, Math.ceil(P)));
  return sorted[k - 1];
}

/** Stata `_pctile` percentile of x (NaN ignored), q in (0, 1). */
export function pctile(x: ArrayLike<number>, q: number): number {
  return pctileSorted(sortedFinite(x), q);
}

function sortedFinite(x: ArrayLike<number>, rows?: readonly number[]): Float64Array {
  const vals: number[] = [];
  if (rows) {
    for (const i of rows) if (!Number.isNaN(x[i])) vals.push(x[i]);
  } else {
    for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) vals.push(x[i]);
  }
  return Float64Array.from(vals).sort();
}

export interface WinsorCutoffs {
  /** Group label, null when not grouped. */
  readonly group: string | null;
  readonly lower: number;
  readonly upper: number;
  /** Non-missing values used for the cutoffs. */
  readonly n: number;
  /** Values strictly below the lower / above the upper cutoff (the ones replaced). */
  readonly nBelow: number;
  readonly nAbove: number;
}

export interface WinsorOptions {
  /** Lower fraction (default 0.01). */
  readonly lower?: number;
  /** Upper fraction (default 1 - lower). */
  readonly upper?: number;
  /** Group code per row (-1 = missing group: the value is returned unchanged) and the labels. */
  readonly by?: { readonly codes: Int32Array; readonly levels: readonly string[] };
}

export interface WinsorResult {
  readonly values: Float64Array;
  readonly cutoffs: readonly WinsorCutoffs[];
  /** Rows whose group is missing (their value is returned unchanged). */
  readonly nMissingGroup: number;
}

export function validateWinsorFractions(lower: number, upper: number): void {
  if (!(lower > 0 && lower < 0.5) || !(upper > 0.5 && upper < 1)) {
    throw new InputError(
      `Winsorising fractions must satisfy 0 < lower < 0.5 < upper < 1 (e.g. 0.01 and 0.99); got ${lower} and ${upper}.`,
      "num",
    );
  }
}

export function winsorize(x: Float64Array, options: WinsorOptions = {}): WinsorResult {
  const lower = options.lower ?? 0.01;
  const upper = options.upper ?? 1 - lower;
  validateWinsorFractions(lower, upper);
  const n = x.length;
  const values = Float64Array.from(x);
  const groups: { label: string | null; rows: number[] | undefined }[] = [];
  let nMissingGroup = 0;
  if (options.by) {
    const { codes, levels } = options.by;
    if (codes.length !== n) throw new InputError(`The group column has ${codes.length} rows but x has ${n}.`);
    const rows: number[][] = levels.map(() => []);
    for (let i = 0; i < n; i++) {
      if (codes[i] < 0) nMissingGroup++;
      else rows[codes[i]].push(i);
    }
    levels.forEach((l, k) => groups.push({ label: l, rows: rows[k] }));
  } else {
    groups.push({ label: null, rows: undefined });
  }
  const cutoffs = groups.map(({ label, rows }) => {
    const s = sortedFinite(x, rows);
    const lo = pctileSorted(s, lower);
    const hi = pctileSorted(s, upper);
    let nBelow = 0;
    let nAbove = 0;
    const visit = (i: number) => {
      const v = x[i];
      if (v < lo) {
        values[i] = lo;
        nBelow++;
      } else if (v > hi) {
        values[i] = hi;
        nAbove++;
      }
    };
    if (rows) rows.forEach(visit);
    else for (let i = 0; i < n; i++) visit(i);
    return { group: label, lower: lo, upper: hi, n: s.length, nBelow, nAbove };
  });
  return { values, cutoffs, nMissingGroup };
}
