/**
 * Bench cases: gradient-boosted trees with the settings of paper 003 (200 trees, depth 4, eta 0.05,
 * subsample = colsample = 0.8, seed 1) on 3,124 x 8 (exact greedy, the city-year panel's size) and on
 * 1e5 x 20 (hist, 256 bins), timing training; and on the 3,124 x 8 model (trained untimed), TreeSHAP
 * (pred_contribs) and SHAP interaction values (pred_interactions) of every row. The data come from a
 * 32-bit LCG that bench/peers/xgboost_boosting.py reproduces, so xgboost single-thread runs on the same
 * numbers (bench/peers/compare_boosting.ts alternates the two).
 */
import { boostData, BoostData, BoostModel, shapInteractions, shapValues, trainBooster } from "../../src/engine/trees";
import type { BenchCase } from "../run";

/** x_ij uniform(0,1) from s <- (1103515245 s + 12345) mod 2^32 (row-major draws), y = a nonlinear sum + noise. */
export function lcgData(n: number, m: number, seed = 2026): { x: Float64Array[]; y: Float64Array } {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  const x = Array.from({ length: m }, () => new Float64Array(n));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) x[j][i] = next();
    const noise = next() - 0.5;
    y[i] = Math.sin(3 * x[0][i]) + x[1][i] * x[2 % m][i] + (x[3 % m][i] > 0.5 ? 0.5 : 0) + 0.1 * x[m - 1][i] + 0.3 * noise;
  }
  return { x, y };
}

function make(n: number, m: number): BoostData {
  const { x, y } = lcgData(n, m);
  return boostData({ name: "y", values: y }, x.map((values, j) => ({ name: `x${j + 1}`, values })));
}

const PAPER = { trees: 200, maxDepth: 4, eta: 0.05, subsample: 0.8, colsample: 0.8, seed: 1 };

function boostCase(name: string, n: number, m: number, method: "exact" | "hist"): BenchCase {
  let d: BoostData | null = null;
  return {
    name,
    setup() {
      d = d ?? make(n, m);
    },
    run() {
      const data = d ?? (d = make(n, m));
      const r = trainBooster(data, { ...PAPER, method });
      if (r.model.trees.length !== 200) throw new Error("boosting bench: expected 200 trees");
      return { n, k: m };
    },
  };
}

function shapCase(name: string, interactions: boolean): BenchCase {
  const n = 3124;
  const m = 8;
  let fit: { d: BoostData; model: BoostModel } | null = null;
  const prepare = () => {
    if (fit) return fit;
    const d = make(n, m);
    return (fit = { d, model: trainBooster(d, { ...PAPER, method: "exact" }).model });
  };
  return {
    name,
    setup() {
      prepare();
    },
    run() {
      const { d, model } = prepare();
      if (interactions) shapInteractions(model, d);
      else shapValues(model, d);
      return { n, k: m };
    },
  };
}

export const boostingCases: BenchCase[] = [
  boostCase("boost_exact_3124x8", 3124, 8, "exact"),
  boostCase("boost_hist_1e5x20", 100_000, 20, "hist"),
  shapCase("boost_shap_3124x8", false),
  shapCase("boost_interactions_3124x8", true),
];
