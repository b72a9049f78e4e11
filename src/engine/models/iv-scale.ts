/**
 * IV-2SLS on data near the ends of the double range (issue 11): as for OLS (linear-scale.ts), a column
 * whose largest magnitude is beyond 2^+-450 is multiplied by a power of two (exact), the model is fitted on
 * the scaled frame and every quantity in data units is mapped back. 2SLS, its first stages, the reduced
 * form and the Anderson-Rubin set are equivariant: with y_s = my y and v_s = mv v for every other variable,
 * a coefficient of term t in an equation for dependent d scales by mt / md; SEs, CIs and vcov alike; rss by
 * 1 / md^2 and rmse by 1 / md. t, p, F, R2, partial R2, KP/CD/J/C/AR statistics are scale-free.
 */
import { Frame, Column, InputError, numericColumn } from "../frame";
import type { FirstStage } from "../iv/first-stage";
import type { ArConfidenceSet } from "../iv/anderson-rubin";
import { multiplier } from "./linear-scale";

/** Multiplier per variable name (only the scaled ones), or null when the data need none. */
export function ivScales(frame: Frame, numericNames: readonly string[]): Map<string, number> | null {
  const out = new Map<string, number>();
  for (const name of new Set(numericNames)) {
    const m = multiplier(numericColumn(frame, name));
    if (m !== 1) out.set(name, m);
  }
  return out.size > 0 ? out : null;
}

/** A frame whose scaled columns are replaced by copies multiplied by their multipliers. */
export function scaleFrame(frame: Frame, scales: ReadonlyMap<string, number>): Frame {
  const columns = new Map<string, Column>(frame.columns);
  for (const [name, m] of scales) {
    const c = frame.columns.get(name)!;
    columns.set(name, { ...c, numbers: c.numbers.map((v) => v * m) });
  }
  return { ...frame, columns };
}

/** The AR null hypothesis (original units) in the units of the scaled fit. */
export function scaledArNull(arNull: number | undefined, y: string, endog: readonly string[], scales: ReadonlyMap<string, number>): number | undefined {
  if (arNull === undefined || arNull === 0) return arNull;
  const f = endog.map((e) => (scales.get(y) ?? 1) / (scales.get(e) ?? 1));
  if (f.some((v) => v !== f[0])) {
    throw new InputError(`The Anderson-Rubin null ${arNull} cannot be tested on endogenous regressors of such different magnitudes (${endog.join(", ")}); rescale them to similar units first.`);
  }
  return arNull * f[0];
}

interface Equation {
  readonly terms: readonly string[];
  readonly coef: Float64Array;
  readonly se: Float64Array;
  readonly vcov: Float64Array;
}

/** Factor per term of an equation whose dependent variable is `dep`. */
function factors(terms: readonly string[], dep: string, scales: ReadonlyMap<string, number>): Float64Array {
  const md = scales.get(dep) ?? 1;
  return Float64Array.from(terms, (t) => (scales.get(t) ?? 1) / md);
}

function unscaleEquation<E extends Equation>(eq: E, f: Float64Array): E {
  const q = eq.terms.length;
  return {
    ...eq,
    coef: eq.coef.map((v, j) => v * f[j]),
    se: eq.se.map((v, j) => v * f[j]),
    vcov: eq.vcov.map((v, k) => v * f[k % q] * f[Math.floor(k / q)]),
  };
}

/** A first stage (dep = its endogenous regressor) or the reduced form (dep = the outcome). */
function unscaleFirstStage(fs: FirstStage, dep: string, scales: ReadonlyMap<string, number>): FirstStage {
  const md = scales.get(dep) ?? 1;
  return { ...unscaleEquation(fs, factors(fs.terms, dep, scales)), rss: fs.rss / md / md, rmse: fs.rmse / md };
}

interface IvLike extends Equation {
  readonly depVar: string;
  readonly endogenous: readonly string[];
  readonly ciLow: Float64Array;
  readonly ciHigh: Float64Array;
  readonly ssr: number;
  readonly rmse: number;
  readonly firstStage: readonly FirstStage[];
  readonly reducedForm?: FirstStage;
  readonly arConfidenceSet?: ArConfidenceSet;
}

/** The scaled fit in the units of the original data (see file header). */
export function unscaleIv<R extends IvLike>(r: R, scales: ReadonlyMap<string, number>): R {
  const f = factors(r.terms, r.depVar, scales);
  const my = scales.get(r.depVar) ?? 1;
  const arF = r.endogenous.length === 1 ? (scales.get(r.endogenous[0]) ?? 1) / my : 1;
  return {
    ...unscaleEquation(r, f),
    ciLow: r.ciLow.map((v, j) => v * f[j]),
    ciHigh: r.ciHigh.map((v, j) => v * f[j]),
    ssr: r.ssr / my / my,
    rmse: r.rmse / my,
    firstStage: r.firstStage.map((fs) => unscaleFirstStage(fs, fs.endogenous, scales)),
    reducedForm: r.reducedForm && unscaleFirstStage(r.reducedForm, r.depVar, scales),
    arConfidenceSet: r.arConfidenceSet?.map(([a, b]) => [a * arF, b * arF] as const),
  };
}
