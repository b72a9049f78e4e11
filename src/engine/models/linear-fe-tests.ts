/**
 * F tests of the absorbed fixed effects (iid, nested-model comparisons with the same sample):
 * - "f_fe": all FE against pooled OLS with an intercept (plm::pFtest(twoways|individual, pooling));
 * - with two or more FE, "f_fe_<name>": the effects of one FE given the others (e.g. firm effects in a
 *   firm + year model against year effects only, as Stata's `xtreg ..., fe` with i.year reports "F test
 *   that all u_i=0"; year effects given firm = `testparm i.year`).
 * F = ((SSR_restricted - SSR) / df1) / (SSR / (N - K_full)), df1 = K_full - K_restricted.
 * Each restricted model is one more absorption and a tall-skinny QR (no residual vector kept).
 */
import { buildFixedEffects, FixedEffects } from "../fe";
import { Diagnostic, inapplicable } from "../stats/diagnostic";
import { fUpperP } from "../stats/distributions";
import { SmallSample } from "../vcov";
import { ssrOf } from "./linear-solve";

export interface FeTestInput {
  readonly n: number;
  readonly fe: FixedEffects;
  readonly yRaw: Float64Array;
  /** Raw regressors on the sample rows (all candidates; the restricted fits make their own rank decisions). */
  readonly xCols: readonly Float64Array[];
  readonly rawNorms: Float64Array;
  readonly ssr: number;
  readonly dof: SmallSample;
  readonly rankTol: number;
}

function fTest(name: string, label: string, h0: string, inp: FeTestInput, restricted: { ssr: number; k: number }): Diagnostic {
  const { ssr, dof } = inp;
  const df1 = dof.kFull - restricted.k;
  if (df1 <= 0) return inapplicable(name, label, h0, "The tested fixed effects add no parameters to the restricted model.");
  const stat = ((restricted.ssr - ssr) / df1) / (ssr / dof.dfResid);
  return { name, label, statistic: stat, df: [df1, dof.dfResid], distribution: "F", p: fUpperP(stat, df1, dof.dfResid), nullHypothesis: h0 };
}

export function feTests(inp: FeTestInput): Diagnostic[] {
  const { n, fe, yRaw, xCols, rawNorms, rankTol } = inp;
  const pooled = ssrOf([new Float64Array(n).fill(1), ...xCols], yRaw, n, [Math.sqrt(n), ...rawNorms], rankTol);
  const out = [fTest("f_fe", "F test that all fixed effects are zero", "all fixed effects are zero (pooled OLS)", inp, { ssr: pooled.ssr, k: pooled.rank })];
  if (fe.dims.length < 2) return out;
  for (const d of fe.dims) {
    const others = buildFixedEffects(fe.dims.filter((o) => o !== d).map((o) => ({ name: o.name, codes: o.codes })));
    const r = ssrOf(xCols.map((c) => others.demean(c)), others.demean(yRaw), n, rawNorms, rankTol);
    out.push(fTest(`f_fe_${d.name}`, `F test that the ${d.name} effects are zero`, `all ${d.name} effects are zero, given the other fixed effects`, inp, { ssr: r.ssr, k: r.rank + others.dfAbsorbed }));
  }
  return out;
}
