/**
 * Identities that hold for any data (fast-check): SHAP rows sum to the prediction minus the base value
 * (README "Sum property": exact in exact arithmetic; float32 predictions -> 1e-5 of max |prediction|),
 * interaction rows sum to phi and the matrix is symmetric, features that never split get phi = 0.
 * And: a brute-force Shapley value over all 2^M coalitions of the path-dependent game equals TreeSHAP.
 */
import fc from "fast-check";
import { boostData, shapBias, shapInteractions, shapValues, trainBooster, Tree } from "../../../src/engine/trees";

const dataArb = fc.record({
  n: fc.integer({ min: 8, max: 40 }),
  m: fc.integer({ min: 1, max: 4 }),
  seed: fc.integer({ min: 0, max: 1e6 }),
  depth: fc.integer({ min: 1, max: 4 }),
  trees: fc.integer({ min: 1, max: 6 }),
  missing: fc.boolean(),
  method: fc.constantFrom("exact" as const, "hist" as const),
});

function randomData(n: number, m: number, seed: number, missing: boolean) {
  let s = seed + 1;
  const u = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  const x = Array.from({ length: m }, (_, j) => ({
    name: `x${j + 1}`,
    values: Array.from({ length: n }, () => (missing && u() < 0.15 ? NaN : Math.round(u() * 20) / 10)),
  }));
  const y = Array.from({ length: n }, (_, i) => x.reduce((a, c, j) => a + (c.values[i] === c.values[i] ? c.values[i] * (j + 1) : 0), 0) + u());
  return boostData({ name: "y", values: y }, x);
}

test("SHAP rows sum to prediction minus base value; interactions sum to phi and are symmetric", () => {
  fc.assert(
    fc.property(dataArb, ({ n, m, seed, depth, trees, missing, method }) => {
      const d = randomData(n, m, seed, missing);
      const r = trainBooster(d, { trees, maxDepth: depth, eta: 0.3, method, maxBin: 8 });
      const phi = shapValues(r.model, d);
      const I = shapInteractions(r.model, d);
      const S = m + 1;
      const maxP = Math.max(1e-12, ...Array.from(r.predictions, Math.abs));
      const used = new Set<number>();
      for (const t of r.model.trees) for (let k = 0; k < t.nNodes; k++) if (t.left[k] >= 0 && !t.deleted[k]) used.add(t.feature[k]);
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let j = 0; j < S; j++) sum += phi[i * S + j];
        expect(Math.abs(sum - r.predictions[i]) / maxP).toBeLessThanOrEqual(1e-5);
        for (let a = 0; a < S; a++) {
          let rs = 0;
          for (let b = 0; b < S; b++) {
            rs += I[i * S * S + a * S + b];
            expect(Math.abs(I[i * S * S + a * S + b] - I[i * S * S + b * S + a])).toBeLessThan(1e-12);
          }
          expect(Math.abs(rs - phi[i * S + a])).toBeLessThan(1e-12);
        }
        for (let j = 0; j < m; j++) if (!used.has(j)) expect(phi[i * S + j]).toBe(0);
      }
    }),
    { numRuns: 60, seed: 15 },
  );
});

/** v(S) of the README: base + sum_t E_t[f_t | x_S] by the cover-weighted recursion. */
function coalitionValue(trees: readonly Tree[], base: number, x: number[], inS: (j: number) => boolean): number {
  let v = base;
  for (const t of trees) {
    const e = (k: number): number => {
      if (t.left[k] < 0) return t.value[k];
      const f = t.feature[k];
      if (inS(f)) {
        const xv = x[f];
        const left = xv !== xv ? t.defaultLeft[k] === 1 : xv < t.value[k];
        return e(left ? t.left[k] : t.right[k]);
      }
      return (t.cover[t.left[k]] * e(t.left[k]) + t.cover[t.right[k]] * e(t.right[k])) / t.cover[k];
    };
    v += e(0);
  }
  return v;
}

test("TreeSHAP equals the brute-force Shapley value over all coalitions", () => {
  fc.assert(
    fc.property(dataArb, ({ n, m, seed, depth, trees, missing }) => {
      const d = randomData(n, m, seed, missing);
      const r = trainBooster(d, { trees, maxDepth: depth, eta: 0.3 });
      const phi = shapValues(r.model, d);
      const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
      for (let i = 0; i < Math.min(n, 5); i++) {
        const x = Array.from({ length: m }, (_, j) => d.x[i + j * n]);
        for (let j = 0; j < m; j++) {
          let want = 0;
          for (let mask = 0; mask < 1 << m; mask++) {
            if (mask & (1 << j)) continue;
            const s = popcount(mask);
            const w = (fact(s) * fact(m - s - 1)) / fact(m);
            want += w * (coalitionValue(r.model.trees, r.model.baseScore, x, (f) => f === j || (mask & (1 << f)) !== 0) - coalitionValue(r.model.trees, r.model.baseScore, x, (f) => (mask & (1 << f)) !== 0));
          }
          expect(Math.abs(phi[i * (m + 1) + j] - want)).toBeLessThan(1e-9);
        }
        expect(phi[i * (m + 1) + m]).toBeCloseTo(coalitionValue(r.model.trees, r.model.baseScore, x, () => false), 12);
        expect(shapBias(r.model)).toBe(phi[i * (m + 1) + m]);
      }
    }),
    { numRuns: 40, seed: 16 },
  );
});

function popcount(v: number): number {
  let c = 0;
  for (; v; v &= v - 1) c++;
  return c;
}
