/**
 * Covariance kernels for Gaussian-process regression: the common interface, sums and products.
 *
 * Inputs are row-major n x d Float64Array matrices (`Rows`); every base kernel reads the columns it
 * was built on. Kernel matrices are row-major n x m. Every hyperparameter is positive and is optimised
 * on the log scale (theta = log value, scikit-learn's convention); its natural-unit value, name, theta
 * name and default bounds are in `params`, in theta order (for a sum or product: the first operand's
 * parameters, then the second's).
 *
 * Gradients never build the n x n x p derivative tensor: `gradDot(X, W, v, g)` adds, for every
 * parameter k, sum_ij W_ij dK_ij / dlog v_k into g[k], one pass over the pairs per base kernel.
 * With W = (a a' - K^-1) / 2 this is d loglik / d theta_k.
 */

export interface Rows {
  readonly n: number;
  readonly d: number;
  /** Row-major n x d. */
  readonly data: Float64Array;
}

export interface ParamSpec {
  /** Natural-unit name (e.g. "sf2", "l_GDP"). */
  readonly name: string;
  /** Name of the log parameter in gradients (e.g. "log_sf2"). */
  readonly thetaName: string;
  /** Default starting value (natural units). */
  readonly init: number;
  /** Default box (natural units, applied on the log scale). */
  readonly bounds: readonly [number, number];
}

export interface Kernel {
  /** Parameters in theta order. */
  readonly params: readonly ParamSpec[];
  /** A short description, e.g. "1.5 * Matern52(ARD on NQP, GDP)". */
  describe(v: ArrayLike<number>): string;
  /**
   * k(X, Y) into out (row-major X.n x Y.n); Y = null means the training covariance k(X, X), the only
   * place where white noise appears. mode "set" overwrites, "add" adds, "mul" multiplies elementwise.
   */
  fill(X: Rows, Y: Rows | null, v: Float64Array, out: Float64Array, mode: FillMode): void;
  /** k(x, x) for every row of X as a NEW point (no noise), into out with the same modes. */
  diag(X: Rows, v: Float64Array, out: Float64Array, mode: FillMode): void;
  /** g[k] += sum_ij W_ij dK(X, X)_ij / dlog v_k for this kernel's parameters (W symmetric n x n). */
  gradDot(X: Rows, W: Float64Array, v: Float64Array, g: Float64Array): void;
  /** True for a constant factor (a variance): products with it use the fused forms below. */
  readonly isConstant?: boolean;
  /** Optional fused form of `scale * k` (a product with a constant): as fill, every value times scale. */
  fillScaled?(X: Rows, Y: Rows | null, v: Float64Array, scale: number, out: Float64Array, mode: FillMode): void;
  /**
   * Optional fused gradient of `scale * k`: g[k] += scale * sum_ij W_ij dK_ij / dlog v_k, and returns
   * sum_ij W_ij K_ij (unscaled) from the same pass (the constant's own gradient is scale times it).
   */
  gradDotValue?(X: Rows, W: Float64Array, v: Float64Array, scale: number, g: Float64Array): number;
  /**
   * Optional: out[i] (+)= scale * sum_t k(X_i, Y_t) w_t without storing the cross-kernel (posterior means
   * of many new rows, GeoShapley). `accumulate` adds to out instead of overwriting.
   */
  crossDot?(X: Rows, Y: Rows, v: Float64Array, w: Float64Array, scale: number, out: Float64Array, accumulate: boolean): void;
}

/** out[i] = sum_t k(X_i, Y_t) w_t through crossDot when the kernel has it, else through the cross-kernel matrix. */
export function kernelCrossDot(k: Kernel, X: Rows, Y: Rows, v: Float64Array, w: Float64Array, out: Float64Array): void {
  if (k.crossDot) {
    k.crossDot(X, Y, v, w, 1, out, false);
    return;
  }
  crossDotByMatrix(k, X, Y, v, w, out);
}

