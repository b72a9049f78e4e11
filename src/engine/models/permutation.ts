/**
 * Fisher permutation test of a coefficient difference between two groups (Lian Yujun's `bdiff`,
 * Efron & Tibshirani 1993 ch. 15): observed d = b_1 - b_0 from the two split regressions; under the
 * null the group labels are exchangeable, so they are shuffled (seeded, group sizes kept), both
 * groups refitted, and d_r recorded.
 *
 * What is permuted: whole clusters when the group is constant within the cluster variable, else
 * whole units of the first FE when constant within them, else rows. p-values count the observed
 * labelling (so P(p <= alpha) <= alpha exactly under exchangeability):
 *   two-sided p = (1 + #{|d_r| >= |d|}) / (R + 1),  one-sided p = (1 + #{d_r >= d}) / (R + 1) (d > 0 side).
 * Refits use refit.ts (FE absorption + QR per group, coefficients only).
 */
import { encodeKeys, Frame, keyColumn } from "../frame";
import { InputError } from "../frame/errors";
import { labelPerCluster } from "../resample/clusters";
import { replicate, RunControl } from "../resample/control";
import { checkSeed, Rng } from "../resample/rng";
import { checkReps } from "./mediation-bootstrap";
import { RegressionResult } from "./result";
import { absorbSubsample, refitCoefs, refitData } from "./refit";
import { SpecCore } from "./spec-frame";

export interface PermutationSpec extends SpecCore {
  readonly cluster?: readonly string[];
}

export interface PermutationResult {
  readonly treat: string;
  readonly observed: number;
  readonly reps: number;
  readonly seed: number;
  /** "cluster:<name>", "fe:<name>" or "rows". */
  readonly permuted: string;
  readonly nUnits: number;
  readonly differences: Float64Array;
  readonly pTwoSided: number;
  readonly pOneSided: number;
  readonly failed: number;
}

/**
 * `groups` are the two split regressions (base first) whose estimation samples define the data;
 * their `sample.rows` must be disjoint.
 */
export async function permutationTest(
  frame: Frame,
  spec: PermutationSpec,
  groups: readonly [RegressionResult, RegressionResult],
  options: { readonly reps: number; readonly seed: number; readonly treat?: string },
  control: RunControl = {},
): Promise<PermutationResult> {
  const reps = checkReps(options.reps, "permutation replications");
  const seed = checkSeed(options.seed);
  const treat = options.treat ?? spec.x[0];
  const coefOf = (r: RegressionResult) => {
    const i = r.terms.indexOf(treat);
    if (i < 0) throw new InputError(`"${treat}" was dropped from a group regression; the difference is not identified.`, "num");
    return r.coef[i];
  };
  const observed = coefOf(groups[1]) - coefOf(groups[0]);
  const r0 = groups[0].sample.rows;
  const r1 = groups[1].sample.rows;
  const rows = Int32Array.from([...r0, ...r1]).sort();
  for (let p = 1; p < rows.length; p++) if (rows[p] === rows[p - 1]) throw new InputError("The two groups share rows; a permutation test needs disjoint groups.");
  const inGroup1 = new Set(r1);
  const label = Float64Array.from(rows, (i) => (inGroup1.has(i) ? 1 : 0));

  // Permutation units.
  const fe = spec.fe ?? [];
  const candidates: [string, string][] = [...(spec.cluster ?? []).slice(0, 1).map((c): [string, string] => ["cluster", c]), ...fe.slice(0, 1).map((f): [string, string] => ["fe", f])];
  let unit: Int32Array = Int32Array.from(rows.keys());
  let nUnits = rows.length;
  let unitLabel: Float64Array = label;
  let permuted = "rows";
  for (const [kind, name] of candidates) {
    const k = keyColumn(frame, name);
    const enc = encodeKeys(Array.from(rows, (i) => k[i]));
    const per = labelPerCluster(label, enc.codes, enc.levels.length);
    if (per) {
      unit = enc.codes;
      nUnits = enc.levels.length;
      unitLabel = per;
      permuted = `${kind}:${name}`;
      break;
    }
  }

  const others = spec.x.filter((x) => x !== treat);
  const data = refitData(frame, rows, [spec.y, treat, ...others], fe);
  const xs = Array.from({ length: spec.x.length }, (_, j) => j + 1);
  const rng = new Rng(seed);
  const perm = Float64Array.from(unitLabel);
  const differences = new Float64Array(reps);
  let failed = 0;
  let geAbs = 0;
  let geUp = 0;
  const tol = 1e-10 * Math.abs(observed);
  const one = (r: number) => {
    rng.shuffle(perm);
    const pos: number[][] = [[], []];
    for (let p = 0; p < rows.length; p++) pos[perm[unit[p]]].push(p);
    const b = pos.map((ps) => {
      const c = refitCoefs(absorbSubsample(data, Int32Array.from(ps)), 0, xs, 1);
      return c ? c[0] : NaN;
    });
    const d = b[1] - b[0];
    differences[r] = d;
    if (!Number.isFinite(d)) {
      failed++;
      return;
    }
    if (Math.abs(d) >= Math.abs(observed) - tol) geAbs++;
    if (d >= observed - tol) geUp++;
  };
  await replicate("permutation", reps, one, control);
  const valid = reps - failed;
  return {
    treat,
    observed,
    reps,
    seed,
    permuted,
    nUnits,
    differences,
    pTwoSided: (1 + geAbs) / (valid + 1),
    pOneSided: (1 + geUp) / (valid + 1),
    failed,
  };
}
