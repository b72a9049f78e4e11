/**
 * Matern correlation functions k(r) (r = distance / length scale, k(0) = 1) and the factor
 * f(r) = -k'(r) / r that their length-scale derivatives need (dk / dlog l_j = f(r) d_j^2 / l_j^2 for ARD,
 * = f(r) r^2 for one length scale):
 *
 *   nu = 1/2: k = exp(-r)                                 f = exp(-r) / r
 *   nu = 3/2: k = (1 + sqrt3 r) exp(-sqrt3 r)              f = 3 exp(-sqrt3 r)
 *   nu = 5/2: k = (1 + sqrt5 r + 5 r^2 / 3) exp(-sqrt5 r)  f = 5/3 (1 + sqrt5 r) exp(-sqrt5 r)
 *   nu = inf (RBF): k = exp(-r^2 / 2)                      f = k
 *   other nu: k = 2^(1-nu) / Gamma(nu) (a r)^nu K_nu(a r), a = sqrt(2 nu) (bessel.ts), and
 *             f = 2^(1-nu) / Gamma(nu) a^2 (a r)^(nu-1) K_(nu-1)(a r)
 *
 * (Rasmussen & Williams 2006, eq. 4.14-4.17; scikit-learn Matern.)
 */
import { besselK, lnGamma } from "./bessel";

export type MaternNu = number;

const SQRT3 = Math.sqrt(3);
const SQRT5 = Math.sqrt(5);

/** k(r) for the Matern class with smoothness nu (Infinity = RBF). */
export function maternK(nu: number, r: number): number {
  if (nu === 0.5) return Math.exp(-r);
  if (nu === 1.5) {
    const t = SQRT3 * r;
    return (1 + t) * Math.exp(-t);
  }
  if (nu === 2.5) {
    const t = SQRT5 * r;
    return (1 + t + (t * t) / 3) * Math.exp(-t);
  }
  if (nu === Infinity) return Math.exp(-0.5 * r * r);
  if (r === 0) return 1;
  const x = Math.sqrt(2 * nu) * r;
  const logc = (1 - nu) * Math.LN2 - lnGamma(nu);
  return Math.exp(logc + nu * Math.log(x)) * besselK(nu, x);
}

/** f(r) = -k'(r) / r (see the file header); finite at r = 0 except for nu <= 1 (returns 0 there: d_j = 0). */
export function maternF(nu: number, r: number): number {
  if (nu === 0.5) return r === 0 ? 0 : Math.exp(-r) / r;
  if (nu === 1.5) return 3 * Math.exp(-SQRT3 * r);
  if (nu === 2.5) return (5 / 3) * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
  if (nu === Infinity) return Math.exp(-0.5 * r * r);
  if (r === 0) return nu > 1 ? nu / (nu - 1) : 0;
  const a = Math.sqrt(2 * nu);
  const x = a * r;
  const logc = (1 - nu) * Math.LN2 - lnGamma(nu);
  // K_(nu-1) = K_(1-nu) (K is even in its order).
  return Math.exp(logc + (nu - 1) * Math.log(x)) * a * a * besselK(Math.abs(nu - 1), x);
}
