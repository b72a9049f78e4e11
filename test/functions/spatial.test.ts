/**
 * =NQP.MORAN and =NQP.SPATIAL on ranges built from the reference panel, compared with
 * test/reference/expected/nqp_moran.json (1e-8) and test/reference/spatial/expected/spatial_twfe_knn5_leeyu
 * / _direct (1e-6); errors come back as Excel errors with the message.
 */
import { moran, spatial } from "../../src/functions/formulas/spatial";
import { readCase } from "../support/reference";
import { expectClose, modelPanel, readSpatial } from "../engine/spatial/support";
import { meanPerUnit, unitsOf, constantPerUnit } from "../../src/engine/spatial/units";
import { getColumn } from "../../src/engine/frame";

const frame = modelPanel();
const X = ["NQP", "GDP", "FTE", "BOOK", "OPEN", "FEF"];
const col = (name: string): any[][] => {
  const c = getColumn(frame, name);
  return [[name], ...Array.from({ length: frame.nrow }, (_, i) => [c.text ? c.text[i] : c.numbers[i]])];
};

describe("=NQP.MORAN (reference: nqp_moran.json)", () => {
  test("mean ER per city, knn:5", () => {
    const units = unitsOf(frame, "city_id");
    const x = meanPerUnit(frame, units, "ER");
    const lat = constantPerUnit(frame, units, "lat"), lon = constantPerUnit(frame, units, "lon");
    const range = (h: string, v: Float64Array) => [[h], ...Array.from(v, (t) => [t])];
    const out = moran(range("mean_ER", x), range("lat", lat), range("lon", lon), [["weights=knn:5"]]);
    const ref = readCase("nqp_moran").results.global;
    const get = (label: string) => out.find((r) => r[0] === label)![1] as number;
    expectClose(get("Moran's I"), ref.I, 1e-8, "I");
    expectClose(get("z (randomisation)"), ref.z, 1e-8, "z");
    expect(Math.abs(get("p (randomisation, one-sided)") - ref.p_greater)).toBeLessThanOrEqual(1e-8);
    expect(get("n")).toBe(284);
  });
  test("a bad weights option is an Excel error naming the allowed forms", () => {
    expect(() => moran([[1], [2], [3], [4], [5]], [[1], [2], [3], [4], [5]], [[1], [2], [3], [4], [5]], [["weights=rook"]])).toThrow(/allowed: knn:K, idw:P/);
  });
});

describe("=NQP.SPATIAL (reference: spatial_twfe_knn5_leeyu and _direct)", () => {
  const x: any[][] = col("NQP").map((_, i) => X.map((n) => col(n)[i][0]));
  test.each([["sdm", "leeyu", ""], ["sar", "direct", "; lee_yu=false"]])("model=%s (%s)", (model, variant, extra) => {
    const out = spatial(col("ER"), x, col("city_id"), col("year"), col("lat"), col("lon"), [[`model=${model}; weights=knn:5${extra}`]]);
    const ref = readSpatial(`spatial_twfe_knn5_${variant}`).results[model];
    const row = (t: string) => out.find((r) => r[0] === t)!;
    for (const t of ref.vcov_order) {
      expectClose(row(t)[1], ref.coef[t], 1e-6, `coef ${t}`);
      expectClose(row(t)[2], ref.se_oim[t], 1e-6, `se ${t}`);
    }
    for (const xn of X) expectClose(row(`indirect: ${xn}`)[1], ref.effects[xn].indirect.effect, 1e-6, `indirect ${xn}`);
    expectClose(row("log-likelihood")[1], ref.loglik, 1e-6, "loglik");
  });
});
