/**
 * Double-double arithmetic (Dekker 1971; Knuth; Hida, Li and Bailey's QD library): a value is the unevaluated
 * sum hi + lo with |lo| <= ulp(hi)/2, about 32 significant digits. Used where double precision cannot carry
 * the answer (NIST Filip's 10th-degree polynomial: condition number ~1e15), never in the large-data paths.
 * Plain objects: the callers are small (n x k with n k^2 ~ 1e6 at most), clarity beats speed here.
 */
import { splitHi } from "./compensated";

export interface DD {
  readonly hi: number;
  readonly lo: number;
}

export const dd = (hi: number, lo = 0): DD => ({ hi, lo });
export const DD_ZERO: DD = dd(0);

/** a + b = s + e exactly, |a| >= |b| not required. */
function twoSum(a: number, b: number): DD {
  const s = a + b;
  const z = s - a;
  return { hi: s, lo: (a - (s - z)) + (b - z) };
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return { hi: s, lo: b - (s - a) };
}

/** a * b = p + e exactly (Dekker's split; no fused multiply-add in JavaScript). */
function twoProd(a: number, b: number): DD {
  const p = a * b;
  const ah = splitHi(a);
  const al = a - ah;
  const bh = splitHi(b);
  const bl = b - bh;
  return { hi: p, lo: ((ah * bh - p) + ah * bl + al * bh) + al * bl };
}

export function ddAdd(a: DD, b: DD): DD {
  const s = twoSum(a.hi, b.hi);
  const t = twoSum(a.lo, b.lo);
  const u = quickTwoSum(s.hi, s.lo + t.hi);
  return quickTwoSum(u.hi, u.lo + t.lo);
}

export const ddNeg = (a: DD): DD => ({ hi: -a.hi, lo: -a.lo });
export const ddSub = (a: DD, b: DD): DD => ddAdd(a, ddNeg(b));

export function ddMul(a: DD, b: DD): DD {
  const p = twoProd(a.hi, b.hi);
  return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

export function ddDiv(a: DD, b: DD): DD {
  // Three quotient digits, each correcting the remainder of the previous ones.
  const q1 = a.hi / b.hi;
  let r = ddSub(a, ddMul(b, dd(q1)));
  const q2 = r.hi / b.hi;
  r = ddSub(r, ddMul(b, dd(q2)));
  const q3 = r.hi / b.hi;
  return ddAdd(quickTwoSum(q1, q2), dd(q3));
}

export function ddSqrt(a: DD): DD {
  if (a.hi <= 0) {
    if (a.hi === 0) return DD_ZERO;
    return dd(NaN);
  }
  // One Newton step from the double square root doubles its digits (Karp and Markstein).
  const x = Math.sqrt(a.hi);
  const r = ddSub(a, twoProd(x, x));
  return ddAdd(dd(x), dd(r.hi / (2 * x)));
}

/** The value rounded to double. */
export const ddToNumber = (a: DD): number => a.hi + a.lo;

/** Scaling by a power of two is exact. */
export const ddScale = (a: DD, pow2: number): DD => ({ hi: a.hi * pow2, lo: a.lo * pow2 });
