/**
 * Small dense helpers on column-major Float64Array matrices.
 *
 * Shape convention: an m x n matrix A is stored column-major, A[i + j * m] = A(i, j).
 * A symmetric matrix reads the same row- or column-major, so the k x k results here (crossprod,
 * inverses) can be handed to RegressionResult.vcov (row-major) as they are.
 */
import { InputError } from "../frame/errors";

/** X'X for X n x k (column-major); returns k x k symmetric. */
export function crossprod(X: Float64Array, n: number, k: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    const oa = a * n;
    for (let b = 0; b <= a; b++) {
      const ob = b * n;
      let s = 0;
      for (let i = 0; i < n; i++) s += X[oa + i] * X[ob + i];
      out[a + b * k] = s;
      out[b + a * k] = s;
    }
  }
  return out;
}

/** Rows per block of blockGram: 1024 rows x 11 columns (~90 KB) stay in L2 while all pairs are formed. */
const GRAM_BLOCK_ROWS = 1024;

/** G = A'A (m x m, full symmetric) for A = [cols], summed block by block (partial sums per block). */
export function blockGram(cols: readonly Float64Array[], n: number, blockRows = GRAM_BLOCK_ROWS): Float64Array {
  const m = cols.length;
  const G = new Float64Array(m * m);
  for (let i0 = 0; i0 < n; i0 += blockRows) {
    const i1 = Math.min(n, i0 + blockRows);
    // Rows p, p+1 of G against four columns at a time: six loads feed eight independent sums. Each
    // entry is still one sequential sum over the block (the same as a plain dot product).
    let p = 0;
    for (; p + 1 < m; p += 2) {
      const a0 = cols[p], a1 = cols[p + 1];
      let s00 = 0, s01 = 0, s11 = 0;
      for (let i = i0; i < i1; i++) {
        const u = a0[i], v = a1[i];
        s00 += u * u;
        s01 += u * v;
        s11 += v * v;
      }
      G[p + p * m] += s00;
      G[p + (p + 1) * m] += s01;
      G[p + 1 + (p + 1) * m] += s11;
      let q = p + 2;
      for (; q + 3 < m; q += 4) {
        const b0 = cols[q], b1 = cols[q + 1], b2 = cols[q + 2], b3 = cols[q + 3];
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        for (let i = i0; i < i1; i++) {
          const u = a0[i], v = a1[i];
          const c0 = b0[i], c1 = b1[i], c2 = b2[i], c3 = b3[i];
          s0 += u * c0;
          s1 += u * c1;
          s2 += u * c2;
          s3 += u * c3;
          t0 += v * c0;
          t1 += v * c1;
          t2 += v * c2;
          t3 += v * c3;
        }
        G[p + q * m] += s0;
        G[p + (q + 1) * m] += s1;
        G[p + (q + 2) * m] += s2;
        G[p + (q + 3) * m] += s3;
        G[p + 1 + q * m] += t0;
        G[p + 1 + (q + 1) * m] += t1;
        G[p + 1 + (q + 2) * m] += t2;
        G[p + 1 + (q + 3) * m] += t3;
      }
      for (; q < m; q++) {
        const c = cols[q];
        let s = 0, t = 0;
        for (let i = i0; i < i1; i++) {
          const w = c[i];
          s += a0[i] * w;
          t += a1[i] * w;
        }
        G[p + q * m] += s;
        G[p + 1 + q * m] += t;
      }
    }
    if (p < m) {
      const a = cols[p];
      let s = 0;
      for (let i = i0; i < i1; i++) s += a[i] * a[i];
      G[p + p * m] += s;
    }
  }
  for (let q = 0; q < m; q++) for (let p = q + 1; p < m; p++) G[p + q * m] = G[q + p * m];
  return G;
}

/** X'Y for X n x p and Y n x q (column-major); returns p x q. */
export function crossprodXY(X: Float64Array, p: number, Y: Float64Array, q: number, n: number): Float64Array {
  const out = new Float64Array(p * q);
  for (let a = 0; a < p; a++) {
    const oa = a * n;
    for (let b = 0; b < q; b++) {
      const ob = b * n;
      let s = 0;
      for (let i = 0; i < n; i++) s += X[oa + i] * Y[ob + i];
      out[a + b * p] = s;
    }
  }
  return out;
}

/** A B for A m x k and B k x n (column-major); returns m x n. */
export function matmul(A: Float64Array, m: number, k: number, B: Float64Array, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let j = 0; j < n; j++) {
    for (let l = 0; l < k; l++) {
      const b = B[l + j * k];
      if (b === 0) continue;
      const oa = l * m;
      const oo = j * m;
      for (let i = 0; i < m; i++) out[oo + i] += A[oa + i] * b;
    }
  }
  return out;
}

/** Transpose of A (m x n), returned as n x m. */
export function transpose(A: Float64Array, m: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) out[j + i * n] = A[i + j * m];
  return out;
}

/** A v for A m x n, v length n. */
export function matvec(A: Float64Array, m: number, n: number, v: ArrayLike<number>): Float64Array {
  const out = new Float64Array(m);
  for (let j = 0; j < n; j++) {
    const b = v[j];
    const o = j * m;
    for (let i = 0; i < m; i++) out[i] += A[o + i] * b;
  }
  return out;
}

