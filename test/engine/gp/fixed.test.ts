/**
 * GP regression with fixed hyperparameters against test/reference/gp (cases city2022_gp_fixed,
 * city2022_ggpr_jt_fixed; every row in city2022_points.csv): standardisation constants, loglik,
 * gradient, debug values, posterior mean and sd_f / sd_y at all training and holdout rows.
 * Sources: numpy by hand, cross-checked with scikit-learn 1.2.1 (README table).
 */
import { fitGp, GpModel } from "../../../src/engine/gp/model";
import { logMarginalLikelihood } from "../../../src/engine/gp/likelihood";
import { city2022, FEATURES, ggprFixed, gpArdFixed, readGp, readGpCsv } from "./city2022";
import { relErr } from "../../support/reference";

const d = city2022();
const ys = (m: GpModel) => Float64Array.from(d.train.y, (v) => (v - m.yMean) / m.ySd);
const models: Record<string, { model: GpModel; ref: any }> = {};

beforeAll(() => {
  models.gp_ard = { model: fitGp(d.train, { kernel: { kernel: "gp_ard" }, fixed: gpArdFixed() }), ref: readGp("city2022_gp_fixed").results };
  models.ggpr_jt = { model: fitGp(d.train, { kernel: { kernel: "ggpr_jt" }, fixed: ggprFixed() }), ref: readGp("city2022_ggpr_jt_fixed").results };
});

function maxScaledErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 0;
  let e = 0;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]));
  for (let i = 0; i < b.length; i++) e = Math.max(e, Math.abs(a[i] - b[i]));
  return e / scale;
}

describe.each(["gp_ard", "ggpr_jt"])("%s with fixed hyperparameters", (name) => {
  test("standardisation constants (1e-10 relative)", () => {
    const { model, ref } = models[name];
    const cols = name === "gp_ard" ? FEATURES : [...FEATURES, "lat", "lon"];
    cols.forEach((c, j) => {
      expect(relErr(model.scaler.mean[j], ref.standardisation.mean[c])).toBeLessThan(1e-10);
      expect(relErr(model.scaler.sd[j], ref.standardisation.sd[c])).toBeLessThan(1e-10);
    });
    if (name === "gp_ard") {
      expect(relErr(model.yMean, ref.y_mean)).toBeLessThan(1e-10);
      expect(relErr(model.ySd, ref.y_sd)).toBeLessThan(1e-10);
    }
  });

  test("loglik 1e-8 relative, gradient 1e-8 of its largest component, no jitter", () => {
    const { model, ref } = models[name];
    expect(model.jitter).toBe(0);
    expect(relErr(model.loglik, ref.lml)).toBeLessThan(1e-8);
    const expected = model.thetaNames.map((t) => ref.grad_lml[t]);
    expect(expected.every((x) => typeof x === "number")).toBe(true);
    expect(maxScaledErr(model.gradient, expected)).toBeLessThan(1e-8);
  });

  test("debug values: K entries, K^-1 y~ (1e-10 relative)", () => {
    const { model, ref } = models[name];
    const n = model.n;
    const Kfull = new Float64Array(n * n);
    model.kernel.fill(model.Xs, null, model.values, Kfull, "set");
    expect(relErr(Kfull[0], ref.debug.K_train_00)).toBeLessThan(1e-10);
    expect(relErr(Kfull[1], ref.debug.K_train_01)).toBeLessThan(1e-10);
    expect(relErr(Kfull[1 * n + 2], ref.debug.K_train_12)).toBeLessThan(1e-10);
    if (ref.debug.logdet_K !== undefined) {
      const lv = logMarginalLikelihood(model.kernel, model.Xs, ys(model), model.values, false);
      expect(relErr(lv.logDet, ref.debug.logdet_K)).toBeLessThan(1e-10);
      expect(relErr(lv.yKy, ref.debug.yT_Kinv_y)).toBeLessThan(1e-10);
    }
    ref.debug.alpha_first5.forEach((a: number, i: number) => expect(relErr(model.alpha[i], a)).toBeLessThan(1e-10));
  });

  test("posterior mean, sd_f, sd_y at every train and holdout row (1e-8 of the largest value)", () => {
    const { model } = models[name];
    const pts = readGpCsv("city2022_points.csv");
    const c = (k: string) => pts.header.indexOf(`${name}_${k}`);
    const fitted = model.fitted();
    const pred = model.predict(d.holdout.X, d.holdout.n);
    const byId = new Map(pts.rows.map((r) => [r[0], r]));
    const got = { mean: [] as number[], sd_f: [] as number[], sd_y: [] as number[] };
    const exp = { mean: [] as number[], sd_f: [] as number[], sd_y: [] as number[] };
    const push = (id: string, p: { mean: Float64Array; sdF: Float64Array; sdY: Float64Array }, i: number) => {
      const r = byId.get(id)!;
      got.mean.push(p.mean[i]);
      got.sd_f.push(p.sdF[i]);
      got.sd_y.push(p.sdY[i]);
      exp.mean.push(Number(r[c("mean")]));
      exp.sd_f.push(Number(r[c("sd_f")]));
      exp.sd_y.push(Number(r[c("sd_y")]));
    };
    d.trainIds.forEach((id, i) => push(id, fitted, i));
    d.holdoutIds.forEach((id, i) => push(id, pred, i));
    expect(got.mean.length).toBe(284);
    for (const k of ["mean", "sd_f", "sd_y"] as const) expect(maxScaledErr(got[k], exp[k])).toBeLessThan(1e-8);
  });
});
