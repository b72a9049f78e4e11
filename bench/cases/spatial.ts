/**
 * Bench case: spatial Durbin model, two-way FE, Lee-Yu QML, on the reference panel (284 cities x 10 years,
 * knn:5 row-standardised), target < 1 s. Timed: weights from coordinates, eigenvalues of W, the SDM fit
 * (concentrated likelihood, OIM and EIM, effects with delta-method SEs, pseudo R2).
 * (The 3,000-unit case needs a sparse log-determinant that is not built yet; see README Benchmarks.)
 */
import { frameFromCells, Frame } from "../../src/engine/frame";
import { fitSpatialModel, spatialContext } from "../../src/engine/spatial/fit";
import { nqpCitiesWithIndices } from "../../test/support/reference";
import type { BenchCase } from "../run";

let frame: Frame | null = null;
const X = ["NQP", "GDP", "FTE", "BOOK", "OPEN", "FEF"];

export const spatialCase: BenchCase = {
  name: "spatial_sdm_284x10",
  setup(): void {
    if (frame) return;
    const all = nqpCitiesWithIndices();
    const yi = all[0].indexOf("year");
    frame = frameFromCells([all[0], ...all.slice(1).filter((r) => Number(r[yi]) >= 2013)]);
  },
  run() {
    const spec = { id: "city_id", time: "year", lat: "lat", lon: "lon", weights: "knn:5", model: "sdm" as const, y: "ER", x: X };
    const ctx = spatialContext(frame!, spec);
    const f = fitSpatialModel(ctx, spec);
    return { n: f.n * f.T, k: f.terms.length };
  },
};
