/**
 * Histogram cut points of the hist method (xgboost 1.7 HistogramCuts), per feature:
 *  - at most max_bin distinct present values: the cuts are the distinct values above the minimum, then a
 *    last cut max + (|max| + 1e-5) (so the partitions equal the exact method's; README "Histogram method");
 *  - more distinct values: cuts at the values whose rank interval holds the quantile ranks k n / max_bin,
 *    k = 1..max_bin-1, then the same last cut (xgboost's weighted sketch is not reproduced value for value:
 *    the README checks such cases by train RMSE within 1%).
 * A row's bin is the index of the first cut > x; missing values have no bin (MISSING_BIN).
 * `minValue` = min - (|min| + 1e-5), the threshold that sends every present value right.
 */
import { BoostData } from "./data";
import { f32 } from "./gain";

export const MISSING_BIN = 0xffff;

export interface HistCuts {
  /** Cut values of all features, feature j at offset[j] .. offset[j + 1] - 1. */
  readonly values: Float32Array;
  readonly offset: Int32Array;
  readonly minValue: Float32Array;
}

export function histCuts(d: BoostData, maxBin: number): HistCuts {
  const all: number[] = [];
  const offset = new Int32Array(d.m + 1);
  const minValue = new Float32Array(d.m);
  const eps = f32(1e-5);
  for (let j = 0; j < d.m; j++) {
    offset[j] = all.length;
    const col = d.x.subarray(j * d.n, (j + 1) * d.n);
    const present = Float32Array.from(col.filter((v) => v === v)).sort();
    if (present.length === 0) {
      offset[j + 1] = all.length;
      continue;
    }
    // distinct values with counts
    const vals: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < present.length; i++) {
      if (i === 0 || present[i] !== present[i - 1]) {
        vals.push(present[i]);
        counts.push(1);
      } else counts[counts.length - 1]++;
    }
    const vmin = vals[0];
    const vmax = vals[vals.length - 1];
    minValue[j] = f32(vmin - f32(Math.abs(vmin) + eps));
    if (vals.length <= maxBin) {
      for (let k = 1; k < vals.length; k++) all.push(vals[k]);
    } else {
      const n = present.length;
      let u = 0;
      let cum = counts[0]; // values[0..u] hold ranks [0, cum)
      let lastCut = vmin;
      for (let k = 1; k < maxBin; k++) {
        const rank = (k * n) / maxBin;
        while (cum <= rank && u < vals.length - 1) {
          u++;
          cum += counts[u];
        }
        const v = vals[u];
        if (v > lastCut) {
          all.push(v);
          lastCut = v;
        }
      }
    }
    all.push(f32(vmax + f32(Math.abs(vmax) + eps)));
    offset[j + 1] = all.length;
  }
  return { values: Float32Array.from(all), offset, minValue };
}

/** Bin of every value, row-major n x m (`bins[i * m + j]`), index within the feature's cuts. */
export function binRows(d: BoostData, cuts: HistCuts): Uint16Array {
  const { n, m } = d;
  const bins = new Uint16Array(n * m);
  for (let j = 0; j < m; j++) {
    const lo0 = cuts.offset[j];
    const hi0 = cuts.offset[j + 1];
    for (let i = 0; i < n; i++) {
      const v = d.x[i + j * n];
      if (v !== v) {
        bins[i * m + j] = MISSING_BIN;
        continue;
      }
      // first cut > v (upper bound); the last cut exceeds every training value
      let lo = lo0;
      let hi = hi0;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cuts.values[mid] > v) hi = mid;
        else lo = mid + 1;
      }
      bins[i * m + j] = Math.min(lo, hi0 - 1) - lo0;
    }
  }
  return bins;
}
