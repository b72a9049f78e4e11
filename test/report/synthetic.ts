/**
 * Hand-built result records for layout tests. Every number here is SYNTHETIC (chosen to exercise
 * stars, signs and brackets); numeric correctness is the engine's tests' job.
 */
import { RegressionResult } from "../../src/engine/models/result";
import { Diagnostic } from "../../src/engine/stats/diagnostic";

export interface SynthTerm {
  readonly name: string;
  readonly coef: number;
  readonly se: number;
  readonly p: number;
}

export function synthResult(depVar: string, terms: readonly SynthTerm[], over: Partial<RegressionResult> = {}): RegressionResult {
  const k = terms.length;
  const coef = Float64Array.from(terms, (t) => t.coef);
  const se = Float64Array.from(terms, (t) => t.se);
  return {
    model: "fe",
    depVar,
    terms: terms.map((t) => t.name),
    coef,
    se,
    stat: Float64Array.from(terms, (t) => t.coef / t.se),
    p: Float64Array.from(terms, (t) => t.p),
    ciLow: new Float64Array(k),
    ciHigh: new Float64Array(k),
    vcov: new Float64Array(k * k),
    omitted: [],
    statName: "t",
    vcovType: "cluster",
    clusterVars: ["city_id"],
    nClusters: [284],
    fixedEffects: [
      { name: "city_id", levels: 284, nestedInCluster: true },
      { name: "year", levels: 10, nestedInCluster: false },
    ],
    n: 2840,
    dof: { kFull: k + 293, kCluster: k + 10, dfResid: 2840 - k - 293, dfInference: 283 },
    ssr: 1,
    r2: 0.18754321,
    r2Adj: 0.1,
    r2Within: 0.04321987,
    rmse: 0.5,
    diagnostics: [],
    sample: { nInput: 3124, nUsed: 2840, droppedMissing: 284, missingBy: {}, droppedSingletons: 0, rows: new Int32Array(0) },
    ...over,
  };
}

export function synthDiagnostic(name: string, label: string, statistic: number, p: number, extra?: Record<string, number>): Diagnostic {
  return { name, label, statistic, df: [1], distribution: "chi2", p, nullHypothesis: "synthetic", extra };
}

/** Stepwise columns like the papers' Table 3 (synthetic numbers). */
export function stepwiseColumns(): RegressionResult[] {
  const all: SynthTerm[] = [
    { name: "NQP", coef: 0.2271, se: 0.049, p: 0.0004 },
    { name: "GDP", coef: 0.409, se: 0.048, p: 0.03 },
    { name: "FEF", coef: -0.2744, se: 0.0563, p: 0.07 },
    { name: "_cons", coef: -1.37, se: 0.675, p: 0.2 },
  ];
  return [
    synthResult("ER", [all[0], all[3]]),
    synthResult("ER", [all[0], all[1], all[3]]),
    synthResult("ER", all),
  ];
}
