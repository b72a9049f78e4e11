/**
 * Histogram cut points of the hist method (xgboost 1.7 HistogramCuts), per feature:
 *  - at most max_bin distinct present values: the cuts are the distinct values above the minimum, then a
 *    last cut max + (|max| + 1e-5) (so the partitions equal the exact method's; README "Histogram method");
 *  - more distinct values: the exact rank summary pruned to max_bin + 1 entries by xgboost's
 *    WQSummary::SetPrune (float32 ranks); its entries 1..max_bin-1 are the cuts, then the same last cut.
 *    On er_nqp_hist this reproduces 98% of the thresholds xgboost used and its first 15 trees exactly
 *    (xgboost's sketch is not specified; the README checks such cases by train RMSE within 1%).
 * A row's bin is the index of the first cut > x; missing values have no bin.
 * `minValue` = min - (|min| + 1e-5), the threshold that sends every present value right.
 */
import { BoostData } from "./data";

const fround = Math.fround;

export interface HistCuts {
  /** Cut values of all features, feature j at offset[j] .. offset[j + 1] - 1. */
  readonly values: Float32Array;
  readonly offset: Int32Array;
  readonly minValue: Float32Array;
}

/** A rank summary (entries 0 .. size - 1): value, rmin, rmax, wmin; ranks are float32 numbers. */
interface Summary {
  value: Float64Array;
  rmin: Float64Array;
  rmax: Float64Array;
  wmin: Float64Array;
  size: number;
}

function summary(cap: number): Summary {
  return { value: new Float64Array(cap), rmin: new Float64Array(cap), rmax: new Float64Array(cap), wmin: new Float64Array(cap), size: 0 };
}

/** The exact summary of sorted[0 .. len - 1] (one entry per distinct value, its count as weight), into s. */
function exactSummary(sorted: Float32Array, len: number, s: Summary): Summary {
  let cum = 0;
  let k = -1;
  for (let i = 0; i < len; i++) {
    if (k < 0 || sorted[i] !== s.value[k]) {
      k++;
      s.value[k] = sorted[i];
      s.wmin[k] = 0;
    }
    s.wmin[k]++;
  }
  s.size = k + 1;
  for (let q = 0; q < s.size; q++) {
    s.rmin[q] = cum;
    cum = fround(cum + s.wmin[q]);
    s.rmax[q] = cum;
  }
  return s;
}

/** WQSummary::SetPrune (ranks in float32, as xgboost's RType = float), into out. */
function setPrune(src: Summary, maxsize: number, out: Summary): Summary {
  const size = src.size;
  if (size <= maxsize) return src;
  out.size = 0;
  const push = (i: number) => {
    const o = out.size++;
    out.value[o] = src.value[i];
    out.rmin[o] = src.rmin[i];
    out.rmax[o] = src.rmax[i];
    out.wmin[o] = src.wmin[i];
  };
  const begin = src.rmax[0];
  const range = fround(src.rmin[size - 1] - src.rmax[0]);
  const n = maxsize - 1;
  push(0);
  let i = 1;
  let lastidx = 0;
  for (let k = 1; k < n; k++) {
    const dx2 = fround(2 * fround(fround(fround(k * range) / n) + begin));
    while (i < size - 1 && dx2 >= fround(src.rmax[i + 1] + src.rmin[i + 1])) i++;
    if (i === size - 1) break;
    const rminNext = fround(src.rmin[i] + src.wmin[i]);
    const rmaxPrev = fround(src.rmax[i + 1] - src.wmin[i + 1]);
    if (dx2 < fround(rminNext + rmaxPrev)) {
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
  const eps = fround(1e-5);
  const present = new Float32Array(d.n);
  const exact = summary(d.n);
  const pruned = summary(maxBin + 1);
  for (let j = 0; j < d.m; j++) {
    offset[j] = all.length;
    const off = j * d.n;
    let len = 0;
    for (let i = 0; i < d.n; i++) {
      const v = d.x[off + i];
      if (v === v) present[len++] = v;
    }
    if (len === 0) {
      offset[j + 1] = all.length;
      continue;
    }
    const sorted = present.subarray(0, len).sort();
    const vmin = sorted[0];
    const vmax = sorted[len - 1];
    minValue[j] = fround(fround(vmin - Math.abs(vmin)) - eps);
    // exact summary (rmin, rmax, wmin per distinct value; xgboost's sketch is exact below 2 x 2049 rows),
    // pruned to max_bin + 1 entries as xgboost's MakeCuts does
    const sm = setPrune(exactSummary(sorted, len, exact), maxBin + 1, pruned);
    const required = Math.min(sm.size, maxBin);
    for (let i = 1; i < required; i++) {
      const c = sm.value[i];
      if (i === 1 || c > all[all.length - 1]) all.push(c);
    }
    all.push(fround(vmax + fround(Math.abs(vmax) + eps)));
    offset[j + 1] = all.length;
  }
  return { values: Float32Array.from(all), offset, minValue };
}

/**
 * Bin of every value, column-major n x m (`bins[i + j * n]`), index within the feature's cuts; a missing
 * value gets the index nCuts(j) (one past the feature's last bin). Uint8 when every index fits, else Uint16.
 */
export function binColumns(d: BoostData, cuts: HistCuts): Uint8Array | Uint16Array {
  const { n, m } = d;
  let widest = 0;
  for (let j = 0; j < m; j++) widest = Math.max(widest, cuts.offset[j + 1] - cuts.offset[j] + (d.nMissing[j] > 0 ? 1 : 0));
  const bins = widest <= 256 ? new Uint8Array(n * m) : new Uint16Array(n * m);
  const cv = cuts.values;
  for (let j = 0; j < m; j++) {
    const lo0 = cuts.offset[j];
    const hi0 = cuts.offset[j + 1];
    const missing = hi0 - lo0;
    const col = j * n;
    for (let i = 0; i < n; i++) {
      const v = d.x[i + col];
      if (v !== v) {
        bins[i + col] = missing;
        continue;
      }
      // first cut > v (upper bound); the last cut exceeds every training value
      let lo = lo0;
      let hi = hi0;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cv[mid] > v) hi = mid;
        else lo = mid + 1;
      }
      bins[i + col] = Math.min(lo, hi0 - 1) - lo0;
    }
  }
  return bins;
}
