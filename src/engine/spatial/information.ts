/**
 * Observed (OIM: minus the analytic Hessian of the reported log-likelihood) and expected (EIM) information
 * of the spatial panel models, parameters in the order (b [, theta], rho | lambda, sigma2).
 *
 * Lag models, e = y~ - rho Wy~ - Z b:
 *   OIM = [Z'Z/s2, Z'Wy~/s2, Z'e/s4; ., c_J tr*(GG) + |Wy~|^2/s2, (Wy~)'e/s4; ., ., -N/(2 s4) + e'e/s6]
 *   EIM = [Z'Z/s2, Z'(GZb)/s2, 0; ., |GZb|^2/s2 + c_J (tr*(G'G) + tr*(GG)), c_J tr*(G)/s2; ., ., N/(2 s4)]
 * Error model, e = (y~ - lambda Wy~) - (X~ - lambda WX~) b, r = Wy~ - WX~ b, X_l = X~ - lambda WX~:
 *   OIM = [X_l'X_l/s2, ((WX~)'e + X_l'r)/s2, X_l'e/s4; ., c_J tr*(GG) + r'r/s2, e'r/s4; ., ., -N/(2 s4) + e'e/s6]
 *   EIM = [X_l'X_l/s2, 0, 0; ., c_J (tr*(G'G) + tr*(GG)), c_J tr*(G)/s2; ., ., N/(2 s4)]
 * G = W (I - rho W)^-1; tr* are the Lee-Yu transformed traces under variant leeyu (tr(G) - 1/(1-rho),
 * tr(GG) - 1/(1-rho)^2, tr(G'G) - |G'1|^2/n) and GZb is demeaned across units (J_n) under leeyu and
 * unit_transform_year_dummies. The EIM needs the dense G: it is computed up to EIM_MAX_N units.
 */
import { symInverse } from "../linalg";
import { denseSpatialFilter, luFactor, luInverse, luSolve } from "./dense-lu";
import { SpatialVariant } from "./design";
import { LikelihoodSetup } from "./qml";
import { demeanAcrossUnits } from "./panel";
import { Csr } from "./sparse";

export const EIM_MAX_N = 2000;

function dot(a: ArrayLike<number>, ao: number, b: ArrayLike<number>, bo: number, N: number): number {
  let s = 0;
  for (let i = 0; i < N; i++) s += a[ao + i] * b[bo + i];
  return s;
}

/** Adds the (b, rho, sigma2) blocks shared by OIM and EIM; returns the dense (p+2)^2 matrix. */
function frame(p: number): { M: Float64Array; set: (i: number, j: number, v: number) => void } {
  const q = p + 2;
  const M = new Float64Array(q * q);
  return { M, set: (i, j, v) => { M[i * q + j] = v; M[j * q + i] = v; } };
}

function jacobianSecond(s: LikelihoodSetup, rho: number): number {
  // -d^2 L / d rho^2 = tr(GG) (- 1/(1-rho)^2 for Lee-Yu)
  const t = s.logdet.traces(rho);
  return t.trGG - (s.leeYuTerm ? 1 / (1 - rho) ** 2 : 0);
}

export function lagOim(s: LikelihoodSetup, Z: Float64Array, N: number, p: number, Wy: Float64Array, e: Float64Array, rho: number, sigma2: number): Float64Array {
  const { M, set } = frame(p);
  const s4 = sigma2 * sigma2;
  for (let a = 0; a < p; a++) {
    for (let b = 0; b <= a; b++) set(a, b, dot(Z, a * N, Z, b * N, N) / sigma2);
    set(a, p, dot(Z, a * N, Wy, 0, N) / sigma2);
    set(a, p + 1, dot(Z, a * N, e, 0, N) / s4);
  }
  set(p, p, s.cJ * jacobianSecond(s, rho) + dot(Wy, 0, Wy, 0, N) / sigma2);
  set(p, p + 1, dot(Wy, 0, e, 0, N) / s4);
  set(p + 1, p + 1, -s.nEff / (2 * s4) + dot(e, 0, e, 0, N) / (s4 * sigma2));
  return M;
}

