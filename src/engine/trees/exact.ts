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
import { f32, LevelBest, RT_EPS, splitGain } from "./gain";
import { Level, SplitFinder } from "./level";

void RT_EPS;

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
    const ns = level.expand.length;
    const accG = new Float64Array(ns);
    const accH = new Float64Array(ns);
    const last = new Float64Array(ns);
    for (const f of level.features) {
      if (this.forward[f]) {
        this.pass(level, best, f, +1, accG, accH, last);
      }
      this.pass(level, best, f, -1, accG, accH, last);
    }
  }

  private pass(level: Level, best: LevelBest, f: number, dir: 1 | -1, accG: Float64Array, accH: Float64Array, last: Float64Array): void {
    const { G, H, rootGain, slot, grad } = level;
    const { lambda, minChildWeight: mcw } = level.spec;
    const ns = accG.length;
    accG.fill(0);
    accH.fill(0);
    const rows = this.sorted[f];
    const col = this.d.x.subarray(f * this.d.n, (f + 1) * this.d.n);
    const len = rows.length;
    const fwd = dir === 1;
    for (let q = 0; q < len; q++) {
      const r = rows[fwd ? q : len - 1 - q];
      const s = slot[r];
      if (s < 0) continue;
      const v = col[r];
      if (accH[s] === 0) {
        accG[s] = grad[r];
        accH[s] = 1;
        last[s] = v;
        continue;
      }
      if (v !== last[s] && accH[s] >= mcw) {
        const cH = H[s] - accH[s];
        if (cH >= mcw) {
          const cG = G[s] - accG[s];
          const gain = splitGain(cG, cH, accG[s], accH[s], rootGain[s], lambda);
          let thr = f32(f32(v + last[s]) * 0.5);
          if (thr === v) thr = last[s];
          best.update(s, gain, f, thr, !fwd);
        }
      }
      accG[s] += grad[r];
      accH[s] += 1;
      last[s] = v;
    }
    // All present rows on one side, the node's missing rows on the other.
    for (let s = 0; s < ns; s++) {
      if (accH[s] === 0 || accH[s] < mcw) continue;
      const cH = H[s] - accH[s];
      if (cH < mcw || cH <= 0) continue;
      const gain = splitGain(G[s] - accG[s], cH, accG[s], accH[s], rootGain[s], lambda);
      const gap = f32(f32(Math.abs(last[s])) + RT_EPS);
      best.update(s, gain, f, f32(fwd ? last[s] + gap : last[s] - gap), !fwd);
    }
  }
}
