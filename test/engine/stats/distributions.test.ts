/**
 * Tail probabilities against the reference p-values of test/reference/expected/nqp_table3_col6.json
 * (scipy 1.10.1, cross-checked with R): t statistics and their p-values with the case's degrees of freedom.
 */
import { REFERENCE } from "../../support/reference";
import { readFileSync } from "fs";
import { join } from "path";
import { tTwoSidedP, chi2UpperP, fUpperP, normalTwoSidedP, tQuantileAt } from "../../../src/engine/stats/distributions";

const ref = JSON.parse(readFileSync(join(REFERENCE, "expected", "nqp_table3_col6.json"), "utf8"));

describe("distributions", () => {
  it.each(["iid", "hc1", "cr1"])("t p-values match scipy for %s (nqp_table3_col6)", (kind) => {
    const df = ref.results.df[kind];
    for (const name of Object.keys(ref.results.t[kind])) {
      const p = tTwoSidedP(ref.results.t[kind][name], df);
      expect(Math.abs(p / ref.results.p[kind][name] - 1)).toBeLessThan(1e-10);
    }
  });

  it("agrees with closed forms", () => {
    // chi2 with 2 df: P(X > x) = exp(-x/2); F(2, inf) limit not needed; t with 1 df is Cauchy.
    expect(chi2UpperP(3, 2)).toBeCloseTo(Math.exp(-1.5), 15);
    expect(tTwoSidedP(1, 1)).toBeCloseTo(0.5, 15);
    // F(1, d) = t(d)^2
    expect(fUpperP(2.5 * 2.5, 1, 30)).toBeCloseTo(tTwoSidedP(2.5, 30), 14);
    expect(normalTwoSidedP(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(tQuantileAt(0.975, Infinity)).toBeCloseTo(1.959963984540054, 12);
  });
});
