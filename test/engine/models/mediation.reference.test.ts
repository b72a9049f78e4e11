/**
 * Mediation against test/reference/expected: nqp_mediation_DI (Baron-Kenny, CR1, Sobel; common
 * sample and own-sample a path) and nqp_mechanism_DI / _IA / _HUM (mediator ~ NQP + controls on all
 * 3124 rows = the a path of the two-step design on its own sample). Tolerance 1e-8 relative.
 */
import { frameFromCells } from "../../../src/engine/frame";
import { mediatePoint, MediationSpec } from "../../../src/engine/models/mediation";
import { RegressionResult, VcovType } from "../../../src/engine/models/result";
import { nqpCitiesWithIndices, readCase, relErr } from "../../support/reference";

const TOL = 1e-8;
const frame = frameFromCells(nqpCitiesWithIndices());
const controls = ["GDP", "FTE", "BOOK", "OPEN", "FEF"];
const spec = (over: Partial<MediationSpec> = {}): MediationSpec => ({
  y: "ER",
  treat: "NQP",
  mediators: ["DI"],
  controls,
  fe: ["city_id", "year"],
  cluster: ["city_id"],
  ...over,
});
const refKey: Record<VcovType, string> = { iid: "iid", hc1: "hc1", cluster: "cr1" };

function expectEquation(r: RegressionResult, ref: any, vcov: VcovType) {
  expect(r.n).toBe(ref.N);
  expect(r.nClusters.length === 0 || r.nClusters[0] === ref.G).toBe(true);
  const k = refKey[vcov];
  for (const name of Object.keys(ref.coef)) {
    const i = r.terms.indexOf(name);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(relErr(r.coef[i], ref.coef[name])).toBeLessThan(TOL);
    expect(relErr(r.se[i], ref.se[k][name])).toBeLessThan(TOL);
    expect(relErr(r.stat[i], ref.t[k][name])).toBeLessThan(TOL);
    expect(relErr(r.p[i], ref.p[k][name])).toBeLessThan(TOL);
  }
  expect(r.dof.dfInference).toBe(ref.df[k]);
  expect(relErr(r.ssr, ref.ssr)).toBeLessThan(TOL);
}

describe("mediation vs nqp_mediation_DI", () => {
  const ref = readCase("nqp_mediation_DI").results;
  for (const [sample, key] of [["common", "common_sample"], ["own", "a_path_own_sample"]] as const) {
    describe(`${key}`, () => {
      const r = mediatePoint(frame, spec({ sample }));
      const m = r.mediators[0];
      const R = ref[key];
      it("three equations, CR1", () => {
        expectEquation(m.total, R.eq1_total, "cluster");
        expectEquation(m.aPath, R.eq2_a_path, "cluster");
        expectEquation(m.outcome!, R.eq3_direct, "cluster");
      });
      it("Sobel: a, b, ab, se, z, p, proportion mediated", () => {
        const s = R.sobel;
        expect(relErr(m.a, s.a)).toBeLessThan(TOL);
        expect(relErr(m.seA, s.se_a)).toBeLessThan(TOL);
        expect(relErr(m.b, s.b)).toBeLessThan(TOL);
        expect(relErr(m.seB, s.se_b)).toBeLessThan(TOL);
        expect(relErr(m.indirect, s.indirect_ab)).toBeLessThan(TOL);
        expect(relErr(m.seIndirect, s.se_ab)).toBeLessThan(TOL);
        expect(relErr(m.sobel.statistic, s.z)).toBeLessThan(TOL);
        expect(relErr(m.sobel.p, s.p_two_sided)).toBeLessThan(TOL);
        expect(relErr(m.proportionMediated, s.proportion_mediated)).toBeLessThan(TOL);
        expect(m.sobel.name).toBe("sobel");
        expect(m.n).toBe(R.eq3_direct.N);
      });
    });
  }
  for (const vcov of ["iid", "hc1"] as const) {
    it(`equations with vcov ${vcov} (common sample)`, () => {
      const m = mediatePoint(frame, spec({ vcov, cluster: undefined })).mediators[0];
      expectEquation(m.total, ref.common_sample.eq1_total, vcov);
      expectEquation(m.aPath, ref.common_sample.eq2_a_path, vcov);
      expectEquation(m.outcome!, ref.common_sample.eq3_direct, vcov);
    });
  }
});

describe("two-step design (Jiang 2022) vs nqp_mechanism_*", () => {
  const r = mediatePoint(frame, spec({ mediators: ["DI", "IA", "HUM"], design: "two-step", sample: "own" }));
  for (const [j, m] of ["DI", "IA", "HUM"].entries()) {
    it(`${m}: a path on its own sample`, () => {
      const med = r.mediators[j];
      expect(med.mediator).toBe(m);
      expectEquation(med.aPath, readCase(`nqp_mechanism_${m}`).results, "cluster");
      expect(med.outcome).toBeUndefined();
      expect(med.sobel.inapplicable).toMatch(/two-step/);
      // total effect: the baseline on the common sample
      expectEquation(med.total, readCase("nqp_mediation_DI").results.common_sample.eq1_total, "cluster");
    });
  }
});

describe("mediation input errors", () => {
  it("names the problem", () => {
    expect(() => mediatePoint(frame, spec({ mediators: [] }))).toThrow(/at least one mediator/);
    expect(() => mediatePoint(frame, spec({ mediators: ["nope"] }))).toThrow(/mediator "nope" is not a column/);
    expect(() => mediatePoint(frame, spec({ mediators: ["GDP"] }))).toThrow(/also listed as a control/);
    expect(() => mediatePoint(frame, spec({ design: "sobel" as any }))).toThrow(/baron-kenny, two-step/);
    expect(() => mediatePoint(frame, spec({ sample: "x" as any }))).toThrow(/common, own/);
  });
});
