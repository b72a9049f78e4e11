/**
 * Sums of outer products of moment contributions ("meat" without any scaling), shared by the 2SLS
 * sandwich, the Hansen J weight matrix, the Kleibergen-Paap covariance and the Anderson-Rubin test.
 *
 * For residual columns E (n x K) and instruments Z (n x L), the moment of row i is m_i = e_i (x) z_i
 * (length L*K, index k*L + l = vec of an L x K matrix, column-major), and
 *   robust:  sum_i m_i m_i'
 *   cluster: sum_g (sum_{i in g} m_i)(sum_{i in g} m_i)'
 *   iid:     (E'E) (x) (Z'Z)   (the caller divides by its own sigma denominator)
 * Shapes: matrices column-major (A[i + j * rows]).
 */
import { crossprod } from "../linalg/dense";

export type MeatKind = "iid" | "robust" | "cluster";

export interface ClusterCodes {
  /** Cluster code per row, 0..nClusters-1. */
  readonly codes: Int32Array;
  readonly nClusters: number;
}

/** Kronecker product A (p x q) (x) B (r x s), returned pr x qs column-major. */
export function kron(A: Float64Array, p: number, q: number, B: Float64Array, r: number, s: number): Float64Array {
  const rows = p * r;
  const out = new Float64Array(rows * q * s);
  for (let j = 0; j < q; j++) {
    for (let i = 0; i < p; i++) {
      const a = A[i + j * p];
      if (a === 0) continue;
      for (let l = 0; l < s; l++) {
        const col = j * s + l;
        for (let k = 0; k < r; k++) out[i * r + k + col * rows] = a * B[k + l * r];
      }
    }
  }
  return out;
}

export function momentMeat(
  kind: MeatKind,
  E: Float64Array,
  K: number,
  Z: Float64Array,
  L: number,
  n: number,
  clusters?: ClusterCodes,
): Float64Array {
  const m = L * K;
  if (kind === "iid") return kron(crossprod(E, n, K), K, K, crossprod(Z, n, L), L, L);
  const out = new Float64Array(m * m);
  const addOuter = (v: Float64Array) => {
    for (let b = 0; b < m; b++) {
      const vb = v[b];
      if (vb === 0) continue;
      for (let a = 0; a < m; a++) out[a + b * m] += v[a] * vb;
    }
  };
  if (kind === "robust") {
    const v = new Float64Array(m);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < K; k++) {
        const e = E[i + k * n];
        for (let l = 0; l < L; l++) v[k * L + l] = e * Z[i + l * n];
      }
      addOuter(v);
    }
    return out;
  }
  if (!clusters) throw new Error("momentMeat: cluster codes are required for the cluster meat.");
  const G = clusters.nClusters;
  const sums = new Float64Array(G * m);
  const codes = clusters.codes;
  for (let i = 0; i < n; i++) {
    const o = codes[i] * m;
    for (let k = 0; k < K; k++) {
      const e = E[i + k * n];
      if (e === 0) continue;
      for (let l = 0; l < L; l++) sums[o + k * L + l] += e * Z[i + l * n];
    }
  }
  for (let g = 0; g < G; g++) addOuter(sums.subarray(g * m, (g + 1) * m));
  return out;
}
