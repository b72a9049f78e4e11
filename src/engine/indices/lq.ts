/**
 * Location quotient (agglomeration): LQ = (part / total) / (region_part / region_total), e.g. a
 * city's employment in an industry over its total employment, relative to the same share nationally.
 *
 * Shapes: each argument has length n or 1 (a single value is used for every row); the result has
 * length n. NaN where an input is missing or a denominator (total, region_part, region_total) is 0.
 */
import { InputError } from "../frame";

export interface LocationQuotientResult {
  readonly values: Float64Array;
  readonly nMissing: number;
  /** Rows undefined because a denominator is zero. */
  readonly nZeroDenominator: number;
}

export function locationQuotient(
  part: ArrayLike<number>,
  total: ArrayLike<number>,
  regionPart: ArrayLike<number>,
  regionTotal: ArrayLike<number>,
): LocationQuotientResult {
  const args = { part, total, region_part: regionPart, region_total: regionTotal };
  const n = Math.max(part.length, total.length, regionPart.length, regionTotal.length);
  for (const [name, a] of Object.entries(args)) {
    if (a.length !== n && a.length !== 1) {
      throw new InputError(`${name} has ${a.length} rows; it must have ${n} rows (like the longest argument) or be a single value.`);
    }
  }
  const at = (a: ArrayLike<number>, i: number) => (a.length === 1 ? a[0] : a[i]);
  const values = new Float64Array(n);
  let nMissing = 0;
  let nZeroDenominator = 0;
  for (let i = 0; i < n; i++) {
    const p = at(part, i);
    const t = at(total, i);
    const rp = at(regionPart, i);
    const rt = at(regionTotal, i);
    if (Number.isNaN(p) || Number.isNaN(t) || Number.isNaN(rp) || Number.isNaN(rt)) {
      values[i] = NaN;
      nMissing++;
    } else if (t === 0 || rp === 0 || rt === 0) {
      values[i] = NaN;
      nMissing++;
      nZeroDenominator++;
    } else {
      values[i] = p / t / (rp / rt);
    }
  }
  return { values, nMissing, nZeroDenominator };
}
