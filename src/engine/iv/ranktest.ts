/**
 * Kleibergen-Paap (2006) rk statistic for the test that the L x K coefficient matrix of the
 * (partialled) endogenous regressors Y on the (partialled) excluded instruments Z has rank K - 1,
 * i.e. the "full rank" test ivreg2 reports as the under-identification KP rk LM (LM version) and uses
 * for the KP rk Wald F (Wald version). Follows the ranktest algorithm (Kleibergen and Schaffer):
 *
 *   pihat = (Z'Z)^-1 Z'Y,  F = chol(Z'Z)' (upper), G = chol(Y'Y)' (upper),  theta = F pihat G^-1,
 *   theta = U S V' (SVD); for the last singular value: A_q = U[:, K..L] u22^-1 (u22 u22')^1/2,
 *   B_q = (v22 v22')^1/2 v22'^-1 V[:, K]',  lambda = (B_q (x) A_q') vec(theta),
 *   Omega = (B_q (x) A_q') W (B_q (x) A_q')',  W = (G^-1' (x) F^-1') S (G^-1' (x) F^-1')' ,
 *   rk = lambda' Omega^-1 lambda ~ chi2((L - K + 1)).
 * S is the moment meat of e (x) z: e = Y for the LM version, e = Y - Z pihat for the Wald version;
 * under iid the LM version uses W = I / N (Anderson canonical-correlation LM).
 * Shapes: Y n x K, Z n x L, column-major; K <= L.
 */
import { cholesky, crossprod, crossprodXY, matmul, symEigen, symSolve, transpose } from "../linalg/dense";
import { ClusterCodes, MeatKind, kron, momentMeat } from "./meat";

export interface RankTestInput {
  readonly Y: Float64Array;
  readonly K: number;
  readonly Z: Float64Array;
  readonly L: number;
  readonly n: number;
  readonly kind: MeatKind;
  readonly version: "lm" | "wald";
  readonly clusters?: ClusterCodes;
  /** Multiplies the meat (e.g. N/(N - dofminus) for robust); default 1. */
  readonly meatScale?: number;
}

export interface RankTestResult {
  /** rk statistic (NaN when Omega is singular). */
  readonly rk: number;
  readonly df: number;
  /** Canonical correlations (singular values of theta), descending. */
  readonly canonicalCorrelations: Float64Array;
  /** Why the statistic is not available, if it is not. */
  readonly reason?: string;
}

/** Inverse of a lower-triangular k x k matrix (column-major). */
function lowerInverse(Lm: Float64Array, k: number): Float64Array {
  const inv = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    inv[c + c * k] = 1 / Lm[c + c * k];
    for (let i = c + 1; i < k; i++) {
      let s = 0;
      for (let j = c; j < i; j++) s += Lm[i + j * k] * inv[j + c * k];
      inv[i + c * k] = -s / Lm[i + i * k];
    }
  }
  return inv;
}

/** f(A) for a symmetric PSD k x k matrix through its eigen-decomposition. */
function symFunction(A: Float64Array, k: number, f: (x: number) => number): Float64Array {
  const { values, vectors } = symEigen(A, k);
  const out = new Float64Array(k * k);
  for (let e = 0; e < k; e++) {
    const fv = f(Math.max(values[e], 0));
    for (let j = 0; j < k; j++) {
      const vj = vectors[j + e * k] * fv;
      for (let i = 0; i < k; i++) out[i + j * k] += vectors[i + e * k] * vj;
    }
  }
  return out;
}

/** Submatrix rows r0..r1-1, cols c0..c1-1 of A (m x n). */
function sub(A: Float64Array, m: number, r0: number, r1: number, c0: number, c1: number): Float64Array {
  const rr = r1 - r0;
  const out = new Float64Array(rr * (c1 - c0));
  for (let j = c0; j < c1; j++) for (let i = r0; i < r1; i++) out[i - r0 + (j - c0) * rr] = A[i + j * m];
  return out;
}

