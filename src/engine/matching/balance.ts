/**
 * Covariate balance as pstest 4.2.2 (`pstest varlist, both`; test/reference/psm/README.md
 * convention 14). Two samples: U = every row of the estimation sample, unweighted; M = rows on
 * support with the matching weights (treated 1, controls their `_weight`; unused controls excluded),
 * as Stata importance weights: mean sum(w x)/sum(w), variance sum(w (x - m)^2)/(sum(w) - 1).
 * - %bias = 100 (mean_t - mean_c) / sqrt((V_t,U + V_c,U)/2), the UNMATCHED variances in both rows;
 *   %reduction |bias| = -100 (|bias_M| - |bias_U|)/|bias_U|;
 * - t-tests `regress x treat [iw = w]`: s^2 = sum(w e^2)/(sum(w) - 2), df = sum(w) - 2;
 * - variance ratio V_t/V_c, and the share of covariates with a ratio outside the F(N1-1, N1-1)
 *   2.5% / 97.5% bounds;
 * - summary: a PROBIT of treat on the covariates (unweighted on U, weighted on M): pseudo R2,
 *   LR chi2 (df = covariates), mean and median |%bias|, Rubin's B (signed standardised difference of
 *   the probit index) and R (its variance ratio).
 *
 * Shapes: x = covariate columns over the estimation sample (length m), treat 0/1, support 1/0,
 * weight (NaN = missing) over the same rows.
 */
import { tTwoSidedP, chi2UpperP, fUpperP } from "../stats/distributions";
import { Frame, numericColumn } from "../frame";
import { fitBinary } from "./binary-choice";
import { PsmResult } from "./psmatch";

export interface BalanceSide {
  readonly mean_treated: number;
  readonly mean_control: number;
  readonly pct_bias: number;
  readonly t: number;
  readonly p: number;
  readonly df: number;
  readonly var_treated: number;
  readonly var_control: number;
  readonly var_ratio: number;
}

export interface BalanceSummary {
  readonly pseudo_r2: number;
  readonly lr_chi2: number;
  readonly df: number;
  readonly p_chi2: number;
  readonly ll: number;
  readonly ll0: number;
  readonly mean_bias: number;
  readonly median_bias: number;
  readonly B: number;
  readonly R: number;
  readonly pct_var_outside_F: number;
}

export interface Balance {
  readonly covariates: Readonly<Record<string, { readonly U: BalanceSide; readonly M: BalanceSide; readonly pct_reduct_abs_bias: number }>>;
  readonly summary: { readonly U: BalanceSummary; readonly M: BalanceSummary & { readonly sum_of_weights: number; readonly n_rows: number } };
  readonly F_bounds_var_ratio: { readonly U: readonly [number, number]; readonly M: readonly [number, number]; readonly df_U: number; readonly df_M: number };
  readonly probit_coef: { readonly U: Readonly<Record<string, number>>; readonly M: Readonly<Record<string, number>> };
}

