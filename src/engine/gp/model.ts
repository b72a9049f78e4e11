/**
 * GP regression on features and coordinates: data preparation, hyperparameters (fixed, or by maximum
 * marginal likelihood with seeded restarts), the fitted model and its posterior.
 *
 * Inputs: raw row-major n x (p + 2) matrix [features..., lat, lon] and y. Standardisation constants come
 * from these (training) rows (scaling.ts); y is normalised when the kernel says so (normalize_y).
 *
 * Fitting: L-BFGS-B-type box minimisation (lbfgsb.ts) of -loglik on theta = log(values) inside the log
 * box; the first start is the init vector (defaults of the kernel, overridden by `init`), then `restarts`
 * starts drawn uniformly on the log box (seeded Rng), as scikit-learn's n_restarts_optimizer does. Fixed
 * parameters are held at their values. Every start runs to scipy's default L-BFGS-B tolerances
 * (ftol 2.2e-9, gtol 1e-5); the best is then polished to ftol 1e-15, gtol 1e-8 (options ftol, gtol).
 * Every start's result is reported.
 *
 * Fast mode (`fastSubsample = m`): the hyperparameters are fitted on a seeded random subsample of m rows,
 * then the exact posterior (and loglik) is formed on all rows at those hyperparameters.
 */
import { InputError } from "../frame/errors";
import { choleskySolveRows, forwardSolveRows } from "../linalg/cholesky-blocked";
import { CancelledError, CancelSignal } from "../resample/control";
import { Rng } from "../resample/rng";
import { Kernel, Rows } from "./kernel";
import { boxMinimize } from "./lbfgsb";
import { logMarginalLikelihood, LikelihoodValue } from "./likelihood";
import { buildModelKernel, KernelOptions, ModelKernel } from "./presets";
import { applyScaler, fitScaler, Scaler, yNormaliser } from "./scaling";

export interface GpData {
  readonly features: readonly string[];
  /** Row-major n x (p + 2): features, then lat, lon (raw units). */
  readonly X: Float64Array;
  readonly y: Float64Array;
  readonly n: number;
}

export interface GpProgress {
  readonly stage: "fit" | "posterior";
  /** 1-based start being optimised (fit). */
  readonly start?: number;
  readonly starts?: number;
  readonly iteration?: number;
  readonly loglik?: number;
}

export interface GpFitOptions {
  readonly kernel: KernelOptions;
  /** Natural-unit values held fixed (not optimised). Fixing every parameter skips the optimisation. */
  readonly fixed?: Readonly<Record<string, number>>;
  /** Natural-unit starting values of the first start. */
  readonly init?: Readonly<Record<string, number>>;
  /** Natural-unit box per parameter (default: the kernel's). */
  readonly bounds?: Readonly<Record<string, readonly [number, number]>>;
  /** Random restarts after the first start (default 0). */
  readonly restarts?: number;
  readonly seed?: number;
  /** Fit the hyperparameters on a seeded subsample of this many rows (fast mode). */
  readonly fastSubsample?: number;
  readonly ftol?: number;
  readonly gtol?: number;
  readonly signal?: CancelSignal;
  readonly onProgress?: (p: GpProgress) => void;
}

export interface StartResult {
  readonly start: Float64Array;
  readonly theta: Float64Array;
  readonly loglik: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly message: string;
}

export interface GpPosterior {
  /** Posterior mean of f in y units. */
  readonly mean: Float64Array;
  /** SD of the latent f (no noise), y units. */
  readonly sdF: Float64Array;
  /** SD of a new observation (f + noise). */
  readonly sdY: Float64Array;
}

export interface GpModel {
  readonly features: readonly string[];
  readonly kernel: Kernel;
  readonly kernelDescription: string;
  readonly names: readonly string[];
  readonly thetaNames: readonly string[];
  /** Natural-unit values in theta order. */
  readonly values: Float64Array;
  readonly hyperparameters: Readonly<Record<string, number>>;
  readonly bounds: readonly (readonly [number, number])[];
  readonly fixed: readonly boolean[];
  readonly loglik: number;
  /** d loglik / d log value, theta order (on all rows). */
  readonly gradient: Float64Array;
  readonly jitter: number;
  readonly yMean: number;
  readonly ySd: number;
  readonly scaler: Scaler;
  readonly n: number;
  /** Standardised training inputs. */
  readonly Xs: Rows;
  /** K^-1 y~ on the training rows. */
  readonly alpha: Float64Array;
  /** Row-major Cholesky factor of the training covariance. */
  readonly L: Float64Array;
  /** Noise variance on the normalised scale (training K diagonal minus k(x, x)). */
  readonly noiseVariance: number;
  readonly starts: readonly StartResult[];
  /** Rows the hyperparameters were fitted on in fast mode (null otherwise). */
  readonly subsample: Int32Array | null;
  readonly warnings: readonly string[];
  /** Posterior mean and SDs at new raw rows (row-major m x (p + 2)). */
  predict(rawRows: ArrayLike<number>, m: number, withSd?: boolean): GpPosterior;
  /** Posterior mean only (the function GeoShapley explains). */
  predictMean(rawRows: ArrayLike<number>, m: number): Float64Array;
  /** The posterior at the training rows. */
  fitted(): GpPosterior;
}

