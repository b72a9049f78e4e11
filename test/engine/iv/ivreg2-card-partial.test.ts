/**
 * ivreg2 partial() on Card (1995) and Mroz (1987) against Stata (test/reference/stata-ivreg2,
 * fixtures card_partial_* and mroz_partial_all_*; commands in that README):
 *   ivreg2 lwage exper expersq black south smsa (educ = nearc2 nearc4), partial(black south smsa) [opts]
 * with opts none / small / nopartialsmall / robust / robust small / cluster(smsa66) [small], and the
 * partial(_cons) (also through fitIv with a one-level FE) and partial(_all) variants; Mroz: ivreg2 lwage exper expersq (educ = age kidslt6 kidsge6),
 * partial(_all) [robust]. lwage is float32 in Stata (README). Tolerance 1e-7 relative.
 */
import { encodeKeys, frameFromColumns } from "../../../src/engine/frame";
import { ivreg2 } from "../../../src/engine/iv/ivreg2";
import { MeatKind } from "../../../src/engine/iv/meat";
import { partialOut } from "../../../src/engine/iv/partial";
import { fitIv } from "../../../src/engine/models/iv";
import { columns, completeRows, diag, expectCoefVcov, expectPartialDiagnostics, expectRel, readDiagnostics, readIvData } from "./ivreg2-fixtures";

