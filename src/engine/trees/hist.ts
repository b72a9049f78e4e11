/**
 * xgboost's histogram split finder (tree_method = hist, HistEvaluator of 1.7): per node and feature a
 * histogram of (G, H) over the bins of hist-cuts.ts; a forward scan over bins (missing values go right,
 * default_left = false; threshold = the bin's cut, rows x < cut go left) and, only when the node has
 * missing values of the feature, a backward scan (missing go left, default_left = true; threshold = the
 * lower bin's cut, or the feature's minValue for the first bin). Children with zero hessian are invalid.
 * The histogram of the larger child is the parent's minus the smaller child's (xgboost's subtraction trick).
 */
import { BoostData } from "./data";
import { LevelBest, splitGain } from "./gain";
import { binRows, HistCuts, histCuts, MISSING_BIN } from "./hist-cuts";
import { Level, SplitFinder } from "./level";

interface Hist {
  g: Float64Array;
  h: Float64Array;
}

export class HistFinder implements SplitFinder {
  readonly cuts: HistCuts;
  private readonly bins: Uint16Array;
  private readonly m: number;
  private readonly nBins: number;
  private prev = new Map<number, Hist>();

  constructor(d: BoostData, maxBin: number) {
    this.cuts = histCuts(d, maxBin);
    this.bins = binRows(d, this.cuts);
    this.m = d.m;
    this.nBins = this.cuts.values.length;
  }

  /** Forget the previous tree's histograms (called by the grower at the root level). */
  reset(): void {
    this.prev = new Map();
  }

  private build(rows: Int32Array, from: number, to: number, level: Level): Hist {
    const g = new Float64Array(this.nBins);
    const h = new Float64Array(this.nBins);
    const { bins, m } = this;
    const off = this.cuts.offset;
    const feats = level.features;
    const nf = feats.length;
    const grad = level.grad;
    for (let q = from; q < to; q++) {
      const r = rows[q];
      const gr = grad[r];
      const base = r * m;
      for (let t = 0; t < nf; t++) {
        const f = feats[t];
        const b = bins[base + f];
        if (b === MISSING_BIN) continue;
        const k = off[f] + b;
        g[k] += gr;
        h[k] += 1;
      }
    }
    return { g, h };
  }

  findSplits(level: Level, best: LevelBest): void {
    const ns = level.expand.length;
    if (level.expand[0] === 0) this.reset();
    // rows of each slot, in row order (counting sort)
    const start = new Int32Array(ns + 1);
    const slot = level.slot;
    for (let i = 0; i < slot.length; i++) if (slot[i] >= 0) start[slot[i] + 1]++;
    for (let s = 0; s < ns; s++) start[s + 1] += start[s];
    const rows = new Int32Array(start[ns]);
    const fill = start.slice(0, ns);
    for (let i = 0; i < slot.length; i++) if (slot[i] >= 0) rows[fill[slot[i]]++] = i;

    const hists: Hist[] = new Array(ns);
    const slotOf = new Map<number, number>();
    level.expand.forEach((nid, s) => slotOf.set(nid, s));
    for (let s = 0; s < ns; s++) {
      if (hists[s]) continue;
      const nid = level.expand[s];
      const p = level.parent[nid];
      const parentHist = p >= 0 ? this.prev.get(p) : undefined;
      const sib = p >= 0 ? (nid % 2 === 1 ? nid + 1 : nid - 1) : -1;
      const t = sib >= 0 ? slotOf.get(sib) : undefined;
      if (parentHist && t !== undefined && level.parent[sib] === p) {
        const small = level.H[s] <= level.H[t] ? s : t;
        const large = small === s ? t : s;
        const hs = this.build(rows, start[small], start[small + 1], level);
        const g = new Float64Array(this.nBins);
        const h = new Float64Array(this.nBins);
        for (let k = 0; k < this.nBins; k++) {
          g[k] = parentHist.g[k] - hs.g[k];
          h[k] = parentHist.h[k] - hs.h[k];
        }
        hists[small] = hs;
        hists[large] = { g, h };
      } else hists[s] = this.build(rows, start[s], start[s + 1], level);
    }
    const next = new Map<number, Hist>();
    for (let s = 0; s < ns; s++) {
      next.set(level.expand[s], hists[s]);
      this.evaluate(level, best, s, hists[s]);
    }
    this.prev = next;
  }

  private evaluate(level: Level, best: LevelBest, s: number, hist: Hist): void {
    const { lambda, minChildWeight: mcw } = level.spec;
    const G = level.G[s];
    const H = level.H[s];
    const root = level.rootGain[s];
    const { values: cut, offset: off, minValue } = this.cuts;
    const { g, h } = hist;
    for (const f of level.features) {
      const ib = off[f];
      const ie = off[f + 1];
      if (ie === ib) continue;
      let lG = 0;
      let lH = 0;
      for (let i = ib; i < ie; i++) {
        lG += g[i];
        lH += h[i];
        if (lH >= mcw && lH > 0) {
          const rH = H - lH;
          if (rH >= mcw && rH > 0) best.update(s, splitGain(lG, lH, G - lG, rH, root, lambda), f, cut[i], false);
        }
      }
      if (lH >= H) continue; // no missing values of f in this node
      let rG = 0;
      let rH = 0;
      for (let i = ie - 1; i >= ib; i--) {
        rG += g[i];
        rH += h[i];
        if (rH >= mcw && rH > 0) {
          const lH2 = H - rH;
          if (lH2 >= mcw && lH2 > 0) best.update(s, splitGain(G - rG, lH2, rG, rH, root, lambda), f, i === ib ? minValue[f] : cut[i - 1], true);
        }
      }
    }
  }
}
