/**
 * The stochastic criterion of test/reference/boosting (er_nqp_cv_band): with the paper's settings (200
 * trees, depth 4, eta 0.05, subsample = colsample = 0.8) and seeds 1, 2, 3, 5-fold CV on our own seeded
 * folds lands in xgboost's random_folds band (mean +- 3 sd over 30 seeds) and on the data's fold_row
 * column in the given_folds band; the seed must change the result.
 */
import { boostData, crossValidate, foldsFromCodes, randomFolds } from "../../../src/engine/trees";
import { boostCase, csvColumn } from "./cases";

const c = boostCase("er_nqp_cv_band");
const FILE = "boost_er_nqp.csv";
const X = ["NQP", "GDP", "FTE", "BOOK", "OPEN", "FEF", "lat", "lon"];
const d = boostData({ name: "ER", values: csvColumn(FILE, "ER") }, X.map((name) => ({ name, values: csvColumn(FILE, name) })));
const spec = (seed: number) => ({ trees: 200, maxDepth: 4, eta: 0.05, subsample: 0.8, colsample: 0.8, seed });

function band(folds: string, quantity: string): [number, number] {
  const b = c.results.band[folds][quantity];
  return [b.lo, b.hi];
}

test("CV RMSE and R2 inside xgboost's bands for seeds 1, 2, 3; the seed matters", () => {
  const seen: number[] = [];
  for (const seed of [1, 2, 3]) {
    const r = crossValidate(d, spec(seed), randomFolds(d.n, 5, seed));
    for (const [q, v] of [["rmse_pooled", r.rmse], ["r2_pooled", r.r2], ["rmse_fold_mean", r.rmseFoldMean], ["r2_fold_mean", r.r2FoldMean]] as const) {
      const [lo, hi] = band("random_folds", q);
      expect(v).toBeGreaterThanOrEqual(lo);
      expect(v).toBeLessThanOrEqual(hi);
    }
    seen.push(r.rmse);
  }
  expect(new Set(seen).size).toBe(3);
  const g = crossValidate(d, spec(1), foldsFromCodes(csvColumn(FILE, "fold_row")));
  for (const [q, v] of [["rmse_pooled", g.rmse], ["r2_pooled", g.r2]] as const) {
    const [lo, hi] = band("given_folds", q);
    expect(v).toBeGreaterThanOrEqual(lo);
    expect(v).toBeLessThanOrEqual(hi);
  }
}, 300000);

test("deterministic CV on the fold_row column (no subsampling) = xgboost's (relative 1e-6)", () => {
  const r = crossValidate(d, { trees: 200, maxDepth: 4, eta: 0.05 }, foldsFromCodes(csvColumn(FILE, "fold_row")));
  const ref = c.results.deterministic_cv_given_folds;
  expect(Math.abs(r.rmse / ref.rmse_pooled - 1)).toBeLessThan(1e-6);
  expect(Math.abs(r.r2 / ref.r2_pooled - 1)).toBeLessThan(1e-5);
  expect(Math.abs(r.rmseFoldMean / ref.rmse_fold_mean - 1)).toBeLessThan(1e-6);
  expect(Math.abs(r.r2FoldMean / ref.r2_fold_mean - 1)).toBeLessThan(1e-5);
}, 120000);