/** out[i] = sum_t k(X_i, Y_t) w_t through blocks of the cross-kernel matrix (256 rows at a time). */
export function crossDotByMatrix(k: Kernel, X: Rows, Y: Rows, v: Float64Array, w: Float64Array, out: Float64Array): void {
  const m = Y.n;
  const B = 256;
  const Ks = new Float64Array(Math.min(B, X.n) * m);
  for (let i0 = 0; i0 < X.n; i0 += B) {
    const rows = Math.min(B, X.n - i0);
    const sub: Rows = { n: rows, d: X.d, data: X.data.subarray(i0 * X.d, (i0 + rows) * X.d) };
    k.fill(sub, Y, v, Ks, "set");
    for (let i = 0; i < rows; i++) {
      let s = 0;
      const o = i * m;
      for (let t = 0; t < m; t++) s += Ks[o + t] * w[t];
      out[i0 + i] = s;
    }
  }
}

/** Copies the lower triangle of a row-major n x n matrix onto the upper one (in 64 x 64 blocks, for the cache). */
export function mirrorLower(out: Float64Array, n: number): void {
  const B = 64;
  for (let i0 = 0; i0 < n; i0 += B) {
    const i1 = Math.min(n, i0 + B);
    for (let j0 = 0; j0 <= i0; j0 += B) {
      const j1 = Math.min(n, j0 + B);
      for (let i = i0; i < i1; i++) {
        const io = i * n;
        const jEnd = Math.min(j1, i);
        for (let j = j0; j < jEnd; j++) out[j * n + i] = out[io + j];
      }
    }
  }
}

export type FillMode = "set" | "add" | "mul";

/** Writes value into out[i] according to mode. */
export function put(out: Float64Array, i: number, value: number, mode: FillMode): void {
  if (mode === "set") out[i] = value;
  else if (mode === "add") out[i] += value;
  else out[i] *= value;
}

/** The training covariance k(X, X) of a kernel at parameter values v (row-major n x n). */
export function kernelMatrix(k: Kernel, X: Rows, v: Float64Array, Y: Rows | null = null): Float64Array {
  const out = new Float64Array(X.n * (Y ? Y.n : X.n));
  k.fill(X, Y, v, out, "set");
  return out;
}

/** A kernel made of two operands: parameters of a, then of b. */
abstract class BinaryKernel {
  readonly params: readonly ParamSpec[];
  protected readonly na: number;
  constructor(protected readonly a: Kernel, protected readonly b: Kernel) {
    this.params = [...a.params, ...b.params];
    this.na = a.params.length;
  }
}

class SumKernel extends BinaryKernel implements Kernel {
  describe(v: ArrayLike<number>): string {
    const [va, vb] = split(v, this.na);
    return `${this.a.describe(va)} + ${this.b.describe(vb)}`;
  }
  fill(X: Rows, Y: Rows | null, v: Float64Array, out: Float64Array, mode: FillMode): void {
    const [va, vb] = split(v, this.na);
    if (mode === "mul") {
      const t = new Float64Array(out.length);
      this.a.fill(X, Y, va, t, "set");
      this.b.fill(X, Y, vb, t, "add");
      for (let i = 0; i < out.length; i++) out[i] *= t[i];
      return;
    }
    this.a.fill(X, Y, va, out, mode);
    this.b.fill(X, Y, vb, out, "add");
  }
  diag(X: Rows, v: Float64Array, out: Float64Array, mode: FillMode): void {
    const [va, vb] = split(v, this.na);
    if (mode === "mul") {
      const t = new Float64Array(out.length);
      this.a.diag(X, va, t, "set");
      this.b.diag(X, vb, t, "add");
      for (let i = 0; i < out.length; i++) out[i] *= t[i];
      return;
    }
    this.a.diag(X, va, out, mode);
    this.b.diag(X, vb, out, "add");
  }
  crossDot(X: Rows, Y: Rows, v: Float64Array, w: Float64Array, scale: number, out: Float64Array, accumulate: boolean): void {
    const [va, vb] = split(v, this.na);
    crossDotOf(this.a, X, Y, va, w, scale, out, accumulate);
    crossDotOf(this.b, X, Y, vb, w, scale, out, true);
  }
  gradDot(X: Rows, W: Float64Array, v: Float64Array, g: Float64Array): void {
    const [va, vb] = split(v, this.na);
    const ga = g.subarray(0, this.na);
    const gb = g.subarray(this.na);
    this.a.gradDot(X, W, va, ga);
    this.b.gradDot(X, W, vb, gb);
  }
}

