/**
 * Jacobi-preconditioned conjugate gradients for k right-hand sides at once (one operator application
 * per step serves every column), used for the Schur-complement systems of the FE absorbers.
 *
 * Shapes: vectors are row-major L x k (entry l * k + c), so a level's k values sit together. Levels with
 * live = 0 are left out (their entries stay 0). On a singular operator rounding can make the residual
 * climb again after its minimum, so the best iterate of each column is kept and a column stops `stall`
 * steps after its last improvement; a column whose best relative residual exceeds `accept` is an error.
 */
import { InputError } from "../frame/errors";

export interface BlockPcgProblem {
  readonly size: number;
  /** Diagonal of the operator (Jacobi preconditioner). */
  readonly diag: Float64Array;
  readonly live: Uint8Array;
  /** Q = S P for row-major L x k blocks; must leave rows with live = 0 at 0. */
  matvec(P: Float64Array, Q: Float64Array, k: number): void;
}

export interface BlockPcgOptions {
  readonly tol: number;
  readonly maxIter: number;
  readonly stall?: number;
  readonly accept?: number;
}

export function blockPcg(prob: BlockPcgProblem, rhs: Float64Array, k: number, opts: BlockPcgOptions): Float64Array {
  const { size: L, diag, live } = prob;
  const stall = opts.stall ?? 50;
  const accept = opts.accept ?? 1e-10;
  const X = new Float64Array(L * k), R = Float64Array.from(rhs), Z = new Float64Array(L * k);
  const P = new Float64Array(L * k), Q = new Float64Array(L * k), XBest = new Float64Array(L * k);
  const rr0 = new Float64Array(k), rz = new Float64Array(k), dot = new Float64Array(k), rr = new Float64Array(k);
  for (let l = 0; l < L; l++) {
    for (let c = 0; c < k; c++) {
      const i = l * k + c;
      if (!live[l]) {
        R[i] = 0;
        continue;
      }
      Z[i] = R[i] / diag[l];
      rr0[c] += R[i] * R[i];
      rz[c] += R[i] * Z[i];
    }
  }
  P.set(Z);
  const bestRR = Float64Array.from(rr0);
  const bestIt = new Int32Array(k);
  const active = new Uint8Array(k);
  let nActive = 0;
  for (let c = 0; c < k; c++) if ((active[c] = rr0[c] > 0 ? 1 : 0)) nActive++;
  for (let it = 0; it < opts.maxIter && nActive > 0; it++) {
    prob.matvec(P, Q, k);
    dot.fill(0);
    for (let i = 0; i < L * k; i++) dot[i % k] += P[i] * Q[i];
    rr.fill(0);
    for (let l = 0; l < L; l++) {
      for (let c = 0; c < k; c++) {
        if (!active[c]) continue;
        const i = l * k + c;
        const alpha = rz[c] / dot[c];
        X[i] += alpha * P[i];
        R[i] -= alpha * Q[i];
        rr[c] += R[i] * R[i];
      }
    }
    for (let c = 0; c < k; c++) {
      if (!active[c]) continue;
      if (rr[c] < bestRR[c]) {
        bestRR[c] = rr[c];
        bestIt[c] = it;
        for (let l = 0; l < L; l++) XBest[l * k + c] = X[l * k + c];
      }
      if (rr[c] <= opts.tol * opts.tol * rr0[c] || it - bestIt[c] > stall) {
        active[c] = 0;
        nActive--;
      }
    }
    dot.fill(0);
    for (let l = 0; l < L; l++) {
      if (!live[l]) continue;
      for (let c = 0; c < k; c++) {
        const i = l * k + c;
        Z[i] = R[i] / diag[l];
        dot[c] += R[i] * Z[i];
      }
    }
    for (let c = 0; c < k; c++) {
      if (!active[c]) continue;
      const beta = dot[c] / rz[c];
      rz[c] = dot[c];
      for (let l = 0; l < L; l++) P[l * k + c] = Z[l * k + c] + beta * P[l * k + c];
    }
  }
  for (let c = 0; c < k; c++) {
    if (rr0[c] > 0 && !(bestRR[c] <= accept * accept * rr0[c])) {
      throw new InputError(
        `Absorbing the fixed effects did not converge (relative residual ${Math.sqrt(bestRR[c] / rr0[c]).toExponential(1)} after at most ${opts.maxIter} conjugate-gradient steps).`,
        "num",
      );
    }
  }
  return XBest;
}
