/**
 * Small-sample object and sandwich registry. Sources: the K/df table of test/reference/README.md
 * ("Degrees of freedom") and algebraic identities of the Cameron-Gelbach-Miller two-way estimator.
 */
import { computeVcov, intersectClusters, smallSample } from "../../../src/engine/vcov";
import { breadFromQR, householderQR } from "../../../src/engine/linalg/qr";
import { uniformStream } from "../../support/random";

describe("smallSample (reference README, Degrees of freedom)", () => {
  const k = 6, G = 284, T = 10, N = 2840;
  it("pooled OLS with intercept, cluster(unit): K_full = K_cr1 = k + 1", () => {
    const d = smallSample({ n: N, kSlopes: k, feRank: 1, nestedAdjustment: 0, vcovType: "cluster", clusters: [G] });
    expect([d.kFull, d.kCluster, d.dfInference]).toEqual([k + 1, k + 1, G - 1]);
    expect(d.factor).toBeCloseTo((G / (G - 1)) * ((N - 1) / (N - k - 1)), 14);
  });
  it("unit FE, cluster(unit): K_full = k + G, K_cr1 = k + 1", () => {
    const d = smallSample({ n: N, kSlopes: k, feRank: G, nestedAdjustment: G - 1, vcovType: "cluster", clusters: [G] });
    expect([d.kFull, d.kCluster]).toEqual([k + G, k + 1]);
  });
  it("unit + year FE, cluster(unit): K_full = k + G + T - 1, K_cr1 = k + T", () => {
    const d = smallSample({ n: N, kSlopes: k, feRank: G + T - 1, nestedAdjustment: G - 1, vcovType: "cluster", clusters: [G] });
    expect([d.kFull, d.kCluster, d.dfResid]).toEqual([k + G + T - 1, k + T, N - (k + G + T - 1)]);
  });
  it("iid and hc1 use N - K_full", () => {
    const iid = smallSample({ n: N, kSlopes: k, feRank: G + T - 1, nestedAdjustment: 0, vcovType: "iid", clusters: [] });
    const hc1 = smallSample({ n: N, kSlopes: k, feRank: G + T - 1, nestedAdjustment: 0, vcovType: "hc1", clusters: [] });
    expect(iid.dfInference).toBe(N - (k + G + T - 1));
    expect(hc1.factor).toBeCloseTo(N / (N - (k + G + T - 1)), 14);
  });
  it("two-way clustering uses min(G) for the factor and the df", () => {
    const d = smallSample({ n: N, kSlopes: k, feRank: 1, nestedAdjustment: 0, vcovType: "cluster", clusters: [G, T] });
    expect(d.g).toBe(T);
    expect(d.dfInference).toBe(T - 1);
  });
});

describe("two-way cluster meat (Cameron-Gelbach-Miller)", () => {
  const rng = uniformStream;
  const n = 60, p = 2;
  const r = rng(3);
  const X = Float64Array.from({ length: n * p }, () => r() - 0.5);
  const resid = Float64Array.from({ length: n }, () => r() - 0.5);
  const bread = breadFromQR(householderQR(X, n, p));
  const parts = { n, p, bread, X, resid };
  const coarse = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 12)); // 5 clusters
  const fine = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 4)); // 15, nested in coarse
  const other = Int32Array.from({ length: n }, (_, i) => i % 7);

  it("equals the one-way estimator on the coarser clustering when one is nested in the other", () => {
    const dof = smallSample({ n, kSlopes: p, feRank: 0, nestedAdjustment: 0, vcovType: "cluster", clusters: [5, 15] });
    const two = computeVcov(parts, dof, [coarse, fine]);
    const one = computeVcov(parts, dof, [coarse]);
    for (let i = 0; i < p * p; i++) expect(Math.abs(two[i] - one[i])).toBeLessThan(1e-15);
  });

  it("is symmetric in the order of the two clusterings", () => {
    const dof = smallSample({ n, kSlopes: p, feRank: 0, nestedAdjustment: 0, vcovType: "cluster", clusters: [5, 7] });
    const a = computeVcov(parts, dof, [coarse, other]);
    const b = computeVcov(parts, dof, [other, coarse]);
    for (let i = 0; i < p * p; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-15);
  });

  it("intersectClusters codes each (a, b) cell once", () => {
    const c = intersectClusters(coarse, other);
    const cells = new Set(Array.from(coarse, (v, i) => `${v}|${other[i]}`));
    expect(new Set(c).size).toBe(cells.size);
  });

  it("HC1 is the cluster estimator with one observation per cluster, up to the factors", () => {
    const ids = Int32Array.from({ length: n }, (_, i) => i);
    const hc = computeVcov(parts, smallSample({ n, kSlopes: p, feRank: 0, nestedAdjustment: 0, vcovType: "hc1", clusters: [] }), []);
    const dof = smallSample({ n, kSlopes: p, feRank: 0, nestedAdjustment: 0, vcovType: "cluster", clusters: [n] });
    const cl = computeVcov(parts, dof, [ids]);
    const ratio = (n / (n - p)) / dof.factor;
    for (let i = 0; i < p * p; i++) expect(Math.abs(hc[i] - cl[i] * ratio)).toBeLessThan(1e-15);
  });
});