export function errorOim(s: LikelihoodSetup, X: Float64Array, N: number, k: number, y: Float64Array, Wy: Float64Array, WX: Float64Array, b: Float64Array, lam: number, sigma2: number): Float64Array {
  const Xl = new Float64Array(N * k);
  for (let i = 0; i < N * k; i++) Xl[i] = X[i] - lam * WX[i];
  const e = new Float64Array(N), r = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    let ei = y[i] - lam * Wy[i], ri = Wy[i];
    for (let j = 0; j < k; j++) {
      ei -= Xl[j * N + i] * b[j];
      ri -= WX[j * N + i] * b[j];
    }
    e[i] = ei;
    r[i] = ri;
  }
  const { M, set } = frame(k);
  const s4 = sigma2 * sigma2;
  for (let a = 0; a < k; a++) {
    for (let c = 0; c <= a; c++) set(a, c, dot(Xl, a * N, Xl, c * N, N) / sigma2);
    set(a, k, (dot(WX, a * N, e, 0, N) + dot(Xl, a * N, r, 0, N)) / sigma2);
    set(a, k + 1, dot(Xl, a * N, e, 0, N) / s4);
  }
  set(k, k, s.cJ * jacobianSecond(s, lam) + dot(r, 0, r, 0, N) / sigma2);
  set(k, k + 1, dot(e, 0, r, 0, N) / s4);
  set(k + 1, k + 1, -s.nEff / (2 * s4) + dot(e, 0, e, 0, N) / (s4 * sigma2));
  return M;
}

/** Dense G = W A^-1 and its traces (transformed for Lee-Yu). */
function gTraces(w: Csr, rho: number, variant: SpatialVariant) {
  const n = w.n;
  const lu = luFactor(denseSpatialFilter(w, rho), n);
  const Ai = luInverse(lu);
  const G = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let q = w.rowPtr[i]; q < w.rowPtr[i + 1]; q++) {
      const v = w.val[q], rj = w.col[q] * n, ri = i * n;
      for (let j = 0; j < n; j++) G[ri + j] += v * Ai[rj + j];
    }
  let trG = 0, trGG = 0, trGtG = 0;
  const colSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    trG += G[i * n + i];
    for (let j = 0; j < n; j++) {
      const g = G[i * n + j];
      trGtG += g * g;
      trGG += g * G[j * n + i];
      colSum[j] += g;
    }
  }
  if (variant === "leeyu") {
    trG -= 1 / (1 - rho);
    trGG -= 1 / (1 - rho) ** 2;
    let c2 = 0;
    for (let j = 0; j < n; j++) c2 += colSum[j] * colSum[j];
    trGtG -= c2 / n;
  }
  return { lu, trG, trGG, trGtG };
}

export function lagEim(s: LikelihoodSetup, variant: SpatialVariant, w: Csr, Z: Float64Array, N: number, p: number, coef: Float64Array, rho: number, sigma2: number, T: number): Float64Array {
  const n = w.n;
  const t = gTraces(w, rho, variant);
  const Zb = new Float64Array(N);
  for (let j = 0; j < p; j++) for (let i = 0; i < N; i++) Zb[i] += Z[j * N + i] * coef[j];
  let GZb: Float64Array = new Float64Array(N);
  for (let tt = 0; tt < T; tt++) {
    const a = luSolve(t.lu, Zb.subarray(tt * n, (tt + 1) * n));
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let q = w.rowPtr[i]; q < w.rowPtr[i + 1]; q++) v += w.val[q] * a[w.col[q]];
      GZb[tt * n + i] = v;
    }
  }
  if (variant === "leeyu" || variant === "unit_transform_year_dummies") GZb = demeanAcrossUnits(GZb, n, T);
  const { M, set } = frame(p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b <= a; b++) set(a, b, dot(Z, a * N, Z, b * N, N) / sigma2);
    set(a, p, dot(Z, a * N, GZb, 0, N) / sigma2);
  }
  set(p, p, dot(GZb, 0, GZb, 0, N) / sigma2 + s.cJ * (t.trGtG + t.trGG));
  set(p, p + 1, (s.cJ * t.trG) / sigma2);
  set(p + 1, p + 1, s.nEff / (2 * sigma2 * sigma2));
  return M;
}

export function errorEim(s: LikelihoodSetup, variant: SpatialVariant, w: Csr, X: Float64Array, WX: Float64Array, N: number, k: number, lam: number, sigma2: number): Float64Array {
  const t = gTraces(w, lam, variant);
  const Xl = new Float64Array(N * k);
  for (let i = 0; i < N * k; i++) Xl[i] = X[i] - lam * WX[i];
  const { M, set } = frame(k);
  for (let a = 0; a < k; a++) for (let c = 0; c <= a; c++) set(a, c, dot(Xl, a * N, Xl, c * N, N) / sigma2);
  set(k, k, s.cJ * (t.trGtG + t.trGG));
  set(k, k + 1, (s.cJ * t.trG) / sigma2);
  set(k + 1, k + 1, s.nEff / (2 * sigma2 * sigma2));
  return M;
}

export function invertInformation(M: Float64Array, q: number): Float64Array {
  return symInverse(M, q);
}
