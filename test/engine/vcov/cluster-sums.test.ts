/**
 * clusterScoreSums (row chunks, run-wise sums carried across chunks) against its definition
 * S[g, j] = sum over rows of cluster g of x_ij e_i.
 */
import { clusterScoreSums } from "../../../src/engine/vcov/sandwich";

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

function plain(cols: Float64Array[], resid: Float64Array, codes: Int32Array, g: number): Float64Array {
  const S = new Float64Array(g * cols.length);
  cols.forEach((c, j) => {
    for (let i = 0; i < resid.length; i++) S[j * g + codes[i]] += c[i] * resid[i];
  });
  return S;
}

describe("clusterScoreSums", () => {
  const rand = lcg(5);
  const n = 10_007, p = 3;
  const cols = Array.from({ length: p }, () => Float64Array.from({ length: n }, () => rand() - 0.5));
  const resid = Float64Array.from({ length: n }, () => rand() - 0.5);

  test("sorted clusters spanning chunk boundaries: bitwise the plain sums (each cluster one run)", () => {
    const g = 97;
    const codes = Int32Array.from({ length: n }, (_, i) => Math.floor((i * g) / n));
    const S = clusterScoreSums({ n, p, bread: new Float64Array(p * p), X: cols, resid }, codes, g);
    expect(Array.from(S)).toEqual(Array.from(plain(cols, resid, codes, g)));
  });

  test("unsorted clusters, and column-major X: the plain sums to rounding", () => {
    const g = 50;
    const codes = Int32Array.from({ length: n }, () => Math.floor(rand() * g));
    const X = new Float64Array(n * p);
    cols.forEach((c, j) => X.set(c, j * n));
    const S = clusterScoreSums({ n, p, bread: new Float64Array(p * p), X, resid }, codes, g);
    const P = plain(cols, resid, codes, g);
    for (let i = 0; i < S.length; i++) expect(Math.abs(S[i] - P[i])).toBeLessThanOrEqual(1e-12);
  });
});