/** Quantile of F(d, d) by bisection on the upper tail (full precision, monotone). */
export function fQuantile(p: number, d1: number, d2: number): number {
  let lo = 0, hi = 1;
  while (1 - fUpperP(hi, d1, d2) < p) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (1 - fUpperP(mid, d1, d2) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

interface Moments { readonly mean: number; readonly v: number; readonly W: number }

function weighted(x: ArrayLike<number>, w: ArrayLike<number>, sel: (i: number) => boolean): Moments {
  let W = 0, s = 0;
  for (let i = 0; i < x.length; i++) if (sel(i)) { W += w[i]; s += w[i] * x[i]; }
  const mean = s / W;
  let q = 0;
  for (let i = 0; i < x.length; i++) if (sel(i)) q += w[i] * (x[i] - mean) ** 2;
  return { mean, v: q / (W - 1), W };
}

function median(a: number[]): number {
  const s = [...a].sort((p, q) => p - q);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Weighted two-group t-test of `regress x treat [iw = w]` over the selected rows. */
function tTest(x: ArrayLike<number>, treat: ArrayLike<number>, w: ArrayLike<number>, sel: (i: number) => boolean, dfW: number): { t: number; p: number; df: number } {
  const a = weighted(x, w, (i) => sel(i) && treat[i] === 1);
  const b = weighted(x, w, (i) => sel(i) && treat[i] === 0);
  let q = 0;
  for (let i = 0; i < x.length; i++) if (sel(i)) q += w[i] * (x[i] - (treat[i] === 1 ? a.mean : b.mean)) ** 2;
  const df = dfW - 2;
  const se = Math.sqrt((q / df) * (1 / a.W + 1 / b.W));
  const t = (a.mean - b.mean) / se;
  return { t, p: tTwoSidedP(t, df), df };
}

export function pstest(names: readonly string[], x: readonly ArrayLike<number>[], treat: ArrayLike<number>, support: ArrayLike<number>, weight: ArrayLike<number>): Balance {
  const m = treat.length;
  const ones = new Float64Array(m).fill(1);
  const mw = Float64Array.from({ length: m }, (_, i) => (treat[i] === 1 ? (support[i] === 1 ? 1 : NaN) : support[i] === 1 ? weight[i] : NaN));
  const inM = (i: number) => support[i] === 1 && !Number.isNaN(mw[i]);
  const all = () => true;
  let N1u = 0, N1m = 0, Wm = 0, nM = 0;
  for (let i = 0; i < m; i++) {
    if (treat[i] === 1) { N1u++; if (support[i] === 1) N1m++; }
    if (inM(i)) { Wm += mw[i]; nM++; }
  }
  // sum of ATT weights = 2 N1 in exact arithmetic: use the integer when the float sum is that close
  const dfWm = Math.abs(Wm - Math.round(Wm)) < 1e-6 ? Math.round(Wm) : Wm;
  const Fu: [number, number] = [fQuantile(0.025, N1u - 1, N1u - 1), fQuantile(0.975, N1u - 1, N1u - 1)];
  const Fm: [number, number] = [fQuantile(0.025, N1m - 1, N1m - 1), fQuantile(0.975, N1m - 1, N1m - 1)];
  const covariates: Record<string, { U: BalanceSide; M: BalanceSide; pct_reduct_abs_bias: number }> = {};
  const absU: number[] = [], absM: number[] = [];
  let outU = 0, outM = 0;
  names.forEach((name, j) => {
    const v = x[j];
    const tU = weighted(v, ones, (i) => treat[i] === 1), cU = weighted(v, ones, (i) => treat[i] === 0);
    const tM = weighted(v, mw, (i) => inM(i) && treat[i] === 1), cM = weighted(v, mw, (i) => inM(i) && treat[i] === 0);
    const den = Math.sqrt((tU.v + cU.v) / 2);
    const bU = (100 * (tU.mean - cU.mean)) / den, bM = (100 * (tM.mean - cM.mean)) / den;
    const ttU = tTest(v, treat, ones, all, m), ttM = tTest(v, treat, mw, inM, dfWm);
    const side = (a: Moments, b: Moments, bias: number, tt: { t: number; p: number; df: number }): BalanceSide => ({
      mean_treated: a.mean, mean_control: b.mean, pct_bias: bias, t: tt.t, p: tt.p, df: tt.df, var_treated: a.v, var_control: b.v, var_ratio: a.v / b.v,
    });
    const U = side(tU, cU, bU, ttU), M = side(tM, cM, bM, ttM);
    if (U.var_ratio > Fu[1] || U.var_ratio < Fu[0]) outU++;
    if (M.var_ratio > Fm[1] || M.var_ratio < Fm[0]) outM++;
    absU.push(Math.abs(bU));
    absM.push(Math.abs(bM));
    covariates[name] = { U, M, pct_reduct_abs_bias: (-100 * (Math.abs(bM) - Math.abs(bU))) / Math.abs(bU) };
  });
  // probits: U on every row, M on the matched rows with the weights
  const pu = fitBinary(treat, x, { link: "probit", names });
  const mRows: number[] = [];
  for (let i = 0; i < m; i++) if (inM(i)) mRows.push(i);
  const sub = (a: ArrayLike<number>) => Float64Array.from(mRows, (i) => a[i]);
  const pm = fitBinary(sub(treat), x.map(sub), { link: "probit", names, weights: sub(mw) });
  const rubin = (xb: ArrayLike<number>, t: ArrayLike<number>, w: ArrayLike<number>) => {
    const a = weighted(xb, w, (i) => t[i] === 1), b = weighted(xb, w, (i) => t[i] === 0);
    return { B: (100 * (a.mean - b.mean)) / Math.sqrt((a.v + b.v) / 2), R: a.v / b.v };
  };
  const ru = rubin(pu.xb, treat, ones), rm = rubin(pm.xb, sub(treat), sub(mw));
  const summ = (fit: typeof pu, ab: number[], r: { B: number; R: number }, out: number): BalanceSummary => {
    const chi2 = 2 * (fit.loglik - fit.loglik0);
    return {
      pseudo_r2: 1 - fit.loglik / fit.loglik0, lr_chi2: chi2, df: names.length, p_chi2: chi2UpperP(chi2, names.length), ll: fit.loglik, ll0: fit.loglik0,
      mean_bias: ab.reduce((s, v) => s + v, 0) / ab.length, median_bias: median(ab), B: r.B, R: r.R, pct_var_outside_F: (100 * out) / names.length,
    };
  };
  const coefs = (fit: typeof pu) => Object.fromEntries(fit.terms.map((t, j) => [t, fit.coef[j]]));
  return {
    covariates,
    summary: { U: summ(pu, absU, ru, outU), M: { ...summ(pm, absM, rm, outM), sum_of_weights: Wm, n_rows: nM } },
    F_bounds_var_ratio: { U: Fu, M: Fm, df_U: N1u - 1, df_M: N1m - 1 },
    probit_coef: { U: coefs(pu), M: coefs(pm) },
  };
}

/** pstest on a psmatch result's estimation sample: U = every row of it, M = its matched rows. */
export function balanceOf(frame: Frame, res: PsmResult): Balance {
  const rows = res.sample.rows;
  const take = (a: ArrayLike<number>) => Float64Array.from(rows, (i) => a[i]);
  return pstest(res.covariates, res.covariates.map((v) => take(numericColumn(frame, v))), take(res.treated), take(res.support), take(res.weight));
}
