/**
 * Heterogeneity against test/reference/expected: nqp_split_hu_east_0/1 and
 * nqp_split_resource_based_0/1 (baseline on each group; CR1, iid, HC1) to 1e-8 relative. The fully
 * interacted model is checked by an identity (its interaction coefficient = the split difference),
 * the interaction model by the identity b_D = the base-group marginal effect.
 */
import { frameFromCells, numericColumn } from "../../../src/engine/frame";
import { assignGroups, heterogeneity } from "../../../src/engine/models/heterogeneity";
import { LinearSpec } from "../../../src/engine/models/linear";
import { RegressionResult } from "../../../src/engine/models/result";
import { pctile } from "../../../src/engine/indices/winsor";
import { nqpCitiesWithIndices, readCase, relErr } from "../../support/reference";

const TOL = 1e-8;
const frame = frameFromCells(nqpCitiesWithIndices());
const baseline: LinearSpec = { y: "ER", x: ["NQP", "GDP", "FTE", "BOOK", "OPEN", "FEF"], fe: ["city_id", "year"], cluster: ["city_id"] };

function expectCase(r: RegressionResult, ref: any, k: "cr1" | "iid" | "hc1") {
  expect(r.n).toBe(ref.N);
  if (k === "cr1") expect(r.nClusters[0]).toBe(ref.G);
  for (const name of Object.keys(ref.coef)) {
    const i = r.terms.indexOf(name);
    expect(relErr(r.coef[i], ref.coef[name])).toBeLessThan(TOL);
    expect(relErr(r.se[i], ref.se[k][name])).toBeLessThan(TOL);
    expect(relErr(r.p[i], ref.p[k][name])).toBeLessThan(TOL);
  }
  expect(r.dof.dfInference).toBe(ref.df[k]);
}

describe.each(["hu_east", "resource_based"])("split by %s", (column) => {
  const h = heterogeneity(frame, baseline, { column });
  it("groups 0 and 1 reproduce the reference split cases (CR1)", () => {
    expect(h.groups.map((g) => g.label)).toEqual(["0", "1"]);
    expectCase(h.groups[0].result, readCase(`nqp_split_${column}_0`).results, "cr1");
    expectCase(h.groups[1].result, readCase(`nqp_split_${column}_1`).results, "cr1");
  });
  it("fully interacted model: NQP#1 = b1 - b0 exactly; tests present", () => {
    const b = (r: RegressionResult) => r.coef[r.terms.indexOf("NQP")];
    const d = b(h.groups[1].result) - b(h.groups[0].result);
    const i = h.interacted.terms.indexOf("NQP#1");
    expect(relErr(h.interacted.coef[i], d)).toBeLessThan(1e-8);
    expect(h.interacted.n).toBe(h.groups[0].result.n + h.groups[1].result.n);
    const diff = h.tests.find((t) => t.name === "diff_1")!;
    expect(relErr(diff.extra!.difference, d)).toBeLessThan(1e-8);
    expect(diff.p).toBeGreaterThan(0);
    expect(diff.p).toBeLessThan(1);
    const chow = h.tests.find((t) => t.name === "chow")!;
    expect(chow.inapplicable).toBeUndefined();
    expect(chow.df).toEqual([6, h.interacted.dof.dfInference]);
  });
  it("interaction model: marginal effect in the base group is b_D; other group adds the interaction", () => {
    const r = h.interaction;
    const iD = r.terms.indexOf("NQP");
    const iX = r.terms.indexOf("NQP#1");
    expect(h.marginal[0].estimate).toBe(r.coef[iD]);
    expect(h.marginal[0].se).toBeCloseTo(r.se[iD], 12);
    expect(relErr(h.marginal[1].estimate, r.coef[iD] + r.coef[iX])).toBeLessThan(1e-12);
    // the time-invariant group dummy is absorbed by the city FE
    expect(r.omitted).toContain(`${column}=1`);
  });
});

it("split samples with iid and HC1 variance (hu_east)", () => {
  for (const vcov of ["iid", "hc1"] as const) {
    const h = heterogeneity(frame, { ...baseline, cluster: undefined, vcov }, { column: "hu_east" });
    expectCase(h.groups[0].result, readCase("nqp_split_hu_east_0").results, vcov);
    expectCase(h.groups[1].result, readCase("nqp_split_hu_east_1").results, vcov);
  }
});

it("median split: cutoff is the Stata _pctile median over the estimation sample; low <= cutoff < high", () => {
  const a = assignGroups(frame, baseline, { variable: "FTE" });
  const v = numericColumn(frame, "FTE");
  const er = numericColumn(frame, "ER");
  const rows = Array.from(v.keys()).filter((i) => !Number.isNaN(er[i]));
  expect(a.cutoff).toBe(pctile(Float64Array.from(rows, (i) => v[i]), 0.5));
  let low = 0;
  let high = 0;
  for (const i of rows) {
    if (a.group[i] === 0) { expect(v[i] <= a.cutoff!).toBe(true); low++; }
    else { expect(a.group[i]).toBe(1); expect(v[i] > a.cutoff!).toBe(true); high++; }
  }
  expect(low + high).toBe(rows.length);
  expect(Math.abs(low - high)).toBeLessThanOrEqual(2);
  expect(() => assignGroups(frame, baseline, { variable: "FTE", quantile: 1.5 })).toThrow(/between 0 and 1/);
  expect(() => assignGroups(frame, baseline, { column: "nope" })).toThrow(/group column "nope"/);
});
