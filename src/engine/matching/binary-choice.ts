/**
 * Binary-choice maximum likelihood (logit for the propensity score, probit for pstest's summary):
 * Newton-Raphson on the analytic Hessian with step halving, iterated until the step is at rounding
 * level (the reference values are at the exact MLE: a loose criterion shifts the scores enough to move
 * a control across a caliper). Optional importance weights (Stata `[iw = w]`: loglik = sum w_i l_i).
 *
 * Shapes: `x` holds the k covariate columns (length n each); the constant is added as the last
 * parameter. `coef` / `se` have length k + 1 in the order (covariates..., _cons).
 *
 * Separation: before fitting, a covariate whose treated and control values do not overlap
 * (max over one group <= min over the other) separates the outcome (completely, or quasi-completely
 * when they touch): an InputError naming the variable. During Newton, fitted probabilities that go to
 * 0 or 1 with diverging coefficients mean separation by a combination of covariates: an InputError
 * naming the covariate with the largest standardised coefficient.
 */
import erfc from "@stdlib/math-base-special-erfc";
import { InputError } from "../frame/errors";
import { choleskySolve, cholesky, symInverse } from "../linalg/dense";

export type BinaryLink = "logit" | "probit";

export interface BinaryFit {
  readonly link: BinaryLink;
  /** Covariate names then "_cons". */
  readonly terms: readonly string[];
  readonly coef: Float64Array;
  /** From the inverse (observed = expected for logit) Hessian at the MLE. */
  readonly se: Float64Array;
  readonly loglik: number;
  /** Log-likelihood of the constant-only model (same weights). */
  readonly loglik0: number;
  /** Linear index x'b per row (length n). */
  readonly xb: Float64Array;
  /** Fitted probability per row. */
  readonly p: Float64Array;
  readonly iterations: number;
  readonly n: number;
  readonly sumWeights: number;
}

export interface BinaryOptions {
  readonly link: BinaryLink;
  readonly names: readonly string[];
  /** Importance weights (default 1); rows with weight 0 contribute nothing. */
  readonly weights?: ArrayLike<number>;
  readonly maxIter?: number;
}

const MAX_ITER = 200;
const SQRT1_2 = Math.SQRT1_2;
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log(1 / (1 + exp(-z))) without overflow. */
function logExpit(z: number): number {
  return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
}

/** log Phi(z), accurate in the lower tail (erfc keeps relative precision down to z ~ -37). */
function logNormCdf(z: number): number {
  if (z > 5) return Math.log1p(-0.5 * erfc(z * SQRT1_2));
  if (z > -37) return Math.log(0.5 * erfc(-z * SQRT1_2));
  // asymptotic: log(phi(z)/|z|) - 1/z^2 ...
  const z2 = z * z;
  return -0.5 * z2 - LOG_SQRT_2PI - Math.log(-z) + Math.log1p(-1 / z2 + 3 / (z2 * z2));
}

/** phi(z)/Phi(z) (inverse Mills ratio), stable for very negative z. */
function millsRatio(z: number): number {
  return Math.exp(-0.5 * z * z - LOG_SQRT_2PI - logNormCdf(z));
}

/** Per-row log-likelihood, score factor g (dl/dxb) and Hessian weight h (-d2l/dxb2). */
function rowTerms(link: BinaryLink, y: number, xb: number): { ll: number; g: number; h: number } {
  if (link === "logit") {
    const p = 1 / (1 + Math.exp(-xb));
    return { ll: y === 1 ? logExpit(xb) : logExpit(-xb), g: y - p, h: p * (1 - p) };
  }
  const q = y === 1 ? 1 : -1;
  const z = q * xb;
  const lam = q * millsRatio(z);
  return { ll: logNormCdf(z), g: lam, h: lam * (lam + xb) };
}

/** Throws when one covariate alone separates the outcome (no overlap between treated and controls). */
export function checkSeparation(y: ArrayLike<number>, x: readonly ArrayLike<number>[], names: readonly string[], outcome: string, weights?: ArrayLike<number>): void {
  const n = y.length;
  x.forEach((col, j) => {
    let min1 = Infinity, max1 = -Infinity, min0 = Infinity, max0 = -Infinity;
    for (let i = 0; i < n; i++) {
      if (weights && !(weights[i] > 0)) continue;
      const v = col[i];
      if (y[i] === 1) {
        if (v < min1) min1 = v;
        if (v > max1) max1 = v;
      } else {
        if (v < min0) min0 = v;
        if (v > max0) max0 = v;
      }
    }
    if (min1 === Infinity || min0 === Infinity) return;
    if (min0 === max0 && min1 === max1) return; // constant within both groups: collinearity, not separation
    const complete = max0 < min1 || max1 < min0;
    const quasi = max0 === min1 || max1 === min0;
    if (complete || quasi) {
      const side = max0 <= min1 ? `${names[j]} >= ${min1} only for ${outcome} = 1 and <= ${max0} only for ${outcome} = 0` : `${names[j]} <= ${max1} only for ${outcome} = 1 and >= ${min0} only for ${outcome} = 0`;
      throw new InputError(
        `Covariate "${names[j]}" ${complete ? "perfectly" : "quasi-perfectly"} predicts ${outcome} (${side}): ` +
          `the ${outcome} and control values do not overlap, so the ${"propensity-score"} model has no maximum. ` +
          `Remove "${names[j]}" from the covariates (or use a treatment rule not based on it).`,
        "num",
      );
    }
  });
}

