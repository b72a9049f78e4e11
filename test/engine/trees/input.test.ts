/**
 * Bad input and options: missing x is routed (not dropped), constant features never split and are
 * listed, missing y is an error naming the rows, fewer rows (or units) than folds is an error, options
 * are validated with the allowed values; subsampling is seeded; early stopping keeps the best round.
 */
import {
  boostData, boostSpec, crossValidate, groupedFolds, predict, randomFolds, shapValues, takeBoostRows, trainBooster,
} from "../../../src/engine/trees";
import { boostCase, caseData, caseSpec } from "./cases";

const small = caseData(boostCase("small_exact"));

test("missing x values are kept and routed by the default direction (small_missing: 8 blank cells)", () => {
  const c = boostCase("small_missing");
  const d = caseData(c);
  expect(Array.from(d.nMissing)).toEqual([c.results.n_missing_per_feature.x1, c.results.n_missing_per_feature.x2, c.results.n_missing_per_feature.x3]);
  expect(d.n).toBe(40);
  const r = trainBooster(d, caseSpec(c));
  expect(r.predictions.every((p) => Number.isFinite(p))).toBe(true);
});

test("a constant feature is listed, never splits and gets SHAP 0", () => {
  const x = Array.from(small.x.subarray(0, small.n));
  const d = boostData({ name: "y", values: small.y }, [{ name: "x1", values: x }, { name: "c", values: x.map(() => 3) }]);
  expect(d.constant).toEqual(["c"]);
  const r = trainBooster(d, { trees: 5, maxDepth: 3 });
  for (const t of r.model.trees) for (let k = 0; k < t.nNodes; k++) if (t.left[k] >= 0) expect(t.feature[k]).toBe(0);
  const phi = shapValues(r.model, d);
  for (let i = 0; i < d.n; i++) expect(phi[i * 3 + 1]).toBe(0);
});

test("missing y is an error that names the rows", () => {
  const y = Array.from(small.y);
  y[4] = NaN;
  y[11] = NaN;
  expect(() => boostData({ name: "ER", values: y }, [{ name: "x1", values: Array.from(small.x.subarray(0, small.n)) }])).toThrow(/y "ER" is missing .* data rows 5, 12/);
});

test("non-finite x is an error naming column and row; text is refused by the frame", () => {
  expect(() => boostData({ name: "y", values: [1, 2, 3] }, [{ name: "a", values: [1, Infinity, 2] }])).toThrow(/x column "a" holds Infinity in data row 2/);
});

test("fewer rows (or units) than folds is an error", () => {
  expect(() => randomFolds(4, 5, 1)).toThrow(/5-fold cross-validation needs at least 5 rows; the data has 4/);
  expect(() => groupedFolds([1, 1, 2, 2, 3, 3], 5, 1)).toThrow(/at least 5 units \(groups\); the data has 3/);
  expect(() => randomFolds(10, 1, 1)).toThrow(/must be a whole number >= 2/);
});

test("grouped folds keep every unit in one fold", () => {
  const groups = Array.from({ length: 60 }, (_, i) => Math.floor(i / 4));
  const f = groupedFolds(groups, 5, 7);
  for (let i = 0; i < 60; i++) expect(f[i]).toBe(f[groups[i] * 4]);
  const r = crossValidate(small, { trees: 3, maxDepth: 2 }, f);
  expect(r.folds.length).toBe(5);
  expect(r.folds.reduce((s, x) => s + x.n, 0)).toBe(60);
});

test("options are validated with the allowed values", () => {
  expect(() => boostSpec({ method: "approx" as any })).toThrow(/method must be one of exact, hist; got approx/);
  expect(() => boostSpec({ eta: 0 })).toThrow(/eta must be a number in \(0, 1\]/);
  expect(() => boostSpec({ subsample: 1.5 })).toThrow(/subsample must be a number in \(0, 1\]/);
  expect(() => boostSpec({ trees: 2.5 })).toThrow(/trees must be a whole number/);
});

test("subsampling is driven by the seed: same seed same model, other seed other model", () => {
  const spec = { trees: 10, maxDepth: 3, subsample: 0.8, colsample: 0.67 };
  const a = trainBooster(small, { ...spec, seed: 1 }).predictions;
  const b = trainBooster(small, { ...spec, seed: 1 }).predictions;
  const c = trainBooster(small, { ...spec, seed: 2 }).predictions;
  expect(Array.from(a)).toEqual(Array.from(b));
  expect(Array.from(a)).not.toEqual(Array.from(c));
  // colsample 0.67 of 3 features keeps 2: no tree uses all three
  const m = trainBooster(small, { ...spec, seed: 3 }).model;
  for (const t of m.trees) {
    const used = new Set<number>();
    for (let k = 0; k < t.nNodes; k++) if (t.left[k] >= 0) used.add(t.feature[k]);
    expect(used.size).toBeLessThanOrEqual(2);
  }
});

test("early stopping on a validation fold keeps the best round's trees", () => {
  const d = caseData(boostCase("er_nqp_exact"));
  const fold = randomFolds(d.n, 5, 3);
  const train = takeBoostRows(d, Int32Array.from({ length: d.n }, (_, i) => i).filter((i) => fold[i] !== 0));
  const valid = takeBoostRows(d, Int32Array.from({ length: d.n }, (_, i) => i).filter((i) => fold[i] === 0));
  const r = trainBooster(train, { trees: 400, maxDepth: 6, eta: 0.3 }, { valid, earlyStoppingRounds: 10 });
  expect(r.stoppedEarly).toBe(true);
  expect(r.model.trees.length).toBe(r.bestIteration + 1);
  const best = Math.min(...Array.from(r.validRmse));
  expect(r.validRmse[r.bestIteration]).toBe(best);
  expect(r.validRmse.length).toBe(r.bestIteration + 11);
  expect(Array.from(predict(r.model, train))).toEqual(Array.from(r.predictions));
});

test("progress per tree and cancel", () => {
  const seen: number[] = [];
  const r = trainBooster(small, { trees: 20, maxDepth: 2 }, { onTree: (p) => (seen.push(p.tree), p.tree < 7) });
  expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
  expect(r.cancelled).toBe(true);
  expect(r.model.trees.length).toBe(7);
});
