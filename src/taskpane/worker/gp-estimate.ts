/**
 * A rough time estimate of the pane's GP job, shown before it starts (the fit at n = 3,124 can take
 * many minutes). Stand-in until engine/gp/cost.ts `estimateGpFitSeconds` is available (the lead
 * reconciles the two); calibrated here on this machine, single thread, CPU time
 * (scratch timing of engine/gp/likelihood logMarginalLikelihood with the gradient, gp_ard, p = 6):
 * 0.034 s at n = 264 and 0.21 s at n = 600, fitted as
 *   t_eval(n, p) = A n^2 (p + 4) + B n^3,  A = 4.1e-8 s, B = 2.8e-10 s
 * (the n^2 (p + 4) part builds K and its derivatives, the n^3 part is the Cholesky and K^-1).
 * A start took 73-124 evaluations on the reference case (test/reference/gp city2022_gp_fit), the polish
 * of the best start about 50 more; so a fit costs about (100 (starts) + 50) evaluations.
 * GeoShapley: 2^(p+1) x background predictions per explained row, each against the n training rows:
 * 1.4e-8 s per (prediction x training row x input column) (0.19 s per row at n = 264, p = 6, 50 background rows).
 */
const A = 4.1e-8;
const B = 2.8e-10;
const EVALS_PER_START = 100;
const POLISH_EVALS = 50;
const PREDICT = 1.4e-8;

export interface GpCostInput {
  readonly n: number;
  readonly p: number;
  /** Random restarts after the first start. */
  readonly restarts: number;
  /** Every hyperparameter fixed: no optimisation. */
  readonly allFixed?: boolean;
  /** Fit on a subsample of this many rows (0 / undefined = all rows). */
  readonly fastSubsample?: number;
  /** GeoShapley background rows (0 / undefined = no GeoShapley). */
  readonly background?: number;
}

export function evalSeconds(n: number, p: number): number {
  return A * n * n * (p + 4) + B * n * n * n;
}

export interface GpCost {
  readonly fit: number;
  readonly geoshapley: number;
  readonly total: number;
}

export function estimateGpSeconds(c: GpCostInput): GpCost {
  const m = c.fastSubsample && c.fastSubsample < c.n ? c.fastSubsample : c.n;
  const evals = c.allFixed ? 0 : EVALS_PER_START * (Math.max(0, c.restarts) + 1) + POLISH_EVALS;
  // The final exact evaluation and the posterior on all rows (about two evaluations).
  const fit = evals * evalSeconds(m, c.p) + 2 * evalSeconds(c.n, c.p);
  const nb = c.background ?? 0;
  const geoshapley = nb > 0 ? c.n * 2 ** (c.p + 1) * Math.min(nb, c.n) * c.n * (c.p + 2) * PREDICT : 0;
  return { fit, geoshapley, total: fit + geoshapley };
}

/** "about 40 s", "about 3 min", "about 1.5 h". */
export function roundedDuration(seconds: number): { value: number; unit: "s" | "min" | "h" } {
  if (seconds < 90) return { value: Math.max(1, Math.round(seconds)), unit: "s" };
  if (seconds < 5400) return { value: Math.round(seconds / 60), unit: "min" };
  return { value: Math.round(seconds / 360) / 10, unit: "h" };
}
