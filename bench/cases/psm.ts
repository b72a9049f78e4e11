/**
 * Bench case: propensity-score kernel matching (Epanechnikov, bandwidth 0.06, psmatch2 conventions) on
 * 1e5 rows with 5 covariates, target < 2 s: the logit MLE (Newton) and the matching, with the outcome
 * (ATT and SE). Algorithm: controls sorted by score, treated in ascending score, the controls within
 * [ps_t - h, ps_t + h] as a sliding window (two pointers), so the cost is O(n log n + sum of window
 * sizes), never the n_t x n_c distance matrix. Data are generated once (seeded, outside the timing).
 */
import { Frame, frameFromColumns } from "../../src/engine/frame";
import { psmatch } from "../../src/engine/matching";
import { Rng } from "../../src/engine/resample/rng";
import type { BenchCase } from "../run";

const N = 100_000;
const K = 5;

function makeData(): Frame {
  const rng = new Rng(20261202);
  const cols: Record<string, Float64Array> = {};
  const xs = Array.from({ length: K }, () => new Float64Array(N));
  const t = new Float64Array(N), y = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    let xb = -0.2;
    for (let j = 0; j < K; j++) {
      xs[j][i] = 2 * rng.uniform() - 1;
      xb += (j + 1) * 0.3 * xs[j][i];
    }
    t[i] = rng.uniform() < 1 / (1 + Math.exp(-xb)) ? 1 : 0;
    y[i] = xb + t[i] + rng.uniform();
  }
  xs.forEach((c, j) => (cols[`x${j + 1}`] = c));
  return frameFromColumns({ ...cols, treat: t, y });
}

let frame: Frame | null = null;

export const psmCase: BenchCase = {
  name: "psm_kernel_1e5",
  setup(): void {
    frame = frame ?? makeData();
  },
  run(): { n: number; k: number } {
    const f = frame ?? (frame = makeData());
    const r = psmatch(f, { treat: "treat", x: Array.from({ length: K }, (_, j) => `x${j + 1}`), outcome: "y", method: "kernel", kernel: "epan", bwidth: 0.06 });
    if (r.sample.nUsed !== N || !Number.isFinite(r.groups[0].effect!.att)) throw new Error("psm bench: unexpected result");
    return { n: N, k: K };
  },
};

export default psmCase;
