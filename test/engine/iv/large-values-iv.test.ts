/**
 * Issue 11: IV-2SLS on large-but-finite data. The nqp_cities IV case (ER on NQP instrumented by its first
 * and second lags, controls, two-way FE, clustered by city) with ER x 1e304, NQP x 1e306, L1_NQP x 1e300
 * and a control x 1e-300 against the same case at unit scale: coefficients, SEs and vcov scaled back
 * exactly, first stages and reduced form likewise, diagnostics and the AR set unchanged. Before: NaN
 * everywhere (squares of 1e306 overflow) or instruments called collinear.
 */
import { Frame } from "../../../src/engine/frame";
import { fitIv, IvResult, IvSpec } from "../../../src/engine/models/iv";
import { withNumericColumn } from "../../../src/engine/models/spec-frame";
import { numericColumn } from "../../../src/engine/frame";
import { relErr } from "../../support/reference";
import { nqpFrameWithLags } from "./nqp-lags";

const SCALE: Record<string, number> = { ER: 1e304, NQP: 1e306, L1_NQP: 1e300, GDP: 1e-300 };
const scaleOf = (name: string) => SCALE[name] ?? 1;

function scaled(f: Frame): Frame {
  let out = f;
  for (const [name, s] of Object.entries(SCALE)) out = withNumericColumn(out, name, numericColumn(f, name).map((v) => v * s));
  return out;
}

const spec: IvSpec = {
  y: "ER", endog: ["NQP"], instruments: ["L1_NQP", "L2_NQP"], x: ["GDP", "FTE", "BOOK"],
  fe: ["city_id", "year"], cluster: ["city_id"], reducedForm: true,
};

describe("IV at 1e300 scales equals IV at unit scale", () => {
  const unit = nqpFrameWithLags();
  const a: IvResult = fitIv(unit, spec);
  const b: IvResult = fitIv(scaled(unit), spec);
  let worst = 0;
  const cmp = (x: number, y: number) => (worst = Math.max(worst, relErr(x, y)));

  test("second stage: coef, se, vcov, ssr/rmse in data units; R2 and diagnostics unchanged", () => {
    worst = 0;
    expect(b.terms).toEqual(a.terms);
    expect(b.omitted).toEqual([]);
    expect(Object.keys(b.omittedInstruments)).toEqual([]);
    const f = a.terms.map((t) => scaleOf("ER") / scaleOf(t));
    a.terms.forEach((_, j) => {
      cmp(b.coef[j], a.coef[j] * f[j]);
      cmp(b.se[j], a.se[j] * f[j]);
      cmp(b.p[j], a.p[j]);
      cmp(b.ciLow[j], a.ciLow[j] * f[j]);
    });
    const q = a.terms.length;
    // vcov entries in data units overflow for ER x 1e304 / GDP x 1e-300; compare the finite ones.
    for (let k = 0; k < q * q; k++) {
      const e = a.vcov[k] * f[k % q] * f[Math.floor(k / q)];
      if (Number.isFinite(e) && e !== 0) cmp(b.vcov[k], e);
    }
    cmp(b.r2, a.r2);
    cmp(b.r2Within, a.r2Within);
    cmp(b.rmse, a.rmse * scaleOf("ER"));
    expect(b.diagnostics.map((d) => d.name)).toEqual(a.diagnostics.map((d) => d.name));
    a.diagnostics.forEach((d, k) => cmp(b.diagnostics[k].statistic, d.statistic));
    cmp(b.kpWaldChi2, a.kpWaldChi2);
    expect(worst).toBeLessThan(1e-10);
  });

  test("first stage and reduced form scaled back; F and partial R2 unchanged", () => {
    worst = 0;
    const fa = a.firstStage[0];
    const fb = b.firstStage[0];
    expect(fb.terms).toEqual(fa.terms);
    fa.terms.forEach((t, j) => {
      cmp(fb.coef[j], fa.coef[j] * scaleOf("NQP") / scaleOf(t));
      cmp(fb.se[j], fa.se[j] * scaleOf("NQP") / scaleOf(t));
    });
    cmp(fb.f, fa.f);
    cmp(fb.partialR2, fa.partialR2);
    cmp(fb.rmse, fa.rmse * scaleOf("NQP"));
    const ra = a.reducedForm!;
    const rb = b.reducedForm!;
    ra.terms.forEach((t, j) => cmp(rb.coef[j], ra.coef[j] * scaleOf("ER") / scaleOf(t)));
    cmp(rb.rmse, ra.rmse * scaleOf("ER"));
    expect(worst).toBeLessThan(1e-10);
  });

  test("Anderson-Rubin confidence set in units of ER per NQP", () => {
    const f = scaleOf("ER") / scaleOf("NQP");
    expect(b.arConfidenceSet!.length).toBe(a.arConfidenceSet!.length);
    a.arConfidenceSet!.forEach(([lo, hi], k) => {
      const [blo, bhi] = b.arConfidenceSet![k];
      if (Number.isFinite(lo)) expect(relErr(blo, lo * f)).toBeLessThan(1e-10); else expect(blo).toBe(lo);
      if (Number.isFinite(hi)) expect(relErr(bhi, hi * f)).toBeLessThan(1e-10); else expect(bhi).toBe(hi);
    });
  });
});
