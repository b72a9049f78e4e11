/**
 * Grunfeld one-way firm FE by the within transformation against Stata ivreg2
 * (test/reference/stata-ivreg2, grun_fe_dofminus_*_small; README "Grunfeld"):
 *   ivreg2 invest_w mvalue_w kstock_w, small dofminus(9)      (x_w = x - firm mean + grand mean)
 * an OLS fit with the 9 extra FE df removed: df_r = 200 - 3 - 9 = 188. Our IV paths need an endogenous
 * regressor, so mvalue is "instrumented by itself" (a copy as the only excluded instrument): 2SLS with
 * Z = X is OLS exactly. Reproduced (1) by the kernel on the *_w columns with dofminus 9, and (2) by the
 * FE-absorbed path fitIv with fe = company, whose df convention (sdofminus = 10 absorbed levels incl.
 * the constant, K = 2 slopes) gives the same 188 df. The copy is allowed explicitly (copiedInstrument
 * "allow"; by default it is refused, issue 11), and the identification statistics are then inapplicable. Tolerance 1e-7 relative (README: agrees to 3e-14).
 */
import { frameFromColumns } from "../../../src/engine/frame";
import { ivreg2 } from "../../../src/engine/iv/ivreg2";
import { fitIv } from "../../../src/engine/models/iv";
import { columns, expectCoefVcov, expectRel, readCoef, readDiagnostics, readIvData, readVcov } from "./ivreg2-fixtures";

const grun = readIvData("grunfeld_from_plm.csv");
const rows = Array.from({ length: grun.invest.length }, (_, i) => i);
const d = readDiagnostics("grun_fe_dofminus_diagnostics_small.csv");

describe("Grunfeld within-FE OLS, dofminus(9) small (grun_fe_dofminus_*)", () => {
  test("kernel on the within-transformed columns, dofminus 9", () => {
    const r = ivreg2({
      n: rows.length, y: columns(grun, rows, ["invest_w"]), endog: columns(grun, rows, ["mvalue_w"]), endogNames: ["mvalue_w"],
      exog: columns(grun, rows, ["kstock_w", "_cons"]), exogNames: ["kstock_w", "_cons"],
      excluded: columns(grun, rows, ["mvalue_w"]), excludedNames: ["mvalue_w (copy)"],
    }, { vcov: "iid", small: true, sdofminus: 0, dofminus: 9, copiedInstrument: "allow" });
    expectCoefVcov(r, "grun_fe_dofminus_coef_small.csv", "grun_fe_dofminus_vcov_small.csv");
    expect([r.n, r.rankX, r.rankZ, r.dfInference]).toEqual([d.N, d.K, d.L, d.F_df2]);
    expectRel(r.rss, d.rss, "rss");
    expectRel(r.rmse, d.rmse, "rmse");
    expectRel(r.rmse ** 2, d.sigmasq, "sigma^2");
    expect(d.jdf).toBe(0);
    expect(r.diagnostics.find((x) => x.name === "hansen_j")!.inapplicable).toMatch(/exactly identified/);
    expect(r.diagnostics.find((x) => x.name === "cd_f")!.inapplicable).toMatch(/"mvalue_w" = 1 x "mvalue_w \(copy\)"/);
  });

  test("fitIv with the company FE absorbed: same slopes, SEs, VCV block, rss, df", () => {
    const frame = frameFromColumns({
      company: grun.company, invest: grun.invest, mvalue: grun.mvalue, mvalue_copy: grun.mvalue, kstock: grun.kstock,
    });
    const r = fitIv(frame, { y: "invest", endog: ["mvalue"], instruments: ["mvalue_copy"], x: ["kstock"], fe: ["company"], vcov: "iid", small: true, copiedInstrument: "allow" });
    expect(r.terms).toEqual(["mvalue", "kstock"]);
    expect(r.sdofminus).toBe(10);
    const coef = readCoef("grun_fe_dofminus_coef_small.csv");
    const V = readVcov("grun_fe_dofminus_vcov_small.csv");
    for (let j = 0; j < 2; j++) {
      expectRel(r.coef[j], coef[j].estimate, `coef ${coef[j].term}`);
      expectRel(r.se[j], coef[j].se, `se ${coef[j].term}`);
      for (let i = 0; i < 2; i++) expectRel(r.vcov[i + j * 2], V[i][j], `vcov[${i},${j}]`);
    }
    expect([r.n, r.dof.dfInference]).toEqual([d.N, d.F_df2]);
    expectRel(r.ssr, d.rss, "rss");
    expectRel(r.rmse, d.rmse, "rmse");
    // The R2 of the within-transformed data (grand mean added back) is the within R2.
    expectRel(r.r2Within, d.r2, "within R2");
  });
});
