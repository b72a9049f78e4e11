/**
 * The passes over the cells of the entropy-weight method (src/engine/indices/entropy.ts): the min/max
 * scan, q = x' + s with sum q and sum q ln q per indicator, and the scores. Long loops run in per-block
 * functions: V8 compiles one long loop mid-call (on stack replacement) without type feedback for its exit
 * and throws that code away there, which made a cold 1e6 x 30 run several times slower than a warm one.
 */
import { sumXLogX, xlogxBuffer } from "./entropy-xlogx";

/** Rows per scanBlock call. */
const SCAN_BLOCK = 4096;

/**
 * Min and max of c over its present values (NaN compares false, so it is skipped), stored at out[2j],
 * out[2j + 1] (Infinity, -Infinity when every value is missing); returns true when c may have a missing
 * value (a NaN sum; rarely also an overflow, which only costs a needless look for NaN).
 * The loop runs in scanBlock, called once per 4096 rows: a short function V8 optimises with complete type
 * feedback, where one long loop is compiled mid-call and thrown away at its exit (measured: cold, that
 * made the scan ~4x slower).
 */
export function scanColumn(c: Float64Array, out: Float64Array, j: number): boolean {
  // acc: four running minima, four maxima, two sums (independent chains: compare latency, not memory, bounds the loop)
  const acc = Float64Array.of(Infinity, Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity, -Infinity, 0, 0);
  const n4 = c.length - (c.length % 4);
  for (let b = 0; b < n4; b += SCAN_BLOCK) scanBlock(c, b, Math.min(n4, b + SCAN_BLOCK), acc);
  let lo = Math.min(acc[0], acc[1], acc[2], acc[3]);
  let hi = Math.max(acc[4], acc[5], acc[6], acc[7]);
  let sum = acc[8] + acc[9];
  for (let i = n4; i < c.length; i++) {
    const v = c[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    sum += v;
  }
  out[2 * j] = lo;
  out[2 * j + 1] = hi;
  return sum !== sum;
}

/** The scan over rows [from, to) (a multiple of 4 long), carrying the chains in acc. */
function scanBlock(c: Float64Array, from: number, to: number, acc: Float64Array): void {
  let l0 = acc[0];
  let l1 = acc[1];
  let l2 = acc[2];
  let l3 = acc[3];
  let h0 = acc[4];
  let h1 = acc[5];
  let h2 = acc[6];
  let h3 = acc[7];
  let s0 = acc[8];
  let s1 = acc[9];
  for (let i = from; i < to; i += 4) {
    const a = c[i];
    const b = c[i + 1];
    const d = c[i + 2];
    const e = c[i + 3];
    if (a < l0) l0 = a;
    if (a > h0) h0 = a;
    if (b < l1) l1 = b;
    if (b > h1) h1 = b;
    if (d < l2) l2 = d;
    if (d > h2) h2 = d;
    if (e < l3) l3 = e;
    if (e > h3) h3 = e;
    s0 += a - b;
    s1 += d - e;
  }
  acc[0] = l0;
  acc[1] = l1;
  acc[2] = l2;
  acc[3] = l3;
  acc[4] = h0;
  acc[5] = h1;
  acc[6] = h2;
  acc[7] = h3;
  acc[8] = s0;
  acc[9] = s1;
}

/** complete[i] = 0 where c[i] is missing. */
export function markMissing(c: Float64Array, complete: Uint8Array): void {
  for (let i = 0; i < c.length; i++) if (c[i] !== c[i]) complete[i] = 0;
}
/** Min and max of column c over rows. */
export function range(c: Float64Array, rows: Int32Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let p = 0; p < rows.length; p++) {
    const v = c[rows[p]];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** Rows per partial sum: blocked summation keeps the rounding error near (BLOCK + n/BLOCK) eps. */
const BLOCK = 1024;

/**
 * Entropy e_j of one indicator over rows, in one pass over q_i = x'_i + s (x' computed on the fly):
 * with S = sum q and T = sum q ln q, sum p ln p = T/S - ln S (p = q/S), so no second pass is needed.
 * Each block of q is written to a small buffer whose float bits sumXLogX reads (table logarithm).
 */
export function entropyOf(c: Float64Array, rows: Int32Array | null, lo: number, hi: number, dir: 1 | -1, shift: number): number {
  const n = rows ? rows.length : c.length;
  // q = dir (v - base) / span + shift; subtracting first keeps x' exact-ish when |base| >> span.
  const scale = dir / (hi - lo);
  const base = dir === 1 ? lo : hi;
  let S = 0;
  let T = 0;
  const buf = xlogxBuffer(BLOCK);
  for (let b = 0; b < n; b += BLOCK) {
    const len = Math.min(BLOCK, n - b);
    S += blockQ(c, rows, b, len, base, scale, shift, buf.values);
    T += sumXLogX(buf, len);
  }
  return -(T / S - Math.log(S)) / Math.log(n);
}

/**
 * q_p = (c[row b + p] - base) scale + shift for p < len into qs (rows null: row = b + p); returns their sum
 * in index order. Called once per block, so V8 optimises it with complete type feedback.
 */
function blockQ(
  c: Float64Array,
  rows: Int32Array | null,
  b: number,
  len: number,
  base: number,
  scale: number,
  shift: number,
  qs: Float64Array,
): number {
  let s = 0;
  if (rows) {
    for (let p = 0; p < len; p++) {
      const q = (c[rows[b + p]] - base) * scale + shift;
      s += q;
      qs[p] = q;
    }
  } else {
    for (let p = 0; p < len; p++) {
      const q = (c[b + p] - base) * scale + shift;
      s += q;
      qs[p] = q;
    }
  }
  return s;
}

/**
 * score_i = sum_j (c_j[i] - base_j) ws_j over rows (j ascending), by blocks of rows so the partial
 * sums stay in cache instead of updating the n-long score array once per indicator. rows = null: every
 * row, read contiguously (rows with a missing value get NaN from the arithmetic or are reset after).
 */
export function blockedScores(
  columns: readonly Float64Array[],
  active: readonly number[],
  rows: Int32Array | null,
  base: Float64Array,
  ws: Float64Array,
  scores: Float64Array,
): void {
  const acc = new Float64Array(BLOCK);
  const n = rows ? rows.length : scores.length;
  const m = active.length;
  for (let b = 0; b < n; b += BLOCK) {
    const len = Math.min(BLOCK, n - b);
    acc.fill(0, 0, len);
    // Four indicators per sweep over the block: the same additions in the same order as one at a time.
    let a = 0;
    for (; a + 4 <= m; a += 4) {
      const [j0, j1, j2, j3] = [active[a], active[a + 1], active[a + 2], active[a + 3]];
      const [c0, c1, c2, c3] = [columns[j0], columns[j1], columns[j2], columns[j3]];
      const [b0, b1, b2, b3] = [base[j0], base[j1], base[j2], base[j3]];
      const [w0, w1, w2, w3] = [ws[j0], ws[j1], ws[j2], ws[j3]];
      if (rows) {
        for (let p = 0; p < len; p++) {
          const i = rows[b + p];
          acc[p] = acc[p] + (c0[i] - b0) * w0 + (c1[i] - b1) * w1 + (c2[i] - b2) * w2 + (c3[i] - b3) * w3;
        }
      } else {
        for (let p = 0; p < len; p++) {
          const i = b + p;
          acc[p] = acc[p] + (c0[i] - b0) * w0 + (c1[i] - b1) * w1 + (c2[i] - b2) * w2 + (c3[i] - b3) * w3;
        }
      }
    }
    for (; a < m; a++) {
      const j = active[a];
      const c = columns[j];
      const bj = base[j];
      const wj = ws[j];
      if (rows) for (let p = 0; p < len; p++) acc[p] += (c[rows[b + p]] - bj) * wj;
      else for (let p = 0; p < len; p++) acc[p] += (c[b + p] - bj) * wj;
    }
    if (rows) for (let p = 0; p < len; p++) scores[rows[b + p]] = acc[p];
    else scores.set(acc.subarray(0, len), b);
  }
}

/** scores[i] = NaN for every row i not in rows (ascending). */
export function clearUnused(rows: Int32Array, scores: Float64Array): void {
  for (let i = 0, p = 0; i < scores.length; i++) {
    if (p < rows.length && rows[p] === i) p++;
    else scores[i] = NaN;
  }
}
