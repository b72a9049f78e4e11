/**
 * The treatment effect on the treated and psmatch2 4.0.12's standard error
 * (test/reference/psm/README.md convention 13):
 *   ATT = mean over treated on support of y - mean over the same rows of the matched outcome;
 *   SE  = sqrt(Var1/N1 + Var0 * sum_c w_c^2 / N1^2), Var1 the sample variance of y over the treated on
 *         support, Var0 the (unweighted, n - 1) sample variance of y over the matched controls (weight
 *         not missing); null (NaN) with fewer than two matched controls.
 * Also the "Unmatched" row (difference of raw means, pooled-variance OLS SE of `regress y treat`) and
 * psmatch2 4.1.0's SE (Var0 over all controls on support) for comparison.
 *
 * Shapes: arrays over the estimation sample (length m); weight NaN = missing.
 */
export interface EffectEstimate {
  readonly att: number;
  /** NaN when it cannot be computed (fewer than two matched controls). */
  readonly se: number;
  readonly t: number;
  readonly seV410: number;
  readonly meanTreated: number;
  readonly meanMatched: number;
  readonly var1: number;
  readonly var0: number;
  readonly var0AllControls: number;
  readonly sumWeight2: number;
  readonly unmatched: { readonly meanTreated: number; readonly meanControls: number; readonly diff: number; readonly se: number; readonly t: number };
}

function meanVar(vals: number[]): { mean: number; v: number } {
  const n = vals.length;
  let s = 0;
  for (const v of vals) s += v;
  const mean = s / n;
  let q = 0;
  for (const v of vals) q += (v - mean) * (v - mean);
  return { mean, v: n > 1 ? q / (n - 1) : NaN };
}

export function treatmentEffect(y: ArrayLike<number>, treat: ArrayLike<number>, support: ArrayLike<number>, weight: ArrayLike<number>, ymatch: ArrayLike<number>): EffectEstimate {
  const m = y.length;
  const y1: number[] = [], ym: number[] = [], y0m: number[] = [], y0s: number[] = [], yt: number[] = [], yc: number[] = [];
  let w2 = 0;
  for (let i = 0; i < m; i++) {
    if (treat[i] === 1) {
      yt.push(y[i]);
      if (support[i] === 1) {
        y1.push(y[i]);
        ym.push(ymatch[i]);
      }
    } else {
      yc.push(y[i]);
      if (support[i] === 1) y0s.push(y[i]);
      if (!Number.isNaN(weight[i])) {
        y0m.push(y[i]);
        w2 += weight[i] * weight[i];
      }
    }
  }
  const N1 = y1.length;
  const a = meanVar(y1), b = meanVar(ym), c = meanVar(y0m), d = meanVar(y0s);
  const att = a.mean - b.mean;
  const se = Math.sqrt(a.v / N1 + c.v * w2 / (N1 * N1));
  const t1 = meanVar(yt), t0 = meanVar(yc);
  const diff = t1.mean - t0.mean;
  const s2 = ((yt.length - 1) * t1.v + (yc.length - 1) * t0.v) / (yt.length + yc.length - 2);
  const seu = Math.sqrt(s2 * (1 / yt.length + 1 / yc.length));
  return {
    att, se, t: att / se, seV410: Math.sqrt(a.v / N1 + d.v * w2 / (N1 * N1)),
    meanTreated: a.mean, meanMatched: b.mean, var1: a.v, var0: c.v, var0AllControls: d.v, sumWeight2: w2,
    unmatched: { meanTreated: t1.mean, meanControls: t0.mean, diff, se: seu, t: diff / seu },
  };
}
