/**
 * LM tests for spatial dependence after the two-way FE OLS (Elhorst's LMsarsem_panel; Anselin, Le Gallo
 * and Jayet 2008 for the full-projection J): e = residuals of y~ on X~, sigma2 = e'e/(nT),
 * tr = tr((W' + W) W), e_W_e = sum_t e_t' W e_t, e_W_y = sum_t e_t' W y~_t,
 * J = [(W X~b)' M (W X~b) + T tr sigma2] / sigma2 with M = the per-period projections (elhorst) or the
 * full nT projection (full_projection);
 * LM_lag = (e_W_y/s2)^2 / J, LM_error = (e_W_e/s2)^2/(T tr), robust_LM_lag = ((e_W_y - e_W_e)/s2)^2/(J - T tr),
 * robust_LM_error = ((e_W_e - (T tr/J) e_W_y)/s2)^2 / (T tr (1 - T tr/J)); each chi2(1).
 */
import { householderQR, qrLeastSquares } from "../linalg";
import { Diagnostic } from "../stats/diagnostic";
import { chi2UpperP } from "../stats/distributions";
import { SpatialDesign } from "./design";
import { Csr, csrGet, panelLag } from "./sparse";

export type LmVariant = "elhorst" | "full_projection";

export interface LmTests {
  readonly variant: LmVariant;
  readonly beta: Float64Array;
  readonly sigma2: number;
  readonly J: number;
  readonly trace: number;
  readonly eWe: number;
  readonly eWy: number;
  readonly lmLag: Diagnostic;
  readonly lmError: Diagnostic;
  readonly robustLmLag: Diagnostic;
  readonly robustLmError: Diagnostic;
}

function chi1(name: string, label: string, stat: number, h0: string): Diagnostic {
  return { name, label, statistic: stat, df: [1], distribution: "chi2", p: chi2UpperP(stat, 1), nullHypothesis: h0 };
}

/** tr((W' + W) W) = sum w_ij^2 + sum w_ij w_ji. */
export function traceWtWplusWW(w: Csr): number {
  let s = 0;
  for (let i = 0; i < w.n; i++) for (let p = w.rowPtr[i]; p < w.rowPtr[i + 1]; p++) s += w.val[p] * (w.val[p] + csrGet(w, w.col[p], i));
  return s;
}

/** Residual of v on the columns of X (n x k column-major) by QR. */
function residualOn(X: Float64Array, n: number, k: number, v: Float64Array): Float64Array {
  const f = householderQR(X, n, k);
  return qrLeastSquares(f, X, v, "plain").resid;
}

export function lmTests(d: SpatialDesign, w: Csr, variant: LmVariant = "elhorst"): LmTests {
  const { N, n, T, k, X, y } = d;
  const f = householderQR(X, N, k);
  const ls = qrLeastSquares(f, X, y, "plain");
  const e = ls.resid;
  const beta = new Float64Array(k);
  f.kept.forEach((j, p) => (beta[j] = ls.coef[p]));
  let ssr = 0;
  for (let p = 0; p < N; p++) ssr += e[p] * e[p];
  const s2 = ssr / N;
  const tr = traceWtWplusWW(w);
  const We = panelLag(w, e, T);
  const Wy = panelLag(w, y, T);
  let eWe = 0, eWy = 0;
  for (let p = 0; p < N; p++) {
    eWe += e[p] * We[p];
    eWy += e[p] * Wy[p];
  }
  const fit = new Float64Array(N);
  for (let j = 0; j < k; j++) for (let p = 0; p < N; p++) fit[p] += X[j * N + p] * beta[j];
  const Wfit = panelLag(w, fit, T);
  let quad = 0;
  if (variant === "full_projection") {
    const r = residualOn(X, N, k, Wfit);
    for (let p = 0; p < N; p++) quad += r[p] * r[p];
  } else {
    for (let t = 0; t < T; t++) {
      const Xt = new Float64Array(n * k);
      for (let j = 0; j < k; j++) Xt.set(X.subarray(j * N + t * n, j * N + (t + 1) * n), j * n);
      const r = residualOn(Xt, n, k, Wfit.subarray(t * n, (t + 1) * n));
      for (let i = 0; i < n; i++) quad += r[i] * r[i];
    }
  }
  const Ttr = T * tr;
  const J = (quad + Ttr * s2) / s2;
  return {
    variant,
    beta,
    sigma2: s2,
    J,
    trace: tr,
    eWe,
    eWy,
    lmLag: chi1("lm_lag", "LM lag", (eWy / s2) ** 2 / J, "no spatial lag (rho = 0)"),
    lmError: chi1("lm_error", "LM error", (eWe / s2) ** 2 / Ttr, "no spatial error (lambda = 0)"),
    robustLmLag: chi1("robust_lm_lag", "Robust LM lag", ((eWy - eWe) / s2) ** 2 / (J - Ttr), "no spatial lag, allowing a spatial error"),
    robustLmError: chi1("robust_lm_error", "Robust LM error", ((eWe - (Ttr / J) * eWy) / s2) ** 2 / (Ttr * (1 - Ttr / J)), "no spatial error, allowing a spatial lag"),
  };
}
