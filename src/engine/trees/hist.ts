/**
 * xgboost's histogram split finder (tree_method = hist, HistEvaluator of 1.7): per node and feature a
 * histogram of (G, H) over the bins of hist-cuts.ts; a forward scan over bins (missing values go right,
 * default_left = false; threshold = the bin's cut, rows x < cut go left) and, only when the node has
 * missing values of the feature, a backward scan (missing go left, default_left = true; threshold = the
 * lower bin's cut, or the feature's minValue for the first bin). Children with zero hessian are invalid.
 *
 * Below the root only the smaller child of each split (fewer rows; the left one on a tie) is built from
 * its rows; the larger child's histogram is the parent's minus the smaller one's (xgboost's subtraction
 * trick). Bins are a column-major Uint8/Uint16 matrix, a node's rows a contiguous segment of the grower's
 * row partition; histograms are pooled (two levels' worth) and reused tree after tree.
 */
import { BoostData } from "./data";
import { LevelBest, splitGain } from "./gain";
import { binColumns, HistCuts, histCuts } from "./hist-cuts";
import { Level, SplitFinder } from "./level";

const fround = Math.fround;

/** Per-node histogram: G and H (row count) per slot; feature f at hoff[f] .. hoff[f] + nCuts(f) (+1: missing). */
interface Hist {
  g: Float64Array;
  h: Float64Array;
}

export class HistFinder implements SplitFinder {
  readonly cuts: HistCuts;
  private readonly bins: Uint8Array | Uint16Array;
  private readonly n: number;
  private readonly hoff: Int32Array;
  private readonly size: number;
  private prev: Hist[] = [];
  private cur: Hist[] = [];
  private gbuf: Float64Array;

  constructor(d: BoostData, maxBin: number) {
    this.cuts = histCuts(d, maxBin);
    this.bins = binColumns(d, this.cuts);
    this.n = d.n;
    this.hoff = new Int32Array(d.m + 1);
    for (let j = 0; j < d.m; j++) this.hoff[j + 1] = this.hoff[j] + this.cuts.offset[j + 1] - this.cuts.offset[j] + 1;
    this.size = this.hoff[d.m];
    this.gbuf = new Float64Array(d.n);
  }

  private hist(pool: Hist[], s: number): Hist {
    while (pool.length <= s) pool.push({ g: new Float64Array(this.size), h: new Float64Array(this.size) });
    return pool[s];
  }

  /** Histogram of rows[from .. to - 1] over the tree's features (rows ascending: sums in row order). */
  private build(out: Hist, level: Level, from: number, to: number): void {
    const { bins, n, hoff, gbuf } = this;
    const { rows, grad, features } = level;
    const { g, h } = out;
    const len = to - from;
    for (let q = 0; q < len; q++) gbuf[q] = grad[rows[from + q]];
    const nf = features.length;
    for (let t = 0; t < nf; t++) {
      const f = features[t];
      g.fill(0, hoff[f], hoff[f + 1]);
      h.fill(0, hoff[f], hoff[f + 1]);
    }
    // two features per sweep over the node's rows (the row index is loaded once for both)
    let t = 0;
    for (; t + 1 < nf; t += 2) {
      const f1 = features[t];
      const f2 = features[t + 1];
      const o1 = hoff[f1];
      const o2 = hoff[f2];
      const c1 = f1 * n;
      const c2 = f2 * n;
      for (let q = 0; q < len; q++) {
        const r = rows[from + q];
        const gq = gbuf[q];
        const k1 = o1 + bins[r + c1];
        g[k1] += gq;
        h[k1] += 1;
        const k2 = o2 + bins[r + c2];
        g[k2] += gq;
        h[k2] += 1;
      }
    }
    if (t < nf) {
      const f = features[t];
      const o = hoff[f];
      const col = f * n;
      for (let q = 0; q < len; q++) {
        const k = o + bins[rows[from + q] + col];
        g[k] += gbuf[q];
        h[k] += 1;
      }
    }
  }

  /** out = parent - small over the tree's features. */
  private subtract(out: Hist, parent: Hist, small: Hist, features: Int32Array): void {
    const { hoff } = this;
    for (let t = 0; t < features.length; t++) {
      const f = features[t];
      for (let k = hoff[f], e = hoff[f + 1]; k < e; k++) {
        out.g[k] = parent.g[k] - small.g[k];
        out.h[k] = parent.h[k] - small.h[k];
      }
    }
  }

  findSplits(level: Level, best: LevelBest): void {
    const { ns, H, begin, end, parentSlot, features } = level;
    const cur = this.cur;
    if (parentSlot[0] < 0) this.build(this.hist(cur, 0), level, begin[0], end[0]);
    else {
      for (let s = 0; s < ns; s += 2) {
        const small = H[s] <= H[s + 1] ? s : s + 1;
        const large = small === s ? s + 1 : s;
        const hs = this.hist(cur, small);
        this.build(hs, level, begin[small], end[small]);
        this.subtract(this.hist(cur, large), this.prev[parentSlot[s]], hs, features);
      }
    }
    for (let s = 0; s < ns; s++) this.evaluate(level, best, s, cur[s]);
    this.cur = this.prev;
    this.prev = cur;
  }

  private evaluate(level: Level, best: LevelBest, s: number, hist: Hist): void {
    const { lambda, minChildWeight: mcw } = level.spec;
    const G = level.G[s];
    const H = level.H[s];
    const root = level.rootGain[s];
    const { values: cut, offset: off, minValue } = this.cuts;
    const { g, h } = hist;
    const bGain = best.gain;
    for (const f of level.features) {
      const ib = off[f];
      const ie = off[f + 1];
      if (ie === ib) continue;
      const d = this.hoff[f] - ib; // histogram index of cut i = i + d
      let lG = 0;
      let lH = 0;
      for (let i = ib; i < ie; i++) {
        lG += g[i + d];
        lH += h[i + d];
        if (lH >= mcw && lH > 0) {
          const rH = H - lH;
          if (rH >= mcw && rH > 0) {
            const rG = G - lG;
            // splitGain(lG, lH, rG, rH) inlined (both H > 0)
            const gain = fround(fround(fround(fround(lG * lG) / fround(lH + lambda)) + fround(fround(rG * rG) / fround(rH + lambda))) - root);
            if (gain > bGain[s]) best.update(s, gain, f, cut[i], false);
          }
        }
      }
      if (lH >= H) continue; // no missing values of f in this node
      let rG = 0;
      let rH = 0;
      for (let i = ie - 1; i >= ib; i--) {
        rG += g[i + d];
        rH += h[i + d];
        if (rH >= mcw && rH > 0) {
          const lH2 = H - rH;
          if (lH2 >= mcw && lH2 > 0) best.update(s, splitGain(G - rG, lH2, rG, rH, root, lambda), f, i === ib ? minValue[f] : cut[i - 1], true);
        }
      }
    }
  }
}
