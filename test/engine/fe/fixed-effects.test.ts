/**
 * In-house oracle (STYLE.md item 9): absorbing FE must equal the residual on the explicit dummy matrix,
 * computed here by pivoted QR of [D_1 ... D_m]. Small random unbalanced panels; no reference numbers.
 */
import { buildFixedEffects, DemeanMethod } from "../../../src/engine/fe";
import { householderQR, qrLeastSquares } from "../../../src/engine/linalg/qr";
import { uniformStream } from "../../support/random";

const rng = uniformStream;

function randomPanel(n: number, levels: number[], seed: number) {
  const r = rng(seed);
  const codes = levels.map((L) => Int32Array.from({ length: n }, () => Math.floor(r() * L)));
  const x = Float64Array.from({ length: n }, () => 3 + r() * 2 + r() * r());
  return { codes, x };
}

function dummyResidual(codes: Int32Array[], x: Float64Array): { resid: Float64Array; rank: number } {
  const n = x.length;
  const cols: number[][] = [];
  for (const c of codes) {
    const L = Math.max(...c) + 1;
    for (let l = 0; l < L; l++) {
      const col = Array.from(c, (v) => (v === l ? 1 : 0));
      if (col.some((v) => v === 1)) cols.push(col);
    }
  }
  const k = cols.length;
  const D = new Float64Array(n * k);
  cols.forEach((col, j) => D.set(col, j * n));
  const f = householderQR(D, n, k, { tol: 1e-9 });
  return { resid: qrLeastSquares(f, D, x, "plain").resid, rank: f.rank };
}

const cases: [string, number, number[], DemeanMethod][] = [
  ["one-way", 60, [7], "auto"],
  ["two-way direct", 80, [15, 6], "auto"],
  ["two-way projections", 80, [15, 6], "projections"],
  ["two-way conjugate gradients", 80, [15, 6], "cg"],
  ["two-way conjugate gradients (sparse, disconnected)", 40, [18, 12], "cg"],
  ["three-way conjugate gradients", 120, [12, 5, 4], "auto"],
  ["three-way projections", 120, [12, 5, 4], "projections"],
  ["four-way conjugate gradients (sparse)", 60, [15, 8, 5, 3], "auto"],
  ["two-way sparse (disconnected)", 30, [14, 9], "auto"],
];

describe("buildFixedEffects equals dummy-variable residuals (in-house oracle)", () => {
  for (const [label, n, levels, method] of cases) {
    it(`${label}: n=${n}, levels=${levels.join("x")}`, () => {
      for (let seed = 1; seed <= 5; seed++) {
        const { codes, x } = randomPanel(n, levels, seed * 31 + levels.length);
        const fe = buildFixedEffects(codes.map((c, j) => ({ name: `fe${j}`, codes: c })), { method });
        const got = fe.demean(x);
        const { resid, rank } = dummyResidual(codes, x);
        const scale = Math.max(...Array.from(x, Math.abs));
        for (let i = 0; i < n; i++) expect(Math.abs(got[i] - resid[i]) / scale).toBeLessThan(1e-12);
        if (levels.length <= 2) expect(fe.dfAbsorbed).toBe(rank);
        else expect(fe.dfAbsorbed).toBeGreaterThanOrEqual(rank);
      }
    });
  }

  it("two-way direct on a sorted panel with runs of units observed in the same years (shared Schur updates)", () => {
    // Units in row order; runs of identical year sets, a unit with a repeated year, and short units.
    const yearsOf = (u: number): number[] =>
      u === 4 || u === 5 ? [0, 1, 2] : u === 9 ? [1, 3, 3, 4] : u === 13 ? [2, 4] : [0, 1, 2, 3, 4];
    const unit: number[] = [];
    const year: number[] = [];
    for (let u = 0; u < 16; u++) {
      for (const t of yearsOf(u)) {
        unit.push(u);
        year.push(t);
      }
    }
    const codes = [Int32Array.from(unit), Int32Array.from(year)];
    const r = rng(7);
    const x = Float64Array.from(unit, () => 3 + r() * 2);
    const fe = buildFixedEffects(codes.map((c, j) => ({ name: `fe${j}`, codes: c })), { method: "direct" });
    expect(fe.method).toBe("direct");
    const got = fe.demean(x);
    const { resid, rank } = dummyResidual(codes, x);
    for (let i = 0; i < x.length; i++) expect(Math.abs(got[i] - resid[i]) / 5).toBeLessThan(1e-12);
    expect(fe.dfAbsorbed).toBe(rank);
  });

  it("demeanColumns matches column-wise demean", () => {
    const { codes, x } = randomPanel(50, [8, 5], 99);
    const fe = buildFixedEffects([{ name: "a", codes: codes[0] }, { name: "b", codes: codes[1] }]);
    const X = new Float64Array(100);
    X.set(x, 0);
    X.set(x.map((v) => v * v), 50);
    const D = fe.demeanColumns(X, 2);
    const d1 = fe.demean(x.map((v) => v * v));
    for (let i = 0; i < 50; i++) expect(D[50 + i]).toBe(d1[i]);
  });
});
