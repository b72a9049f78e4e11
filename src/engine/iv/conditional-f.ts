/**
 * First-stage statistics for one endogenous regressor given the others (ivreg2 e(first) rows):
 * Shea (Godfrey) partial R2, and the Angrist-Pischke (2009) and Sanderson-Windmeijer (2016)
 * conditional first-stage chi2 / F / partial R2.
 *
 * All inputs are partialled on the included exogenous regressors (Frisch-Waugh-Lovell gives the same
 * coefficients, residuals and Wald statistics as ivreg2's regressions on all instruments):
 *   Shea_i = [(X1'X1)^-1]_ii / [(X1'P X1)^-1]_ii, P the projection on the excluded instruments Z1;
 *   b1 = 2SLS of x_i on the other endogenous X_-i (instruments Z1); residual e = x_i - Xhat_-i b1 (AP)
 *   or x_i - X_-i b1 (SW); regress e on Z1 and Wald-test all coefficients:
 *     iid: W = b2'(Z1'Z1) b2 / s2, s2 = RSS/(N - dofminus); robust/cluster: W = g' M^-1 g, g = Z1'e,
 *     M = moment meat of the regression residuals (robust: x N/(N - dofminus); cluster: no factor);
 *   partial R2 = (W0/(N - dofminus)) / (1 + W0/(N - dofminus)) with W0 the iid Wald;
 *   df1 = L1 - K1 + 1; F = W/(N - dofminus) df2/df1 with df2 = N - dofminus - L - sdofminus, or under
 *   clustering F = W/(N-1) (N - L - sdofminus) (G-1)/G / df1 with df2 = G - 1.
 * With one endogenous regressor both equal the ordinary first-stage F. Shapes: n x k column-major.
 */
import { crossprod, crossprodXY, symInverse, symSolve } from "../linalg/dense";
import { householderQR, qrLeastSquares } from "../linalg/qr";
import { chi2UpperP, fUpperP } from "../stats/distributions";
import { ClusterCodes, MeatKind, momentMeat } from "./meat";
import { Projector, fitted, selectColumns } from "./project";

export interface ConditionalF {
  readonly chi2: number;
  readonly chi2P: number;
  readonly f: number;
  readonly fDf: readonly [number, number];
  readonly fP: number;
  readonly partialR2: number;
}

export interface ConditionalFirstStage {
  /** Shea (1997) partial R2 by Godfrey's formula. */
  readonly sheaPartialR2: number;
  /** Sanderson-Windmeijer conditional first stage. */
  readonly sw: ConditionalF;
  /** Angrist-Pischke conditional first stage. */
  readonly ap: ConditionalF;
}

export interface ConditionalInput {
  /** Endogenous regressors, partialled: n x K1. */
  readonly X1: Float64Array;
  readonly K1: number;
  /** Projector on the partialled excluded instruments (n x l1 basis). */
  readonly z1p: Projector;
  readonly l1: number;
  readonly n: number;
  /** L, all instruments (for the small-sample df). */
  readonly nInstruments: number;
  readonly kind: MeatKind;
  readonly sdofminus: number;
  readonly dofminus: number;
  readonly clusters?: ClusterCodes;
}

export function conditionalFirstStages(inp: ConditionalInput): ConditionalFirstStage[] {
  const { X1, K1, z1p, l1, n, kind, dofminus } = inp;
  const Z = z1p.basis;
  const zqr = z1p.qr!;
  const Xhat = fitted(z1p, X1, K1);
  const invXX = symInverse(crossprod(X1, n, K1), K1);
  const invXPX = symInverse(crossprod(Xhat, n, K1), K1);
  const G = inp.clusters?.nClusters ?? 0;
  const df1 = l1 - K1 + 1;
  const df2 = kind === "cluster" ? G - 1 : n - dofminus - inp.nInstruments - inp.sdofminus;
  const toF = (w: number) =>
    kind === "cluster" ? (w / (n - 1)) * (n - inp.nInstruments - inp.sdofminus) * ((G - 1) / G) / df1 : (w / (n - dofminus)) * df2 / df1;

  const conditional = (e: Float64Array): ConditionalF => {
    const { coef, resid } = qrLeastSquares(zqr, Z, e, "plain", 1);
    const g = crossprodXY(Z, l1, e, 1, n); // = Z1'Z1 b2
    let bg = 0;
    for (let l = 0; l < zqr.rank; l++) bg += coef[l] * g[zqr.kept[l]];
    let rss = 0;
    for (let i = 0; i < n; i++) rss += resid[i] * resid[i];
    const wIid = bg / (rss / (n - dofminus));
    let w = wIid;
    if (kind !== "iid") {
      const M = momentMeat(kind, resid, 1, Z, l1, n, inp.clusters);
      if (kind === "robust" && dofminus > 0) for (let i = 0; i < M.length; i++) M[i] *= n / (n - dofminus);
      try {
        const sol = symSolve(M, l1, g, 1);
        w = 0;
        for (let l = 0; l < l1; l++) w += g[l] * sol[l];
      } catch {
        w = NaN; // singular meat (fewer clusters than instruments): not available
      }
    }
    const r = wIid / (n - dofminus);
    const f = toF(w);
    return { chi2: w, chi2P: chi2UpperP(w, df1), f, fDf: [df1, df2], fP: fUpperP(f, df1, df2), partialR2: r / (1 + r) };
  };

  const out: ConditionalFirstStage[] = [];
  for (let i = 0; i < K1; i++) {
    const xi = X1.subarray(i * n, (i + 1) * n);
    const others = Array.from({ length: K1 }, (_, j) => j).filter((j) => j !== i);
    let eAP: Float64Array = xi;
    let eSW: Float64Array = xi;
    if (others.length > 0) {
      const Xh = selectColumns(Xhat, n, others);
      const Xo = selectColumns(X1, n, others);
      const qr = householderQR(Xh, n, others.length);
      const { coef: b1 } = qrLeastSquares(qr, Xh, xi, "plain", 1);
      eAP = new Float64Array(n);
      eSW = new Float64Array(n);
      for (let r = 0; r < n; r++) {
        let fh = 0, fx = 0;
        for (let c = 0; c < qr.rank; c++) {
          const j = qr.kept[c];
          fh += Xh[r + j * n] * b1[c];
          fx += Xo[r + j * n] * b1[c];
        }
        eAP[r] = xi[r] - fh;
        eSW[r] = xi[r] - fx;
      }
    }
    out.push({ sheaPartialR2: invXX[i + i * K1] / invXPX[i + i * K1], sw: conditional(eSW), ap: conditional(eAP) });
  }
  return out;
}
