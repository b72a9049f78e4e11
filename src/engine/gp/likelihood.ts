/**
 * Log marginal likelihood of a zero-mean GP and its analytic gradient with respect to the LOG
 * hyperparameters (Rasmussen & Williams 2006, eq. 2.30 and 5.9; scikit-learn's
 * `log_marginal_likelihood`):
 *
 *   loglik = -1/2 y' K^-1 y - sum log diag(chol K) - n/2 log(2 pi)
 *   d loglik / d theta_k = 1/2 tr[(a a' - K^-1) dK / dtheta_k],  a = K^-1 y.
 *
 * The gradient forms W = (a a' - K^-1) / 2 once (n x n, in place of K^-1) and lets each base kernel
 * accumulate sum_ij W_ij dK_ij / dtheta_k pair by pair from the pairwise distances (kernel.ts `gradDot`;
 * a variance times a Matern/RBF is one fused pass that also yields the variance's own gradient): memory
 * n^2, never the n^2 p derivative tensor.
 * Cost: kernel matrix O(n^2 d); Cholesky, (L^-1)' and K^-1 = L^-T L^-1 about n^3 / 6 multiply-adds each
 * (linalg/spd-inverse.ts, WebAssembly SIMD tiles), the inverse only with the gradient; gradient O(n^2 d).
 * Progress `onRows(done, total)` after every block of every pass (total = n without, 3n with the gradient).
 */
import { choleskyLogDet, choleskySolveRows, RowProgress } from "../linalg/cholesky-blocked";
import { spdFactorInverse } from "../linalg/spd-inverse";
import { Kernel, kernelMatrix, Rows } from "./kernel";

export interface LikelihoodValue {
  readonly loglik: number;
  /** d loglik / d log v_k in the kernel's theta order (null when not asked). */
  readonly gradient: Float64Array | null;
  /** Row-major lower Cholesky factor of K (+ jitter). */
  readonly L: Float64Array;
  /** a = K^-1 y. */
  readonly alpha: Float64Array;
  readonly logDet: number;
  readonly yKy: number;
  /** Diagonal jitter added to K (0 when the plain factorisation succeeded). */
  readonly jitter: number;
  /** The kernel matrix (without jitter), kept for debugging and the posterior. */
  readonly K: Float64Array;
}

const LOG_2PI = Math.log(2 * Math.PI);

/** loglik (and its gradient when `withGradient`) at natural-unit parameter values v. */
export function logMarginalLikelihood(kernel: Kernel, X: Rows, y: Float64Array, v: Float64Array, withGradient: boolean, onRows?: RowProgress): LikelihoodValue {
  const n = X.n;
  const K = kernelMatrix(kernel, X, v);
  let gradient: Float64Array | null = null;
  let alpha: Float64Array = new Float64Array(n);
  const useInverse = withGradient
    ? (W: Float64Array, L: Float64Array) => {
        alpha = choleskySolveRows(L, n, y);
        // W = (a a' - K^-1) / 2 over the inverse, in place.
        for (let i = 0; i < n; i++) {
          const ai = 0.5 * alpha[i];
          const io = i * n;
          for (let j = 0; j < n; j++) W[io + j] = ai * alpha[j] - 0.5 * W[io + j];
        }
        gradient = new Float64Array(kernel.params.length);
        kernel.gradDot(X, W, v, gradient);
      }
    : undefined;
  const { L, jitter } = spdFactorInverse(K, n, { what: "The kernel matrix", maxRelJitter: 1e-6, onRows, useInverse });
  if (!withGradient) alpha = choleskySolveRows(L, n, y);
  let yKy = 0;
  for (let i = 0; i < n; i++) yKy += y[i] * alpha[i];
  const logDet = choleskyLogDet(L, n);
  const loglik = -0.5 * yKy - 0.5 * logDet - 0.5 * n * LOG_2PI;
  return { loglik, gradient, L, alpha, logDet, yKy, jitter, K };
}
