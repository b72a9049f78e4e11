/**
 * Stationary correlation kernels k(x, x') = rho(r): Matern (any nu; 1/2, 3/2, 5/2 in closed form) and
 * RBF (nu = Infinity), on
 *   - feature columns with one length scale per column (ARD, r^2 = sum_j (x_j - x'_j)^2 / l_j^2) or one
 *     shared length scale (isotropic), or
 *   - coordinates (the geographic kernel): `metric: "planar"` = Euclidean on the two columns as given
 *     (degrees, or projected metres/km), `metric: "greatcircle"` = haversine distance in km on (lat, lon)
 *     in decimal degrees (Earth radius 6371.0088 km), one length scale in km.
 * No variance factor: multiply by constantKernel (scikit-learn C * Matern).
 *
 * Derivatives: dk/dlog l_j = f(r) d_j^2 / l_j^2 (ARD) and f(r) r^2 (one length scale), f = -rho'(r) / r
 * (matern.ts), accumulated against W pair by pair (i < j doubled, plus the zero-distance diagonal).
 */
import { FillMode, Kernel, mirrorLower, ParamSpec, put, Rows } from "./kernel";
import { maternF, maternK } from "./matern";

export type GeoMetric = "planar" | "greatcircle";

export interface StationaryOptions {
  /** Columns of the inputs this kernel reads. */
  readonly columns: readonly number[];
  /** Smoothness: 0.5, 1.5, 2.5, any positive number, or Infinity for the RBF. */
  readonly nu: number;
  /** Names of the length scales: one per column (ARD) or a single name (shared). */
  readonly lengthNames: readonly string[];
  /** Theta names (default "log_" + name). */
  readonly thetaNames?: readonly string[];
  readonly init?: number;
  readonly bounds?: readonly [number, number];
  /** Distance on the two columns (lat, lon): only for one length scale. Default: Euclidean. */
  readonly metric?: GeoMetric;
}

export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Haversine great-circle distance in km between (lat1, lon1) and (lat2, lon2) in decimal degrees. */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const s1 = Math.sin(((lat2 - lat1) * RAD) / 2);
  const s2 = Math.sin(((lon2 - lon1) * RAD) / 2);
  const h = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

class StationaryKernel implements Kernel {
  readonly params: readonly ParamSpec[];
  private readonly cols: Int32Array;
  private readonly ard: boolean;
  private readonly gc: boolean;
  constructor(private readonly o: StationaryOptions) {
    this.cols = Int32Array.from(o.columns);
    this.ard = o.lengthNames.length > 1;
    if (this.ard && o.lengthNames.length !== o.columns.length) {
      throw new Error(`stationary kernel: ${o.lengthNames.length} length scales for ${o.columns.length} columns`);
    }
    this.gc = o.metric === "greatcircle";
    if (this.gc && (this.ard || o.columns.length !== 2)) throw new Error("great-circle kernel: two columns (lat, lon) and one length scale");
    const bounds = o.bounds ?? [1e-5, 1e5];
    this.params = o.lengthNames.map((name, j) => ({ name, thetaName: o.thetaNames?.[j] ?? `log_${name}`, init: o.init ?? 1, bounds }));
  }
  describe(v: ArrayLike<number>): string {
    const shape = this.o.nu === Infinity ? "RBF" : `Matern(nu=${this.o.nu})`;
    const ls = Array.from(v).map((x) => String(x)).join(", ");
    return `${shape}(length=[${ls}]${this.gc ? ", great-circle km" : ""})`;
  }

  /** Columns of X divided by their length scales (row-major n x c), or (lat, lon) as given for great-circle. */
  private scaled(X: Rows, v: Float64Array): Float64Array {
    const c = this.cols;
    const p = c.length;
    const out = new Float64Array(X.n * p);
    for (let i = 0; i < X.n; i++) {
      for (let k = 0; k < p; k++) {
        const l = this.gc ? 1 : this.ard ? v[k] : v[0];
        out[i * p + k] = X.data[i * X.d + c[k]] / l;
      }
    }
    return out;
  }

