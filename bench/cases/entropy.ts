/**
 * Bench case: entropy-weight index on 1e6 rows x 30 indicators (pooled, minmax), target < 1 s.
 * Data are generated once (seeded, outside the timed run): lognormal-like positive indicators,
 * one negative-direction column, 1% of rows with a missing indicator.
 */
import { entropyIndex } from "../../src/engine/indices/entropy";
import { Rng } from "../../src/engine/resample/rng";
import type { BenchCase } from "../run";

const N = 1_000_000;
const K = 30;

function makeData(): Float64Array[] {
  const rng = new Rng(20261122);
  return Array.from({ length: K }, (_, j) => {
    const c = new Float64Array(N);
    for (let i = 0; i < N; i++) c[i] = Math.exp(2 * rng.uniform() + j / 10);
    if (j === 0) for (let i = 0; i < N; i += 100) c[i] = NaN;
    return c;
  });
}

let data: Float64Array[] | null = null;
const names = Array.from({ length: K }, (_, j) => `x${j + 1}`);

export const entropyCase: BenchCase = {
  name: "entropy_1e6x30",
  /** Builds the data outside the timing. */
  setup(): void {
    data = data ?? makeData();
  },
  run(): { n: number; k: number } {
    const cols = data ?? (data = makeData());
    const r = entropyIndex(cols, names, { directions: names.map((_, j) => (j === K - 1 ? -1 : 1)) });
    if (r.nUsed !== N - N / 100) throw new Error(`entropy bench: unexpected n_used ${r.nUsed}`);
    return { n: N, k: K };
  },
};

export default entropyCase;
