/**
 * xgboost's exact greedy split finder (updater_colmaker, tree_method = exact), README rules 7-8.
 *
 * Every feature column is sorted once (present values ascending, ties by row); a level is evaluated by one
 * scan of each sorted column per direction, with one accumulator per expanding node. The forward pass
 * (missing values go right, default_left = false) runs only for a non-constant feature that has missing
 * values in the training data; the backward pass (missing go left, default_left = true) always runs.
 * Candidates lie between consecutive distinct values; the threshold is their float32 midpoint (if it
 * rounds onto the value being enumerated, the previous value is used, as xgboost does).
 */
import { BoostData } from "./data";
import { LevelBest, RT_EPS, splitGain } from "./gain";
import { Level, SplitFinder } from "./level";

const fround = Math.fround;

/** Present rows of each feature sorted by value (stable). */
export function sortedColumns(d: BoostData): Int32Array[] {
  const out: Int32Array[] = [];
  for (let j = 0; j < d.m; j++) {
    const off = j * d.n;
    let count = 0;
    for (let i = 0; i < d.n; i++) if (d.x[off + i] === d.x[off + i]) count++;
    const rows = new Int32Array(count);
    let k = 0;
    for (let i = 0; i < d.n; i++) if (d.x[off + i] === d.x[off + i]) rows[k++] = i;
    const col = d.x.subarray(off, off + d.n);
    rows.sort((a, b) => col[a] - col[b] || a - b);
    out.push(rows);
  }
  return out;
}

export class ExactFinder implements SplitFinder {
  private readonly sorted: Int32Array[];
  private readonly forward: Uint8Array;
  private accG = new Float64Array(0);
  private accH = new Float64Array(0);
  private last = new Float64Array(0);

  constructor(private readonly d: BoostData) {
    this.sorted = sortedColumns(d);
    this.forward = new Uint8Array(d.m);
    for (let j = 0; j < d.m; j++) {
      const r = this.sorted[j];
      const constant = r.length === 0 || d.x[r[0] + j * d.n] === d.x[r[r.length - 1] + j * d.n];
      this.forward[j] = d.nMissing[j] > 0 && !constant ? 1 : 0;
    }
  }

  findSplits(level: Level, best: LevelBest): void {
    if (this.accG.length < level.ns) {
      this.accG = new Float64Array(level.ns);
      this.accH = new Float64Array(level.ns);
      this.last = new Float64Array(level.ns);
    }
    for (const f of level.features) {
      if (this.forward[f]) this.pass(level, best, f, true);
      this.pass(level, best, f, false);
    }
  }

  /** One scan of feature f's sorted rows: ascending (fwd, missing go right) or descending (missing go left). */
  private pass(level: Level, best: LevelBest, f: number, fwd: boolean): void {
    const { ns, G, H, rootGain, slot, grad } = level;
    const { lambda, minChildWeight: mcw } = level.spec;
    const { accG, accH, last } = this;
    const bGain = best.gain;
    accG.fill(0, 0, ns);
    accH.fill(0, 0, ns);
    const rows = this.sorted[f];
    const n = this.d.n;
    const col = this.d.x.subarray(f * n, (f + 1) * n);
    const len = rows.length;
    const dl = !fwd;
    for (let q = 0; q < len; q++) {
      const r = rows[fwd ? q : len - 1 - q];
      const s = slot[r];
      if (s < 0) continue;
      const v = col[r];
      const aH = accH[s];
      if (aH === 0) {
        accG[s] = grad[r];
        accH[s] = 1;
        last[s] = v;
        continue;
      }
      const lv = last[s];
      if (v !== lv && aH >= mcw) {
        const cH = H[s] - aH;
        if (cH >= mcw) {
          const aG = accG[s];
          const cG = G[s] - aG;
          // splitGain(cG, cH, aG, aH) inlined (aH > 0 here)
          const tc = cH > 0 ? fround(fround(cG * cG) / fround(cH + lambda)) : 0;
          const ta = fround(fround(aG * aG) / fround(aH + lambda));
          const gain = fround(fround(tc + ta) - rootGain[s]);
          if (gain > bGain[s]) {
            let thr = fround(fround(v + lv) * 0.5);
            if (thr === v) thr = lv;
            best.update(s, gain, f, thr, dl);
          }
        }
      }
      accG[s] += grad[r];
      accH[s] = aH + 1;
      last[s] = v;
    }
    // All present rows on one side, the node's missing rows on the other.
    for (let s = 0; s < ns; s++) {
      if (accH[s] === 0 || accH[s] < mcw) continue;
      const cH = H[s] - accH[s];
      if (cH < mcw || cH <= 0) continue;
      const gain = splitGain(G[s] - accG[s], cH, accG[s], accH[s], rootGain[s], lambda);
      const gap = fround(fround(Math.abs(last[s])) + RT_EPS);
      best.update(s, gain, f, fround(fwd ? last[s] + gap : last[s] - gap), dl);
    }
  }
}
