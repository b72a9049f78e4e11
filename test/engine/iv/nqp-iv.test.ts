/**
 * fitIv on the nqp_cities panel against the reference cases nqp_iv_lag1 and nqp_iv_lag1_lag2
 * (test/reference/expected; ivreghdfe ER controls (NQP = L.NQP [L2.NQP]), absorb(city_id year)
 * cluster(city_id)): second stage with CR1 (small) and CR0 (nosmall), first stage, CD F, KP rk Wald F,
 * KP rk LM, Hansen J; 1e-8 relative. L1_NQP / L2_NQP: previous calendar-year rows of the same city,
 * computed here with the index engine's panel lag from the reference NQP column.
 */
import { fitIv, IvResult } from "../../../src/engine/models/iv";
import { readCase, relErr } from "../../support/reference";
import { nqpFrameWithLags } from "./nqp-lags";

const TOL = 1e-8;
const CONTROLS = ["GDP", "FTE", "BOOK", "OPEN", "FEF"];

function check(actual: number, expected: number, what: string): void {
  const e = relErr(actual, expected);
  if (!(e <= TOL)) throw new Error(`${what}: got ${actual}, reference ${expected} (rel. error ${e.toExponential(2)})`);
}

function diag(r: IvResult, name: string) {
  const d = r.diagnostics.find((x) => x.name === name);
  if (!d) throw new Error(`no diagnostic ${name}`);
  return d;
}

describe.each([
  ["nqp_iv_lag1", ["L1_NQP"]],
  ["nqp_iv_lag1_lag2", ["L1_NQP", "L2_NQP"]],
])("%s", (caseName, instruments) => {
  const ref = readCase(caseName);
  const R = ref.results;
  const frame = nqpFrameWithLags();
  const spec = { y: "ER", endog: ["NQP"], instruments, x: CONTROLS, fe: ["city_id", "year"], cluster: ["city_id"] };
  const cr1 = fitIv(frame, spec);
  const cr0 = fitIv(frame, { ...spec, small: false });

  test("sample, clusters and degrees of freedom", () => {
    expect(cr1.n).toBe(R.N);
    expect(cr1.nClusters).toEqual([R.G]);
    expect(cr1.fixedEffects.find((f) => f.name === "year")!.levels).toBe(R.T);
    expect(cr1.dof.kCluster).toBe(R.K_cr1);
    expect(cr1.sdofminus).toBe(R.sdofminus);
    expect(cr1.dof.dfInference).toBe(R.G - 1);
    expect(cr0.statName).toBe("z");
  });

  test("second stage: coefficients, CR1 and CR0 standard errors, t/z and p", () => {
    const S = R.second_stage;
    cr1.terms.forEach((t, j) => {
      check(cr1.coef[j], S.coef[t], `coef ${t}`);
      check(cr1.se[j], S.se_cr1[t], `se_cr1 ${t}`);
      check(cr1.stat[j], S.t_cr1[t], `t_cr1 ${t}`);
      check(cr1.p[j], S.p_cr1[t], `p_cr1 ${t}`);
      check(cr0.se[j], S.se_cr0[t], `se_cr0 ${t}`);
      check(cr0.stat[j], S.z_cr0[t], `z_cr0 ${t}`);
      check(cr0.p[j], S.p_cr0[t], `p_cr0 ${t}`);
    });
    expect([...cr1.terms].sort()).toEqual(Object.keys(S.coef).sort());
  });

  test("first stage: coefficients, CR1 SEs, t, p and F on the excluded instruments", () => {
    const F = R.first_stage;
    const fs = cr1.firstStage[0];
    fs.terms.forEach((t, j) => {
      check(fs.coef[j], F.coef[t], `first-stage coef ${t}`);
      check(fs.se[j], F.se_cr1[t], `first-stage se ${t}`);
      check(fs.t[j], F.t_cr1[t], `first-stage t ${t}`);
      check(fs.p[j], F.p_cr1[t], `first-stage p ${t}`);
    });
    check(fs.f, F.F_excluded_cr1, "F excluded");
    expect(fs.fDf).toEqual([F.F_df1, F.F_df2]);
    check(fs.fP, F.F_p, "F p-value");
  });

  test("weak and under-identification, over-identification", () => {
    check(diag(cr1, "cd_f").statistic, R.weak_id.cragg_donald_F, "Cragg-Donald F");
    check(cr1.minSqCanonicalCorr, R.weak_id.min_sq_canonical_corr, "min squared canonical correlation");
    check(diag(cr1, "kp_f").statistic, R.weak_id.kp_rk_wald_F, "KP rk Wald F");
    check(cr1.kpWaldChi2, R.weak_id.kp_rk_wald_chi2, "KP rk Wald chi2");
    const lm = diag(cr1, "kp_lm");
    check(lm.statistic, R.underid.kp_rk_LM, "KP rk LM");
    expect(lm.df).toEqual([R.underid.df]);
    check(lm.p, R.underid.p, "KP rk LM p");
    // Diagnostics do not depend on small.
    check(diag(cr0, "kp_lm").statistic, R.underid.kp_rk_LM, "KP rk LM (nosmall)");
    const j = cr1.diagnostics.find((d) => d.name === "hansen_j")!;
    if (R.hansen_j) {
      check(j.statistic, R.hansen_j.J, "Hansen J");
      expect(j.df).toEqual([R.hansen_j.df]);
      check(j.p, R.hansen_j.p, "Hansen J p");
    } else {
      expect(j.inapplicable).toMatch(/exactly identified/);
    }
    expect(diag(cr1, "kp_f").extra?.stock_yogo_10).toBeGreaterThan(0);
  });
});
