/**
 * The panel workflow against every psm_panel_* case of test/reference/psm/expected (README there,
 * convention 15): treat = NQP above its year's median; matching year by year (byyear) or one pooled
 * logit + matching (pooled); per-year logits and ATTs, per-row _pscore / _support / _weight of each
 * method (psm_panel_<variant>_rows.csv), the pstest table of the matched sample, and the two-way FE
 * regression ER ~ NQP + controls on the matched rows (unweighted / weighted by _weight, with and
 * without singletons), CR1 by city, to 1e-8 relative.
 */
import { balanceOf, fitMatchedRegression, psmatch, PsmResult } from "../../../src/engine/matching";
import { RegressionResult } from "../../../src/engine/models/result";
import { close, compareTree, COVARIATES, METHODS, nqpFrame, PANEL_METHODS, readPsmCase, readPsmRows, rowIndex } from "./cases";

const REG = { y: "ER", x: ["NQP", ...COVARIATES], fe: ["city_id", "year"], cluster: ["city_id"] };

function compareRegression(got: RegressionResult, want: any, what: string): void {
  expect(got.n).toBe(want.N);
  expect(got.nClusters[0]).toBe(want.G);
  expect(got.fixedEffects.find((f) => f.name === "year")!.levels).toBe(want.T);
  expect(got.dof.kFull).toBe(want.K.full);
  expect(got.dof.kCluster).toBe(want.K.cr1);
  expect(got.dof.dfInference).toBe(want.df.cr1);
  for (const [k, v] of Object.entries(want.coef as Record<string, number>)) {
    const j = got.terms.indexOf(k);
    close(got.coef[j], v, `${what} coef ${k}`);
    close(got.se[j], want.se.cr1[k], `${what} se ${k}`);
    close(got.stat[j], want.t.cr1[k], `${what} t ${k}`);
    close(got.p[j], want.p.cr1[k], `${what} p ${k}`);
  }
  close(got.ssr, want.ssr, `${what} ssr`);
  close(got.r2Within, want.r2_within, `${what} r2_within`);
  if (want.n_singletons_dropped !== undefined) expect(got.sample.droppedSingletons).toBe(want.n_singletons_dropped);
}

const CASES = ["byyear", "pooled"].flatMap((v) => PANEL_METHODS.map((m) => [`psm_panel_${v}_${m}`, v, m] as const));

describe.each(CASES)("reference case %s (test/reference/psm/expected)", (name, variant, method) => {
  const r = readPsmCase(name).results;
  const f = nqpFrame();
  let res: PsmResult;
  beforeAll(() => {
    res = psmatch(f, { treat: "above-median:NQP", by: "year", pooled: variant === "pooled", x: COVARIATES, outcome: "ER", ...METHODS[method] });
  });

  it("sample, yearly medians, logits and per-group ATT / SE / counts", () => {
    expect(res.sample.nUsed).toBe(r.N_estimation_sample);
    for (const [y, v] of Object.entries(r.median_NQP_by_year as Record<string, number>)) expect(res.treatment.cutoffs[y]).toBe(v);
    expect(res.groups.map((g) => g.key)).toEqual(Object.keys(r.logit));
    for (const g of res.groups) {
      const L = r.logit[g.key];
      expect(g.logit.n).toBe(L.N ?? g.logit.n);
      for (const [k, v] of Object.entries(L.coef as Record<string, number>)) {
        const j = g.logit.terms.indexOf(k === "(Intercept)" ? "_cons" : k);
        close(g.logit.coef[j], v, `${g.key} coef ${k}`);
        close(g.logit.se[j], L.se[k], `${g.key} se ${k}`);
      }
      close(g.logit.loglik, L.loglik, `${g.key} loglik`);
      const pg = r.matching.per_group[g.key];
      expect(g.counts.n1).toBe(pg.N1);
      expect(g.counts.nControlsMatched).toBe(pg.n_controls_matched);
      close(g.effect!.att, pg.ATT, `${g.key} ATT`);
      close(g.effect!.se, pg.se_ATT, `${g.key} se_ATT`);
    }
    expect(res.matchedRows.length).toBe(r.matching.n_rows_matched);
    expect(res.counts.n1).toBe(r.matching.n_treated_matched);
    expect(res.counts.nControlsMatched).toBe(r.matching.n_controls_matched);
    close(res.counts.n1 + res.counts.sumWeightControls, r.matching.sum_weights, "sum weights");
  });

  it(`per-row _pscore, treat, ${method}_support and ${method}_weight (${r.rows_csv.split(" ")[0]})`, () => {
    const rows = readPsmRows(r.rows_csv.split(" ")[0]);
    const at = rowIndex(f);
    for (const row of rows) {
      const i = at.get(`${row.city_id}|${row.year}`)!;
      const w = `${row.city_id} ${row.year}`;
      close(res.pscore[i], Number(row._pscore), `${w} _pscore`);
      expect(res.treated[i]).toBe(Number(row.treat));
      expect(res.support[i]).toBe(Number(row[`${method}_support`]));
      const wt = row[`${method}_weight`];
      close(res.weight[i], wt === "" ? (null as any) : Number(wt), `${w} _weight`);
    }
    expect(rows.length).toBe(2840);
  });

  it("pstest of the matched sample (U: all years pooled; M: all matched rows)", () => {
    const maxErr = { v: 0 };
    compareTree(balanceOf(f, res), r.pstest, "pstest", maxErr);
    expect(maxErr.v).toBeLessThan(1e-8);
  });

  it.each([
    ["fe_unweighted", false, true], ["fe_unweighted_no_singletons", false, false],
    ["fe_weighted", true, true], ["fe_weighted_no_singletons", true, false],
  ] as const)("%s: ER ~ NQP + controls, city and year FE, CR1(city) on the matched rows", (key, weighted, keepSingletons) => {
    compareRegression(fitMatchedRegression(f, res.weight, { ...REG, keepSingletons }, { weighted }), r[key], `${name} ${key}`);
  });
});
