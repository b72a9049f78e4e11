/**
 * Cluster bootstrap of the indirect effect a*b of a mediation model (pairs bootstrap over whole
 * clusters: Stata `bootstrap r(ab), reps(R) seed(S) cluster(c) idcluster(c2)`).
 *
 * Each replication draws G clusters with replacement (engine/resample/clusters.ts), re-absorbs the
 * fixed effects on the resample (a unit FE equal to the cluster variable is relabelled per drawn
 * copy; other FE keep their codes) and refits the a-path (M ~ D + controls) and the direct equation
 * (Y ~ D + M + controls) on the same demeaned columns: one FE absorption and two small QR solves per
 * replication, through refit.ts (engine/fe + engine/linalg), not whole `fitLinear` calls. Without fixed effects an intercept column is included. Without a cluster
 * variable each row is its own cluster.
 *
 * The percentile interval takes the alpha/2 and 1 - alpha/2 percentiles of the finite replicates
 * with Stata's `_pctile` definition (engine/indices/winsor.ts). Replications in which D or M is
 * collinear (dropped by the QR) give no value and are counted in `failed`.
 *
 * Shapes: `rows` (the estimation sample, ascending data rows) has length n; replicate arrays have
 * length reps.
 */
import { encodeKeys, Frame, keyColumn } from "../frame";
import { InputError } from "../frame/errors";
import { pctileSorted } from "../indices/winsor";
import { clusterIndex, drawClusters } from "../resample/clusters";
import { replicate, RunControl } from "../resample/control";
import { checkSeed, Rng } from "../resample/rng";
import { absorbSubsample, refitCoefs, refitData } from "./refit";

export interface IndirectBootstrapSpec {
  readonly y: string;
  readonly treat: string;
  readonly mediator: string;
  readonly controls: readonly string[];
  readonly fe: readonly string[];
  /** Cluster variable resampled as a whole; null: rows. */
  readonly cluster: string | null;
  /** Estimation sample (ascending data rows), e.g. the common sample of the three equations. */
  readonly rows: Int32Array;
  readonly reps: number;
  readonly seed: number;
  /** Confidence level, default 0.95. */
  readonly level?: number;
}

export interface IndirectBootstrap {
  readonly reps: number;
  readonly seed: number;
  readonly level: number;
  /** "cluster:<name>" or "rows". */
  readonly resampled: string;
  readonly nClusters: number;
  /** a and b on the original sample by the same array pipeline (a check on the replication code). */
  readonly pointA: number;
  readonly pointB: number;
  /** a*b per replication (NaN for a failed replication). */
  readonly indirect: Float64Array;
  /** Percentile interval [lower, upper]. */
  readonly ciLow: number;
  readonly ciHigh: number;
  /** Standard deviation of the finite replicates (n - 1 divisor). */
  readonly se: number;
  readonly failed: number;
}

export const MAX_BOOTSTRAP_REPS = 100000;

export function checkReps(reps: number, what = "bootstrap replications"): number {
  if (!Number.isInteger(reps) || reps < 2 || reps > MAX_BOOTSTRAP_REPS) {
    throw new InputError(`The number of ${what} must be a whole number from 2 to ${MAX_BOOTSTRAP_REPS}; got ${reps}.`, "num");
  }
  return reps;
}

export function checkLevel(level: number): number {
  if (!(level > 0 && level < 1)) throw new InputError(`The confidence level must be between 0 and 1 (e.g. 0.95); got ${level}.`, "num");
  return level;
}

/** Percentile interval and SD of replicates (NaN ignored), Stata _pctile percentiles. */
export function percentileInterval(values: Float64Array, level: number): { low: number; high: number; sd: number; n: number } {
  const ok = Array.from(values).filter((v) => Number.isFinite(v));
  const sorted = Float64Array.from(ok).sort();
  const alpha = 1 - level;
  let mean = 0;
  for (const v of ok) mean += v;
  mean /= ok.length;
  let ss = 0;
  for (const v of ok) ss += (v - mean) ** 2;
  return { low: pctileSorted(sorted, alpha / 2), high: pctileSorted(sorted, 1 - alpha / 2), sd: Math.sqrt(ss / (ok.length - 1)), n: ok.length };
}

export async function bootstrapIndirect(frame: Frame, spec: IndirectBootstrapSpec, control: RunControl = {}): Promise<IndirectBootstrap> {
  const reps = checkReps(spec.reps);
  const seed = checkSeed(spec.seed);
  const level = checkLevel(spec.level ?? 0.95);
  const rows = spec.rows;
  const n = rows.length;
  if (n === 0) throw new InputError("The bootstrap has no observations to resample.");

  // Columns on the sample: [D, M, controls..., Y].
  const names = [spec.treat, spec.mediator, ...spec.controls, spec.y];
  const data = refitData(frame, rows, names, spec.fe);
  let clusterCodes: Int32Array;
  if (spec.cluster) {
    const k = keyColumn(frame, spec.cluster);
    clusterCodes = encodeKeys(Array.from(rows, (i) => k[i])).codes;
  } else {
    clusterCodes = Int32Array.from({ length: n }, (_, i) => i);
  }
  const index = clusterIndex(clusterCodes);
  const rng = new Rng(seed);
  const indirect = new Float64Array(reps);
  const nc = spec.controls.length;
  const ctl = Array.from({ length: nc }, (_, c) => 2 + c);
  const yCol = names.length - 1;
  let failed = 0;

  /** a and b on the sample positions, `copy` the drawn cluster copy per position; null if collinear. */
  const fitAB = (positions: Int32Array, copy: Int32Array): { a: number; b: number } | null => {
    // A unit FE that is the cluster variable is relabelled per drawn copy.
    const abs = absorbSubsample(data, positions, (j) => (spec.fe[j] === spec.cluster ? copy : null));
    const aPath = refitCoefs(abs, 1, [0, ...ctl], 1);
    const direct = refitCoefs(abs, yCol, [0, 1, ...ctl], 2);
    return aPath && direct ? { a: aPath[0], b: direct[1] } : null;
  };
  const identity = Int32Array.from({ length: n }, (_, i) => i);
  const full = fitAB(identity, clusterCodes);
  const one = (r: number) => {
    const d = drawClusters(rng, index);
    const ab = fitAB(d.positions, d.copy);
    indirect[r] = ab ? ab.a * ab.b : NaN;
    if (!ab) failed++;
  };
  await replicate("bootstrap", reps, one, control);
  const pi = percentileInterval(indirect, level);
  if (pi.n < 2) throw new InputError(`Only ${pi.n} of ${reps} bootstrap replications could be estimated (the treatment or mediator is collinear in the resamples).`, "num");
  return {
    reps,
    seed,
    level,
    resampled: spec.cluster ? `cluster:${spec.cluster}` : "rows",
    nClusters: index.nClusters,
    indirect,
    pointA: full ? full.a : NaN,
    pointB: full ? full.b : NaN,
    ciLow: pi.low,
    ciHigh: pi.high,
    se: pi.sd,
    failed,
  };
}