/**
 * Fits P(y = 1 | x) by Newton with step halving. y must be 0/1 on every row passed (the caller
 * restricts to the estimation sample).
 */
export function fitBinary(y: ArrayLike<number>, x: readonly ArrayLike<number>[], o: BinaryOptions): BinaryFit {
  const n = y.length;
  const k = x.length + 1;
  const w = o.weights;
  const wt = (i: number) => (w ? w[i] : 1);
  let W = 0, W1 = 0;
  for (let i = 0; i < n; i++) {
    W += wt(i);
    if (y[i] === 1) W1 += wt(i);
  }
  const pbar = W1 / W;
  const loglik0 = W1 * Math.log(pbar) + (W - W1) * Math.log(1 - pbar);
  const col = (j: number, i: number) => (j < k - 1 ? x[j][i] : 1);
  const b = new Float64Array(k);
  const xb = new Float64Array(n);
  const evaluate = (beta: Float64Array) => {
    let ll = 0;
    const grad = new Float64Array(k);
    const H = new Float64Array(k * k);
    for (let i = 0; i < n; i++) {
      const wi = wt(i);
      if (wi === 0) continue;
      let s = 0;
      for (let j = 0; j < k; j++) s += col(j, i) * beta[j];
      xb[i] = s;
      const t = rowTerms(o.link, y[i], s);
      ll += wi * t.ll;
      for (let a = 0; a < k; a++) {
        const xa = col(a, i);
        grad[a] += wi * t.g * xa;
        const ha = wi * t.h * xa;
        for (let c = 0; c <= a; c++) H[a * k + c] += ha * col(c, i);
      }
    }
    for (let a = 0; a < k; a++) for (let c = 0; c < a; c++) H[c * k + a] = H[a * k + c];
    return { ll, grad, H };
  };
  let cur = evaluate(b);
  let it = 0;
  let small = 0;
  const maxIter = o.maxIter ?? MAX_ITER;
  for (; it < maxIter; it++) {
    let step: Float64Array;
    try {
      step = choleskySolve(cholesky(cur.H, k), k, cur.grad);
    } catch {
      throw separationError(o.names, b, x, "the Hessian of the log-likelihood became singular");
    }
    let t = 1;
    let next = b.map((v, j) => v + step[j]);
    let ev = evaluate(next);
    let halvings = 0;
    while (!(ev.ll >= cur.ll - 1e-12 * Math.abs(cur.ll)) && halvings < 40) {
      t /= 2;
      next = b.map((v, j) => v + t * step[j]);
      ev = evaluate(next);
      halvings++;
    }
    let rel = 0;
    for (let j = 0; j < k; j++) rel = Math.max(rel, Math.abs(next[j] - b[j]) / Math.max(Math.abs(next[j]), 1e-8));
    b.set(next);
    cur = ev;
    if (Math.abs(cur.ll) < 1e-9 * W) throw separationError(o.names, b, x, "the fitted probabilities are all 0 or 1");
    if (rel < 1e-15) {
      if (++small >= 3) break;
    } else if (rel < 1e-12) {
      if (++small >= 6) break;
    }
  }
  if (it >= maxIter) throw separationError(o.names, b, x, `Newton did not converge in ${maxIter} iterations`);
  cur = evaluate(b);
  const V = symInverse(cur.H, k);
  const se = Float64Array.from({ length: k }, (_, j) => Math.sqrt(V[j * k + j]));
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += col(j, i) * b[j];
    xb[i] = s;
    p[i] = o.link === "logit" ? 1 / (1 + Math.exp(-s)) : 0.5 * erfc(-s * SQRT1_2);
  }
  return { link: o.link, terms: [...o.names, "_cons"], coef: b, se, loglik: cur.ll, loglik0, xb, p, iterations: it + 1, n, sumWeights: W };
}

function separationError(names: readonly string[], b: Float64Array, x: readonly ArrayLike<number>[], why: string): InputError {
  let worst = -1, worstVal = -1;
  x.forEach((c, j) => {
    let m = 0, s = 0;
    for (let i = 0; i < c.length; i++) m += c[i];
    m /= c.length;
    for (let i = 0; i < c.length; i++) s += (c[i] - m) ** 2;
    const v = Math.abs(b[j]) * Math.sqrt(s / Math.max(c.length - 1, 1));
    if (v > worstVal) {
      worstVal = v;
      worst = j;
    }
  });
  const who = worst >= 0 ? ` The covariate with the largest standardised coefficient is "${names[worst]}".` : "";
  return new InputError(
    `The propensity-score model has no finite maximum (${why}): the covariates perfectly or quasi-perfectly separate treated from controls.${who} Remove it or combine categories.`,
    "num",
  );
}
