/**
 * Quasi-maximum likelihood of the two-way FE SAR, SDM (lag models) and SEM (error model), concentrated in
 * rho (lambda). Lag models: e(rho) = y~ - rho Wy~ - Z b(rho), Z = X~ (SAR) or [X~, (WX)~] (SDM),
 * b(rho) = b0 - rho b1 (OLS), SSR(rho) = a - 2 rho c + rho^2 d. Error model: b(lambda) = OLS of
 * y~ - lambda Wy~ on X~ - lambda WX~. The concentrated log-likelihood
 *   l(rho) = -(N_eff/2) ln SSR(rho) + c_J [ln|I - rho W| (- ln(1 - rho) for Lee-Yu)]
 * is maximised by solving its analytic score with Brent's method (|x| tolerance 1e-15) inside the
 * admissible interval, after a grid search that brackets the maximum. A maximum at the edge of the interval
 * is an error (rho at the bound).
 */
import { InputError } from "../frame/errors";
import { householderQR, qrLeastSquares } from "../linalg";
import { brentRoot } from "./brent";
import { LogDet } from "./logdet";

export interface ConcentratedFit {
  readonly rho: number;
  readonly coef: Float64Array;
  readonly resid: Float64Array;
  readonly ssr: number;
  readonly sigma2: number;
  readonly loglik: number;
  readonly ldet: number;
}

export interface LikelihoodSetup {
  readonly nEff: number;
  readonly cJ: number;
  readonly leeYuTerm: boolean;
  readonly logdet: LogDet;
  /** Name of the parameter in messages: "rho" or "lambda". */
  readonly param: string;
}

/** Jacobian part L(rho) and its derivative. */
export function jacobianTerm(s: LikelihoodSetup, rho: number): { L: number; dL: number } {
  let L = s.logdet.ldet(rho), dL = s.logdet.dldet(rho);
  if (s.leeYuTerm) {
    L -= Math.log(1 - rho);
    dL += 1 / (1 - rho);
  }
  return { L, dL };
}

const GRID = 400;

/** Maximises l(rho) given its value and score functions over the admissible interval. */
function maximise(s: LikelihoodSetup, value: (r: number) => number, score: (r: number) => number): number {
  const lo = Math.max(s.logdet.lower, -1e6), hi = Math.min(s.logdet.upper, 1e6);
  const width = hi - lo;
  const a = lo + 1e-9 * width, b = hi - 1e-9 * width;
  let best = -1, bestV = -Infinity;
  const xs: number[] = [];
  for (let g = 0; g <= GRID; g++) {
    const r = a + ((b - a) * g) / GRID;
    xs.push(r);
    const v = value(r);
    if (v > bestV) { bestV = v; best = g; }
  }
  if (best === 0 || best === GRID) {
    throw new InputError(
      `The likelihood is largest at the edge of the admissible interval of ${s.param} (${lo.toPrecision(6)}, ${hi.toPrecision(6)}): ` +
        `${s.param} is at the bound ${best === 0 ? lo.toPrecision(6) : hi.toPrecision(6)}, so the estimate and its standard errors are not valid. ` +
        `Check the weights (islands, disconnected groups) and the model.`,
      "num",
    );
  }
  const x0 = xs[best - 1], x1 = xs[best + 1];
  const f0 = score(x0), f1 = score(x1);
  if (f0 > 0 && f1 < 0) return brentRoot(score, x0, x1, 1e-15);
  // flat or noisy score: the grid maximum, refined by bisection on the score where it changes sign
  if (score(xs[best]) > 0 && f1 < 0) return brentRoot(score, xs[best], x1, 1e-15);
  if (f0 > 0 && score(xs[best]) < 0) return brentRoot(score, x0, xs[best], 1e-15);
  return xs[best];
}

