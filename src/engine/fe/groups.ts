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

/**
 * Re-codes to 0..L-1 in order of first appearance of the used levels. Throws on negative codes.
 * `share`: when the input is an Int32Array already so coded, return it itself (the caller only reads it).
 */
export function denseCodes(codes: ArrayLike<number>, what = "group", share = false): DenseCodes {
  const n = codes.length;
  let max = -1;
  // Codes that are already 0..L-1 in order of first appearance (e.g. re-coded before) are their own
  // dense coding: detected in the same pass, then copied without the level map.
  let inOrder = true;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    if (c < 0) throw new InputError(`${what} has a missing value at row ${i + 1}; select the sample before building groups.`);
    if ((c | 0) !== c) inOrder = false;
    if (c > max) {
      if (c !== max + 1) inOrder = false;
      max = c;
    }
  }
  if (inOrder && Number.isInteger(max)) {
    const out = share && codes instanceof Int32Array ? codes : new Int32Array(n);
    if (out !== codes) {
      if (codes instanceof Int32Array) out.set(codes);
      else for (let i = 0; i < n; i++) out[i] = codes[i];
    }
    const original = new Int32Array(max + 1);
    for (let l = 0; l <= max; l++) original[l] = l;
    return { codes: out, levels: max + 1, original };
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

/** Observations per level; runs of equal codes are counted in a register (sorted panels). */
export function groupCounts(codes: Int32Array, levels: number): Float64Array {
  const c = new Float64Array(levels);
  addRunCounts(codes, c);
  return c;
}

/** c[codes[i]] += 1 for every i, adding each run of equal codes at once (exact: integer counts). */
export function addRunCounts(codes: Int32Array, c: Float64Array | Int32Array): void {
  const n = codes.length;
  if (n === 0) return;
  let g = codes[0];
  let run = 1;
  for (let i = 1; i < n; i++) {
    const k = codes[i];
    if (k !== g) {
      c[g] += run;
      g = k;
      run = 1;
    } else run++;
  }
  c[g] += run;
}

/** Sums of x by group (into `out` if given, zeroed first). */
export function groupSums(codes: Int32Array, levels: number, x: ArrayLike<number>, out?: Float64Array): Float64Array {
  const s = out ?? new Float64Array(levels);
  if (out) s.fill(0);
  addByGroup(codes, x, s);
  return s;
}

/**
 * s[codes[i]] += x[i] for every i, adding each run of equal codes in a register first: on sorted
 * panels (rows of a unit together) this avoids a store-to-load chain through s. Each group's sum is
 * still a left-to-right sum of its values (bitwise the plain loop's when a group is one run).
 */
export function addByGroup(codes: Int32Array, x: ArrayLike<number>, s: Float64Array): void {
  const n = codes.length;
  if (n === 0) return;
  let g = codes[0];
  let acc = x[0];
  for (let i = 1; i < n; i++) {
    const c = codes[i];
    if (c !== g) {
      s[g] += acc;
      g = c;
      acc = x[i];
    } else acc += x[i];
  }
  s[g] += acc;
}

/** x minus its group means, in place on `x` (one pass for sums, one to subtract). */
export function subtractGroupMeans(codes: Int32Array, invCounts: Float64Array, x: Float64Array, scratch: Float64Array): void {
  scratch.fill(0);
  const n = codes.length;
  addByGroup(codes, x, scratch);
  for (let g = 0; g < scratch.length; g++) scratch[g] *= invCounts[g];
  for (let i = 0; i < n; i++) x[i] -= scratch[codes[i]];
}
