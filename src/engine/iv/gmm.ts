/**
 * Over-identification statistics: the minimised GMM criterion
 *   J = min_b (Z'(y - X b))' M^-1 (Z'(y - X b))
 * for a given unscaled moment covariance M (ivreg2 `s_iegmm`, two-step efficient GMM with the weight
 * M^-1 built from first-step residuals), and the C (difference-in-Sargan) endogeneity test.
 * Computed as a small least-squares problem after whitening with chol(M): J = ||c - A b||^2,
 * A = C^-1 Z'X, c = C^-1 Z'y, so no ill-conditioned normal equations are formed.
 * Shapes: Z n x L, X n x K, column-major; M L x L.
 */
import { cholesky, crossprod, crossprodXY, forwardSolve } from "../linalg/dense";
import { householderQR, qrLeastSquares } from "../linalg/qr";
import { ClusterCodes, MeatKind, momentMeat } from "./meat";
import { hcat } from "./project";
import { tsls } from "./tsls";

/** Smallest Cholesky pivot of the unit-diagonal moment covariance still counted as full rank. */
const SINGULAR_TOL = 1e-12;

/** min_b of the GMM criterion with weight M^-1, given Z'X (L x K), Z'y (L). */
export function gmmCriterionMin(ZX: Float64Array, Zy: Float64Array, M: Float64Array, L: number, K: number): number {
  // J is invariant to rescaling the moments: work with unit-diagonal M so that the rank check is
  // scale-free. A numerically singular M (e.g. fewer clusters than instruments, or cluster-level
  // effects partialled out) throws NotPositiveDefiniteError: ivreg2 then posts no J.
  const d = Float64Array.from({ length: L }, (_, i) => (M[i + i * L] > 0 ? 1 / Math.sqrt(M[i + i * L]) : 0));
  const C = cholesky(M.map((v, idx) => v * d[idx % L] * d[Math.floor(idx / L)]), L, SINGULAR_TOL);
  const A = forwardSolve(C, L, ZX.map((v, idx) => v * d[idx % L]), K);
  const c = forwardSolve(C, L, Zy.map((v, i) => v * d[i]), 1);
  const f = householderQR(A, L, K);
  const { resid } = qrLeastSquares(f, A, c, "plain", 1);
  let J = 0;
  for (let i = 0; i < L; i++) J += resid[i] * resid[i];
  return J;
}

/** Moment covariance (unscaled) of residuals u with instruments Z: sigma2 Z'Z under iid. */
export function momentCovariance(kind: MeatKind, u: Float64Array, Z: Float64Array, L: number, n: number, iidDenominator: number, clusters?: ClusterCodes): Float64Array {
  if (kind === "iid") {
    let rss = 0;
    for (let i = 0; i < n; i++) rss += u[i] * u[i];
    const s2 = rss / iidDenominator;
    return crossprod(Z, n, L).map((v) => v * s2);
  }
  return momentMeat(kind, u, 1, Z, L, n, clusters);
}

/** Hansen J (Sargan under iid) of the 2SLS model with residuals u: the efficient-GMM criterion. */
export function hansenJ(kind: MeatKind, y: Float64Array, X: Float64Array, K: number, Z: Float64Array, L: number, n: number, u: Float64Array, iidDenominator: number, clusters?: ClusterCodes): number {
  const M = momentCovariance(kind, u, Z, L, n, iidDenominator, clusters);
  return gmmCriterionMin(crossprodXY(Z, L, X, K, n), crossprodXY(Z, L, y, 1, n), M, L, K);
}

/**
 * C statistic for the exogeneity of the regressors `tested` (n x q, a subset of X's columns): the
 * difference between the J of the model that also uses them as instruments and the J of the model
 * that does not, both with the moment covariance of the restricted (more efficient) model, so C >= 0
 * (ivreg2 `endog()`/`orthog()`).
 */
export function endogeneityC(kind: MeatKind, y: Float64Array, X: Float64Array, K: number, Z: Float64Array, L: number, tested: Float64Array, q: number, n: number, iidDenominator: number, clusters?: ClusterCodes): number {
  const Zr = hcat(n, Z, tested);
  const Lr = L + q;
  const fitR = tsls(y, X, K, Zr, Lr, n);
  const Mr = momentCovariance(kind, fitR.resid, Zr, Lr, n, iidDenominator, clusters);
  const ZrX = crossprodXY(Zr, Lr, X, K, n);
  const Zry = crossprodXY(Zr, Lr, y, 1, n);
  const Jr = gmmCriterionMin(ZrX, Zry, Mr, Lr, K);
  // Unrestricted: the first L moments, with the matching block of Mr.
  const Mu = new Float64Array(L * L);
  for (let j = 0; j < L; j++) for (let i = 0; i < L; i++) Mu[i + j * L] = Mr[i + j * Lr];
  const ZX = new Float64Array(L * K);
  for (let j = 0; j < K; j++) for (let i = 0; i < L; i++) ZX[i + j * L] = ZrX[i + j * Lr];
  const Ju = gmmCriterionMin(ZX, Zry.subarray(0, L), Mu, L, K);
  return Jr - Ju;
}
