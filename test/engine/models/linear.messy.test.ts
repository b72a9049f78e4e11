/**
 * Messy input through fitLinear / fitLinearData: missing tokens, text in numeric cells, singletons,
 * collinear and constant regressors, mismatched lengths, too few observations, a single cluster, bad
 * options. Source of expectations: the data built here (counts by construction) and the reference
 * README conventions (singletons, collinearity: the later column is omitted).
 */
import { frameFromCells, Cell, InputError } from "../../../src/engine/frame";
import { fitLinear } from "../../../src/engine/models/linear";
import { fitLinearData } from "../../../src/engine/models/linear-core";
import { uniformStream } from "../../support/random";

const rng = uniformStream;

/** 8 ids x 5 years, y = 1 + 2 a + 0.5 b + id effect + noise. */
function panelCells(): Cell[][] {
  const r = rng(11);
  const rows: Cell[][] = [["id", "year", "y", "a", "b", "c", "k"]];
  for (let id = 1; id <= 8; id++) {
    for (let t = 2010; t < 2015; t++) {
      const a = r(), b = r();
      rows.push([`C${id}`, t, 1 + 2 * a + 0.5 * b + id * 0.1 + 0.1 * r(), a, b, 2 * a - b, 7]);
    }
  }
  return rows;
}

const base = { y: "y", x: ["a", "b"], fe: ["id", "year"], cluster: ["id"] };

