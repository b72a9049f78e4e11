/**
 * The modified Bessel function of the second kind K_nu(x) for real order nu >= 0 and x > 0, and
 * log Gamma, for Matern kernels of non-half-integer smoothness.
 *
 * K_nu: Temme's method (N. M. Temme, J. Comput. Phys. 19, 1975; the scheme of Numerical Recipes'
 * `bessik`, here written for K only): reduce to mu = nu - round(nu) in [-1/2, 1/2]; for x < 2 Temme's
 * series for K_mu and K_(mu+1), for x >= 2 Steed's continued fraction CF2 (Thompson & Barnett); then the
 * upward recurrence K_(mu+k+1) = 2 (mu + k) / x K_(mu+k) + K_(mu+k-1), which is stable for K.
 * gamma1(mu) = (1/Gamma(1-mu) - 1/Gamma(1+mu)) / (2 mu) and gamma2 = (1/Gamma(1-mu) + 1/Gamma(1+mu)) / 2
 * come from log Gamma for |mu| >= 1e-3 and from the Taylor series of 1/Gamma(1+z) (Abramowitz & Stegun
 * 6.1.34) below, where the difference would cancel.
 */

const EPS = 1e-16;

// Lanczos approximation, g = 7, n = 9 (relative error about 1e-15 for Re z > 0.5).
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** log Gamma(z) for z > 0. */
export function lnGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - lnGamma(1 - z);
  const zz = z - 1;
  let a = LANCZOS[0];
  const t = zz + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (zz + i);
  return 0.5 * Math.log(2 * Math.PI) + (zz + 0.5) * Math.log(t) - t + Math.log(a);
}

/** 1/Gamma(1+z) = sum_k c_k z^(k-1), A&S 6.1.34 (first coefficients; used for |z| < 1e-3). */
const RGAMMA = [1, 0.5772156649015329, -0.6558780715202538, -0.0420026350340952, 0.1665386113822915, -0.0421977345555443];

function gammaTerms(mu: number): { gam1: number; gam2: number; gampl: number; gammi: number } {
  if (Math.abs(mu) < 1e-3) {
    const m2 = mu * mu;
    const gam1 = -(RGAMMA[1] + RGAMMA[3] * m2 + RGAMMA[5] * m2 * m2);
    const gam2 = RGAMMA[0] + RGAMMA[2] * m2 + RGAMMA[4] * m2 * m2;
    return { gam1, gam2, gampl: gam2 - mu * gam1, gammi: gam2 + mu * gam1 };
  }
  const gampl = 1 / (Math.exp(lnGamma(1 + mu)));
  const gammi = 1 / (Math.exp(lnGamma(1 - mu)));
  return { gam1: (gammi - gampl) / (2 * mu), gam2: (gammi + gampl) / 2, gampl, gammi };
}

/** K_nu(x) for nu >= 0, x > 0. */
export function besselK(nu: number, x: number): number {
  if (!(x > 0)) return x === 0 ? Infinity : NaN;
  if (nu < 0) nu = -nu;
  const nl = Math.floor(nu + 0.5);
  const xmu = nu - nl;
  const xmu2 = xmu * xmu;
  const xi = 1 / x;
  const xi2 = 2 * xi;
  let rkmu: number;
  let rk1: number;
  if (x < 2) {
    const x2 = 0.5 * x;
    const pimu = Math.PI * xmu;
    const fact = Math.abs(pimu) < EPS ? 1 : pimu / Math.sin(pimu);
    let d = -Math.log(x2);
    let e = xmu * d;
    const fact2 = Math.abs(e) < EPS ? 1 : Math.sinh(e) / e;
    const { gam1, gam2, gampl, gammi } = gammaTerms(xmu);
    let ff = fact * (gam1 * Math.cosh(e) + gam2 * fact2 * d);
    let sum = ff;
    e = Math.exp(e);
    let p = (0.5 * e) / gampl;
    let q = 0.5 / (e * gammi);
    let c = 1;
    d = x2 * x2;
    let sum1 = p;
    for (let i = 1; i < 10000; i++) {
      ff = (i * ff + p + q) / (i * i - xmu2);
      c *= d / i;
      p /= i - xmu;
      q /= i + xmu;
      const del = c * ff;
      sum += del;
      const del1 = c * (p - i * ff);
      sum1 += del1;
      if (Math.abs(del) < Math.abs(sum) * EPS) break;
    }
    rkmu = sum;
    rk1 = sum1 * xi2;
  } else {
    let b = 2 * (1 + x);
    let d = 1 / b;
    let h = d;
    let delh = d;
    let q1 = 0;
    let q2 = 1;
    const a1 = 0.25 - xmu2;
    let q = a1;
    let c = a1;
    let a = -a1;
    let s = 1 + q * delh;
    for (let i = 2; i < 100000; i++) {
      a -= 2 * (i - 1);
      c = (-a * c) / i;
      const qnew = (q1 - b * q2) / a;
      q1 = q2;
      q2 = qnew;
      q += c * qnew;
      b += 2;
      d = 1 / (b + a * d);
      delh = (b * d - 1) * delh;
      h += delh;
      const dels = q * delh;
      s += dels;
      if (Math.abs(dels / s) < EPS) break;
    }
    h = a1 * h;
    rkmu = (Math.sqrt(Math.PI / (2 * x)) * Math.exp(-x)) / s;
    rk1 = (rkmu * (xmu + x + 0.5 - h)) * xi;
  }
  for (let i = 1; i <= nl; i++) {
    const t = (xmu + i) * xi2 * rk1 + rkmu;
    rkmu = rk1;
    rk1 = t;
  }
  return rkmu;
}
