/**
 * The constant of a fixed-effects model, `_cons` = mean(y) - mean(x)'b with its standard error, against
 * Stata: test/reference/stata-ivreg2 fixture grun_fe_dofminus_*_small (Grunfeld, company FE by the
 * within transformation plus the grand mean, `ivreg2 ..., small dofminus(9)`; the do-file asserts the
 * slopes and SEs equal `xtreg invest mvalue kstock, fe`, whose `_cons` is the same regression's). Data:
 * data/grunfeld_from_plm.csv (float32 levels, as Stata stores them). 1e-10 relative.
 */
import { fitLinearData } from "../../../src/engine/models/linear-core";
import { encodeKeys } from "../../../src/engine/frame";
import { relErr } from "../../support/reference";
import { readCoef, readDiagnostics, readIvData, readVcov } from "../iv/ivreg2-fixtures";

const TOL = 1e-10;

describe("FE _cons against Stata (grun_fe_dofminus fixture: xtreg, fe convention)", () => {
  const g = readIvData("grunfeld_from_plm.csv");
  const n = g.invest.length;
  const company = encodeKeys(Array.from(g.company, String));
  const fit = fitLinearData(
    {
      n,
      y: { name: "invest", values: g.invest },
      x: [{ name: "mvalue", values: g.mvalue }, { name: "kstock", values: g.kstock }],
      fe: [{ name: "company", codes: company.codes }],
    },
    { vcov: "iid" },
  ).result;
  const coef = readCoef("grun_fe_dofminus_coef_small.csv");
  const diag = readDiagnostics("grun_fe_dofminus_diagnostics_small.csv");

  test("coefficients and SEs, _cons included, in Stata's order", () => {
    expect(fit.terms).toEqual(["mvalue", "kstock", "_cons"]);
    coef.forEach((c, j) => {
      expect(relErr(fit.coef[j], c.estimate)).toBeLessThan(TOL);
      expect(relErr(fit.se[j], c.se)).toBeLessThan(TOL);
    });
  });

  test("the full variance matrix, N, residual df and within R-squared", () => {
    const V = readVcov("grun_fe_dofminus_vcov_small.csv");
    const k = fit.terms.length;
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) expect(relErr(fit.vcov[i * k + j], V[i][j])).toBeLessThan(TOL);
    expect(fit.n).toBe(diag.N);
    expect(fit.dof.dfResid).toBe(diag.F_df2);
    expect(relErr(fit.r2Within, diag.r2)).toBeLessThan(TOL);
  });
});
