/**
 * Two-way FE SAR / SEM / SDM against test/reference/spatial/expected/spatial_twfe_knn5_<variant>.json
 * (leeyu, direct, unit_transform_year_dummies, splm) and the Wald/LR tests against
 * spatial_model_tests_knn5.json (numpy by hand with an exact Brent root; R LSDV path; README tolerance
 * 1e-6 relative for ML optima and everything derived, p-values 1e-6 absolute).
 */
import { spatialDesign, SpatialVariant } from "../../../src/engine/spatial/design";
import { fitSpatialModel, spatialContext, SpatialFit, SpatialModel } from "../../../src/engine/spatial/fit";
import { lrSdm, waldSdm } from "../../../src/engine/spatial/model-tests";
import { expectClose, modelPanel, readSpatial } from "./support";

const X = ["NQP", "GDP", "FTE", "BOOK", "OPEN", "FEF"];
const TOL = 1e-6;
const VARIANTS: SpatialVariant[] = ["leeyu", "direct", "unit_transform_year_dummies", "splm"];
const frame = modelPanel();
const ctx = spatialContext(frame, { id: "city_id", time: "year", lat: "lat", lon: "lon", weights: "knn:5" });
const fits = new Map<string, SpatialFit>();
function fitOf(model: SpatialModel, variant: SpatialVariant): SpatialFit {
  const key = `${model}|${variant}`;
  if (!fits.has(key)) {
    const d = spatialDesign(ctx.panel, ctx.weights, "ER", X, variant);
    fits.set(key, fitSpatialModel(ctx, { id: "city_id", time: "year", weights: "knn:5", model, y: "ER", x: X, variant }, d));
  }
  return fits.get(key)!;
}

const cases: [SpatialModel, SpatialVariant][] = [];
for (const v of VARIANTS) for (const m of ["sar", "sem", "sdm"] as SpatialModel[]) cases.push([m, v]);

describe("two-way FE spatial models (reference: spatial_twfe_knn5_<variant>.json)", () => {
  test.each(cases)("%s, variant %s", (model, variant) => {
    const ref = readSpatial(`spatial_twfe_knn5_${variant}`).results[model];
    const f = fitOf(model, variant);
    const what = `${model}/${variant}`;
    expect(f.terms).toEqual(ref.vcov_order);
    expect([f.nEff, f.cJ]).toEqual([ref.N_eff, ref.c_J]);
    f.terms.forEach((t, i) => {
      expectClose(f.coef[i], ref.coef[t], TOL, `${what} coef ${t}`);
      expectClose(f.se[i], ref.se_oim[t], TOL, `${what} se_oim ${t}`);
      expectClose(f.z[i], ref.z_oim[t], TOL, `${what} z_oim ${t}`);
      expect(Math.abs(f.p[i] - ref.p_oim[t])).toBeLessThanOrEqual(TOL);
      expectClose(f.seEim![i], ref.se_eim[t], TOL, `${what} se_eim ${t}`);
    });
    const q = f.terms.length;
    for (let i = 0; i < q; i++)
      for (let j = 0; j < q; j++) {
        expectClose(f.vcov[i * q + j], ref.vcov_oim[i][j], TOL, `${what} vcov_oim ${i},${j}`);
        expectClose(f.vcovEim![i * q + j], ref.vcov_eim[i][j], TOL, `${what} vcov_eim ${i},${j}`);
      }
    expectClose(f.loglik, ref.loglik, TOL, `${what} loglik`);
    expectClose(f.sigma2, ref.sigma2, TOL, `${what} sigma2`);
    expectClose(f.ssr, ref.ssr, TOL, `${what} ssr`);
    expectClose(f.ldet, ref.ldet_at_max, TOL, `${what} ldet`);
    expectClose(f.rho, model === "sem" ? ref.lambda : ref.rho, TOL, `${what} rho`);
    if (model !== "sem") {
      const m = ref.effects.effect_multipliers;
      expectClose(f.effects!.multipliers.mI, m.m_I, TOL, "m_I");
      expectClose(f.effects!.multipliers.mW, m.m_W, TOL, "m_W");
      expectClose(f.effects!.multipliers.dmI, m.dm_I, TOL, "dm_I");
      expectClose(f.effects!.multipliers.dmW, m.dm_W, TOL, "dm_W");
      f.effects!.rows.forEach((row, j) => {
        const r = ref.effects[row.name];
        for (const kind of ["direct", "indirect", "total"] as const) {
          expectClose(row[kind].coef, r[kind].effect, TOL, `${what} ${row.name} ${kind}`);
          expectClose(row[kind].se, r[kind].se_oim, TOL, `${what} ${row.name} ${kind} se_oim`);
          expect(Math.abs(row[kind].p - r[kind].p_oim)).toBeLessThanOrEqual(TOL);
          expectClose(f.effectsEim!.rows[j][kind].se, r[kind].se_eim, TOL, `${what} ${row.name} ${kind} se_eim`);
        }
      });
      expectClose(f.pseudoR2.within, ref.pseudo_r2.within, TOL, "pseudo R2 within");
      expectClose(f.pseudoR2.between, ref.pseudo_r2.between, TOL, "pseudo R2 between");
      expectClose(f.pseudoR2.overall, ref.pseudo_r2.overall, TOL, "pseudo R2 overall");
    }
  });
});

describe("Wald and LR tests, SDM vs SAR and SEM (reference: spatial_model_tests_knn5.json)", () => {
  const REF = readSpatial("spatial_model_tests_knn5").results;
  test.each(VARIANTS)("variant %s", (variant) => {
    const sdm = fitOf("sdm", variant), sar = fitOf("sar", variant), sem = fitOf("sem", variant);
    const r = REF[variant];
    const got = { wald_oim: waldSdm(sdm.coef, sdm.vcov, 6), wald_eim: waldSdm(sdm.coef, sdm.vcovEim!, 6), lr: lrSdm(sdm.loglik, sar.loglik, sem.loglik, 6) };
    for (const kind of ["wald_oim", "wald_eim", "lr"] as const)
      for (const h of ["sdm_vs_sar", "sdm_vs_sem"] as const) {
        const g = got[kind][h === "sdm_vs_sar" ? "sdmVsSar" : "sdmVsSem"];
        expectClose(g.statistic, r[kind][h].stat, TOL, `${variant} ${kind} ${h}`);
        expect(g.df).toEqual([r[kind][h].df]);
        expect(Math.abs(g.p - r[kind][h].p)).toBeLessThanOrEqual(TOL);
      }
  });
});