export function rankTest(inp: RankTestInput): RankTestResult {
  const { Y, K, Z, L, n, kind, version } = inp;
  const df = L - K + 1;
  const zz = crossprod(Z, n, L);
  const yy = crossprod(Y, n, K);
  const zy = crossprodXY(Z, L, Y, K, n);
  const pihat = symSolve(zz, L, zy, K); // L x K
  const Lz = cholesky(zz, L);
  const Ly = cholesky(yy, K);
  const irzT = lowerInverse(Lz, L); // = (F^-1)' with F = Lz'
  const iryT = lowerInverse(Ly, K); // = (G^-1)'
  // theta = Lz' pihat inv(Ly') = Lz' pihat (iryT)'
  const theta = matmul(matmul(transpose(Lz, L, L), L, L, pihat, K), L, K, transpose(iryT, K, K), K);

  // SVD through the eigen-decomposition of theta'theta (K x K): V and singular values.
  const tt = matmul(transpose(theta, L, K), K, L, theta, K);
  const eig = symEigen(tt, K); // ascending
  const order = Array.from({ length: K }, (_, i) => K - 1 - i);
  const s = Float64Array.from(order, (e) => Math.sqrt(Math.max(eig.values[e], 0)));
  const V = new Float64Array(K * K);
  order.forEach((e, c) => {
    for (let r = 0; r < K; r++) V[r + c * K] = eig.vectors[r + e * K];
  });
  // U1 = theta V[:, 0..K-2] / s (left singular vectors of the K-1 largest singular values).
  const U1 = new Float64Array(L * (K - 1));
  for (let c = 0; c < K - 1; c++) {
    for (let r = 0; r < L; r++) {
      let acc = 0;
      for (let j = 0; j < K; j++) acc += theta[r + j * L] * V[j + c * K];
      U1[r + c * L] = acc / s[c];
    }
  }
  // W = orthonormal basis of the complement of span(U1): eigenvectors of I - U1 U1' with eigenvalue 1.
  const P = new Float64Array(L * L);
  for (let i = 0; i < L; i++) P[i + i * L] = 1;
  for (let c = 0; c < K - 1; c++) {
    for (let j = 0; j < L; j++) for (let i = 0; i < L; i++) P[i + j * L] -= U1[i + c * L] * U1[j + c * L];
  }
  const pe = symEigen(P, L); // ascending: K-1 zeros, then df ones
  const W = sub(pe.vectors, L, 0, L, K - 1, L); // L x df

  // A_q = W u22' (u22 u22')^-1/2 with u22 the last df rows of W (polar factor: = W u22^-1 (u22 u22')^1/2).
  const u22 = sub(W, L, K - 1, L, 0, df);
  const u22u22 = matmul(u22, df, df, transpose(u22, df, df), df);
  const invSqrt = symFunction(u22u22, df, (x) => (x > 0 ? 1 / Math.sqrt(x) : 0));
  const aq = matmul(matmul(W, L, df, transpose(u22, df, df), df), L, df, invSqrt, df); // L x df
  // B_q = sign(v22) V[:, K-1]' (1 x K).
  const v22 = V[K - 1 + (K - 1) * K];
  const bq = new Float64Array(K);
  for (let j = 0; j < K; j++) bq[j] = Math.sign(v22 || 1) * V[j + (K - 1) * K];
  const kr = kron(bq, 1, K, transpose(aq, L, df), df, L); // df x (K L)
  const vecTheta = theta; // column-major L x K is vec(theta)
  const lambda = matmul(kr, df, K * L, vecTheta, 1);

  let omega: Float64Array;
  if (version === "lm" && kind === "iid") {
    omega = matmul(kr, df, K * L, transpose(kr, df, K * L), df);
    for (let i = 0; i < omega.length; i++) omega[i] /= n;
  } else {
    let E = Y;
    if (version === "wald") {
      const fit = matmul(Z, n, L, pihat, K);
      E = new Float64Array(n * K);
      for (let i = 0; i < E.length; i++) E[i] = Y[i] - fit[i];
    }
    let S = momentMeat(kind, E, K, Z, L, n, inp.clusters);
    if (kind === "iid") {
      // sigma (x) Z'Z with sigma = E'E / N.
      S = S.map((v) => v / n);
    }
    const scale = inp.meatScale ?? 1;
    const T = kron(iryT, K, K, irzT, L, L); // (G^-1' (x) F^-1')
    const TS = matmul(T, K * L, K * L, S, K * L);
    const vhat = matmul(TS, K * L, K * L, transpose(T, K * L, K * L), K * L);
    const kv = matmul(kr, df, K * L, vhat, K * L);
    omega = matmul(kv, df, K * L, transpose(kr, df, K * L), df);
    for (let i = 0; i < omega.length; i++) omega[i] *= scale;
  }
  for (let j = 0; j < df; j++) for (let i = 0; i < j; i++) {
    const v = 0.5 * (omega[i + j * df] + omega[j + i * df]);
    omega[i + j * df] = v;
    omega[j + i * df] = v;
  }
  let rk: number;
  try {
    const sol = symSolve(omega, df, lambda, 1);
    rk = 0;
    for (let i = 0; i < df; i++) rk += lambda[i] * sol[i];
  } catch {
    return { rk: NaN, df, canonicalCorrelations: s, reason: "the covariance matrix of the rank statistic is singular (too few clusters for the number of instruments?)" };
  }
  return { rk, df, canonicalCorrelations: s };
}
