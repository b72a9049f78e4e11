/**
 * xgboost's split arithmetic for squared error (h = 1 per row), with the float32 roundings of xgboost
 * 1.7.4 (test/reference/boosting/README.md, training conventions 5-6). G, H are double sums.
 */
export const f32 = Math.fround;

/** kRtEps: a split is made only if its loss change exceeds this float32 number. */
export const RT_EPS = f32(1e-6);

/** Score term T(G, H) = f32(f32(G^2) / f32(H + lambda)); 0 if H <= 0. */
export function scoreTerm(G: number, H: number, lambda: number): number {
  if (H <= 0) return 0;
  return f32(f32(G * G) / f32(H + lambda));
}

/** Loss change of a split (xgboost's loss_chg, without 1/2 and gamma). */
export function splitGain(GL: number, HL: number, GR: number, HR: number, rootGain: number, lambda: number): number {
  return f32(f32(scoreTerm(GL, HL, lambda) + scoreTerm(GR, HR, lambda)) - rootGain);
}

/** Node weight w = f32(-G / (H + lambda)), 0 when H < min_child_weight. */
export function nodeWeight(G: number, H: number, lambda: number, minChildWeight: number): number {
  if (H < minChildWeight) return 0;
  return f32(-G / (H + lambda));
}

/** Per-node best split while a level is evaluated (xgboost's SplitEntry; replaced only by a larger gain). */
export class LevelBest {
  gain: Float64Array;
  feature: Int32Array;
  threshold: Float64Array;
  defaultLeft: Uint8Array;
  constructor(nSlots: number) {
    this.gain = new Float64Array(nSlots);
    this.feature = new Int32Array(nSlots).fill(-1);
    this.threshold = new Float64Array(nSlots);
    this.defaultLeft = new Uint8Array(nSlots);
  }
  /** Clears the first ns entries (no split found yet). */
  reset(ns: number): void {
    this.gain.fill(0, 0, ns);
    this.feature.fill(-1, 0, ns);
  }
  /** Features are visited in ascending index, so "strictly larger" is xgboost's NeedReplace. */
  update(s: number, gain: number, feature: number, threshold: number, defaultLeft: boolean): void {
    if (gain > this.gain[s]) {
      this.gain[s] = gain;
      this.feature[s] = feature;
      this.threshold[s] = threshold;
      this.defaultLeft[s] = defaultLeft ? 1 : 0;
    }
  }
}
