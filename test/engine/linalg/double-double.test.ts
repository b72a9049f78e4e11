/**
 * Double-double arithmetic against exact rational arithmetic (BigInt): sums and products of doubles are
 * exact, quotients and square roots are within ~1e-31 relative, and the DD least squares reproduce an exactly
 * known polynomial fit. Oracle: exact binary expansions of the doubles (no tolerance but the DD precision).
 */
import fc from "fast-check";
import { dd, ddAdd, ddDiv, ddMul, ddSqrt, ddSub } from "../../../src/engine/linalg/double-double";
import { ddLeastSquares } from "../../../src/engine/linalg/dd-least-squares";

/** A finite double as m * 2^e with BigInt m (exact). */
function exact(x: number): { m: bigint; e: number } {
  if (x === 0) return { m: 0n, e: 0 };
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const expBits = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const m = expBits === 0 ? frac : frac | (1n << 52n);
  return { m: sign * m, e: (expBits === 0 ? 1 : expBits) - 1075 };
}
/** a + b of exact values, as m * 2^e at the smaller exponent. */
function addExact(a: { m: bigint; e: number }, b: { m: bigint; e: number }) {
  const e = Math.min(a.e, b.e);
  return { m: (a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e };
}
const eq = (a: { m: bigint; e: number }, b: { m: bigint; e: number }) => addExact(a, { m: -b.m, e: b.e }).m === 0n;
const mulExact = (a: { m: bigint; e: number }, b: { m: bigint; e: number }) => ({ m: a.m * b.m, e: a.e + b.e });
const ddExact = (v: { hi: number; lo: number }) => addExact(exact(v.hi), exact(v.lo));
/** |(value - target)/target| as a double, target != 0. */
function relErrExact(value: { m: bigint; e: number }, target: { m: bigint; e: number }): number {
  const d = addExact(value, { m: -target.m, e: target.e });
  const t = addExact(target, { m: 0n, e: d.e });
  const shift = 200n;
  const q = (d.m << shift) / (t.m === 0n ? 1n : t.m);
  return Math.abs(Number(q) / 2 ** Number(shift));
}

const moderate = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).filter((v) => Math.abs(v) > 1e-6);

describe("double-double arithmetic (exact BigInt oracle)", () => {
  it("a + b and a - b of doubles are exact", () => {
    fc.assert(fc.property(moderate, moderate, (a, b) => {
      expect(eq(ddExact(ddAdd(dd(a), dd(b))), addExact(exact(a), exact(b)))).toBe(true);
      expect(eq(ddExact(ddSub(dd(a), dd(b))), addExact(exact(a), { m: -exact(b).m, e: exact(b).e }))).toBe(true);
    }));
  });

  it("a * b of doubles is exact", () => {
    fc.assert(fc.property(moderate, moderate, (a, b) => {
      expect(eq(ddExact(ddMul(dd(a), dd(b))), mulExact(exact(a), exact(b)))).toBe(true);
    }));
  });

  it("(a / b) * b and sqrt(a)^2 come back to within 1e-30 relative", () => {
    fc.assert(fc.property(moderate, moderate, (a, b) => {
      const q = ddDiv(dd(a), dd(b));
      expect(relErrExact(mulExact(ddExact(q), exact(b)), exact(a))).toBeLessThan(1e-30);
      const s = ddSqrt(dd(Math.abs(a)));
      const sx = ddExact(s);
      expect(relErrExact(mulExact(sx, sx), exact(Math.abs(a)))).toBeLessThan(1e-30);
    }));
  });

  it("products of DD values keep ~32 digits (1/3 * 3 = 1 to 1e-31)", () => {
    const third = ddDiv(dd(1), dd(3));
    const one = ddMul(third, dd(3));
    expect(Math.abs(one.hi - 1 + one.lo)).toBeLessThan(1e-31);
  });
});

describe("ddLeastSquares", () => {
  it("recovers exact coefficients of a polynomial with zero residuals, and (X'X)^-1 X'X = I", () => {
    const x = Array.from({ length: 12 }, (_, i) => i - 5.5);
    const cols = [x.map(() => dd(1)), x.map((v) => dd(v)), x.map((v) => dd(v * v)), x.map((v) => dd(v * v * v))];
    const b = [0.3, -1.25, 2.5, 0.125];
    const y = x.map((_, i) => cols.reduce((s, c, j) => ddAdd(s, ddMul(c[i], dd(b[j]))), dd(0)));
    const ls = ddLeastSquares(cols, y, ["c", "x", "x2", "x3"]);
    ls.coef.forEach((c, j) => expect(Math.abs(c.hi + c.lo - b[j])).toBeLessThan(1e-28));
    const k = 4;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let c = 0; c < k; c++) s += ls.xtxInv[i * k + c] * cols[c].reduce((t, v, r) => t + v.hi * cols[j][r].hi, 0);
        expect(Math.abs(s - (i === j ? 1 : 0))).toBeLessThan(1e-10);
      }
    }
  });

  it("refuses a column that repeats an earlier one, naming it", () => {
    const cols = [[1, 2, 3, 4].map((v) => dd(v)), [1, 2, 3, 4].map((v) => dd(v)), [1, 0, 2, 5].map((v) => dd(v))];
    expect(() => ddLeastSquares(cols, [1, 2, 3, 5].map((v) => dd(v)), ["a", "b", "c"])).toThrow(/Column b is collinear/);
  });
});
