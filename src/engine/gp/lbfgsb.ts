/**
 * Box-constrained quasi-Newton minimisation (projected L-BFGS with an active set; the problem class of
 * L-BFGS-B, Byrd, Lu, Nocedal & Zhu 1995, without its generalised Cauchy point):
 *
 * - variables at a bound whose gradient points outward are held (active); the two-loop L-BFGS recursion
 *   (memory m, Nocedal & Wright alg. 7.4) gives the direction in the free variables; the step is projected
 *   onto the box with a backtracking Armijo search along the projected path;
 * - the memory is cleared when the active set changes, and a non-descent direction falls back to
 *   steepest descent;
 * - stops when the projected gradient's largest component is <= gtol, or the relative decrease
 *   (f_k - f_k+1) / max(|f_k|, |f_k+1|, 1) <= ftol (scipy's L-BFGS-B criterion), or after maxIter
 *   iterations.
 */

export interface BoxMinimizeOptions {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly m?: number;
  readonly maxIter?: number;
  readonly ftol?: number;
  readonly gtol?: number;
  /** Called after every accepted iteration; throw to stop (e.g. cancellation). */
  readonly onIteration?: (iter: number, f: number) => void;
}

export interface BoxMinimizeResult {
  readonly x: Float64Array;
  readonly f: number;
  readonly g: Float64Array;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
  readonly message: string;
}

export type Objective = (x: Float64Array) => { f: number; g: Float64Array };

function project(x: Float64Array, lo: Float64Array, hi: Float64Array): void {
  for (let i = 0; i < x.length; i++) x[i] = Math.min(hi[i], Math.max(lo[i], x[i]));
}

function activeSet(x: Float64Array, g: Float64Array, lo: Float64Array, hi: Float64Array): Uint8Array {
  const a = new Uint8Array(x.length);
  for (let i = 0; i < x.length; i++) {
    if ((x[i] <= lo[i] && g[i] > 0) || (x[i] >= hi[i] && g[i] < 0) || lo[i] === hi[i]) a[i] = 1;
  }
  return a;
}

function projectedGradientNorm(x: Float64Array, g: Float64Array, lo: Float64Array, hi: Float64Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const t = Math.min(hi[i], Math.max(lo[i], x[i] - g[i])) - x[i];
    m = Math.max(m, Math.abs(t));
  }
  return m;
}

export function boxMinimize(fun: Objective, x0: Float64Array, o: BoxMinimizeOptions): BoxMinimizeResult {
  const n = x0.length;
  const { lower: lo, upper: hi } = o;
  const mem = o.m ?? 10;
  const maxIter = o.maxIter ?? 15000;
  const ftol = o.ftol ?? 2.220446049250313e-9;
  const gtol = o.gtol ?? 1e-5;
  const x = Float64Array.from(x0);
  project(x, lo, hi);
  let { f, g } = fun(x);
  let evaluations = 1;
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  let active = activeSet(x, g, lo, hi);
  let iter = 0;
  let message = "maximum iterations reached";
  let converged = false;
  if (!Number.isFinite(f)) return { x, f, g, iterations: 0, evaluations, converged: false, message: "objective not finite at the start" };
  while (iter < maxIter) {
    if (projectedGradientNorm(x, g, lo, hi) <= gtol) {
      message = "projected gradient below gtol";
      converged = true;
      break;
    }
    // Direction: two-loop recursion on the free variables.
    const q = new Float64Array(n);
    for (let i = 0; i < n; i++) q[i] = active[i] ? 0 : g[i];
    const k = S.length;
    const al = new Float64Array(k);
    for (let j = k - 1; j >= 0; j--) {
      let s = 0;
      for (let i = 0; i < n; i++) if (!active[i]) s += S[j][i] * q[i];
      al[j] = rho[j] * s;
      for (let i = 0; i < n; i++) if (!active[i]) q[i] -= al[j] * Y[j][i];
    }
    let gamma = 1;
    if (k > 0) {
      let sy = 0;
      let yy = 0;
      for (let i = 0; i < n; i++) {
        if (active[i]) continue;
        sy += S[k - 1][i] * Y[k - 1][i];
        yy += Y[k - 1][i] * Y[k - 1][i];
      }
      if (sy > 0 && yy > 0) gamma = sy / yy;
    }
    for (let i = 0; i < n; i++) q[i] *= gamma;
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) if (!active[i]) s += Y[j][i] * q[i];
      const b = rho[j] * s;
      for (let i = 0; i < n; i++) if (!active[i]) q[i] += S[j][i] * (al[j] - b);
    }
    const d = new Float64Array(n);
    let dg = 0;
    for (let i = 0; i < n; i++) {
      d[i] = active[i] ? 0 : -q[i];
      dg += d[i] * g[i];
    }
    if (!(dg < 0)) {
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      dg = 0;
      for (let i = 0; i < n; i++) {
        d[i] = active[i] ? 0 : -g[i];
        dg += d[i] * g[i];
      }
      if (!(dg < 0)) {
        message = "no descent direction";
        converged = true;
        break;
      }
    }
    // First step of a fresh memory: scale to a unit step in the largest component.
    let t = 1;
    if (S.length === 0) {
      let dm = 0;
      for (let i = 0; i < n; i++) dm = Math.max(dm, Math.abs(d[i]));
      t = Math.min(1, 1 / dm);
    }
    const xn = new Float64Array(n);
    let fn = Infinity;
    let gn: Float64Array = g;
    let accepted = false;
    for (let ls = 0; ls < 60; ls++) {
      for (let i = 0; i < n; i++) xn[i] = x[i] + t * d[i];
      project(xn, lo, hi);
      let dec = 0;
      for (let i = 0; i < n; i++) dec += g[i] * (xn[i] - x[i]);
      const r = fun(xn);
      evaluations++;
      if (Number.isFinite(r.f) && r.f <= f + 1e-4 * dec) {
        fn = r.f;
        gn = r.g;
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    if (!accepted) {
      message = "line search failed (no decrease along the projected direction)";
      converged = true;
      break;
    }
    iter++;
    const s = new Float64Array(n);
    const yv = new Float64Array(n);
    let sy = 0;
    let ss = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = xn[i] - x[i];
      yv[i] = gn[i] - g[i];
      sy += s[i] * yv[i];
      ss += s[i] * s[i];
      yy += yv[i] * yv[i];
    }
    const fOld = f;
    x.set(xn);
    f = fn;
    g = gn;
    const newActive = activeSet(x, g, lo, hi);
    let changed = false;
    for (let i = 0; i < n; i++) if (newActive[i] !== active[i]) changed = true;
    active = newActive;
    if (changed) {
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
    } else if (sy > 1e-12 * Math.sqrt(ss * yy)) {
      if (S.length === mem) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(yv);
      rho.push(1 / sy);
    }
    o.onIteration?.(iter, f);
    if ((fOld - f) / Math.max(Math.abs(fOld), Math.abs(f), 1) <= ftol) {
      message = "relative reduction of f below ftol";
      converged = true;
      break;
    }
  }
  return { x, f, g, iterations: iter, evaluations, converged, message };
}
