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
import { FillMode, Kernel, ParamSpec, put, Rows } from "./kernel";
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

  /** r between scaled rows a (of A) and b (of B). */
  private rOf(A: Float64Array, a: number, B: Float64Array, b: number, invL: number): number {
    const p = this.cols.length;
    if (this.gc) return greatCircleKm(A[a * 2], A[a * 2 + 1], B[b * 2], B[b * 2 + 1]) * invL;
    let s = 0;
    const ao = a * p;
    const bo = b * p;
    for (let k = 0; k < p; k++) {
      const t = A[ao + k] - B[bo + k];
      s += t * t;
    }
    return Math.sqrt(s);
  }

  fill(X: Rows, Y: Rows | null, v: Float64Array, out: Float64Array, mode: FillMode): void {
    const k = shapeK(this.o.nu);
    const A = this.scaled(X, v);
    const invL = this.gc ? 1 / v[0] : 1;
    const n = X.n;
    if (!Y) {
      const target = mode === "set" ? out : new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        target[i * n + i] = 1;
        for (let j = 0; j < i; j++) {
          const kv = k(this.rOf(A, i, A, j, invL));
          target[i * n + j] = kv;
          target[j * n + i] = kv;
        }
      }
      combine(out, target, n * n, mode);
      return;
    }
    const B = this.scaled(Y, v);
    const m = Y.n;
    const target = mode === "set" ? out : new Float64Array(n * m);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) target[i * m + j] = k(this.rOf(A, i, B, j, invL));
    combine(out, target, n * m, mode);
  }

  diag(X: Rows, _v: Float64Array, out: Float64Array, mode: FillMode): void {
    for (let i = 0; i < X.n; i++) put(out, i, 1, mode);
  }

  gradDot(X: Rows, W: Float64Array, v: Float64Array, g: Float64Array): void {
    const f = shapeF(this.o.nu);
    const A = this.scaled(X, v);
    const invL = this.gc ? 1 / v[0] : 1;
    const n = X.n;
    const p = this.cols.length;
    const acc = new Float64Array(this.ard ? p : 1);
    for (let i = 0; i < n; i++) {
      const io = i * p;
      for (let j = 0; j < i; j++) {
        const w = W[i * n + j] + W[j * n + i];
        if (w === 0) continue;
        const r = this.rOf(A, i, A, j, invL);
        const fw = f(r) * w;
        if (this.ard) {
          const jo = j * p;
          for (let k = 0; k < p; k++) {
            const t = A[io + k] - A[jo + k];
            acc[k] += fw * t * t;
          }
        } else {
          acc[0] += fw * r * r;
        }
      }
    }
    for (let k = 0; k < acc.length; k++) g[k] += acc[k];
  }
}

function combine(out: Float64Array, t: Float64Array, len: number, mode: FillMode): void {
  if (mode === "set") return;
  if (mode === "add") for (let i = 0; i < len; i++) out[i] += t[i];
  else for (let i = 0; i < len; i++) out[i] *= t[i];
}

const SQRT3 = Math.sqrt(3);
const SQRT5 = Math.sqrt(5);

/** rho(r), specialised once per call so the pair loop calls one monomorphic function. */
function shapeK(nu: number): (r: number) => number {
  if (nu === 2.5) return (r) => {
    const t = SQRT5 * r;
    return (1 + t + (t * t) / 3) * Math.exp(-t);
  };
  if (nu === 1.5) return (r) => (1 + SQRT3 * r) * Math.exp(-SQRT3 * r);
  if (nu === 0.5) return (r) => Math.exp(-r);
  if (nu === Infinity) return (r) => Math.exp(-0.5 * r * r);
  return (r) => maternK(nu, r);
}

function shapeF(nu: number): (r: number) => number {
  if (nu === 2.5) return (r) => (5 / 3) * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
  if (nu === 1.5) return (r) => 3 * Math.exp(-SQRT3 * r);
  if (nu === Infinity) return (r) => Math.exp(-0.5 * r * r);
  return (r) => maternF(nu, r);
}

/** A Matern / RBF correlation kernel (see the file header). */
export function stationaryKernel(o: StationaryOptions): Kernel {
  if (!(o.nu > 0)) throw new Error(`Matern nu must be positive, got ${o.nu}`);
  return new StationaryKernel(o);
}
