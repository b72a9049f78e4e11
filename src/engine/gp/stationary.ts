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

  /** r^2 between row i of X and row j of Y (scaled by the length scales), or r for great-circle. */
  private r(X: Rows, i: number, Y: Rows, j: number, inv2: Float64Array): number {
    const xo = i * X.d;
    const yo = j * Y.d;
    const c = this.cols;
    if (this.gc) return greatCircleKm(X.data[xo + c[0]], X.data[xo + c[1]], Y.data[yo + c[0]], Y.data[yo + c[1]]) * Math.sqrt(inv2[0]);
    let s = 0;
    if (this.ard) {
      for (let k = 0; k < c.length; k++) {
        const t = X.data[xo + c[k]] - Y.data[yo + c[k]];
        s += t * t * inv2[k];
      }
    } else {
      for (let k = 0; k < c.length; k++) {
        const t = X.data[xo + c[k]] - Y.data[yo + c[k]];
        s += t * t;
      }
      s *= inv2[0];
    }
    return Math.sqrt(s);
  }

  private inv2(v: Float64Array): Float64Array {
    const out = new Float64Array(v.length);
    for (let k = 0; k < v.length; k++) out[k] = 1 / (v[k] * v[k]);
    return out;
  }

  fill(X: Rows, Y: Rows | null, v: Float64Array, out: Float64Array, mode: FillMode): void {
    const inv2 = this.inv2(v);
    const nu = this.o.nu;
    if (!Y) {
      const n = X.n;
      for (let i = 0; i < n; i++) {
        put(out, i * n + i, 1, mode);
        for (let j = 0; j < i; j++) {
          const k = maternK(nu, this.r(X, i, X, j, inv2));
          put(out, i * n + j, k, mode);
          put(out, j * n + i, k, mode);
        }
      }
      return;
    }
    const m = Y.n;
    for (let i = 0; i < X.n; i++) for (let j = 0; j < m; j++) put(out, i * m + j, maternK(nu, this.r(X, i, Y, j, inv2)), mode);
  }

  diag(X: Rows, _v: Float64Array, out: Float64Array, mode: FillMode): void {
    for (let i = 0; i < X.n; i++) put(out, i, 1, mode);
  }

  gradDot(X: Rows, W: Float64Array, v: Float64Array, g: Float64Array): void {
    const inv2 = this.inv2(v);
    const nu = this.o.nu;
    const n = X.n;
    const c = this.cols;
    const p = c.length;
    const acc = new Float64Array(this.ard ? p : 1);
    for (let i = 0; i < n; i++) {
      const xo = i * X.d;
      for (let j = 0; j < i; j++) {
        const r = this.r(X, i, X, j, inv2);
        const w = W[i * n + j] + W[j * n + i];
        if (w === 0) continue;
        const f = maternF(nu, r) * w;
        if (this.ard) {
          const yo = j * X.d;
          for (let k = 0; k < p; k++) {
            const t = X.data[xo + c[k]] - X.data[yo + c[k]];
            acc[k] += f * t * t * inv2[k];
          }
        } else {
          acc[0] += f * r * r;
        }
      }
    }
    for (let k = 0; k < acc.length; k++) g[k] += acc[k];
  }
}

/** A Matern / RBF correlation kernel (see the file header). */
export function stationaryKernel(o: StationaryOptions): Kernel {
  if (!(o.nu > 0)) throw new Error(`Matern nu must be positive, got ${o.nu}`);
  return new StationaryKernel(o);
}