  fill(X: Rows, Y: Rows | null, v: Float64Array, out: Float64Array, mode: FillMode): void {
    this.fillScaled(X, Y, v, 1, out, mode);
  }

  /** scale * k(X, Y): one pass over the pairs (lower triangle, then mirrored, for k(X, X)). */
  fillScaled(X: Rows, Y: Rows | null, v: Float64Array, scale: number, out: Float64Array, mode: FillMode): void {
    const code = shapeCode(this.o.nu);
    const nu = this.o.nu;
    const A = this.scaled(X, v);
    const invL = this.gc ? 1 / v[0] : 1;
    const n = X.n;
    const p = this.cols.length;
    const gc = this.gc;
    if (!Y) {
      for (let i = 0; i < n; i++) {
        const io = i * n;
        const ao = i * p;
        for (let j = 0; j < i; j++) {
          const kv = scale * shapeValue(code, nu, gc ? sq(greatCircleKm(A[ao], A[ao + 1], A[j * p], A[j * p + 1]) * invL) : sqDist(A, ao, j * p, p));
          if (mode === "set") out[io + j] = kv;
          else if (mode === "add") out[io + j] += kv;
          else out[io + j] *= kv;
        }
        put(out, io + i, scale, mode);
      }
      mirrorLower(out, n);
      return;
    }
    const B = this.scaled(Y, v);
    const m = Y.n;
    for (let i = 0; i < n; i++) {
      const ao = i * p;
      const oo = i * m;
      for (let j = 0; j < m; j++) {
        const kv = scale * shapeValue(code, nu, gc ? sq(greatCircleKm(A[ao], A[ao + 1], B[j * p], B[j * p + 1]) * invL) : sqDist2(A, ao, B, j * p, p));
        if (mode === "set") out[oo + j] = kv;
        else if (mode === "add") out[oo + j] += kv;
        else out[oo + j] *= kv;
      }
    }
  }

  /** out[i] (+)= scale * sum_t k(X_i, Y_t) w_t, no matrix stored. */
  crossDot(X: Rows, Y: Rows, v: Float64Array, w: Float64Array, scale: number, out: Float64Array, accumulate: boolean): void {
    const code = shapeCode(this.o.nu);
    const nu = this.o.nu;
    const A = this.scaled(X, v);
    const B = this.scaled(Y, v);
    const invL = this.gc ? 1 / v[0] : 1;
    const p = this.cols.length;
    const m = Y.n;
    const gc = this.gc;
    for (let i = 0; i < X.n; i++) {
      const ao = i * p;
      let s = 0;
      for (let j = 0; j < m; j++) {
        s += w[j] * shapeValue(code, nu, gc ? sq(greatCircleKm(A[ao], A[ao + 1], B[j * p], B[j * p + 1]) * invL) : sqDist2(A, ao, B, j * p, p));
      }
      out[i] = (accumulate ? out[i] : 0) + scale * s;
    }
  }

  diag(X: Rows, _v: Float64Array, out: Float64Array, mode: FillMode): void {
    for (let i = 0; i < X.n; i++) put(out, i, 1, mode);
  }

  gradDot(X: Rows, W: Float64Array, v: Float64Array, g: Float64Array): void {
    this.gradDotValue(X, W, v, 1, g);
  }

