/**
 * Polynomial regression y = b0 + b1 x + ... + bd x^d with iid standard errors, accurate for
 * ill-conditioned designs (NIST StRD Filip, degree 10). Two things make the difference over feeding the
 * general solver the columns x, x^2, ...: the powers are formed inside in double-double (x^k rounded to
 * double per column already costs ~6 digits on Filip), and the least squares run in double-double
 * (linalg/dd-least-squares.ts). Residuals, SSR and R2 are computed in double-double from the DD design.
 * Cost O(n d^2) DD operations: fine for the polynomial sizes of applied work (n up to ~1e5).
 */
import { DD, DD_ZERO, dd, ddAdd, ddMul, ddSub, ddToNumber } from "../linalg/double-double";
import { ddLeastSquares } from "../linalg/dd-least-squares";

export interface PolynomialSpec {
  degree: number;
  /** Default true; false fits through the origin (no b0). */
  intercept?: boolean;
}

export interface PolynomialFit {
  /** "_cons", "x", "x^2", ... */
  readonly terms: string[];
  readonly coef: Float64Array;
  readonly se: Float64Array;
  readonly ssr: number;
  readonly rmse: number;
  /** Centred R2 with an intercept, uncentred without (as Stata and NIST report them). */
  readonly r2: number;
  readonly dfResid: number;
  readonly n: number;
}

export function fitPolynomial(x: ArrayLike<number>, y: ArrayLike<number>, spec: PolynomialSpec): PolynomialFit {
  const { degree } = spec;
  const intercept = spec.intercept ?? true;
  if (!Number.isInteger(degree) || degree < 1) throw new Error(`degree must be a whole number >= 1 (got ${degree})`);
  const n = x.length;
  if (y.length !== n) throw new Error(`x has ${n} rows but y has ${y.length}`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i])) throw new Error(`x is missing or not finite in row ${i + 1}`);
    if (!Number.isFinite(y[i])) throw new Error(`y is missing or not finite in row ${i + 1}`);
  }
  const terms = [...(intercept ? ["_cons"] : []), ...Array.from({ length: degree }, (_, j) => (j === 0 ? "x" : `x^${j + 1}`))];
  const k = terms.length;
  if (n <= k) throw new Error(`A degree-${degree} polynomial needs more than ${k} rows (got ${n})`);
  const columns: DD[][] = [];
  if (intercept) columns.push(Array.from({ length: n }, () => dd(1)));
  let power: DD[] = Array.from({ length: n }, (_, i) => dd(x[i]));
  columns.push(power);
  for (let p = 2; p <= degree; p++) {
    power = power.map((v, i) => ddMul(v, dd(x[i])));
    columns.push(power);
  }
  const yd = Array.from({ length: n }, (_, i) => dd(y[i]));
  const ls = ddLeastSquares(columns, yd, terms);
  let ssr = DD_ZERO;
  let ySum = DD_ZERO;
  for (let i = 0; i < n; i++) {
    let fit = DD_ZERO;
    for (let j = 0; j < k; j++) fit = ddAdd(fit, ddMul(columns[j][i], ls.coef[j]));
    const e = ddSub(yd[i], fit);
    ssr = ddAdd(ssr, ddMul(e, e));
    ySum = ddAdd(ySum, yd[i]);
  }
  let tss = DD_ZERO;
  const yMean = intercept ? ddMul(ySum, dd(1 / n)) : DD_ZERO; // 1/n inexact: only R2 uses it
  for (let i = 0; i < n; i++) {
    const d = ddSub(yd[i], yMean);
    tss = ddAdd(tss, ddMul(d, d));
  }
  const dfResid = n - k;
  const s2 = ddToNumber(ssr) / dfResid;
  const se = new Float64Array(k);
  for (let j = 0; j < k; j++) se[j] = Math.sqrt(s2 * ls.xtxInv[j * k + j]);
  return {
    terms,
    coef: Float64Array.from(ls.coef, ddToNumber),
    se,
    ssr: ddToNumber(ssr),
    rmse: Math.sqrt(s2),
    r2: 1 - ddToNumber(ssr) / ddToNumber(tss),
    dfResid,
    n,
  };
}