describe("fitLinear on messy input", () => {
  it("missing tokens are dropped listwise and counted by variable", () => {
    const cells = panelCells();
    cells[1][2] = "NA";
    cells[2][3] = "#N/A";
    cells[3][4] = ".";
    cells[4][2] = "";
    cells[4][3] = null;
    const res = fitLinear(frameFromCells(cells), base);
    expect(res.sample.droppedMissing).toBe(4);
    expect(res.sample.missingBy).toMatchObject({ y: 2, a: 2, b: 1, id: 0, year: 0 });
    // Id C1 is left with one row (2014): a singleton, dropped after the listwise deletion.
    expect(res.sample.droppedSingletons).toBe(1);
    expect(res.n).toBe(35);
  });

  it("text in a numeric column is an error naming the column and row", () => {
    const cells = panelCells();
    cells[5][3] = "n.a.";
    expect(() => fitLinear(frameFromCells(cells), base)).toThrow(/Column "a" must be numeric but data row 5 holds the text "n.a."/);
  });

  it("singletons are dropped iteratively by default and kept on request", () => {
    const cells = panelCells();
    cells.push(["C99", 2010, 1, 0.3, 0.2, 0.4, 7]); // id C99 appears once
    const dropped = fitLinear(frameFromCells(cells), base);
    expect(dropped.sample.droppedSingletons).toBe(1);
    expect(dropped.n).toBe(40);
    const kept = fitLinear(frameFromCells(cells), { ...base, keepSingletons: true });
    expect(kept.sample.droppedSingletons).toBe(0);
    expect(kept.n).toBe(41);
    // A singleton is fitted exactly: slopes unchanged.
    for (let j = 0; j < 2; j++) expect(Math.abs(kept.coef[j] - dropped.coef[j])).toBeLessThan(1e-12 * Math.abs(dropped.coef[j]));
  });

  it("a collinear column is omitted by name (the later one) and the rest is unchanged", () => {
    const frame = frameFromCells(panelCells());
    const withC = fitLinear(frame, { ...base, x: ["a", "b", "c"] });
    const without = fitLinear(frame, base);
    expect(withC.omitted).toEqual(["c"]);
    expect(withC.omittedReason?.c).toMatch(/collinear/);
    expect(withC.terms).toEqual(["a", "b", "_cons"]);
    for (let j = 0; j < 3; j++) expect(Math.abs(withC.coef[j] - without.coef[j])).toBeLessThan(1e-10 * Math.abs(without.coef[j]));
    const reordered = fitLinear(frame, { ...base, x: ["c", "a", "b"] });
    expect(reordered.omitted).toEqual(["b"]);
  });

  it("a constant regressor is absorbed by the FE or the constant", () => {
    const frame = frameFromCells(panelCells());
    const fe = fitLinear(frame, { ...base, x: ["a", "k"] });
    expect(fe.omitted).toEqual(["k"]);
    expect(fe.omittedReason?.k).toMatch(/absorbed/);
    const ols = fitLinear(frame, { y: "y", x: ["k", "a"] });
    expect(ols.omitted).toEqual(["k"]);
    expect(ols.terms).toEqual(["a", "_cons"]);
  });

  it("all regressors omitted is an error", () => {
    expect(() => fitLinear(frameFromCells(panelCells()), { ...base, x: ["k"] })).toThrow(/All regressors were omitted.*k: constant within/);
  });

  it("mismatched lengths name both variables", () => {
    const y = new Float64Array(3123).fill(1);
    const x = new Float64Array(3124).fill(2);
    expect(() => fitLinearData({ n: 3123, y: { name: "y", values: y }, x: [{ name: "x", values: x }] })).toThrow("x has 3124 rows but y has 3123");
  });

  it("fewer observations than parameters", () => {
    const cells = panelCells().slice(0, 4); // 3 rows of one id
    expect(() => fitLinear(frameFromCells(cells), { y: "y", x: ["a", "b", "c"] })).toThrow(/Too few observations: 3 rows .* 3 parameters/);
    try {
      fitLinear(frameFromCells(cells), { y: "y", x: ["a", "b"] });
      throw new Error("expected an error");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as Error).message).toMatch(/Too few observations/);
    }
  });

  it("a single cluster is an error", () => {
    const cells = panelCells().slice(0, 6); // id C1 only
    expect(() => fitLinear(frameFromCells(cells), { y: "y", x: ["a"], cluster: ["id"] })).toThrow(/at least 2 clusters, but "id" has 1/);
  });

  it("bad options list the allowed values", () => {
    const frame = frameFromCells(panelCells());
    expect(() => fitLinear(frame, { ...base, vcov: "robust" as never })).toThrow('vcov must be one of iid, hc1, cluster; got "robust"');
    expect(() => fitLinear(frame, { ...base, clustr: ["id"] } as never)).toThrow(/Unknown option "clustr". Allowed: y, x, fe, cluster/);
    expect(() => fitLinear(frame, { ...base, x: [] })).toThrow(/at least one regressor/);
    expect(() => fitLinear(frame, { ...base, x: ["y"] })).toThrow(/also listed as a regressor/);
    expect(() => fitLinear(frame, { ...base, x: ["nope"] })).toThrow(/no column named "nope"/);
  });

  it("noConstant fits through the origin without FE", () => {
    const frame = frameFromCells(panelCells());
    const res = fitLinear(frame, { y: "y", x: ["a", "b"], noConstant: true });
    expect(res.terms).toEqual(["a", "b"]);
    expect(res.dof.kFull).toBe(2);
  });

  it("recomputes another variance without refitting and two-way clustering uses min(G) - 1 df", () => {
    const frame = frameFromCells(panelCells());
    const res = fitLinear(frame, { ...base, cluster: ["id", "year"] });
    expect(res.nClusters).toEqual([8, 5]);
    expect(res.dof.dfInference).toBe(4);
    // Both FE are nested in a cluster: K_cr1 = slopes + 1.
    expect(res.dof.kCluster).toBe(3);
  });
  it("an outcome without variation is an error naming it, not an R-squared of -Infinity", () => {
    const x = { name: "a", values: Float64Array.from([2, 3, 1, 5]) };
    const constY = { name: "y", values: Float64Array.from([1, 1, 1, 1]) };
    expect(() => fitLinearData({ n: 4, y: constY, x: [x] })).toThrow(/y is constant \(1\) in the estimation sample of 4 rows/);
    const g = { name: "g", codes: Int32Array.from([0, 0, 1, 1]) };
    const yByGroup = { name: "y", values: Float64Array.from([1, 1, 2, 2]) };
    expect(() => fitLinearData({ n: 4, y: yByGroup, x: [x], fe: [g] })).toThrow(/y is constant within the groups of the fixed effects \(g\)/);
    const zero = { name: "y", values: new Float64Array(4) };
    expect(() => fitLinearData({ n: 4, y: zero, x: [x] }, { noConstant: true })).toThrow(/y is zero in every row/);
    // Through the origin a constant non-zero y is a proper regression.
    expect(fitLinearData({ n: 4, y: constY, x: [x] }, { noConstant: true }).result.n).toBe(4);
  });

  it("no rows left: the message counts rows missing and singletons", () => {
    const cells = panelCells().slice(0, 4); // id C1, years 2010-2012: every year a singleton
    cells[3][3] = "NA";
    expect(() => fitLinear(frameFromCells(cells), base)).toThrow(
      /No observations left of 3 rows: 1 miss a model variable \(a: 1\), 2 are singletons of a fixed effect/,
    );
  });
});

describe("LinearFit.vcovFor (variance without refitting)", () => {
  it("equals a refit with the other variance type", () => {
    const { fitLinearFit } = require("../../../src/engine/models/linear");
    const frame = frameFromCells(panelCells());
    const fit = fitLinearFit(frame, base);
    for (const type of ["iid", "hc1"] as const) {
      const again = fitLinear(frame, { ...base, cluster: [], vcov: type });
      const { vcov, dof } = fit.vcovFor(type);
      expect(dof.dfInference).toBe(again.dof.dfInference);
      for (let i = 0; i < vcov.length; i++) expect(Math.abs(vcov[i] - again.vcov[i])).toBeLessThanOrEqual(1e-15 * Math.abs(again.vcov[i]) + 1e-300);
    }
  });
});