/** v' A v for a k x k matrix. */
export function quadForm(A: Float64Array, k: number, v: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < k; j++) {
    let t = 0;
    for (let i = 0; i < k; i++) t += A[i + j * k] * v[i];
    s += t * v[j];
  }
  return s;
}

/** A B A' for A m x k and B k x k: the sandwich helper. Returns m x m (symmetrised). */
export function sandwich(A: Float64Array, m: number, k: number, B: Float64Array): Float64Array {
  const AB = matmul(A, m, k, B, k);
  const out = matmul(AB, m, k, transpose(A, m, k), m);
  symmetrize(out, m);
  return out;
}

/** Replaces A by (A + A')/2 in place. */
export function symmetrize(A: Float64Array, k: number): void {
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < j; i++) {
      const v = 0.5 * (A[i + j * k] + A[j + i * k]);
      A[i + j * k] = v;
      A[j + i * k] = v;
    }
  }
}

/** Thrown when a matrix that must be positive definite is not. */
export class NotPositiveDefiniteError extends InputError {
  constructor(message: string) {
    super(message, "num");
    this.name = "NotPositiveDefiniteError";
  }
}

/**
 * Cholesky factor L (lower triangular, column-major k x k) with A = L L'.
 * Throws NotPositiveDefiniteError when a pivot is <= tol * max diagonal.
 */
export function cholesky(A: Float64Array, k: number, tol = 1e-14): Float64Array {
  const L = new Float64Array(k * k);
  let maxDiag = 0;
  for (let j = 0; j < k; j++) maxDiag = Math.max(maxDiag, Math.abs(A[j + j * k]));
  for (let j = 0; j < k; j++) {
    let d = A[j + j * k];
    for (let l = 0; l < j; l++) d -= L[j + l * k] * L[j + l * k];
    if (!(d > tol * maxDiag)) {
      throw new NotPositiveDefiniteError(`The matrix is not positive definite (pivot ${j + 1} of ${k}).`);
    }
    const ljj = Math.sqrt(d);
    L[j + j * k] = ljj;
    for (let i = j + 1; i < k; i++) {
      let s = A[i + j * k];
      for (let l = 0; l < j; l++) s -= L[i + l * k] * L[j + l * k];
      L[i + j * k] = s / ljj;
    }
  }
  return L;
}

/** L^-1 B for lower-triangular L (k x k) and B k x m (column-major): forward substitution. */
export function forwardSolve(L: Float64Array, k: number, B: Float64Array, m = 1): Float64Array {
  const X = Float64Array.from(B);
  for (let c = 0; c < m; c++) {
    const o = c * k;
    for (let i = 0; i < k; i++) {
      let s = X[o + i];
      for (let l = 0; l < i; l++) s -= L[i + l * k] * X[o + l];
      X[o + i] = s / L[i + i * k];
    }
  }
  return X;
}

/** Solves L L' X = B for B k x m (column-major), given the Cholesky factor L. */
export function choleskySolve(L: Float64Array, k: number, B: Float64Array, m = 1): Float64Array {
  const X = forwardSolve(L, k, B, m);
  for (let c = 0; c < m; c++) {
    const o = c * k;
    for (let i = k - 1; i >= 0; i--) {
      let s = X[o + i];
      for (let l = i + 1; l < k; l++) s -= L[l + i * k] * X[o + l];
      X[o + i] = s / L[i + i * k];
    }
  }
  return X;
}

/** Inverse of a symmetric positive definite k x k matrix via Cholesky. */
export function symInverse(A: Float64Array, k: number): Float64Array {
  const L = cholesky(A, k);
  const I = new Float64Array(k * k);
  for (let i = 0; i < k; i++) I[i + i * k] = 1;
  const inv = choleskySolve(L, k, I, k);
  symmetrize(inv, k);
  return inv;
}

/** Solves A X = B for symmetric positive definite A (k x k), B k x m. */
export function symSolve(A: Float64Array, k: number, B: Float64Array, m = 1): Float64Array {
  return choleskySolve(cholesky(A, k), k, B, m);
}

/** Symmetric eigen-decomposition by cyclic Jacobi (k small). Returns eigenvalues (ascending) and vectors (columns). */
export function symEigen(A: Float64Array, k: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(A);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i + i * k] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let j = 0; j < k; j++) for (let i = 0; i < j; i++) off += a[i + j * k] * a[i + j * k];
    if (off < 1e-300) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p + q * k];
        if (apq === 0) continue;
        const theta = (a[q + q * k] - a[p + p * k]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r + p * k];
          const arq = a[r + q * k];
          a[r + p * k] = c * arp - s * arq;
          a[r + q * k] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p + r * k];
          const aqr = a[q + r * k];
          a[p + r * k] = c * apr - s * aqr;
          a[q + r * k] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r + p * k];
          const vrq = v[r + q * k];
          v[r + p * k] = c * vrp - s * vrq;
          v[r + q * k] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((i, j) => a[i + i * k] - a[j + j * k]);
  const values = new Float64Array(k);
  const vectors = new Float64Array(k * k);
  order.forEach((src, dst) => {
    values[dst] = a[src + src * k];
    for (let r = 0; r < k; r++) vectors[r + dst * k] = v[r + src * k];
  });
  return { values, vectors };
}
