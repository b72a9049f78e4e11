/**
 * Boosted trees vs xgboost 1.7.4 (test/reference/boosting: expected/<case>.json, _rows.csv,
 * _interactions.csv, _model.json), to the tolerances of its README: trees walked from the root (features,
 * default directions exact, thresholds relative 2.5e-7, leaves scaled 2e-6), predictions scaled 2e-6, SHAP
 * and interactions scaled 1e-5, base_value 1e-5 of max(|bias|, max |phi|), hist with a sketch by train
 * RMSE within 1%.
 */
import { importance, predict, shapInteractions, shapValues, trainBooster, TrainResult } from "../../../src/engine/trees";
import { caseData, caseInteractions, caseRows, caseSpec, boostCase, maxAbsLeaf, scaledError, treeDifference } from "./cases";

const EXACT_CASES = ["small_exact", "small_depth3_reg", "small_missing", "small_hist", "er_nqp_exact"];
const INTERACTION_CASES = ["small_exact", "small_depth3_reg", "small_missing", "er_nqp_exact"];
const fits = new Map<string, TrainResult>();
function fit(name: string): TrainResult {
  if (!fits.has(name)) {
    const c = boostCase(name);
    fits.set(name, trainBooster(caseData(c), caseSpec(c)));
  }
  return fits.get(name)!;
}

describe.each(EXACT_CASES)("boosting reference case %s (xgboost 1.7.4)", (name) => {
  const c = boostCase(name);
  const d = caseData(c);
  const M = d.m;

  test("every tree matches xgboost's (features, default directions, thresholds, leaf values)", () => {
    const r = fit(name);
    expect(r.model.trees.length).toBe(c.results.n_trees);
    const scale = maxAbsLeaf(c);
    const diffs = r.model.trees.map((t, i) => treeDifference(t, c.results.trees[i], scale)).filter((x) => x !== null);
    expect(diffs).toEqual([]);
  });

  test("predictions (scaled 2e-6) and train RMSE", () => {
    const r = fit(name);
    const rows = caseRows(name, M);
    expect(scaledError(r.predictions, rows.prediction)).toBeLessThanOrEqual(2e-6);
    expect(scaledError(predict(r.model, d), rows.prediction)).toBeLessThanOrEqual(2e-6);
    expect(Math.abs(r.trainRmse[r.trainRmse.length - 1] / c.results.rmse_train - 1)).toBeLessThan(1e-6);
  });

  test("SHAP values = pred_contribs (scaled 1e-5), base value, importance", () => {
    const r = fit(name);
    const rows = caseRows(name, M);
    const phi = shapValues(r.model, d);
    const got: number[] = [];
    const exp: number[] = [];
    rows.shap.forEach((s, i) => s.forEach((v, j) => (got.push(phi[i * (M + 1) + j]), exp.push(v))));
    expect(scaledError(got, exp)).toBeLessThanOrEqual(1e-5);
    const maxPhi = Math.max(...exp.map(Math.abs));
    expect(Math.abs(phi[M] - c.results.base_value)).toBeLessThanOrEqual(1e-5 * Math.max(Math.abs(c.results.base_value), maxPhi));
    const imp = importance(r.model, phi);
    const ref = c.results.importance;
    c.spec.x.forEach((x: string, j: number) => {
      expect(Math.abs(imp.meanAbsShap[j] - ref.mean_abs_shap[x])).toBeLessThanOrEqual(1e-5 * maxPhi);
      expect(imp.weight[j]).toBe(ref.weight[x] ?? 0);
      if (ref.weight[x]) {
        for (const [key, ours] of [["gain", imp.gain], ["cover", imp.cover], ["total_gain", imp.totalGain], ["total_cover", imp.totalCover]] as const) {
          expect(Math.abs(ours[j] / ref[key][x] - 1)).toBeLessThan(1e-5);
        }
      }
    });
  });
});

describe.each(INTERACTION_CASES)("SHAP interaction values, case %s", (name) => {
  test("= pred_interactions (scaled 1e-5), rows sum to phi", () => {
    const c = boostCase(name);
    const d = caseData(c);
    const M = d.m;
    const S = M + 1;
    const r = fit(name);
    const ref = caseInteractions(name);
    // every row of the small cases; every 7th row of er_nqp_exact (406 rows) to keep the suite quick
    const step = d.n > 100 ? 7 : 1;
    const rows = Int32Array.from({ length: Math.ceil(d.n / step) }, (_, q) => q * step);
    const I = shapInteractions(r.model, d, { rows });
    const phi = shapValues(r.model, d, { rows });
    const got: number[] = [];
    const exp: number[] = [];
    rows.forEach((i, q) => {
      for (let a = 0; a < M; a++) for (let b = 0; b < M; b++) {
        got.push(I[q * S * S + a * S + b]);
        exp.push(ref[i][a * S + b]);
      }
      for (let a = 0; a < M; a++) {
        let s = 0;
        for (let b = 0; b < S; b++) s += I[q * S * S + a * S + b];
        expect(Math.abs(s - phi[q * S + a])).toBeLessThan(1e-12);
      }
      expect(I[q * S * S + M * S + M]).toBeCloseTo(phi[q * S + M], 12);
    });
    expect(scaledError(got, exp)).toBeLessThanOrEqual(1e-5);
  });
});

test("er_nqp_hist (256 bins from a sketch): train RMSE within 1% of xgboost's", () => {
  const c = boostCase("er_nqp_hist");
  const r = trainBooster(caseData(c), caseSpec(c));
  const rmse = r.trainRmse[r.trainRmse.length - 1];
  expect(Math.abs(rmse / c.results.rmse_train - 1)).toBeLessThan(1e-2);
});
