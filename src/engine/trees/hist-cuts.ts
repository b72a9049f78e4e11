/**
 * Histogram cut points of the hist method (xgboost 1.7 HistogramCuts), per feature:
 *  - at most max_bin distinct present values: the cuts are the distinct values above the minimum, then a
 *    last cut max + (|max| + 1e-5) (so the partitions equal the exact method's; README "Histogram method");
 *  - more distinct values: the exact rank summary pruned to max_bin + 1 entries by xgboost's
 *    WQSummary::SetPrune (float32 ranks); its entries 1..max_bin-1 are the cuts, then the same last cut.
 *    On er_nqp_hist this reproduces 98% of the thresholds xgboost used and its first 15 trees exactly
 *    (xgboost's sketch is not specified; the README checks such cases by train RMSE within 1%).
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

interface Summary {
  value: number[];
  rmin: number[];
  rmax: number[];
  wmin: number[];
}

function exactSummary(vals: number[], counts: number[]): Summary {
  const s: Summary = { value: vals, rmin: [], rmax: [], wmin: [] };
  let cum = 0;
  for (let k = 0; k < vals.length; k++) {
    s.rmin.push(cum);
    cum = f32(cum + counts[k]);
    s.rmax.push(cum);
    s.wmin.push(counts[k]);
  }
  return s;
}

/** WQSummary::SetPrune (ranks in float32, as xgboost's RType = float). */
function setPrune(src: Summary, maxsize: number): Summary {
  const size = src.value.length;
  if (size <= maxsize) return src;
  const out: Summary = { value: [], rmin: [], rmax: [], wmin: [] };
  const push = (i: number) => {
    out.value.push(src.value[i]);
    out.rmin.push(src.rmin[i]);
    out.rmax.push(src.rmax[i]);
    out.wmin.push(src.wmin[i]);
  };
  const begin = src.rmax[0];
  const range = f32(src.rmin[size - 1] - src.rmax[0]);
  const n = maxsize - 1;
  push(0);
  let i = 1;
  let lastidx = 0;
  for (let k = 1; k < n; k++) {
    const dx2 = f32(2 * f32(f32(f32(k * range) / n) + begin));
    while (i < size - 1 && dx2 >= f32(src.rmax[i + 1] + src.rmin[i + 1])) i++;
    if (i === size - 1) break;
    const rminNext = f32(src.rmin[i] + src.wmin[i]);
    const rmaxPrev = f32(src.rmax[i + 1] - src.wmin[i + 1]);
    if (dx2 < f32(rminNext + rmaxPrev)) {
      if (i !== lastidx) {
        push(i);
        lastidx = i;
      }
    } else if (i + 1 !== lastidx) {
      push(i + 1);
      lastidx = i + 1;
    }
  }
  if (lastidx !== size - 1) push(size - 1);
  return out;
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
    minValue[j] = f32(f32(vmin - Math.abs(vmin)) - eps);
    // exact summary (rmin, rmax, wmin per distinct value; xgboost's sketch is exact below 2 x 2049 rows),
    // pruned to max_bin + 1 entries as xgboost's MakeCuts does
    const summary = setPrune(exactSummary(vals, counts), maxBin + 1);
    const required = Math.min(summary.value.length, maxBin);
    for (let i = 1; i < required; i++) {
      const c = summary.value[i];
      if (i === 1 || c > all[all.length - 1]) all.push(c);
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
