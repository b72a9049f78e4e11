/**
 * LM lag / error and robust versions on the two-way FE panel against
 * test/reference/spatial/expected/spatial_lm_knn5.json (numpy by hand; R LSDV and splm slmtest for the
 * full_projection variant; README tolerance 1e-8 relative, p-values 1e-8 absolute).
 */
import { buildWeights } from "../../../src/engine/spatial/build";
import { spatialDesign } from "../../../src/engine/spatial/design";
import { lmTests, LmVariant } from "../../../src/engine/spatial/lm-tests";
import { balancedPanel } from "../../../src/engine/spatial/panel";
import { expectClose, modelPanel, readSpatial } from "./support";

const REF = readSpatial("spatial_lm_knn5").results;
const X = ["NQP", "GDP", "FTE", "BOOK", "OPEN", "FEF"];
const TOL = 1e-8;

describe("panel LM tests (reference: spatial_lm_knn5.json)", () => {
  const frame = modelPanel();
  const { weights } = buildWeights(frame, { id: "city_id", lat: "lat", lon: "lon", weights: "knn:5" });
  const panel = balancedPanel(frame, "city_id", "year");
  const d = spatialDesign(panel, weights, "ER", X, "direct");
  test.each(["elhorst", "full_projection"] as LmVariant[])("%s", (variant) => {
    const r = lmTests(d, weights.w, variant);
    X.forEach((x, j) => expectClose(r.beta[j], REF.beta[x], TOL, `beta ${x}`));
    expectClose(r.sigma2, REF.sigma2_ML, TOL, "sigma2");
    expectClose(r.trace, REF.trace_WtW_plus_WW, TOL, "trace");
    expectClose(r.eWe, REF.e_W_e, TOL, "e'We");
    expectClose(r.eWy, REF.e_W_y, TOL, "e'Wy");
    const ref = REF[variant];
    expectClose(r.J, ref.J, TOL, "J");
    for (const [mine, key] of [[r.lmLag, "LM_lag"], [r.lmError, "LM_error"], [r.robustLmLag, "robust_LM_lag"], [r.robustLmError, "robust_LM_error"]] as const) {
      expectClose(mine.statistic, ref[key].stat, TOL, key);
      expect(Math.abs(mine.p - ref[key].p)).toBeLessThanOrEqual(TOL);
    }
  });
});
