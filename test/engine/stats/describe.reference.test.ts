/** Source: test/reference/expected/nqp_descriptives.json (numpy, cross-checked with R cor() and car::vif). */
import { frameFromCells, numericColumn } from "../../../src/engine/frame";
import { correlationMatrix, describeColumns, varianceInflation } from "../../../src/engine/stats/describe";
import { nqpCitiesWithIndices, readCase, relErr } from "../../support/reference";

const TOL = 1e-10;
const ref = readCase("nqp_descriptives");
const VARS = Object.keys(ref.results.estimation_sample);
const KEYS = ["n", "mean", "sd", "min", "max"] as const;

describe("descriptive statistics, case nqp_descriptives", () => {
  const frame = frameFromCells(nqpCitiesWithIndices());
  const cols = VARS.map((v) => numericColumn(frame, v));

  test.each([
    ["estimation_sample", "listwise"],
    ["all_rows", "pairwise"],
  ] as const)("%s (%s)", (block, sample) => {
    const res = describeColumns(cols, VARS, sample);
    if (sample === "listwise") expect(res.nListwise).toBe(ref.results.N_estimation_sample);
    VARS.forEach((v, j) => {
      for (const k of KEYS) expect(relErr(res.stats[j][k], ref.results[block][v][k])).toBeLessThan(TOL);
    });
  });

  test("Pearson correlations on the estimation sample", () => {
    const expected = ref.results.pearson_corr_estimation_sample;
    const order = Object.keys(expected);
    const { r, n } = correlationMatrix(order.map((v) => numericColumn(frame, v)));
    expect(n).toBe(ref.results.N_estimation_sample);
    order.forEach((a, i) => order.forEach((b, j) => expect(relErr(r[i * order.length + j], expected[a][b])).toBeLessThan(TOL)));
  });

  test("VIFs from pooled OLS on the estimation sample", () => {
    const expected = ref.results.vif_pooled_ols;
    const regs = Object.keys(expected);
    // Estimation sample of ER ~ regressors: rows where ER is present too.
    const er = numericColumn(frame, "ER");
    const xs = regs.map((v) => Float64Array.from(numericColumn(frame, v), (x, i) => (Number.isNaN(er[i]) ? NaN : x)));
    const { vif, n } = varianceInflation(xs, regs);
    expect(n).toBe(ref.results.N_estimation_sample);
    regs.forEach((v, j) => expect(relErr(vif[j], expected[v])).toBeLessThan(TOL));
  });
});
