/**
 * Group bookkeeping on integer codes: dense re-coding, counts, group sums and means.
 * Codes are Int32Array of length n with values 0..levels-1 (no missing: select the sample first).
 */
import { InputError } from "../frame/errors";

export interface DenseCodes {
  readonly codes: Int32Array;
  readonly levels: number;
  /** For each dense level, the original code it came from. */
  readonly original: Int32Array;
}

/** Re-codes to 0..L-1 in order of first appearance of the used levels. Throws on negative codes. */
export function denseCodes(codes: ArrayLike<number>, what = "group"): DenseCodes {
  const n = codes.length;
  let max = -1;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    if (c < 0) throw new InputError(`${what} has a missing value at row ${i + 1}; select the sample before building groups.`);
    if (c > max) max = c;
  }
  const map = new Int32Array(max + 1).fill(-1);
  const out = new Int32Array(n);
  const original: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    let d = map[c];
    if (d < 0) {
      d = original.length;
      map[c] = d;
      original.push(c);
    }
    out[i] = d;
  }
  return { codes: out, levels: original.length, original: Int32Array.from(original) };
}

export function groupCounts(codes: Int32Array, levels: number): Float64Array {
  const c = new Float64Array(levels);
  for (let i = 0; i < codes.length; i++) c[codes[i]]++;
  return c;
}

/** Sums of x by group (into `out` if given, zeroed first). */
export function groupSums(codes: Int32Array, levels: number, x: ArrayLike<number>, out?: Float64Array): Float64Array {
  const s = out ?? new Float64Array(levels);
  if (out) s.fill(0);
  for (let i = 0; i < codes.length; i++) s[codes[i]] += x[i];
  return s;
}

/** x minus its group means, in place on `x` (one pass for sums, one to subtract). */
export function subtractGroupMeans(codes: Int32Array, invCounts: Float64Array, x: Float64Array, scratch: Float64Array): void {
  scratch.fill(0);
  const n = codes.length;
  for (let i = 0; i < n; i++) scratch[codes[i]] += x[i];
  for (let g = 0; g < scratch.length; g++) scratch[g] *= invCounts[g];
  for (let i = 0; i < n; i++) x[i] -= scratch[codes[i]];
}
