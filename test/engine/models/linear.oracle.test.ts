/**
 * In-house oracle (STYLE.md item 9): on small random unbalanced panels, absorbing the FE must give the
 * same slopes and iid/HC1 standard errors as pooled OLS with explicit dummy variables (the redundant
 * dummies are dropped by the pivoted QR, so K is the same). Source: reformulation, no reference file.
 */
import { fitLinearData } from "../../../src/engine/models/linear-core";
import { NamedValues } from "../../../src/engine/models/linear-design";
import { VcovType } from "../../../src/engine/models/result";
import { DemeanMethod } from "../../../src/engine/fe";
import { uniformStream } from "../../support/random";

const rng = uniformStream;

function panel(n: number, levels: number[], k: number, seed: number) {
  const r = rng(seed);
  const codes = levels.map((L) => Int32Array.from({ length: n }, () => Math.floor(r() * L)));
  const effects = levels.map((L) => Float64Array.from({ length: L }, () => 3 * r()));
  const x: NamedValues[] = Array.from({ length: k }, (_, j) => ({
    name: `x${j + 1}`,
    values: Float64Array.from({ length: n }, (_, i) => r() + 0.5 * effects[0][codes[0][i]] * (j + 1)),
  }));
  const y = Float64Array.from({ length: n }, (_, i) =>
    1 + x.reduce((s, v, j) => s + (j + 1) * 0.3 * v.values[i], 0) + codes.reduce((s, c, d) => s + effects[d][c[i]], 0) + r() - 0.5);
  return { codes, x, y };
}

function dummies(codes: Int32Array[]): NamedValues[] {
  const out: NamedValues[] = [];
  codes.forEach((c, d) => {
    const L = Math.max(...c) + 1;
    for (let l = 0; l < L; l++) out.push({ name: `d${d}_${l}`, values: Float64Array.from(c, (v) => (v === l ? 1 : 0)) });
  });
  return out;
}

const designs: [string, number, number[], DemeanMethod][] = [
  ["one-way", 70, [9], "auto"],
  ["two-way (Schur, Cholesky)", 90, [14, 6], "auto"],
  ["two-way (Schur, conjugate gradients)", 90, [14, 6], "cg"],
  ["three-way (conjugate gradients)", 150, [10, 5, 4], "auto"],
  ["three-way (projections)", 150, [10, 5, 4], "projections"],
];

describe.each(designs)("absorbed FE == dummy-variable OLS: %s", (_label, n, levels, method) => {
  it.each(["iid", "hc1"] as VcovType[])("slopes and %s SEs agree to 1e-10", (vcov) => {
    for (let seed = 1; seed <= 4; seed++) {
      const { codes, x, y } = panel(n, levels, 3, seed * 7 + n);
      const fe = fitLinearData(
        { n, y: { name: "y", values: y }, x, fe: codes.map((c, d) => ({ name: `fe${d}`, codes: c })) },
        { vcov, keepSingletons: true, feOptions: { method } },
      ).result;
      const lsdv = fitLinearData({ n, y: { name: "y", values: y }, x: [...x, ...dummies(codes)] }, { vcov }).result;
      for (const v of x) {
        const a = fe.terms.indexOf(v.name);
        const b = lsdv.terms.indexOf(v.name);
        expect(Math.abs(fe.coef[a] - lsdv.coef[b]) / Math.abs(lsdv.coef[b])).toBeLessThan(1e-10);
        expect(Math.abs(fe.se[a] - lsdv.se[b]) / lsdv.se[b]).toBeLessThan(1e-10);
      }
      if (levels.length <= 2) expect(fe.dof.kFull).toBe(lsdv.dof.kFull);
      expect(Math.abs(fe.ssr - lsdv.ssr) / lsdv.ssr).toBeLessThan(1e-10);
      expect(Math.abs(fe.r2 - lsdv.r2)).toBeLessThan(1e-10);
    }
  });
});
