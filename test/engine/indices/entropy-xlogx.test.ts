/**
 * The table logarithm of the entropy hot loop against its definition, sum q * Math.log(q) (0 ln 0 = 0):
 * per term the error may be a few units in the last place of q * max(1, |ln q|), nothing more.
 */
import fc from "fast-check";
import { sumXLogX, xlogxBuffer } from "../../../src/engine/indices/entropy-xlogx";

const EPS = Number.EPSILON;

/** Math.log's q ln q and the bound 4 eps q max(1, |ln q|) for one term. */
function plain(q: number): { value: number; bound: number } {
  if (!(q > 0)) return { value: 0, bound: 0 };
  const l = Math.log(q);
  return { value: q * l, bound: 4 * EPS * q * Math.max(1, Math.abs(l)) };
}

function one(q: number): number {
  const b = xlogxBuffer(1);
  b.values[0] = q;
  return sumXLogX(b, 1);
}

describe("sumXLogX", () => {
  test("single terms agree with q * Math.log(q) within 4 eps q max(1, |ln q|), over all binades", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e300, noNaN: true }), (q) => {
        const { value, bound } = plain(q);
        expect(Math.abs(one(q) - value)).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 20000 },
    );
  });

  test("near 1, at bin edges, at powers of two, and the special values", () => {
    const qs = [1, 1 - EPS / 2, 1 + EPS, 0.5, 2, 0.25, 0.75, 1.5, 1 + 1 / 2048, 1 + 1 / 4096, 2 - EPS, 1e-300, 1e300,
      Number.MIN_VALUE, 2.2250738585072014e-308, 0.0001, 1.0001, 0.9999];
    for (const q of qs) {
      const { value, bound } = plain(q);
      expect(Math.abs(one(q) - value)).toBeLessThanOrEqual(bound);
    }
    expect(one(0)).toBe(0);
    expect(one(-0)).toBe(0);
    expect(one(-1)).toBe(0);
    expect(one(Number.NaN)).toBe(0);
  });

  test("a block sum adds the terms in index order (equals the sum of the single terms)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 64 }), (xs) => {
        const b = xlogxBuffer(xs.length + 3);
        b.values.set(xs);
        let t = 0;
        for (const q of xs) t += one(q);
        expect(sumXLogX(b, xs.length)).toBe(t);
      }),
    );
  });
});
