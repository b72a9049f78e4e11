/** Source: test/reference/expected/nqp_entropy.json and nqp_entropy_scores.csv (numpy, cross-checked with R). */
import { keyColumn, numericColumn } from "../../../src/engine/frame";
import { entropyIndex } from "../../../src/engine/indices/entropy";
import { readCase } from "../../support/reference";
import { citiesFrame, entropySpec, maxRelErr, referenceColumn } from "./fixtures";

const TOL = 1e-10;
const ref = readCase("nqp_entropy");
const variants: [string, "minmax" | "shift", string][] = [
  ["minmax_zero", "minmax", "NQP_minmax_zero"],
  ["minmax_shift", "shift", "NQP_minmax_shift"],
];

describe.each(variants)("entropy weights, case nqp_entropy variant %s", (variant, method, csvColumn) => {
  const frame = citiesFrame();
  const { indicators, negative } = entropySpec();
  const cols = indicators.map((name) => numericColumn(frame, name));
  const res = entropyIndex(cols, indicators, {
    method,
    shift: 0.0001,
    directions: indicators.map((name) => (negative.includes(name) ? -1 : 1)),
    keepNormalised: true,
  });
  const expected = ref.results[variant];
  const fit = res.fits[0];

  test("rows used", () => {
    expect(res.fits).toHaveLength(1);
    expect(res.nUsed).toBe(ref.results.n_rows_used);
    expect(res.nRows).toBe(ref.results.n_rows_total);
  });

  test.each(["weights", "entropy_e", "divergence_d", "min", "max"])("%s of every indicator to 1e-10", (key) => {
    const ours = { weights: fit.weights, entropy_e: fit.e, divergence_d: fit.d, min: fit.min, max: fit.max }[key]!;
    // min/max are stated once, under minmax_zero (the normalisation is the same in both variants).
    const table = expected[key] ?? ref.results.minmax_zero[key];
    const theirs = Float64Array.from(indicators, (name) => table[name]);
    expect(maxRelErr(ours, theirs)).toBeLessThan(TOL);
  });

  test("every row's score (nqp_entropy_scores.csv) to 1e-10", () => {
    const ids = keyColumn(frame, "city_id");
    const years = keyColumn(frame, "year");
    const col = referenceColumn("nqp_entropy_scores.csv", csvColumn);
    expect(ids.map((id, i) => `${id}|${years[i]}`)).toEqual(col.keys);
    expect(maxRelErr(res.scores, col.values)).toBeLessThan(TOL);
  });

  test("score summary", () => {
    const s = expected.score_summary;
    let min = Infinity;
    let max = -Infinity;
    for (const v of res.scores) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect(maxRelErr([min, max], [s.min, s.max])).toBeLessThan(TOL);
  });

  test("normalised matrix lies in [0, 1] with min 0 and max 1 per indicator", () => {
    for (const col of res.normalised!) {
      expect(Math.min(...col)).toBe(0);
      expect(Math.max(...col)).toBe(1);
    }
  });
});
