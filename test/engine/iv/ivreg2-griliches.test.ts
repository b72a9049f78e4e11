/**
 * griliches76 with year fixed effects against Stata ivreg2 (test/reference/stata-ivreg2; commands
 * in its README):
 *   gril_partial_*: ivreg2 lw s expr tenure rns smsa _I* (iq=med kww age), partial(_I*) [small] [robust]
 *                   (and nopartialsmall), reproduced twice: by the kernel after partialOut, and by the
 *                   FE-absorbed path fitIv with fe = year (ivreghdfe's equivalent, README "Fixed effects").
 *   hf_gril_*_H27:  the same with the dummies included and cluster(year) (13 coefficients);
 *   hf_gril_*_H28:  H27 with partial(_I*). M = 7 clusters: Stata posts no J.
 * _I* = xi i.year dummies for 67, 68, 69, 70, 71, 73 (base 66). Tolerance 1e-7 relative.
 */
import { encodeKeys, frameFromColumns } from "../../../src/engine/frame";
import { ivreg2 } from "../../../src/engine/iv/ivreg2";
import { MeatKind } from "../../../src/engine/iv/meat";
import { partialOut } from "../../../src/engine/iv/partial";
import { fitIv } from "../../../src/engine/models/iv";
import { columns, completeRows, diag, expectClusteredIdStats, expectCoefVcov, expectPartialDiagnostics, expectRel, readDiagnostics, readIvData } from "./ivreg2-fixtures";

const gril = readIvData("griliches_data.csv");
const YEARS = [67, 68, 69, 70, 71, 73];
const DUMMIES = YEARS.map((y) => `_Iyear_${y}`);
for (const [j, y] of YEARS.entries()) gril[DUMMIES[j]] = gril.year.map((v) => (v === y ? 1 : 0));
const X2 = ["s", "expr", "tenure", "rns", "smsa"];
const Z1 = ["med", "kww", "age"];
const rows = completeRows(gril, ["lw", "iq", "year", ...X2, ...Z1]);
const n = rows.length;
const exog = [...X2, ...DUMMIES, "_cons"];
const cl = encodeKeys(rows.map((i) => String(gril.year[i])));
const cols = {
  n, y: columns(gril, rows, ["lw"]), endog: columns(gril, rows, ["iq"]), endogNames: ["iq"],
  exog: columns(gril, rows, exog), exogNames: exog, excluded: columns(gril, rows, Z1), excludedNames: Z1,
  clusters: { codes: cl.codes, nClusters: cl.levels.length },
};
const FIXED_EFFECTS = [...DUMMIES, "_cons"];

const variants: [string, MeatKind, boolean][] = [
  ["iid", "iid", false], ["iid_small", "iid", true], ["robust", "robust", false], ["robust_small", "robust", true],
];

describe("griliches76 partial(_I*), fixtures gril_partial_*", () => {
  for (const [suffix, kind, small] of variants) {
    test(`gril_partial_*_${suffix} (kernel + partialOut)`, () => {
      const p = partialOut(cols, FIXED_EFFECTS);
      expect(p.partialCount).toBe(7);
      const r = ivreg2(p.columns, { vcov: kind, small, sdofminus: p.partialCount });
      expectCoefVcov(r, `gril_partial_coef_${suffix}.csv`, `gril_partial_vcov_${suffix}.csv`);
      expectPartialDiagnostics(r, `gril_partial_diagnostics_${suffix}.csv`, kind, p.partialCount);
    });
  }

  test("gril_partial_nosmall_diagnostics_iid: nopartialsmall (sdofminus 0) changes the CD F only", () => {
    const p = partialOut(cols, FIXED_EFFECTS);
    const r = ivreg2(p.columns, { vcov: "iid", small: false, sdofminus: 0 });
    expectPartialDiagnostics(r, "gril_partial_nosmall_diagnostics_iid.csv", "iid", p.partialCount);
  });

  const frameCols: Record<string, Float64Array> = {};
  for (const nm of ["lw", "iq", "year", ...X2, ...Z1]) frameCols[nm] = Float64Array.from(rows, (i) => gril[nm][i]);
  const frame = frameFromColumns(frameCols);
  for (const [suffix, kind, small] of variants) {
    test(`gril_partial_*_${suffix} through fitIv with the year FE absorbed`, () => {
      const r = fitIv(frame, { y: "lw", endog: ["iq"], instruments: Z1, x: X2, fe: ["year"], vcov: kind === "robust" ? "hc1" : "iid", small });
      expect(r.sdofminus).toBe(7);
      expectCoefVcov(r, `gril_partial_coef_${suffix}.csv`, `gril_partial_vcov_${suffix}.csv`);
      const d = readDiagnostics(`gril_partial_diagnostics_${suffix}.csv`);
      expect(r.n).toBe(d.N);
      expectRel(r.ssr, d.rss, "rss");
      expectRel(r.rmse, d.sigma, "sigma");
      expectRel(r.r2Within, d.r2, "r2 (ivreg2 partial() reports the R2 of the partialled data = within R2)");
      expectRel(diag(r, "kp_lm"), d.underid_stat, "under-identification LM");
      expectRel(diag(r, "cd_f"), d.weak_id_cd_f, "Cragg-Donald F");
      if (kind !== "iid") expectRel(diag(r, "kp_f"), d.weak_id_kp_f, "KP rk Wald F");
      expectRel(diag(r, "hansen_j"), d.overid_stat, "Sargan / Hansen J");
      if (small) expect(r.dof.dfInference).toBe(d.df_r);
      else expect(r.statName).toBe("z");
    });
  }
});

describe("griliches76 cluster(year), fixtures hf_gril_* (help-file examples H27, H28)", () => {
  const check = (r: ReturnType<typeof ivreg2>, tag: string) => {
    expectCoefVcov(r, `hf_gril_coef_${tag}.csv`, `hf_gril_vcov_${tag}.csv`);
    const d = readDiagnostics(`hf_gril_diagnostics_${tag}.csv`);
    expectClusteredIdStats(r, d, cl.levels.length);
    // 7 clusters < L instruments: the moment covariance is singular; Stata posts no J.
    expect(Number.isNaN(d.j)).toBe(true);
    expect(r.diagnostics.find((x) => x.name === "hansen_j")!.inapplicable).toMatch(/singular/);
  };

  test("hf_gril_*_H27: year dummies included", () => {
    check(ivreg2(cols, { vcov: "cluster", small: false, sdofminus: 0 }), "H27");
  });

  test("hf_gril_*_H28: partial(_I*), same coefficients, SEs and VCV as H27", () => {
    const p = partialOut(cols, FIXED_EFFECTS);
    check(ivreg2(p.columns, { vcov: "cluster", small: false, sdofminus: p.partialCount }), "H28");
  });
});