describe("Card partial(), ivreg2 fixtures card_partial_*", () => {
  const card = readIvData("card_data.csv");
  const rows = Array.from({ length: card.lwage.length }, (_, i) => i);
  const exog = ["exper", "expersq", "black", "south", "smsa", "_cons"];
  const cl = encodeKeys(rows.map((i) => String(card.smsa66[i])));
  const base = {
    n: rows.length, y: columns(card, rows, ["lwage"], ["lwage"]), endog: columns(card, rows, ["educ"]), endogNames: ["educ"],
    exog: columns(card, rows, exog), exogNames: exog, excluded: columns(card, rows, ["nearc2", "nearc4"]), excludedNames: ["nearc2", "nearc4"],
    clusters: { codes: cl.codes, nClusters: cl.levels.length },
  };
  const fit = (partial: string[], kind: MeatKind, small: boolean, partialSmall = true) => {
    const p = partialOut(base, partial);
    return { p, r: ivreg2(p.columns, { vcov: kind, small, sdofminus: partialSmall ? p.partialCount : 0 }) };
  };
  const dummies = ["black", "south", "smsa", "_cons"];

  const cases: [string, MeatKind, boolean, string | null][] = [
    ["basic_*_iid", "iid", false, "card_partial_nosmall_vcov_iid.csv"], // README: nopartialsmall e(V) = the basic iid e(V)
    ["basic_*_iid_small", "iid", true, "card_partial_basic_vcov_iid_small.csv"],
    ["robust_*_hc0", "robust", false, "card_partial_robust_vcov_hc0.csv"],
    ["robust_*_hc1_small", "robust", true, "card_partial_robust_vcov_hc1_small.csv"],
  ];
  for (const [name, kind, small, vcovFile] of cases) {
    test(`card_partial_${name}`, () => {
      const { p, r } = fit(dummies, kind, small);
      expect(p.partialCount).toBe(4);
      expectCoefVcov(r, `card_partial_${name.replace("*", "coef")}.csv`, vcovFile);
      expectPartialDiagnostics(r, `card_partial_${name.replace("*", "diagnostics")}.csv`, kind, p.partialCount);
    });
  }

  test("card_partial_nosmall_vcov_iid: nopartialsmall (sdofminus 0) leaves the no-small e(V) unchanged", () => {
    expectCoefVcov(fit(dummies, "iid", false, false).r, "card_partial_basic_coef_iid.csv", "card_partial_nosmall_vcov_iid.csv");
  });

  test("card_partial_cluster_*: cluster(smsa66), M = 2 (coef, SE, VCV, CD F; README: KP/J degenerate)", () => {
    const { p, r } = fit(dummies, "cluster", false);
    expectCoefVcov(r, "card_partial_cluster_coef_cl.csv", "card_partial_cluster_vcov_cl.csv");
    const d = readDiagnostics("card_partial_cluster_diagnostics_cl.csv");
    expect([r.n, r.rankX, r.rankZ, p.partialCount]).toEqual([d.N, d.K, d.L, d.partial_ct]);
    expectRel(diag(r, "cd_f"), d.weak_id_cd_f, "Cragg-Donald F");
    expectRel(r.rmse, d.sigma, "sigma");
    expectRel(diag(r, "kp_lm"), d.underid_stat, "KP rk LM (degenerate: 2)");
    // With 2 clusters, Stata posts neither J nor KP F: ours are not applicable either (first-stage F NaN).
    expect([d.overid_stat, d.weak_id_kp_f].every(Number.isNaN)).toBe(true);
    expect(r.diagnostics.find((x) => x.name === "hansen_j")!.inapplicable).toBeTruthy();
    expect(r.diagnostics.find((x) => x.name === "kp_f")!.inapplicable).toBeTruthy();
    expect(r.firstStage[0].f).toBeNaN();
    const small = fit(dummies, "cluster", true).r;
    expectCoefVcov(small, "card_partial_cluster_coef_cl_small.csv", null);
    expect(small.dfInference).toBe(cl.levels.length - 1);
  });

  test("card_partial_cons_*_iid: partial(_cons), all six regressors reported", () => {
    const { p, r } = fit(["_cons"], "iid", false);
    expect(p.partialCount).toBe(1);
    expectCoefVcov(r, "card_partial_cons_coef_iid.csv", "card_partial_cons_vcov_iid.csv");
    expectPartialDiagnostics(r, "card_partial_cons_diagnostics_iid.csv", "iid", p.partialCount);
  });

  test("card_partial_cons_*_iid through fitIv with a one-level FE (centring, sdofminus 1)", () => {
    const cols: Record<string, Float64Array> = { one: new Float64Array(rows.length) };
    for (const nm of ["educ", "exper", "expersq", "black", "south", "smsa", "nearc2", "nearc4"]) cols[nm] = card[nm];
    cols.lwage = card.lwage.map(Math.fround);
    const r = fitIv(frameFromColumns(cols), {
      y: "lwage", endog: ["educ"], instruments: ["nearc2", "nearc4"], x: ["exper", "expersq", "black", "south", "smsa"], fe: ["one"], vcov: "iid", small: false,
    });
    expect(r.sdofminus).toBe(1);
    expectCoefVcov(r, "card_partial_cons_coef_iid.csv", "card_partial_cons_vcov_iid.csv");
    const d = readDiagnostics("card_partial_cons_diagnostics_iid.csv");
    expectRel(r.ssr, d.rss, "rss");
    expectRel(diag(r, "kp_lm"), d.underid_stat, "Anderson LM");
    expectRel(diag(r, "cd_f"), d.weak_id_cd_f, "Cragg-Donald F");
    expectRel(diag(r, "hansen_j"), d.overid_stat, "Sargan");
  });

  test("card_partial_all_*_iid: partial(_all), only educ left", () => {
    const { p, r } = fit(["_all"], "iid", false);
    expect(p.partialCount).toBe(6);
    expectCoefVcov(r, "card_partial_all_coef_iid.csv", null);
    expectPartialDiagnostics(r, "card_partial_all_diagnostics_iid.csv", "iid", p.partialCount);
  });
});

describe("Mroz partial(_all), ivreg2 fixtures mroz_partial_all_*", () => {
  const mroz = readIvData("mroz_data.csv");
  const excluded = ["age", "kidslt6", "kidsge6"];
  const rows = completeRows(mroz, ["lwage", "educ", "exper", "expersq", ...excluded]);
  const cols = {
    n: rows.length, y: columns(mroz, rows, ["lwage"], ["lwage"]), endog: columns(mroz, rows, ["educ"]), endogNames: ["educ"],
    exog: columns(mroz, rows, ["exper", "expersq", "_cons"]), exogNames: ["exper", "expersq", "_cons"],
    excluded: columns(mroz, rows, excluded), excludedNames: excluded,
  };
  for (const [suffix, kind] of [["iid", "iid"], ["robust", "robust"]] as const) {
    test(`mroz_partial_all_*_${suffix}`, () => {
      const p = partialOut(cols, ["_all"]);
      const r = ivreg2(p.columns, { vcov: kind, small: false, sdofminus: p.partialCount });
      expectCoefVcov(r, `mroz_partial_all_coef_${suffix}.csv`, null);
      expectPartialDiagnostics(r, `mroz_partial_all_diagnostics_${suffix}.csv`, kind, p.partialCount);
    });
  }
});
