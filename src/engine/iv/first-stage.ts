/**
 * First-stage regressions: each endogenous regressor on all instruments (excluded + included exogenous),
 * with the regress-style small-sample variance ivreg2 uses for e(first) (iid: RSS/(N - L - sdofminus - dofminus);
 * HC1: N/(N - L - sdofminus - dofminus); CR1: (N-1)/(N - L - sdofminus) G/(G-1); rmse over N - L -
 * sdofminus - dofminus), the F test of the excluded instruments (Wald / L1 with F(L1, N - L - sdofminus
 * - dofminus) or F(L1, G - 1)), and the partial R-squared of
 * the excluded instruments. The F is NaN when the instruments' covariance is singular (e.g. 2 clusters).
 * Shapes: Zfull n x L (instruments: included exogenous and excluded), column-major.
 */
import { breadFromQR, qrLeastSquares } from "../linalg/qr";
import { NotPositiveDefiniteError, symSolve } from "../linalg/dense";
import { fUpperP, tTwoSidedP } from "../stats/distributions";
import type { ConditionalF } from "./conditional-f";
import { ClusterCodes, MeatKind } from "./meat";
import { Projector, selectColumns } from "./project";
import { sandwichVcov } from "./tsls";

export interface FirstStage {
  readonly endogenous: string;
  /** Instruments with coefficients (kept columns of Zfull, in order). */
  readonly terms: readonly string[];
  readonly coef: Float64Array;
  readonly se: Float64Array;
  readonly t: Float64Array;
  readonly p: Float64Array;
  /** Row-major = column-major (symmetric) terms x terms. */
  readonly vcov: Float64Array;
  /** F statistic on the excluded instruments, with df [L1, df2] and p-value. */
  readonly f: number;
  readonly fDf: readonly [number, number];
  readonly fP: number;
  readonly partialR2: number;
  readonly rmse: number;
  readonly rss: number;
  /** Shea partial R2 and the Sanderson-Windmeijer / Angrist-Pischke conditional first stages (set by ivreg2, not for the reduced form). */
  readonly sheaPartialR2?: number;
  readonly sw?: ConditionalF;
  readonly ap?: ConditionalF;
}

export interface FirstStageInput {
  readonly x: Float64Array;
  readonly name: string;
  /** Projector on Zfull (its QR decides which instruments are kept). */
  readonly zp: Projector;
  readonly zNames: readonly string[];
  /** Whether column j of Zfull is an excluded instrument. */
  readonly isExcluded: (j: number) => boolean;
  /** x residualised on the included exogenous (for the partial R2 denominator). */
  readonly xPartialled: Float64Array;
  readonly n: number;
  readonly kind: MeatKind;
  readonly sdofminus: number;
  /** ivreg2 dofminus (large-sample df adjustment): in the rmse, iid and HC denominators, not in CR1's. */
  readonly dofminus?: number;
  readonly clusters?: ClusterCodes;
}

export function firstStage(inp: FirstStageInput): FirstStage {
  const { x, zp, n, kind, sdofminus, clusters } = inp;
  const qr = zp.qr!;
  const kept = qr.kept;
  const L = kept.length;
  const { coef, resid } = qrLeastSquares(qr, zp.basis, x, "plain", 1);
  let rss = 0;
  for (let i = 0; i < n; i++) rss += resid[i] * resid[i];
  const dfr = n - L - sdofminus - (inp.dofminus ?? 0);
  const G = clusters?.nClusters ?? 0;
  const scale = kind === "iid" ? rss / dfr : kind === "robust" ? n / dfr : ((n - 1) / (n - L - sdofminus)) * (G / (G - 1));
  const Zk = selectColumns(zp.basis, n, kept);
  const vcov = sandwichVcov(kind, breadFromQR(qr), Zk, L, resid, n, scale, clusters);
  const se = Float64Array.from({ length: L }, (_, j) => Math.sqrt(vcov[j + j * L]));
  const df2 = kind === "cluster" ? G - 1 : dfr;
  const t = coef.map((b, j) => b / se[j]);
  const p = t.map((v) => tTwoSidedP(v, df2));
  // Excluded instruments that survived the rank check are the kept indices < l1.
  const ex: number[] = [];
  kept.forEach((c, pos) => {
    if (inp.isExcluded(c)) ex.push(pos);
  });
  const l1 = ex.length;
  let f = NaN;
  if (l1 > 0) {
    const Vs = new Float64Array(l1 * l1);
    const bs = new Float64Array(l1);
    ex.forEach((a, i) => {
      bs[i] = coef[a];
      ex.forEach((b, j) => (Vs[i + j * l1] = vcov[a + b * L]));
    });
    try {
      const sol = symSolve(Vs, l1, bs, 1);
      let w = 0;
      for (let i = 0; i < l1; i++) w += bs[i] * sol[i];
      f = w / l1;
    } catch (e) {
      // A clustered covariance of rank < L1 (fewer clusters than instruments): no Wald F (NaN), as
      // Stata posts none. Anything else is a real error.
      if (!(e instanceof NotPositiveDefiniteError)) throw e;
    }
  }
  let tssPartial = 0;
  for (let i = 0; i < n; i++) tssPartial += inp.xPartialled[i] * inp.xPartialled[i];
  return {
    endogenous: inp.name,
    terms: Array.from(kept, (c) => inp.zNames[c]),
    coef, se, t, p, vcov,
    f, fDf: [l1, df2], fP: fUpperP(f, l1, df2),
    partialR2: 1 - rss / tssPartial,
    rmse: Math.sqrt(rss / dfr),
    rss,
  };
}
