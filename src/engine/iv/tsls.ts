/**
 * Two-stage least squares on dense columns: b = (X'P_Z X)^-1 X'P_Z y, computed stably as least squares
 * of y on Xhat = P_Z X (QR of Z for the projection, QR of Xhat for the solve), and its sandwich
 * covariance. The bread is (Xhat'Xhat)^-1 and the scores are xhat_i u_i, so
 *   iid:     V = sigma2 (Xhat'Xhat)^-1
 *   robust:  V = c (Xhat'Xhat)^-1 [sum_i u_i^2 xhat_i xhat_i'] (Xhat'Xhat)^-1
 *   cluster: V = c (Xhat'Xhat)^-1 [sum_g (Xhat_g'u_g)(Xhat_g'u_g)'] (Xhat'Xhat)^-1
 * with the finite-sample factor c (and sigma2's denominator) chosen by the caller (ivreg2 conventions).
 * Shapes: y n; X n x K; Z n x L; column-major.
 */
import { breadFromQR, householderQR, qrLeastSquares } from "../linalg/qr";
import { matmul } from "../linalg/dense";
import { ClusterCodes, MeatKind, momentMeat } from "./meat";
import { Projector, fitted, projector, selectColumns } from "./project";

export interface TslsFit {
  readonly n: number;
  /** Indices (into X's columns) of the regressors estimated; the others are collinear given Z. */
  readonly keptX: Int32Array;
  readonly droppedX: Int32Array;
  /** Indices of Z's columns kept (the others are collinear with earlier instruments). */
  readonly keptZ: Int32Array;
  readonly droppedZ: Int32Array;
  /** Coefficients of the kept regressors. */
  readonly coef: Float64Array;
  /** u = y - X b over all rows. */
  readonly resid: Float64Array;
  /** Xhat = P_Z X of the kept regressors, n x K. */
  readonly xhat: Float64Array;
  /** (Xhat'Xhat)^-1, K x K. */
  readonly bread: Float64Array;
  readonly zProjector: Projector;
  readonly rss: number;
}

export function tsls(y: Float64Array, X: Float64Array, kx: number, Z: Float64Array, kz: number, n: number): TslsFit {
  const zp = projector(Z, n, kz);
  const keptZ = zp.qr ? zp.qr.kept : new Int32Array(0);
  const droppedZ = zp.qr ? zp.qr.dropped : new Int32Array(0);
  const xhatAll = fitted(zp, X, kx);
  // Reference norms of the raw X so that a regressor with no projection on Z counts as dropped.
  const refNorms = new Float64Array(kx);
  for (let j = 0; j < kx; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += X[i + j * n] * X[i + j * n];
    refNorms[j] = Math.sqrt(s);
  }
  const fx = householderQR(xhatAll, n, kx, { refNorms });
  const keptX = fx.kept;
  const { coef } = qrLeastSquares(fx, xhatAll, y, "plain", 1);
  const Xk = selectColumns(X, n, keptX);
  const fit = matmul(Xk, n, keptX.length, coef, 1);
  const resid = new Float64Array(n);
  let rss = 0;
  for (let i = 0; i < n; i++) {
    resid[i] = y[i] - fit[i];
    rss += resid[i] * resid[i];
  }
  return {
    n, keptX, droppedX: fx.dropped, keptZ, droppedZ, coef, resid,
    xhat: selectColumns(xhatAll, n, keptX), bread: breadFromQR(fx), zProjector: zp, rss,
  };
}

/**
 * Sandwich covariance of a 2SLS (or OLS, with Xhat = X) fit: scale * bread * meat * bread, or
 * sigma2 * bread under iid (pass sigma2 as `scale`).
 */
export function sandwichVcov(
  kind: MeatKind,
  bread: Float64Array,
  xhat: Float64Array,
  k: number,
  resid: Float64Array,
  n: number,
  scale: number,
  clusters?: ClusterCodes,
): Float64Array {
  if (kind === "iid") return bread.map((v) => v * scale);
  const meat = momentMeat(kind, resid, 1, xhat, k, n, clusters);
  const v = matmul(matmul(bread, k, k, meat, k), k, k, bread, k);
  for (let j = 0; j < k; j++) for (let i = 0; i < j; i++) {
    const m = 0.5 * (v[i + j * k] + v[j + i * k]);
    v[i + j * k] = m;
    v[j + i * k] = m;
  }
  return v.map((x) => x * scale);
}
