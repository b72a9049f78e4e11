/**
 * Weights builders and normalisations against test/reference/spatial/expected/spatial_weights.json and
 * w_small31_idist.csv (numpy by hand, cross-checked with R spdep; README tolerance 1e-8 relative).
 */
import { buildWeights } from "../../../src/engine/spatial/build";
import { distanceKernel } from "../../../src/engine/spatial/distance";
import { normaliseWeights, Normalisation, SpatialWeights } from "../../../src/engine/spatial/normalise";
import { Csr, csrColSums, csrGet, csrIsSymmetric, csrRowSums, csrToDense } from "../../../src/engine/spatial/sparse";
import { spectrumOf } from "../../../src/engine/spatial/spectrum";
import { coordinatesOf, unitsOf } from "../../../src/engine/spatial/units";
import { idwWeights } from "../../../src/engine/spatial/weights";
import { citiesFrame, expectClose, readSpatial, spatialCsv } from "./support";

const REF = readSpatial("spatial_weights").results;
const TOL = 1e-8;

function spectrumFor(sw: SpatialWeights) {
  if (sw.style === "row" && sw.symmetricBase) return spectrumOf(sw.w, { rowOf: { raw: sw.raw.w, rowSums: sw.rawRowSums } });
  return spectrumOf(sw.w, { symmetric: csrIsSymmetric(sw.w) });
}

function traces(w: Csr) {
  const n = w.n;
  let tWW = 0, tWtW = 0;
  for (let i = 0; i < n; i++)
    for (let p = w.rowPtr[i]; p < w.rowPtr[i + 1]; p++) {
      tWtW += w.val[p] * w.val[p];
      tWW += w.val[p] * csrGet(w, w.col[p], i);
    }
  return { tWW, tWtW };
}

function checkSummary(sw: SpatialWeights, ref: any, what: string): void {
  expect(sw.n).toBe(ref.n);
  expect(sw.w.col.length).toBe(ref.nnz);
  const rs = csrRowSums(sw.w);
  let S0 = 0;
  rs.forEach((v, i) => {
    S0 += v;
    expectClose(v, ref.row_sums[i], TOL, `${what} row sum ${i + 1}`);
  });
  expectClose(S0, ref.S0, TOL, `${what} S0`);
  const cs = csrColSums(sw.w);
  ref.col_sums_first10.forEach((v: number, j: number) => expectClose(cs[j], v, TOL, `${what} column sum ${j + 1}`));
  const sp = spectrumFor(sw);
  expectClose(sp.maxReal, ref.max_real_eigenvalue, TOL, `${what} max eigenvalue`);
  expectClose(sp.minReal, ref.min_real_eigenvalue, TOL, `${what} min eigenvalue`);
  expectClose(sp.radius, ref.spectral_radius, TOL, `${what} spectral radius`);
  expectClose(sp.maxAbsImag, ref.max_abs_imag_eigenvalue, TOL, `${what} max |imag|`);
  const t = traces(sw.w);
  expectClose(t.tWW, ref.trace_WW, TOL, `${what} tr(WW)`);
  expectClose(t.tWtW, ref.trace_WtW, TOL, `${what} tr(W'W)`);
  expectClose(Math.sqrt(t.tWtW), ref.frobenius, TOL, `${what} Frobenius`);
  expect(csrIsSymmetric(sw.w)).toBe(ref.symmetric);
  for (const [key, v] of Object.entries(ref.entries as Record<string, number>)) {
    const [i, j] = key.split(",").map(Number);
    expectClose(csrGet(sw.w, i - 1, j - 1), v, TOL, `${what} entry ${key}`);
  }
}

const frame = citiesFrame();
const build = (weights: string, style: Normalisation) => buildWeights(frame, { id: "city_id", lat: "lat", lon: "lon", weights, style }).weights;

