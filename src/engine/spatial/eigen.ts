/**
 * Eigenvalues (no vectors) of dense n x n matrices, for ln|I - rho W| and the traces of the spatial
 * models. Input row-major Float64Array (A[i * n + j] = A(i, j)); it is copied, never changed.
 *
 * - `generalEigenvalues`: Householder reduction to upper Hessenberg form, then the Francis double-shift
 *   QR iteration restricted to the active block (EISPACK orthes + hqr, values only; the exceptional shifts
 *   of JAMA/MATLAB). Complex eigenvalues come in conjugate pairs (re, im).
 * - `symmetricEigenvalues`: Householder tridiagonalisation and implicit QL with Wilkinson shifts
 *   (EISPACK tred1 + tql1), for a symmetric matrix (e.g. D^-1/2 C D^-1/2, which is similar to the
 *   row-standardised W = D^-1 C of a symmetric C).
 * ml-matrix's EigenvalueDecomposition computes vectors as well and takes ~1.8 s for n = 284; these take
 * a few tens of milliseconds.
 */
import { InputError } from "../frame/errors";

export interface Eigenvalues {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

const EPS = 2 ** -52;

export function generalEigenvalues(A: ArrayLike<number>, n: number): Eigenvalues {
  const H = Float64Array.from(A as ArrayLike<number>);
  hessenberg(H, n);
  return hqr(H, n);
}

function hessenberg(H: Float64Array, n: number): void {
  const ort = new Float64Array(n);
  const high = n - 1;
  for (let m = 1; m <= high - 1; m++) {
    let scale = 0;
    for (let i = m; i <= high; i++) scale += Math.abs(H[i * n + m - 1]);
    if (scale === 0) continue;
    let h = 0;
    for (let i = high; i >= m; i--) {
      ort[i] = H[i * n + m - 1] / scale;
      h += ort[i] * ort[i];
    }
    let g = Math.sqrt(h);
    if (ort[m] > 0) g = -g;
    h -= ort[m] * g;
    ort[m] -= g;
    // H = (I - u u'/h) H
    const f = new Float64Array(n);
    for (let i = m; i <= high; i++) {
      const oi = ort[i];
      const row = i * n;
      for (let j = m; j < n; j++) f[j] += oi * H[row + j];
    }
    for (let j = m; j < n; j++) f[j] /= h;
    for (let i = m; i <= high; i++) {
      const oi = ort[i];
      const row = i * n;
      for (let j = m; j < n; j++) H[row + j] -= f[j] * oi;
    }
    // H = H (I - u u'/h)
    for (let i = 0; i <= high; i++) {
      const row = i * n;
      let s = 0;
      for (let j = m; j <= high; j++) s += ort[j] * H[row + j];
      s /= h;
      for (let j = m; j <= high; j++) H[row + j] -= s * ort[j];
    }
    ort[m] *= scale;
    H[m * n + m - 1] = scale * g;
    for (let i = m + 1; i <= high; i++) H[i * n + m - 1] = 0;
  }
}

function hqr(H: Float64Array, nn: number): Eigenvalues {
  const d = new Float64Array(nn);
  const e = new Float64Array(nn);
  const at = (i: number, j: number) => H[i * nn + j];
  let n = nn - 1;
  const low = 0;
  let exshift = 0;
  let p = 0, q = 0, r = 0, s = 0, z = 0, w: number, x: number, y: number;
  let norm = 0;
  for (let i = 0; i < nn; i++) for (let j = Math.max(i - 1, 0); j < nn; j++) norm += Math.abs(at(i, j));
  let iter = 0;
  let total = 0;
  while (n >= low) {
    let l = n;
    while (l > low) {
      s = Math.abs(at(l - 1, l - 1)) + Math.abs(at(l, l));
      if (s === 0) s = norm;
      if (Math.abs(at(l, l - 1)) < EPS * s) break;
      l--;
    }
    if (l === n) {
      d[n] = at(n, n) + exshift;
      e[n] = 0;
      n--;
      iter = 0;
    } else if (l === n - 1) {
      w = at(n, n - 1) * at(n - 1, n);
      p = (at(n - 1, n - 1) - at(n, n)) / 2;
      q = p * p + w;
      z = Math.sqrt(Math.abs(q));
      x = at(n, n) + exshift;
      if (q >= 0) {
        z = p >= 0 ? p + z : p - z;
        d[n - 1] = x + z;
        d[n] = z !== 0 ? x - w / z : d[n - 1];
        e[n - 1] = 0;
        e[n] = 0;
      } else {
        d[n - 1] = x + p;
        d[n] = x + p;
        e[n - 1] = z;
        e[n] = -z;
      }
      n -= 2;
      iter = 0;
    } else {
      x = at(n, n);
      y = 0;
      w = 0;
      if (l < n) {
        y = at(n - 1, n - 1);
        w = at(n, n - 1) * at(n - 1, n);
      }
      if (iter === 10) {
        exshift += x;
        for (let i = low; i <= n; i++) H[i * nn + i] -= x;
        s = Math.abs(at(n, n - 1)) + Math.abs(at(n - 1, n - 2));
        x = y = 0.75 * s;
        w = -0.4375 * s * s;
      }
      if (iter === 30) {
        s = (y - x) / 2;
        s = s * s + w;
        if (s > 0) {
          s = Math.sqrt(s);
          if (y < x) s = -s;
          s = x - w / ((y - x) / 2 + s);
          for (let i = low; i <= n; i++) H[i * nn + i] -= s;
          exshift += s;
          x = y = w = 0.964;
        }
      }
      iter++;
      if (++total > 60 * nn) throw new InputError("The eigenvalues of W did not converge (QR iteration); check the weights matrix.", "num");
      let m = n - 2;
      while (m >= l) {
        z = at(m, m);
        r = x - z;
        s = y - z;
        p = (r * s - w) / at(m + 1, m) + at(m, m + 1);
        q = at(m + 1, m + 1) - z - r - s;
        r = at(m + 2, m + 1);
        s = Math.abs(p) + Math.abs(q) + Math.abs(r);
        p /= s;
        q /= s;
        r /= s;
        if (m === l) break;
        if (Math.abs(at(m, m - 1)) * (Math.abs(q) + Math.abs(r)) < EPS * (Math.abs(p) * (Math.abs(at(m - 1, m - 1)) + Math.abs(z) + Math.abs(at(m + 1, m + 1))))) break;
        m--;
      }
      for (let i = m + 2; i <= n; i++) {
        H[i * nn + i - 2] = 0;
        if (i > m + 2) H[i * nn + i - 3] = 0;
      }
      for (let k = m; k <= n - 1; k++) {
        const notlast = k !== n - 1;
        if (k !== m) {
          p = at(k, k - 1);
          q = at(k + 1, k - 1);
          r = notlast ? at(k + 2, k - 1) : 0;
          x = Math.abs(p) + Math.abs(q) + Math.abs(r);
          if (x === 0) continue;
          p /= x;
          q /= x;
          r /= x;
        }
        s = Math.sqrt(p * p + q * q + r * r);
        if (p < 0) s = -s;
        if (s !== 0) {
          if (k !== m) H[k * nn + k - 1] = -s * x!;
          else if (l !== m) H[k * nn + k - 1] = -at(k, k - 1);
          p += s;
          x = p / s;
          y = q / s;
          z = r / s;
          q /= p;
          r /= p;
          const rk = k * nn, rk1 = (k + 1) * nn, rk2 = (k + 2) * nn;
          for (let j = k; j <= n; j++) {
            let pp = H[rk + j] + q * H[rk1 + j];
            if (notlast) {
              pp += r * H[rk2 + j];
              H[rk2 + j] -= pp * z;
            }
            H[rk + j] -= pp * x;
            H[rk1 + j] -= pp * y;
          }
          const iMax = Math.min(n, k + 3);
          for (let i = l; i <= iMax; i++) {
            const ri = i * nn;
            let pp = x * H[ri + k] + y * H[ri + k + 1];
            if (notlast) {
              pp += z * H[ri + k + 2];
              H[ri + k + 2] -= pp * r;
            }
            H[ri + k] -= pp;
            H[ri + k + 1] -= pp * q;
          }
        }
      }
    }
  }
  return { re: d, im: e };
}

/** Eigenvalues of a symmetric matrix (ascending); imaginary parts are zero. */
export function symmetricEigenvalues(A: ArrayLike<number>, n: number): Eigenvalues {
  const a = Float64Array.from(A as ArrayLike<number>);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  // tred1: Householder reduction using the lower triangle (row-major a[i][k], k <= i)
  for (let i = n - 1; i >= 1; i--) {
    const l = i - 1;
    let h = 0;
    const ri = i * n;
    if (l > 0) {
      let scale = 0;
      for (let k = 0; k <= l; k++) scale += Math.abs(a[ri + k]);
      if (scale === 0) {
        e[i] = a[ri + l];
      } else {
        for (let k = 0; k <= l; k++) {
          a[ri + k] /= scale;
          h += a[ri + k] * a[ri + k];
        }
        let f = a[ri + l];
        let g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
        e[i] = scale * g;
        h -= f * g;
        a[ri + l] = f - g;
        f = 0;
        for (let j = 0; j <= l; j++) {
          const rj = j * n;
          g = 0;
          for (let k = 0; k <= j; k++) g += a[rj + k] * a[ri + k];
          for (let k = j + 1; k <= l; k++) g += a[k * n + j] * a[ri + k];
          e[j] = g / h;
          f += e[j] * a[ri + j];
        }
        const hh = f / (h + h);
        for (let j = 0; j <= l; j++) {
          f = a[ri + j];
          g = e[j] - hh * f;
          e[j] = g;
          const rj = j * n;
          for (let k = 0; k <= j; k++) a[rj + k] -= f * e[k] + g * a[ri + k];
        }
      }
    } else {
      e[i] = a[ri + l];
    }
  }
  for (let i = 0; i < n; i++) d[i] = a[i * n + i];
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  tql1(d, e, n);
  d.sort();
  return { re: d, im: new Float64Array(n) };
}

function tql1(d: Float64Array, e: Float64Array, n: number): void {
  for (let l = 0; l < n; l++) {
    let iter = 0;
    let m: number;
    do {
      for (m = l; m < n - 1; m++) {
        const dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
        if (Math.abs(e[m]) <= EPS * dd) break;
      }
      if (m !== l) {
        if (iter++ === 60) throw new InputError("The eigenvalues of W did not converge (QL iteration); check the weights matrix.", "num");
        let g = (d[l + 1] - d[l]) / (2 * e[l]);
        let r = Math.hypot(g, 1);
        g = d[m] - d[l] + e[l] / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
        let s = 1, c = 1, p = 0;
        let i: number;
        let early = false;
        for (i = m - 1; i >= l; i--) {
          const f = s * e[i];
          const b = c * e[i];
          r = Math.hypot(f, g);
          e[i + 1] = r;
          if (r === 0) {
            d[i + 1] -= p;
            e[m] = 0;
            early = true;
            break;
          }
          s = f / r;
          c = g / r;
          g = d[i + 1] - p;
          r = (d[i] - g) * s + 2 * c * b;
          p = s * r;
          d[i + 1] = g + p;
          g = c * r - b;
        }
        if (early) continue;
        d[l] -= p;
        e[l] = g;
        e[m] = 0;
      }
    } while (m !== l);
  }
}
