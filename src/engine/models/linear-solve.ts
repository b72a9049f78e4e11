/**
 * Least squares for the linear estimators, with the rank decisions of the limited-pivoting QR
 * (later collinear column dropped). Two paths, same answers to rounding:
 * - small problems (n x k <= AUGMENTED_MAX_SIZE, refine "augmented"): full Householder QR and Bjorck
 *   refinement of the augmented system in double-double, refined bread (NIST-grade accuracy);
 * - large problems: R of [X y] by tall-skinny QR in one cache-friendly pass and the solution from R
 *   (backward stable like any Householder QR). Refining with residuals in working precision ("plain":
 *   one corrected semi-normal step b += (R'R)^-1 X'(y - X b)) changed nothing beyond 1e-13 on the
 *   reference cases, so it is off by default there;
 * - large problems without a requested refinement, when the column-scaled X is proven well
 *   conditioned and no column is near the rank tolerance: corrected semi-normal equations
 *   (linalg/seminormal.ts: one blocked cross-product pass, Cholesky, one refinement step), the same
 *   solution to ~1e-13 at a quarter of the QR's arithmetic; otherwise the QR path above.
 *
 * Shapes: X is n x k column-major, y length n; coef and bread refer to the kept columns.
 */
import { crossprodXY, matvec } from "../linalg/dense";
import { breadFromQR, columnNorms, householderQR, qrLeastSquares, refinedBread, Refinement, residuals } from "../linalg/qr";
import { leastSquaresFromR, tsqrR } from "../linalg/tsqr";
import { seminormalLeastSquares } from "../linalg/seminormal";

/** Up to this n x k, refine in double-double on the augmented system; above, the TSQR path. */
export const AUGMENTED_MAX_SIZE = 2e5;

export interface SolveOptions {
  readonly tol: number;
  /** Reference norms for the rank decision (default: the columns' own norms). */
  readonly refNorms?: ArrayLike<number>;
  /** Default: "augmented" up to AUGMENTED_MAX_SIZE, else "none". */
  readonly refine?: Refinement;
  /** Allow the semi-normal path on large well-conditioned problems (default true). */
  readonly seminormal?: boolean;
}

export interface Solved {
  readonly kept: Int32Array;
  readonly dropped: Int32Array;
  readonly coef: Float64Array;
  readonly resid: Float64Array;
  /** (X'X)^-1 of the kept columns. */
  readonly bread: Float64Array;
  /** "qr" (Householder or TSQR) or "seminormal" (corrected semi-normal equations). */
  readonly method: "qr" | "seminormal";
}

function columnsOf(X: Float64Array, n: number, k: number): Float64Array[] {
  return Array.from({ length: k }, (_, j) => X.subarray(j * n, (j + 1) * n));
}

export function solveLeastSquares(X: Float64Array, y: Float64Array, n: number, k: number, opts: SolveOptions): Solved {
  const refNorms = opts.refNorms ?? columnNorms(X, n, k);
  const refine = opts.refine ?? (n * k <= AUGMENTED_MAX_SIZE ? "augmented" : "none");
  if (refine === "augmented") {
    const f = householderQR(X, n, k, { tol: opts.tol, refNorms });
    const ls = qrLeastSquares(f, X, y, "augmented");
    const bread = n * f.rank * f.rank <= AUGMENTED_MAX_SIZE * 5 ? refinedBread(f, X) : breadFromQR(f);
    return { kept: f.kept, dropped: f.dropped, coef: ls.coef, resid: ls.resid, bread, method: "qr" };
  }
  if (refine === "none" && opts.seminormal !== false && n * k > AUGMENTED_MAX_SIZE) {
    const sn = seminormalLeastSquares(X, y, n, k, { tol: opts.tol, refNorms });
    if (sn) {
      const all = Int32Array.from({ length: k }, (_, j) => j);
      return { kept: all, dropped: new Int32Array(0), coef: sn.coef, resid: sn.resid, bread: sn.bread, method: "seminormal" };
    }
  }
  const R = tsqrR([...columnsOf(X, n, k), y], n);
  const small = leastSquaresFromR(R, k + 1, refNorms, opts.tol);
  const { kept } = small.f;
  const bread = breadFromQR(small.f);
  let coef = small.coef;
  let resid = residuals(X, n, kept, coef, y, refine === "compensated");
  if (refine !== "none") {
    const p = kept.length;
    const Xk = kept.length === k ? X : new Float64Array(n * p);
    if (Xk !== X) kept.forEach((j, c) => Xk.set(X.subarray(j * n, (j + 1) * n), c * n));
    const g = crossprodXY(Xk, p, resid, 1, n);
    const d = matvec(bread, p, p, g);
    coef = coef.map((v, j) => v + d[j]);
    resid = residuals(X, n, kept, coef, y, refine === "compensated");
  }
  return { kept, dropped: small.f.dropped, coef, resid, bread, method: "qr" };
}

/** Residual sum of squares and rank of y on the given columns (one TSQR pass; no residual vector). */
export function ssrOf(cols: readonly ArrayLike<number>[], y: ArrayLike<number>, n: number, refNorms: ArrayLike<number>, tol: number): { ssr: number; rank: number } {
  const R = tsqrR([...cols, y], n);
  const ls = leastSquaresFromR(R, cols.length + 1, refNorms, tol);
  return { ssr: ls.ssr, rank: ls.f.rank };
}