describe("spatial weights (reference: spatial_weights.json)", () => {
  const cases: [string, string, Normalisation, any][] = [
    ["knn5_row", "knn:5", "row", REF.knn5_row.summary],
    ...(["raw", "row", "spectral", "minmax"] as const).map((s) => [`idist_p1_cut500 ${s}`, "idw:1,500", (s === "raw" ? "none" : s) as Normalisation, REF.idist_p1_cut500[s]] as [string, string, Normalisation, any]),
    ...(["raw", "row", "spectral", "minmax"] as const).filter((s) => REF.idist_p2_cut500[s]).map((s) => [`idist_p2_cut500 ${s}`, "idw:2,500", (s === "raw" ? "none" : s) as Normalisation, REF.idist_p2_cut500[s]] as [string, string, Normalisation, any]),
    ...(["raw", "row", "spectral"] as const).map((s) => [`expdecay_d0_250 ${s}`, "exp:250", (s === "raw" ? "none" : s) as Normalisation, REF.expdecay_d0_250[s]] as [string, string, Normalisation, any]),
    ...(["raw", "row", "spectral"] as const).map((s) => [`econ_gdp ${s}`, "econ:GDP", (s === "raw" ? "none" : s) as Normalisation, REF.econ_gdp[s]] as [string, string, Normalisation, any]),
  ];
  test.each(cases)("%s", (name, spec, style, ref) => {
    checkSummary(build(spec, style), ref, name);
  });

  test("knn:5 neighbour sets of the first 5 cities", () => {
    const sw = build("knn:5", "row");
    for (const [id, nb] of Object.entries(REF.knn5_row.neighbours_first5 as Record<string, string[]>)) {
      const i = sw.ids.indexOf(id);
      const got = Array.from(sw.w.col.subarray(sw.w.rowPtr[i], sw.w.rowPtr[i + 1]), (j) => sw.ids[j]);
      expect(got).toEqual(nb);
    }
  });

  test("spectral and minmax divisors", () => {
    expectClose(build("idw:1,500", "spectral").divisor, REF.idist_p1_cut500.spectral_divisor, TOL, "spectral divisor");
    expectClose(build("idw:1,500", "minmax").divisor, REF.idist_p1_cut500.minmax_divisor, TOL, "minmax divisor");
    expectClose(build("exp:250", "spectral").divisor, REF.expdecay_d0_250.spectral_divisor, TOL, "exp spectral divisor");
    expectClose(build("econ:GDP", "spectral").divisor, REF.econ_gdp.spectral_divisor, TOL, "econ spectral divisor");
  });

  test("haversine distances (distance_km entries)", () => {
    const units = unitsOf(frame, "city_id");
    const dk = distanceKernel(coordinatesOf(frame, units, "lat", "lon"));
    for (const [key, v] of Object.entries(REF.distance_km.entries as Record<string, number>)) {
      const [i, j] = key.split(",").map(Number);
      expectClose(dk.distance(i - 1, j - 1), v, TOL, `distance ${key}`);
    }
    let max = 0, minNz = Infinity, maxNn = 0;
    for (let i = 0; i < dk.n; i++) {
      let nn = Infinity;
      for (let j = 0; j < dk.n; j++) {
        if (i === j) continue;
        const d = dk.distance(i, j);
        max = Math.max(max, d);
        minNz = Math.min(minNz, d);
        nn = Math.min(nn, d);
      }
      maxNn = Math.max(maxNn, nn);
    }
    expectClose(max, REF.distance_km.max, TOL, "max distance");
    expectClose(minNz, REF.distance_km.min_nonzero, TOL, "min distance");
    expectClose(maxNn, REF.distance_km.max_nearest_neighbour, TOL, "max nearest-neighbour distance");
  });

  test("small31: the full 31 x 31 inverse-distance matrix (w_small31_idist.csv)", () => {
    const units = unitsOf(frame, "city_id");
    const all = coordinatesOf(frame, units, "lat", "lon");
    const cities: string[] = REF.small31.cities;
    const idx = cities.map((c) => units.ids.indexOf(c));
    const sub = { ids: cities, lat: Float64Array.from(idx, (i) => all.lat[i]), lon: Float64Array.from(idx, (i) => all.lon[i]) };
    const raw = idwWeights(sub, 1);
    const row = normaliseWeights(raw, "row");
    const spec = normaliseWeights(raw, "spectral");
    const dk = distanceKernel(sub);
    const { header, rows } = spatialCsv("w_small31_idist.csv");
    const col = (s: string) => header.indexOf(s);
    const R = csrToDense(raw.w), Rw = csrToDense(row.w), Sw = csrToDense(spec.w);
    expect(rows.length).toBe(31 * 31);
    for (const r of rows) {
      const i = Number(r[col("i")]) - 1, j = Number(r[col("j")]) - 1;
      expect(r[col("city_i")]).toBe(cities[i]);
      expectClose(i === j ? 0 : dk.distance(i, j), Number(r[col("d_km")]), TOL, `d ${i},${j}`);
      expectClose(R[i * 31 + j], Number(r[col("w_raw")]), TOL, `raw ${i},${j}`);
      expectClose(Rw[i * 31 + j], Number(r[col("w_row")]), TOL, `row ${i},${j}`);
      expectClose(Sw[i * 31 + j], Number(r[col("w_spectral")]), TOL, `spectral ${i},${j}`);
    }
    checkSummary(row, REF.small31.row, "small31 row");
    checkSummary(spec, REF.small31.spectral, "small31 spectral");
    expectClose(spec.divisor, REF.small31.spectral_divisor, TOL, "small31 divisor");
  });
});