function loglikAt(s: LikelihoodSetup, ssr: number, rho: number): { sigma2: number; loglik: number; ldet: number } {
  const sigma2 = ssr / s.nEff;
  const { L } = jacobianTerm(s, rho);
  return { sigma2, loglik: -(s.nEff / 2) * (Math.log(2 * Math.PI * sigma2) + 1) + s.cJ * L, ldet: s.logdet.ldet(rho) };
}

/** SAR / SDM: Z (N x p column-major), y~, Wy~. */
export function fitLagModel(s: LikelihoodSetup, Z: Float64Array, N: number, p: number, y: Float64Array, Wy: Float64Array): ConcentratedFit {
  const f = householderQR(Z, N, p);
  if (f.rank < p) throw new InputError(`The regressors of the spatial model are collinear (after the fixed effects): ${p - f.rank} column(s) are linear combinations of the others.`);
  const l0 = qrLeastSquares(f, Z, y, "plain");
  const l1 = qrLeastSquares(f, Z, Wy, "plain");
  let A = 0, C = 0, D = 0;
  for (let i = 0; i < N; i++) {
    A += l0.resid[i] * l0.resid[i];
    C += l0.resid[i] * l1.resid[i];
    D += l1.resid[i] * l1.resid[i];
  }
  const ssr = (r: number) => A - 2 * r * C + r * r * D;
  const value = (r: number) => -(s.nEff / 2) * Math.log(ssr(r)) + s.cJ * jacobianTerm(s, r).L;
  const score = (r: number) => -(s.nEff / 2) * ((-2 * C + 2 * r * D) / ssr(r)) + s.cJ * jacobianTerm(s, r).dL;
  const rho = maximise(s, value, score);
  const coef = new Float64Array(p);
  for (let j = 0; j < p; j++) coef[j] = l0.coef[j] - rho * l1.coef[j];
  const resid = new Float64Array(N);
  let S = 0;
  for (let i = 0; i < N; i++) {
    resid[i] = l0.resid[i] - rho * l1.resid[i];
    S += resid[i] * resid[i];
  }
  return { rho, coef, resid, ssr: S, ...loglikAt(s, S, rho) };
}

/** SEM: y~, X~, Wy~, WX~. */
export function fitErrorModel(s: LikelihoodSetup, X: Float64Array, N: number, k: number, y: Float64Array, Wy: Float64Array, WX: Float64Array): ConcentratedFit {
  const filtered = (lam: number) => {
    const Xl = new Float64Array(N * k);
    for (let i = 0; i < N * k; i++) Xl[i] = X[i] - lam * WX[i];
    const yl = new Float64Array(N);
    for (let i = 0; i < N; i++) yl[i] = y[i] - lam * Wy[i];
    const f = householderQR(Xl, N, k);
    if (f.rank < k) throw new InputError(`The regressors of the spatial error model are collinear at lambda = ${lam}.`);
    const ls = qrLeastSquares(f, Xl, yl, "plain");
    let S = 0;
    for (let i = 0; i < N; i++) S += ls.resid[i] * ls.resid[i];
    return { coef: ls.coef, resid: ls.resid, ssr: S };
  };
  const value = (l: number) => -(s.nEff / 2) * Math.log(filtered(l).ssr) + s.cJ * jacobianTerm(s, l).L;
  const score = (l: number) => {
    const { coef, resid, ssr } = filtered(l);
    // e'r with r = Wy~ - WX~ b (envelope theorem: d SSR / d lambda = -2 e'r)
    let er = 0;
    for (let i = 0; i < N; i++) {
      let r = Wy[i];
      for (let j = 0; j < k; j++) r -= WX[j * N + i] * coef[j];
      er += resid[i] * r;
    }
    return (s.nEff * er) / ssr + s.cJ * jacobianTerm(s, l).dL;
  };
  const lam = maximise(s, value, score);
  const r = filtered(lam);
  return { rho: lam, coef: r.coef, resid: r.resid, ssr: r.ssr, ...loglikAt(s, r.ssr, lam) };
}