function checkData(d: GpData): void {
  const width = d.features.length + 2;
  if (d.X.length !== d.n * width) throw new InputError(`GP data: expected ${d.n} x ${width} values, got ${d.X.length}.`);
  if (d.n < 2) throw new InputError("GP regression needs at least 2 rows.");
  const names = [...d.features, "lat", "lon"];
  for (let i = 0; i < d.n; i++) {
    if (!Number.isFinite(d.y[i])) throw new InputError(`y is missing or not a number in row ${i + 1}.`);
    for (let j = 0; j < width; j++) {
      if (!Number.isFinite(d.X[i * width + j])) {
        const what = j >= d.features.length ? `The coordinate ${names[j]}` : `The feature ${names[j]}`;
        throw new InputError(`${what} is missing or not a number in row ${i + 1}; remove the row or fill the value.`, "value");
      }
    }
  }
}

/** Rows whose (lat, lon) repeat an earlier row's: [row, first row] pairs (0-based). */
export function duplicateCoordinates(d: GpData): Array<[number, number]> {
  const width = d.features.length + 2;
  const seen = new Map<string, number>();
  const out: Array<[number, number]> = [];
  for (let i = 0; i < d.n; i++) {
    const key = `${d.X[i * width + width - 2]},${d.X[i * width + width - 1]}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else out.push([i, first]);
  }
  return out;
}

interface Problem {
  readonly mk: ModelKernel;
  readonly names: string[];
  readonly thetaNames: string[];
  readonly bounds: Array<readonly [number, number]>;
  readonly fixed: boolean[];
  readonly init: Float64Array;
}

function resolveProblem(features: readonly string[], o: GpFitOptions): Problem {
  const mk = buildModelKernel(features, o.kernel);
  const ps = mk.kernel.params;
  const names = ps.map((p) => p.name);
  const known = new Set(names);
  const hint = `the parameters of kernel ${o.kernel.kernel} are ${names.join(", ")}`;
  for (const [what, rec] of [["--fixed", o.fixed], ["--init", o.init], ["--bounds", o.bounds]] as const) {
    for (const k of Object.keys(rec ?? {})) if (!known.has(k)) throw new InputError(`${what}: unknown hyperparameter "${k}"; ${hint}.`);
  }
  const bounds = ps.map((p) => {
    const b = o.bounds?.[p.name] ?? p.bounds;
    if (!(b[0] > 0 && b[1] >= b[0] && Number.isFinite(b[1]))) throw new InputError(`--bounds: ${p.name} needs 0 < lo <= hi; got ${b[0]}:${b[1]}.`);
    return b;
  });
  const fixed = ps.map((p) => o.fixed?.[p.name] !== undefined);
  const init = Float64Array.from(ps, (p, k) => {
    const v = o.fixed?.[p.name] ?? o.init?.[p.name] ?? Math.min(bounds[k][1], Math.max(bounds[k][0], p.init));
    if (!(v > 0) || !Number.isFinite(v)) throw new InputError(`Hyperparameter ${p.name} must be a positive number; got ${v}.`);
    return v;
  });
  return { mk, names, thetaNames: ps.map((p) => p.thetaName), bounds, fixed, init };
}

function standardised(mk: ModelKernel, d: GpData, scaler: Scaler, rows?: Int32Array): Rows {
  const width = d.features.length + 2;
  if (!rows) return { n: d.n, d: width, data: applyScaler(scaler, d.X, d.n, width) };
  const sub = new Float64Array(rows.length * width);
  for (let r = 0; r < rows.length; r++) sub.set(d.X.subarray(rows[r] * width, rows[r] * width + width), r * width);
  return { n: rows.length, d: width, data: applyScaler(scaler, sub, rows.length, width) };
}

/** A seeded sample of m of n rows without replacement (partial Fisher-Yates), in ascending order. */
export function seededSubsample(n: number, m: number, seed: number): Int32Array {
  const rng = new Rng(seed);
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(rng.uniform() * (n - i));
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return idx.slice(0, m).sort();
}

const COARSE_FTOL = 2.220446049250313e-9;
const COARSE_GTOL = 1e-5;

/** Fits the GP (see the file header). */
export function fitGp(data: GpData, o: GpFitOptions): GpModel {
  checkData(data);
  const prob = resolveProblem(data.features, o);
  const { mk } = prob;
  const width = data.features.length + 2;
  const scaler = fitScaler(data.X, data.n, width, mk.standardize);
  const yn = yNormaliser(data.y, mk.normalizeY);
  const ys = Float64Array.from(data.y, (v) => (v - yn.mean) / yn.sd);
  const Xs = standardised(mk, data, scaler);
  const warnings: string[] = [];
  const dups = duplicateCoordinates(data);
  if (dups.length > 0) {
    warnings.push(
      `${dups.length} row(s) share coordinates with an earlier row (first: row ${dups[0][0] + 1} = row ${dups[0][1] + 1}); ` +
        "the geographic kernel cannot tell them apart, the noise term separates them.",
    );
  }
  const seed = o.seed ?? 0;
  let subsample: Int32Array | null = null;
  let fitX = Xs;
  let fitY = ys;
  if (o.fastSubsample !== undefined && o.fastSubsample < data.n) {
    const m = Math.floor(o.fastSubsample);
    if (!(m >= 10)) throw new InputError(`--fast-subsample must be at least 10 rows; got ${o.fastSubsample}.`);
    subsample = seededSubsample(data.n, m, seed);
    fitX = standardised(mk, data, scaler, subsample);
    fitY = Float64Array.from(subsample, (i) => ys[i]);
  }
  const k = prob.names.length;
  const free = prob.fixed.map((f) => !f);
  const nFree = free.filter(Boolean).length;
  const starts: StartResult[] = [];
  let best = Float64Array.from(prob.init);
  if (nFree > 0) {
    const lo = new Float64Array(k);
    const hi = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      lo[j] = prob.fixed[j] ? Math.log(prob.init[j]) : Math.log(prob.bounds[j][0]);
      hi[j] = prob.fixed[j] ? Math.log(prob.init[j]) : Math.log(prob.bounds[j][1]);
    }
    const restarts = Math.max(0, Math.floor(o.restarts ?? 0));
    const rng = new Rng(seed);
    const startThetas: Float64Array[] = [Float64Array.from(prob.init, (v, j) => Math.min(hi[j], Math.max(lo[j], Math.log(v))))];
    for (let r = 0; r < restarts; r++) startThetas.push(Float64Array.from({ length: k }, (_, j) => (prob.fixed[j] ? lo[j] : lo[j] + (hi[j] - lo[j]) * rng.uniform())));
    let bestF = Infinity;
    let bestTheta: Float64Array | null = null;
    const objectiveFor = (s: number) => (theta: Float64Array) => {
      if (o.signal?.aborted) throw new CancelledError("GP fit", s, startThetas.length);
      const v = Float64Array.from(theta, Math.exp);
      let lv: LikelihoodValue;
      try {
        lv = logMarginalLikelihood(mk.kernel, fitX, fitY, v, true);
      } catch (e) {
        if (e instanceof InputError) return { f: Infinity, g: new Float64Array(k) };
        throw e;
      }
      const g = Float64Array.from(lv.gradient!, (x, j) => (prob.fixed[j] ? 0 : -x));
      return { f: -lv.loglik, g };
    };
    // Every start to a coarse tolerance (scipy's L-BFGS-B defaults), then the best polished tightly.
    startThetas.forEach((t0, s) => {
      const r = boxMinimize(objectiveFor(s), t0, {
        lower: lo,
        upper: hi,
        ftol: COARSE_FTOL,
        gtol: COARSE_GTOL,
        onIteration: (iter, f) => o.onProgress?.({ stage: "fit", start: s + 1, starts: startThetas.length, iteration: iter, loglik: -f }),
      });
      starts.push({ start: Float64Array.from(t0, Math.exp), theta: r.x, loglik: -r.f, iterations: r.iterations, evaluations: r.evaluations, message: r.message });
      if (r.f < bestF) {
        bestF = r.f;
        bestTheta = r.x;
      }
    });
    if (bestTheta) {
      const r = boxMinimize(objectiveFor(startThetas.length - 1), bestTheta, {
        lower: lo,
        upper: hi,
        ftol: o.ftol ?? 1e-15,
        gtol: o.gtol ?? 1e-8,
        onIteration: (iter, f) => o.onProgress?.({ stage: "fit", start: startThetas.length, starts: startThetas.length, iteration: iter, loglik: -f }),
      });
      if (r.f <= bestF) bestF = r.f;
      best = Float64Array.from(r.f <= bestF ? r.x : bestTheta, Math.exp);
    }
    if (!Number.isFinite(bestF)) throw new InputError("The GP fit failed from every start: the kernel matrix is not positive definite anywhere tried.", "num");
  }
  o.onProgress?.({ stage: "posterior" });
  const lv = logMarginalLikelihood(mk.kernel, Xs, ys, best, true);
  if (lv.jitter > 0) warnings.push(`The kernel matrix needed jitter ${lv.jitter.toExponential(2)} on its diagonal to factorise.`);
  return makeModel(data, prob, scaler, yn, Xs, best, lv, starts, subsample, warnings);
}

function makeModel(
  data: GpData,
  prob: Problem,
  scaler: Scaler,
  yn: { mean: number; sd: number },
  Xs: Rows,
  values: Float64Array,
  lv: LikelihoodValue,
  starts: StartResult[],
  subsample: Int32Array | null,
  warnings: string[],
): GpModel {
  const { mk } = prob;
  const kernel = mk.kernel;
  const n = Xs.n;
  const width = Xs.d;
  const d1 = new Float64Array(1);
  kernel.diag({ n: 1, d: width, data: Xs.data.subarray(0, width) }, values, d1, "set");
  const noiseVariance = lv.K[0] - d1[0];
  const hyperparameters: Record<string, number> = {};
  prob.names.forEach((nm, j) => (hyperparameters[nm] = values[j]));
  const toRows = (raw: ArrayLike<number>, m: number): Rows => {
    if (raw.length !== m * width) throw new InputError(`GP predict: expected ${m} x ${width} values, got ${raw.length}.`);
    return { n: m, d: width, data: applyScaler(scaler, raw, m, width) };
  };
  const posterior = (R: Rows, withSd: boolean): GpPosterior => {
    const m = R.n;
    const Ks = new Float64Array(m * n);
    kernel.fill(R, Xs, values, Ks, "set");
    const mean = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let s = 0;
      const o = i * n;
      for (let t = 0; t < n; t++) s += Ks[o + t] * lv.alpha[t];
      mean[i] = yn.mean + yn.sd * s;
    }
    const sdF = new Float64Array(m).fill(NaN);
    const sdY = new Float64Array(m).fill(NaN);
    if (withSd) {
      const V = forwardSolveRows(lv.L, n, Ks, m);
      const kd = new Float64Array(m);
      kernel.diag(R, values, kd, "set");
      for (let i = 0; i < m; i++) {
        let s = 0;
        const o = i * n;
        for (let t = 0; t < n; t++) s += V[o + t] * V[o + t];
        const varF = Math.max(0, kd[i] - s);
        sdF[i] = yn.sd * Math.sqrt(varF);
        sdY[i] = yn.sd * Math.sqrt(varF + noiseVariance);
      }
    }
    return { mean, sdF, sdY };
  };
  return {
    features: data.features,
    kernel,
    kernelDescription: mk.description,
    names: prob.names,
    thetaNames: prob.thetaNames,
    values,
    hyperparameters,
    bounds: prob.bounds,
    fixed: prob.fixed,
    loglik: lv.loglik,
    gradient: lv.gradient!,
    jitter: lv.jitter,
    yMean: yn.mean,
    ySd: yn.sd,
    scaler,
    n,
    Xs,
    alpha: lv.alpha,
    L: lv.L,
    noiseVariance,
    starts,
    subsample,
    warnings,
    predict: (raw, m, withSd = true) => posterior(toRows(raw, m), withSd),
    predictMean: (raw, m) => posterior(toRows(raw, m), false).mean,
    fitted: () => posterior(Xs, true),
  };
}

/** K^-1 b with the model's training factor (for checks). */
export function solveTraining(model: GpModel, b: ArrayLike<number>): Float64Array {
  return choleskySolveRows(model.L, model.n, b);
}
