/**
 * Tail probabilities and quantiles used for inference.
 *
 * Built on stdlib's incomplete beta/gamma (ports of Boost/Cephes), evaluated directly in the upper
 * tail so that tiny p-values (1e-30 and below) keep full relative precision instead of 1 - cdf.
 */
import betainc from "@stdlib/math-base-special-betainc";
import gammainc from "@stdlib/math-base-special-gammainc";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

/** Two-sided p-value of a t statistic with `df` degrees of freedom: P(|T| > |t|). */
export function tTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (!Number.isFinite(t)) return 0;
  const t2 = t * t;
  // P(|T| > |t|) = I_{df/(df+t^2)}(df/2, 1/2)
  return betainc(df / (df + t2), df / 2, 0.5, true, false);
}

/** Two-sided p-value of a standard normal statistic: 2 * Phi(-|z|). */
export function normalTwoSidedP(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return 2 * normalCdf(-Math.abs(z), 0, 1);
}

/** Upper tail of chi-squared with `df` degrees of freedom: P(X > x). */
export function chi2UpperP(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return NaN;
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}

/** Upper tail of F(d1, d2): P(F > f). */
export function fUpperP(f: number, d1: number, d2: number): number {
  if (Number.isNaN(f) || !(d1 > 0) || !(d2 > 0)) return NaN;
  if (f <= 0) return 1;
  // P(F > f) = I_{d2/(d2 + d1 f)}(d2/2, d1/2)
  return betainc(d2 / (d2 + d1 * f), d2 / 2, d1 / 2, true, false);
}

/** Quantile of Student's t with `df` degrees of freedom (df = Infinity: normal). */
export function tQuantileAt(p: number, df: number): number {
  if (!Number.isFinite(df)) return normalQuantile(p, 0, 1);
  return tQuantile(p, df);
}

export function normalQuantileAt(p: number): number {
  return normalQuantile(p, 0, 1);
}
