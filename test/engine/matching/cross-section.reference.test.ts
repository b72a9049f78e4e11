/**
 * psmatch + pstest against every cross-section case of test/reference/psm/expected (psm_cs2022_*,
 * psmatch2 4.0.12 / pstest 4.2.2 conventions, README there) and test/reference/expected/nqp_psm_2022.json:
 * logit coefficients/SEs/log-likelihood, ATT, SE, t, counts, the unmatched row, per-row _pscore,
 * _weight, _support, _ER, _id, _n1.._nk, _nn, _pdif, and the full balance table, to the README's
 * tolerances (1e-8 relative; percentages with floor 1).
 */
import { balanceOf, psmatch, PsmResult } from "../../../src/engine/matching";
import { readCase } from "../../support/reference";
import { close, compareTree, COVARIATES, CS_CASES, METHODS, nqpFrame, readPsmCase, readPsmRows, rowIndex, rowsWhere } from "./cases";

function run(method: string): PsmResult {
  const f = nqpFrame();
  return psmatch(f, { treat: "above-median:NQP", x: COVARIATES, outcome: "ER", rows: rowsWhere(f, "year", (v) => v === 2022), ...METHODS[method] });
}

describe.each(CS_CASES)("reference case %s (test/reference/psm/expected)", (name) => {
  const method = name.replace("psm_cs2022_", "");
  const c = readPsmCase(name);
  const r = c.results;
  const res = run(method);
  const g = res.groups[0];

  it("logit coefficients, SEs, log-likelihood and the sample", () => {
    expect(res.sample.nUsed).toBe(r.N_estimation_sample);
    expect(res.treatment.cutoffs.all).toBe(r.median_NQP_2022);
    for (const [k, v] of Object.entries(r.logit_coef as Record<string, number>)) {
      const j = g.logit.terms.indexOf(k === "(Intercept)" ? "_cons" : k);
      close(g.logit.coef[j], v, `coef ${k}`);
      close(g.logit.se[j], r.logit_se[k], `se ${k}`);
    }
    close(g.logit.loglik, r.logit_loglik, "loglik");
  });

  it("ATT, SE (psmatch2 4.0.12 and 4.1.0), t, counts and the unmatched row", () => {
    const e = g.effect!;
    close(e.att, r.ATT, "ATT");
    close(e.se, r.se_ATT, "se_ATT");
    close(e.t, r.t_ATT, "t_ATT");
    close(e.seV410, r.se_ATT_v4_1_0, "se_ATT_v4_1_0");
    close(e.meanTreated, r.mean_ER_treated_on_support, "mean treated");
    close(e.meanMatched, r.mean_ER_matched, "mean matched");
    close(e.var1, r.se_components.Var1_ER_treated_on_support, "Var1");
    close(e.var0, r.se_components.Var0_ER_matched_controls, "Var0");
    close(e.var0AllControls, r.se_components.Var0_ER_all_controls_on_support, "Var0 all");
    close(e.sumWeight2, r.se_components.sum_weight2_controls, "sum w^2");
    expect([g.counts.nTreated, g.counts.nControls]).toEqual([r.n_treated, r.n_control]);
    expect(g.counts.n1).toBe(r.counts.N1);
    expect(g.counts.nTreatedOffSupport).toBe(r.counts.n_treated_off_support);
    expect(g.counts.nControlsMatched).toBe(r.counts.n_controls_matched);
    expect(g.counts.nRowsMatched).toBe(r.counts.n_rows_matched_sample);
    close(g.counts.sumWeightControls, r.counts.sum_weight_controls, "sum weights");
    close(e.unmatched.diff, r.unmatched.diff, "unmatched diff");
    close(e.unmatched.se, r.unmatched.se_ols, "unmatched se");
    close(e.unmatched.t, r.unmatched.t, "unmatched t");
  });

  it(`per-row psmatch2 variables (${r.rows_csv})`, () => {
    const rows = readPsmRows(r.rows_csv);
    const f = nqpFrame();
    const at = rowIndex(f);
    const city = f.columns.get("city_id")!.text!;
    const num = (s: string) => (s === "" ? null : Number(s));
    let maxPs = 0;
    for (const row of rows) {
      const i = at.get(`${row.city_id}|${row.year}`)!;
      const where = `${row.city_id}`;
      maxPs = Math.max(maxPs, close(res.pscore[i], num(row._pscore)!, `${where} _pscore`));
      expect(res.treated[i]).toBe(Number(row._treated));
      expect(res.support[i]).toBe(Number(row._support));
      close(res.weight[i], num(row._weight) as number, `${where} _weight`);
      close(res.ymatch[i], num(row._ER) as number, `${where} _ER`);
      if (res.id) {
        expect(res.id[i]).toBe(Number(row._id));
        const k = res.options.k;
        for (let q = 0; q < k; q++) {
          const want = row[`_n${q + 1}_city`];
          const got = res.neighbors![i * k + q];
          expect(got < 0 ? "" : city[got]).toBe(want);
        }
        expect(res.nn![i] < 0 ? "" : String(res.nn![i])).toBe(row._nn);
        close(res.pdif![i], num(row._pdif) as number, `${where} _pdif`);
      }
    }
    expect(rows.length).toBe(284);
    expect(maxPs).toBeLessThan(1e-8);
  });

  it("pstest balance table (before/after, summary, F bounds, probit coefficients)", () => {
    const b = balanceOf(nqpFrame(), res);
    const maxErr = { v: 0 };
    compareTree(b, r.pstest, "pstest", maxErr);
    expect(maxErr.v).toBeLessThan(1e-8);
  });
});

describe("reference case nqp_psm_2022 (test/reference/expected)", () => {
  const r = readCase("nqp_psm_2022").results;
  const res = run("nn1");
  const g = res.groups[0];
  it("ATT, logit and the first ten matched pairs", () => {
    close(g.effect!.att, r.ATT, "ATT");
    close(g.effect!.meanMatched, r.weighted_mean_ER_matched_controls, "matched mean");
    for (const [k, v] of Object.entries(r.logit_coef as Record<string, number>)) {
      const j = g.logit.terms.indexOf(k === "(Intercept)" ? "_cons" : k);
      close(g.logit.coef[j], v, `coef ${k}`);
      close(g.logit.se[j], r.logit_se[k], `se ${k}`);
    }
    expect(g.counts.nControlsMatched).toBe(r.n_distinct_controls_matched);
    const f = nqpFrame();
    const city = f.columns.get("city_id")!.text!;
    const pairs = Array.from(res.sample.rows).filter((i) => res.treated[i] === 1).slice(0, 10).map((i) => [city[i], city[res.neighbors![i]]]);
    expect(pairs).toEqual(r.matched_pairs_first10);
  });
});
