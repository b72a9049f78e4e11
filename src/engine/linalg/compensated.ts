/**
 * Error-free transformations (Dekker/Knuth; Ogita, Rump and Oishi 2005) for accurate residuals and sums.
 * A double-double value is kept as hi + lo in two parallel arrays.
 */
const SPLITTER = 134217729; // 2^27 + 1

/** The high half of Dekker's split: a = hi + (a - hi) with both halves fitting 26 bits (inlined by V8). */
export function splitHi(a: number): number {
  const t = SPLITTER * a;
  return t - (t - a);
}

/** hi[i] + lo[i] += a * b, accumulated without losing the rounding errors of the product and the sum. */
export function twoProductSum(hi: Float64Array, lo: Float64Array, i: number, a: number, b: number): void {
  // TwoProduct(a, b) = p + e exactly (Dekker split).
  const p = a * b;
  const ah = splitHi(a);
  const al = a - ah;
  const bh = splitHi(b);
  const bl = b - bh;
  const e = al * bl - (((p - ah * bh) - al * bh) - ah * bl);
  // TwoSum(hi, p) = s + f exactly.
  const h = hi[i];
  const s = h + p;
  const z = s - h;
  const f = (h - (s - z)) + (p - z);
  hi[i] = s;
  lo[i] += f + e;
}

/** Sum of an array with Neumaier compensation. */
export function compensatedSum(a: ArrayLike<number>, from = 0, to = a.length): number {
  let s = 0;
  let c = 0;
  for (let i = from; i < to; i++) {
    const v = a[i];
    const t = s + v;
    if (Math.abs(s) >= Math.abs(v)) c += s - t + v;
    else c += v - t + s;
    s = t;
  }
  return s + c;
}