  /**
   * g[k] += scale * sum_ij W_ij dk_ij / dlog l_k and returns sum_ij W_ij k_ij, in one pass over i > j
   * (W symmetric: each pair counted twice; the diagonal adds W_ii to the value, nothing to the gradient).
   */
  gradDotValue(X: Rows, W: Float64Array, v: Float64Array, scale: number, g: Float64Array): number {
    const code = shapeCode(this.o.nu);
    const nu = this.o.nu;
    const A = this.scaled(X, v);
    const invL = this.gc ? 1 / v[0] : 1;
    const n = X.n;
    const p = this.cols.length;
    const ard = this.ard;
    const gc = this.gc;
    const acc = new Float64Array(ard ? p : 1);
    let value = 0;
    for (let i = 0; i < n; i++) {
      const io = i * p;
      const wo = i * n;
      let rowValue = 0;
      for (let j = 0; j < i; j++) {
        const w = 2 * W[wo + j];
        if (w === 0) continue;
        const jo = j * p;
        const r2 = gc ? sq(greatCircleKm(A[io], A[io + 1], A[jo], A[jo + 1]) * invL) : sqDist(A, io, jo, p);
        const kf = shapeValueAndF(code, nu, r2);
        rowValue += w * kf;
        const fw = F_OUT[0] * w;
        if (ard) {
          for (let k = 0; k < p; k++) {
            const t = A[io + k] - A[jo + k];
            acc[k] += fw * t * t;
          }
        } else {
          acc[0] += fw * r2;
        }
      }
      value += rowValue + W[wo + i];
    }
    for (let k = 0; k < acc.length; k++) g[k] += scale * acc[k];
    return value;
  }
}

function sq(x: number): number {
  return x * x;
}

function sqDist(A: Float64Array, ao: number, bo: number, p: number): number {
  let s = 0;
  for (let k = 0; k < p; k++) {
    const t = A[ao + k] - A[bo + k];
    s += t * t;
  }
  return s;
}

function sqDist2(A: Float64Array, ao: number, B: Float64Array, bo: number, p: number): number {
  let s = 0;
  for (let k = 0; k < p; k++) {
    const t = A[ao + k] - B[bo + k];
    s += t * t;
  }
  return s;
}

/** 0: nu = 1/2, 1: 3/2, 2: 5/2, 3: RBF, 4: any other nu (Bessel form). */
function shapeCode(nu: number): number {
  return nu === 0.5 ? 0 : nu === 1.5 ? 1 : nu === 2.5 ? 2 : nu === Infinity ? 3 : 4;
}

/** rho at squared distance r2. */
function shapeValue(code: number, nu: number, r2: number): number {
  switch (code) {
    case 0:
      return Math.exp(-Math.sqrt(r2));
    case 1: {
      const t = SQRT3 * Math.sqrt(r2);
      return (1 + t) * Math.exp(-t);
    }
    case 2: {
      const t = SQRT5 * Math.sqrt(r2);
      return (1 + t + (t * t) / 3) * Math.exp(-t);
    }
    case 3:
      return Math.exp(-0.5 * r2);
    default:
      return maternK(nu, Math.sqrt(r2));
  }
}

/** f(r) = -rho'(r) / r of the same pair, set by shapeValueAndF (avoids a second exp). */
const F_OUT = new Float64Array(1);

/** rho(r) returned, f(r) into F_OUT[0], r^2 = r2. */
function shapeValueAndF(code: number, nu: number, r2: number): number {
  switch (code) {
    case 0: {
      const r = Math.sqrt(r2);
      const e = Math.exp(-r);
      F_OUT[0] = r === 0 ? 0 : e / r;
      return e;
    }
    case 1: {
      const t = SQRT3 * Math.sqrt(r2);
      const e = Math.exp(-t);
      F_OUT[0] = 3 * e;
      return (1 + t) * e;
    }
    case 2: {
      const t = SQRT5 * Math.sqrt(r2);
      const e = Math.exp(-t);
      F_OUT[0] = (5 / 3) * (1 + t) * e;
      return (1 + t + (t * t) / 3) * e;
    }
    case 3: {
      const e = Math.exp(-0.5 * r2);
      F_OUT[0] = e;
      return e;
    }
    default: {
      const r = Math.sqrt(r2);
      F_OUT[0] = maternF(nu, r);
      return maternK(nu, r);
    }
  }
}

const SQRT3 = Math.sqrt(3);
const SQRT5 = Math.sqrt(5);

/** A Matern / RBF correlation kernel (see the file header). */
export function stationaryKernel(o: StationaryOptions): Kernel {
  if (!(o.nu > 0)) throw new Error(`Matern nu must be positive, got ${o.nu}`);
  return new StationaryKernel(o);
}
