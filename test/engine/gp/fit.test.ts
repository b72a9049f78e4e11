/**
 * Hyperparameters by maximum marginal likelihood against test/reference/gp/expected/city2022_gp_fit.json
 * (scipy L-BFGS-B with the analytic gradient, cross-checked with scikit-learn's optimiser): loglik within
 * 1e-6 relative of results.optimum.lml, every log-parameter inside results.tolerance.band_theta, the
 * reported loglik equal to loglik at the reported hyperparameters; the reference's default box.
 */
import { fitGp } from "../../../src/engine/gp/model";
import { logMarginalLikelihood } from "../../../src/engine/gp/likelihood";
import { city2022, readGp } from "./city2022";
import { relErr } from "../../support/reference";

const ref = readGp("city2022_gp_fit").results;

test("gp_ard fit from the default start reaches the optimum inside the tolerance band", () => {
  const d = city2022();
  const m = fitGp(d.train, { kernel: { kernel: "gp_ard" } });
  // The box is the reference's.
  m.names.forEach((nm, j) => expect(m.bounds[j]).toEqual(ref.bounds[nm]));
  expect(relErr(m.loglik, ref.optimum.lml)).toBeLessThan(1e-6);
  m.thetaNames.forEach((t, j) => {
    const [lo, hi] = ref.tolerance.band_theta[t];
    const th = Math.log(m.values[j]);
    expect(th).toBeGreaterThanOrEqual(lo - 1e-12);
    expect(th).toBeLessThanOrEqual(hi + 1e-12);
  });
  const ys = Float64Array.from(d.train.y, (v) => (v - m.yMean) / m.ySd);
  expect(relErr(logMarginalLikelihood(m.kernel, m.Xs, ys, m.values, false).loglik, m.loglik)).toBeLessThan(1e-8);
});

test("fixed parameters stay fixed; a fit from a listed start that ends in a lower mode is reported per start", () => {
  const d = city2022();
  const names = ["sf2", "l_NQP", "l_GDP", "l_FTE", "l_BOOK", "l_OPEN", "l_FEF", "sg2", "lg", "sn2"];
  const init: Record<string, number> = {};
  names.forEach((n, i) => (init[n] = ref.starts[2][i]));
  const m = fitGp(d.train, { kernel: { kernel: "gp_ard" }, init, fixed: { sn2: 0.8 } });
  expect(m.hyperparameters.sn2).toBe(0.8);
  expect(m.starts).toHaveLength(1);
  expect(m.loglik).toBeLessThan(ref.optimum.lml);
});
