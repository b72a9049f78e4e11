/**
 * Collinearity statements for the IV kernel, as ivreg2's collinearity block makes them: an endogenous
 * regressor that is an exact linear combination of the instruments (e.g. an instrument that copies it)
 * is reported as such ("endogenous variable(s) collinear with instruments"), and an instrument dropped as
 * collinear names the columns it is a combination of. Without the check, 2SLS silently equals OLS and the
 * identification statistics divide by 1 - rho^2 = rounding noise (Cragg-Donald F = -2.95e17).
 *
 * Shapes: the basis of the projector is n x k column-major; v has length n.
 */
import { InputError } from "../frame/errors";
import { columnNorms, qrLeastSquares } from "../linalg/qr";
import { Projector } from "./project";

/** A column counts as in the span of the basis when its residual is at most this share of its norm. */
export const SPAN_TOL = 1e-9;

/** How much of v each basis column carries in v's least-squares fit: |coef_j| x ||b_j|| / ||v||. */
function shares(p: Projector, v: Float64Array): { index: number; coef: number; share: number }[] {
  const f = p.qr!;
  const { coef } = qrLeastSquares(f, p.basis, v, "plain", 1);
  const vn = columnNorms(v, v.length, 1)[0];
  return Array.from(f.kept, (j, c) => {
    const bn = columnNorms(p.basis.subarray(j * f.n, (j + 1) * f.n), f.n, 1)[0];
    return { index: j, coef: coef[c], share: (Math.abs(coef[c]) * bn) / vn };
  });
}

/** True when v lies in the span of the projector's basis (relative residual <= SPAN_TOL). */
export function inSpan(p: Projector, v: Float64Array): boolean {
  if (!p.qr || p.qr.rank === 0) return false;
  const { resid } = qrLeastSquares(p.qr, p.basis, v, "plain", 1);
  return columnNorms(resid, resid.length, 1)[0] <= SPAN_TOL * columnNorms(v, v.length, 1)[0];
}

/** "1 x z1 + 0.5 x z2" for the basis columns that carry v (share above 1e-8), by name. */
export function combinationOf(p: Projector, v: Float64Array, names: readonly string[]): string {
  const parts = shares(p, v).filter((s) => s.share > 1e-8).map((s) => `${Number(s.coef.toPrecision(6))} x "${names[s.index]}"`);
  return parts.length > 0 ? parts.join(" + ") : "0";
}

/**
 * Endogenous regressors that are exact combinations of the instrument set Z (controls + excluded
 * instruments): refused naming the instruments involved (`allow` false), or, with `allow`, the statement
 * that the identification statistics are inapplicable for (null when there is none).
 */
export function endogenousInZ(zp: Projector, endog: Float64Array, endogNames: readonly string[], zNames: readonly string[], n: number, allow: boolean): string | null {
  const bad: string[] = [];
  endogNames.forEach((name, k) => {
    const x = endog.subarray(k * n, (k + 1) * n);
    if (inSpan(zp, x)) bad.push(`"${name}" = ${combinationOf(zp, x, zNames)}`);
  });
  if (bad.length === 0) return null;
  if (allow) return `endogenous regressor(s) collinear with the instruments (${bad.join("; ")}): 2SLS equals OLS and the equation's identification is not tested`;
  throw new InputError(
    `Endogenous regressor(s) collinear with the instruments: ${bad.join("; ")} (an instrument that copies the regressor it instruments). ` +
      `2SLS would equal OLS and the identification statistics (Cragg-Donald, Kleibergen-Paap) are undefined. ` +
      `ivreg2 treats such a regressor as exogenous; give an instrument that is not a copy of it, or list the regressor among the controls.`,
  );
}
