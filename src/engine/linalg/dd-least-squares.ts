/**
 * Least squares min ||y - X b|| in double-double: Householder QR of X (n x k, columns of DD values), then
 * R b = Q'y and R^-1 for the covariance (X'X)^-1 = R^-1 R^-T. With ~32 digits of working precision a
 * design with condition number 1e15 still gives every coefficient and standard error to double precision.
 * Columns are scaled by powers of two first (exact), so their norms are near 1. No pivoting: the caller
 * passes a full-rank design; a column whose pivot vanishes against the working precision is an error.
 */
import { DD, DD_ZERO, dd, ddAdd, ddDiv, ddMul, ddNeg, ddScale, ddSqrt, ddSub, ddToNumber } from "./double-double";

export interface DDLeastSquares {
  /** Coefficients, one per column, in DD. */
  readonly coef: DD[];
  /** (X'X)^-1 rounded to double, k x k row-major. */
  readonly xtxInv: Float64Array;
}

const pow2Near = (v: number): number => (v > 0 ? 2 ** Math.round(Math.log2(v)) : 1);

function dot(a: DD[], b: DD[], from: number): DD {
  let s = DD_ZERO;
  for (let i = from; i < a.length; i++) s = ddAdd(s, ddMul(a[i], b[i]));
  return s;
}

/** columns[j][i] = X[i, j]; y[i]. Throws when a column is (numerically) a combination of the earlier ones. */
export function ddLeastSquares(columns: readonly DD[][], y: readonly DD[], names: readonly string[]): DDLeastSquares {
  const k = columns.length;
  const n = y.length;
  if (n < k) throw new Error(`Least squares needs at least as many rows (${n}) as columns (${k})`);
  const scale = columns.map((c) => pow2Near(Math.sqrt(c.reduce((s, v) => s + v.hi * v.hi, 0))));
  const a = columns.map((c, j) => c.map((v) => ddScale(v, 1 / scale[j])));
  const qty = y.slice();
  const rdiag: DD[] = [];
  for (let j = 0; j < k; j++) {
    const col = a[j];
    const norm = ddSqrt(dot(col, col, j));
    if (norm.hi <= 1e-28) throw new Error(`Column ${names[j]} is collinear with the columns before it`);
    const alpha = col[j].hi >= 0 ? ddNeg(norm) : norm;
    // v = x - alpha e1 stored in place; ||v||^2 = 2 norm (norm + |x_j|).
    col[j] = ddSub(col[j], alpha);
    const vv = dot(col, col, j);
    const reflect = (target: DD[]) => {
      const f = ddDiv(ddMul(dd(2), dot(col, target, j)), vv);
      for (let i = j; i < n; i++) target[i] = ddSub(target[i], ddMul(f, col[i]));
    };
    for (let c = j + 1; c < k; c++) reflect(a[c]);
    reflect(qty);
    rdiag.push(alpha);
  }
  const r = (i: number, j: number): DD => (i === j ? rdiag[j] : a[j][i]);
  // Back substitution R b = (Q'y)[0..k-1], then undo the column scaling.
  const coef: DD[] = new Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = qty[i];
    for (let j = i + 1; j < k; j++) s = ddSub(s, ddMul(r(i, j), coef[j]));
    coef[i] = ddDiv(s, r(i, i));
  }
  // R^-1 (upper triangular), column by column.
  const rinv: DD[][] = Array.from({ length: k }, () => new Array<DD>(k).fill(DD_ZERO));
  for (let c = 0; c < k; c++) {
    rinv[c][c] = ddDiv(dd(1), r(c, c));
    for (let i = c - 1; i >= 0; i--) {
      let s = DD_ZERO;
      for (let j = i + 1; j <= c; j++) s = ddAdd(s, ddMul(r(i, j), rinv[j][c]));
      rinv[i][c] = ddNeg(ddDiv(s, r(i, i)));
    }
  }
  const xtxInv = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = DD_ZERO;
      for (let c = Math.max(i, j); c < k; c++) s = ddAdd(s, ddMul(rinv[i][c], rinv[j][c]));
      xtxInv[i * k + j] = ddToNumber(s) / (scale[i] * scale[j]);
    }
  }
  return { coef: coef.map((b, j) => ddScale(b, 1 / scale[j])), xtxInv };
}
