/**
 * The constant kernel k(x, x') = c (scikit-learn ConstantKernel, used as a variance factor in products)
 * and white noise k(x, x') = s [x and x' are the same TRAINING row] (scikit-learn WhiteKernel: it enters
 * only the diagonal of the training covariance; the covariance with new points never holds noise).
 */
import { FillMode, Kernel, ParamSpec, put, Rows } from "./kernel";

class ConstantKernel implements Kernel {
  readonly params: readonly ParamSpec[];
  readonly isConstant = true;
  constructor(name: string, init: number, bounds: readonly [number, number]) {
    this.params = [{ name, thetaName: `log_${name}`, init, bounds }];
  }
  describe(v: ArrayLike<number>): string {
    return `${this.params[0].name}=${v[0]}`;
  }
  fill(X: Rows, Y: Rows | null, v: Float64Array, out: Float64Array, mode: FillMode): void {
    const c = v[0];
    const len = X.n * (Y ? Y.n : X.n);
    if (mode === "set") out.fill(c, 0, len);
    else if (mode === "add") for (let i = 0; i < len; i++) out[i] += c;
    else for (let i = 0; i < len; i++) out[i] *= c;
  }
  diag(X: Rows, v: Float64Array, out: Float64Array, mode: FillMode): void {
    for (let i = 0; i < X.n; i++) put(out, i, v[0], mode);
  }
  gradDot(X: Rows, W: Float64Array, v: Float64Array, g: Float64Array): void {
    let s = 0;
    const len = X.n * X.n;
    for (let i = 0; i < len; i++) s += W[i];
    g[0] += v[0] * s;
  }
  crossDot(X: Rows, Y: Rows, v: Float64Array, w: Float64Array, scale: number, out: Float64Array, accumulate: boolean): void {
    let s = 0;
    for (let t = 0; t < Y.n; t++) s += w[t];
    for (let i = 0; i < X.n; i++) out[i] = (accumulate ? out[i] : 0) + scale * v[0] * s;
  }
}

class WhiteKernel implements Kernel {
  readonly params: readonly ParamSpec[];
  constructor(name: string, init: number, bounds: readonly [number, number]) {
    this.params = [{ name, thetaName: `log_${name}`, init, bounds }];
  }
  describe(v: ArrayLike<number>): string {
    return `White(${this.params[0].name}=${v[0]})`;
  }
  fill(X: Rows, Y: Rows | null, v: Float64Array, out: Float64Array, mode: FillMode): void {
    const n = X.n;
    const m = Y ? Y.n : n;
    if (mode === "set") out.fill(0, 0, n * m);
    if (Y) {
      if (mode === "mul") out.fill(0, 0, n * m);
      return;
    }
    if (mode === "mul") {
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] *= i === j ? v[0] : 0;
      return;
    }
    for (let i = 0; i < n; i++) out[i * n + i] += v[0];
  }
  diag(X: Rows, _v: Float64Array, out: Float64Array, mode: FillMode): void {
    for (let i = 0; i < X.n; i++) put(out, i, 0, mode);
  }
  /** The covariance with new points holds no noise. */
  crossDot(X: Rows, _Y: Rows, _v: Float64Array, _w: Float64Array, _scale: number, out: Float64Array, accumulate: boolean): void {
    if (!accumulate) out.fill(0, 0, X.n);
  }
  gradDot(X: Rows, W: Float64Array, v: Float64Array, g: Float64Array): void {
    let t = 0;
    for (let i = 0; i < X.n; i++) t += W[i * X.n + i];
    g[0] += v[0] * t;
  }
}

/** A variance (or any positive constant factor) named `name`. */
export function constantKernel(name: string, init = 1, bounds: readonly [number, number] = [1e-5, 1e5]): Kernel {
  return new ConstantKernel(name, init, bounds);
}

/** White noise with variance `name` on the training diagonal. */
export function whiteKernel(name: string, init = 1, bounds: readonly [number, number] = [1e-5, 1e5]): Kernel {
  return new WhiteKernel(name, init, bounds);
}