class ProductKernel extends BinaryKernel implements Kernel {
  describe(v: ArrayLike<number>): string {
    const [va, vb] = split(v, this.na);
    return `(${this.a.describe(va)}) * (${this.b.describe(vb)})`;
  }
  fill(X: Rows, Y: Rows | null, v: Float64Array, out: Float64Array, mode: FillMode): void {
    const [va, vb] = split(v, this.na);
    if (this.a.isConstant && this.b.fillScaled) return this.b.fillScaled(X, Y, vb, va[0], out, mode);
    if (this.b.isConstant && this.a.fillScaled) return this.a.fillScaled(X, Y, va, vb[0], out, mode);
    if (mode === "set") {
      this.a.fill(X, Y, va, out, "set");
      this.b.fill(X, Y, vb, out, "mul");
      return;
    }
    const t = new Float64Array(out.length);
    this.a.fill(X, Y, va, t, "set");
    this.b.fill(X, Y, vb, t, "mul");
    for (let i = 0; i < out.length; i++) out[i] = mode === "add" ? out[i] + t[i] : out[i] * t[i];
  }
  diag(X: Rows, v: Float64Array, out: Float64Array, mode: FillMode): void {
    const [va, vb] = split(v, this.na);
    const t = new Float64Array(out.length);
    this.a.diag(X, va, t, "set");
    this.b.diag(X, vb, t, "mul");
    for (let i = 0; i < out.length; i++) put(out, i, t[i], mode);
  }
  /** d(ab) = da b + a db: each factor's gradient against W weighted elementwise by the other factor. */
  crossDot(X: Rows, Y: Rows, v: Float64Array, w: Float64Array, scale: number, out: Float64Array, accumulate: boolean): void {
    const [va, vb] = split(v, this.na);
    if (this.a.isConstant && this.b.crossDot) return this.b.crossDot(X, Y, vb, w, scale * va[0], out, accumulate);
    if (this.b.isConstant && this.a.crossDot) return this.a.crossDot(X, Y, va, w, scale * vb[0], out, accumulate);
    const t = new Float64Array(X.n);
    crossDotByMatrix(this, X, Y, v, w, t);
    for (let i = 0; i < X.n; i++) out[i] = (accumulate ? out[i] : 0) + scale * t[i];
  }
  gradDot(X: Rows, W: Float64Array, v: Float64Array, g: Float64Array): void {
    const [va, vb] = split(v, this.na);
    // A variance times a kernel with the fused gradient: one pass over the pairs.
    if (this.a.isConstant && this.b.gradDotValue) {
      g[0] += va[0] * this.b.gradDotValue(X, W, vb, va[0], g.subarray(this.na));
      return;
    }
    if (this.b.isConstant && this.a.gradDotValue) {
      g[this.na] += vb[0] * this.a.gradDotValue(X, W, va, vb[0], g.subarray(0, this.na));
      return;
    }
    const Wb = new Float64Array(W.length);
    this.b.fill(X, null, vb, Wb, "set");
    for (let i = 0; i < W.length; i++) Wb[i] *= W[i];
    this.a.gradDot(X, Wb, va, g.subarray(0, this.na));
    const Wa = Wb;
    this.a.fill(X, null, va, Wa, "set");
    for (let i = 0; i < W.length; i++) Wa[i] *= W[i];
    this.b.gradDot(X, Wa, vb, g.subarray(this.na));
  }
}

function crossDotOf(k: Kernel, X: Rows, Y: Rows, v: Float64Array, w: Float64Array, scale: number, out: Float64Array, accumulate: boolean): void {
  if (k.crossDot) return k.crossDot(X, Y, v, w, scale, out, accumulate);
  const t = new Float64Array(X.n);
  crossDotByMatrix(k, X, Y, v, w, t);
  for (let i = 0; i < X.n; i++) out[i] = (accumulate ? out[i] : 0) + scale * t[i];
}

function split(v: ArrayLike<number>, na: number): [Float64Array, Float64Array] {
  const f = v instanceof Float64Array ? v : Float64Array.from(v);
  return [f.subarray(0, na), f.subarray(na)];
}

/** k_a + k_b. */
export function sum(a: Kernel, b: Kernel, ...more: Kernel[]): Kernel {
  let k: Kernel = new SumKernel(a, b);
  for (const m of more) k = new SumKernel(k, m);
  return k;
}

/** k_a * k_b (elementwise). */
export function product(a: Kernel, b: Kernel, ...more: Kernel[]): Kernel {
  let k: Kernel = new ProductKernel(a, b);
  for (const m of more) k = new ProductKernel(k, m);
  return k;
}
