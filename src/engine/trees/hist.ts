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

/** Interleaved (G, H) per bin: gh[2k] = G, gh[2k + 1] = H; the last pair collects missing values. */
interface Hist {
  gh: Float64Array;
}

export class HistFinder implements SplitFinder {
  readonly cuts: HistCuts;
  /** Row-major n x m global bin index (feature offset + bin; nBins for a missing value). */
  private readonly bins: Uint16Array | Uint32Array;
  private readonly m: number;
  private readonly nBins: number;
  private prev = new Map<number, Hist>();

  constructor(d: BoostData, maxBin: number) {
    this.cuts = histCuts(d, maxBin);
    const local = binRows(d, this.cuts);
    this.m = d.m;
    this.nBins = this.cuts.values.length;
    this.bins = this.nBins < 65535 ? new Uint16Array(local.length) : new Uint32Array(local.length);
    for (let q = 0; q < local.length; q++) this.bins[q] = local[q] === MISSING_BIN ? this.nBins : this.cuts.offset[q % d.m] + local[q];
  }

  /** Forget the previous tree's histograms (called by the grower at the root level). */
  reset(): void {
    this.prev = new Map();
  }

  private build(rows: Int32Array, from: number, to: number, level: Level): Hist {
    const gh = new Float64Array(2 * this.nBins + 2);
    const { bins, m } = this;
    const feats = level.features;
    const nf = feats.length;
    const grad = level.grad;
    for (let q = from; q < to; q++) {
      const r = rows[q];
      const gr = grad[r];
      const base = r * m;
      for (let t = 0; t < nf; t++) {
        const k = 2 * bins[base + feats[t]];
        gh[k] += gr;
        gh[k + 1] += 1;
      }
    }
    return { gh };
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
        const gh = new Float64Array(hs.gh.length);
        const pg = parentHist.gh;
        const sg = hs.gh;
        for (let k = 0; k < gh.length; k++) gh[k] = pg[k] - sg[k];
        hists[small] = hs;
        hists[large] = { gh };
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
    const gh = hist.gh;
    for (const f of level.features) {
      const ib = off[f];
      const ie = off[f + 1];
      if (ie === ib) continue;
      let lG = 0;
      let lH = 0;
      for (let i = ib; i < ie; i++) {
        lG += gh[2 * i];
        lH += gh[2 * i + 1];
        if (lH >= mcw && lH > 0) {
          const rH = H - lH;
          if (rH >= mcw && rH > 0) best.update(s, splitGain(lG, lH, G - lG, rH, root, lambda), f, cut[i], false);
        }
      }
      if (lH >= H) continue; // no missing values of f in this node
      let rG = 0;
      let rH = 0;
      for (let i = ie - 1; i >= ib; i--) {
        rG += gh[2 * i];
        rH += gh[2 * i + 1];
        if (rH >= mcw && rH > 0) {
          const lH2 = H - rH;
          if (lH2 >= mcw && lH2 > 0) best.update(s, splitGain(G - rG, lH2, rG, rH, root, lambda), f, i === ib ? minValue[f] : cut[i - 1], true);
        }
      }
    }
  }
}
