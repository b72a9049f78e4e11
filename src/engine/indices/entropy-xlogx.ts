/**
 * Sum of q ln q over a block of non-negative numbers, for the entropy e_j (the hot loop of the entropy
 * weight method: one logarithm per cell). Math.log costs ~13 ns a call in V8; this table method costs
 * about a third of that and agrees with q * Math.log(q) to a few units in the last place of q * max(1, |ln q|).
 *
 * ln q = k ln 2 + ln c_j + ln(1 + r) with q = 2^k m, m in [1, 2), c_j = 1 + (j + 1/2)/2048 the centre of
 * the 1/2048-wide bin of m (j = the top 11 mantissa bits), r = (m - c_j)/c_j, |r| < 2^-12: m - c_j is
 * exact (Sterbenz) and ln(1 + r) = r - r^2/2 + r^3/3 - r^4/4 + r^5/5 has truncation error below
 * r^6/6 < 2^-74. Zero, negative, subnormal and non-finite q take Math.log (q > 0 only, so 0 ln 0 = 0).
 */

const TABLE_BITS = 11;
const TABLE_SIZE = 1 << TABLE_BITS;
/** c_j (exact), 1 / c_j and ln c_j. */
const C = new Float64Array(TABLE_SIZE);
const INV_C = new Float64Array(TABLE_SIZE);
const LN_C = new Float64Array(TABLE_SIZE);
for (let j = 0; j < TABLE_SIZE; j++) {
  const c = 1 + (j + 0.5) / TABLE_SIZE;
  C[j] = c;
  INV_C[j] = 1 / c;
  LN_C[j] = Math.log(c);
}
/** 2^(1023 - e) for a biased exponent e of a normal number: q * SCALE[e] = m in [1, 2), exactly. */
const SCALE = new Float64Array(2048);
for (let e = 1; e < 2047; e++) SCALE[e] = Math.pow(2, 1023 - e);

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A block buffer of the given length with a view of its 32-bit words (the float bits). */
export interface XLogXBuffer {
  readonly values: Float64Array;
  readonly words: Uint32Array;
}

export function xlogxBuffer(length: number): XLogXBuffer {
  const values = new Float64Array(length);
  return { values, words: new Uint32Array(values.buffer) };
}

/** sum_{p < len} q_p ln q_p over q = buf.values (q >= 0; 0 ln 0 = 0), added in index order. */
export function sumXLogX(buf: XLogXBuffer, len: number): number {
  const q = buf.values;
  let t = 0;
  if (!LITTLE_ENDIAN) {
    for (let p = 0; p < len; p++) if (q[p] > 0) t += q[p] * Math.log(q[p]);
    return t;
  }
  const w = buf.words;
  for (let p = 0; p < len; p++) {
    const v = q[p];
    const hi = w[2 * p + 1];
    const e = hi >>> 20; // sign bit included: negative q, like zero, subnormals, Inf and NaN, go to Math.log
    if (e === 0 || e >= 2047) {
      if (v > 0) t += v * Math.log(v);
      continue;
    }
    const j = (hi >>> (20 - TABLE_BITS)) & (TABLE_SIZE - 1);
    const r = (v * SCALE[e] - C[j]) * INV_C[j];
    const ln1p = r * (1 + r * (-0.5 + r * (1 / 3 + r * (-0.25 + r * 0.2))));
    t += v * ((e - 1023) * Math.LN2 + LN_C[j] + ln1p);
  }
  return t;
}
