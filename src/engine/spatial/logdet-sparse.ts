/**
 * ln|I - rho W| and the traces of the spatial models from a sparse LU of I - rho W per rho (sparse-lu.ts),
 * for a row-stochastic W too large for its eigenvalues. Exact: the derivatives of ln|A| give
 * tr(G) = -d ln|A|/drho and tr(GG) = -d2 ln|A|/drho2 (G = W A^-1), and A^-1 = I + rho G gives
 * tr(A^-1) = n + rho tr(G) and tr(A^-1 W A^-1) = tr(G) + rho tr(GG).
 *
 * Admissible interval: W = D^-1 C with C symmetric has real eigenvalues and lambda_max = 1; the lower bound
 * 1/lambda_min is found by bisection on the positive definiteness of I - rho D^-1/2 C D^-1/2 (all pivots
 * positive) to 1e-12 relative. Otherwise (an asymmetric W, e.g. kNN) the interval is (-1, 1): every
 * eigenvalue of a row-stochastic W has modulus <= 1, so ln|I - rho W| is defined there; the exact lower
 * bound 1/lambda_min (<= -1) would need the eigenvalues.
 */
import { InputError } from "../frame/errors";
import { LogDet, SpatialSolver, TraceSet } from "./logdet";
import { symbolicLu } from "./ordering";
import { luSolveSparse, luSolveSparseTransposed, luWork, permutedColumns, SparseLuFactor, sparseLuFactor } from "./sparse-lu";
import { Csr } from "./sparse";

export interface SparseLogDetInfo {
  /** Stored entries of L (= of U) after the ordering: the fill. */
  readonly nnzL: number;
}

export function sparseLogDet(w: Csr, similarSymmetric: boolean): LogDet & SparseLogDetInfo {
  const n = w.n;
  const s = symbolicLu(w);
  const a = permutedColumns(w, s);
  const work = luWork(s);
  let last: SparseLuFactor | null = null;
  const factor = (rho: number, order: 0 | 1 | 2): SparseLuFactor | null => {
    if (last && last.rho === rho && last.order >= order) return last;
    const f = sparseLuFactor(s, a, rho, order, work);
    if (f) last = f;
    return f;
  };
  let lower = -1;
  if (similarSymmetric) {
    // the pivots are positive exactly on (1/lambda_min, 1); lambda_min <= -1/(n-1) since tr W = 0
    let ok = 0, bad = -1;
    while (factor(bad, 0) && bad > -2 * n) {
      ok = bad;
      bad *= 2;
    }
    if (factor(bad, 0)) bad = -Infinity;
    else
      for (let it = 0; it < 200 && ok - bad > 1e-12 * Math.abs(ok); it++) {
        const mid = (ok + bad) / 2;
        if (factor(mid, 0)) ok = mid;
        else bad = mid;
      }
    lower = Number.isFinite(bad) ? (ok + bad) / 2 : -Infinity;
  }
  const upper = 1;
  const at = (rho: number, order: 0 | 1 | 2): SparseLuFactor => {
    const f = factor(rho, order);
    if (!f) throw new InputError(`I - rho W is not invertible with positive determinant at rho = ${rho} (outside the admissible interval (${lower.toPrecision(6)}, 1)).`, "num");
    return f;
  };
  const method = similarSymmetric
    ? "sparse LU of I - rho W (minimum degree ordering; W similar to symmetric; exact ln|I - rho W| and traces from the derivatives of the log pivots; lower bound 1/lambda_min by bisection)"
    : "sparse LU of I - rho W (minimum degree ordering; W asymmetric; exact ln|I - rho W| and traces from the derivatives of the log pivots; rho in (-1, 1))";
  return {
    n,
    lower,
    upper,
    method,
    nnzL: s.lPtr[n],
    ldet: (rho) => at(rho, 0).ldet,
    dldet: (rho) => at(rho, 1).ldet1,
    traces(rho: number): TraceSet {
      const f = at(rho, 2);
      const trG = -f.ldet1, trGG = -f.ldet2;
      return { ldet: f.ldet, trG, trGG, mI: 1 + (rho * trG) / n, dmI: (trG + rho * trGG) / n };
    },
    solver(rho: number): SpatialSolver {
      const f = at(rho, 0);
      return { solve: (b) => luSolveSparse(s, f, b), solveTransposed: (b) => luSolveSparseTransposed(s, f, b) };
    },
  };
}
