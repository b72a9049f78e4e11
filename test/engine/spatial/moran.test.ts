/**
 * Global and local Moran's I against test/reference/spatial/expected/spatial_moran.json,
 * spatial_moran_rows.csv and test/reference/expected/nqp_moran.json (numpy by hand, cross-checked with
 * R spdep 1.2-7; README tolerance 1e-8 relative for closed forms, labels exact); weights summary against
 * spatial_weights_summary.json and spatial_weights_summary_rows.csv.
 */
import { buildWeights } from "../../../src/engine/spatial/build";
import { localMoran } from "../../../src/engine/spatial/lisa";
import { moranGlobal } from "../../../src/engine/spatial/moran";
import { moranOnFrame } from "../../../src/engine/spatial/moran-frame";
import { summariseWeights } from "../../../src/engine/spatial/summary";
import { meanPerUnit } from "../../../src/engine/spatial/units";
import { readCase } from "../../support/reference";
import { citiesFrame, expectClose, modelPanel, readSpatial, spatialCsv } from "./support";

const REF = readSpatial("spatial_moran").results;
const TOL = 1e-8;
const panel = modelPanel();
const WSPECS = ["knn:5", "idw:1,500"];
const built = new Map(WSPECS.map((s) => [s, buildWeights(panel, { id: "city_id", lat: "lat", lon: "lon", weights: s })]));

function checkGlobal(g: ReturnType<typeof moranGlobal>, ref: any, what: string) {
  expect(g.n).toBe(ref.n);
  for (const k of ["I", "expectation", "S0", "S1", "S2", "b2"] as const) expectClose(g[k], ref[k], TOL, `${what} ${k}`);
  for (const v of ["randomisation", "normality"] as const) {
    expectClose(g[v].variance, ref[v].variance, TOL, `${what} ${v} variance`);
    expectClose(g[v].z, ref[v].z, TOL, `${what} ${v} z`);
    expect(Math.abs(g[v].pGreater - ref[v].p_greater)).toBeLessThanOrEqual(TOL);
    expect(Math.abs(g[v].pTwoSided - ref[v].p_two_sided)).toBeLessThanOrEqual(TOL);
  }
}

describe("global Moran's I (reference: spatial_moran.json)", () => {
  test.each(WSPECS)("mean_ER, %s", (spec) => {
    const { units, weights } = built.get(spec)!;
    const x = meanPerUnit(panel, units, "ER");
    checkGlobal(moranGlobal(x, weights.w, units.ids, "mean_ER"), REF.global[spec].mean_ER, `${spec} mean_ER`);
  });
  test.each(WSPECS)("ER per year 2013-2022 (one cross-section per year), %s", (spec) => {
    const r = moranOnFrame(panel, { id: "city_id", lat: "lat", lon: "lon", weights: spec, variable: "ER", time: "year" });
    expect(r.results.map((p) => p.period)).toEqual(Array.from({ length: 10 }, (_, i) => String(2013 + i)));
    for (const p of r.results) {
      checkGlobal(p.global, REF.global[spec][`ER_${p.period}`], `${spec} ER_${p.period}`);
      expect(p.local.clusterCounts).toEqual(REF.local_cluster_counts[spec][`ER_${p.period}`]);
    }
  });
  test("nqp_moran.json (mean ER, knn:5, randomisation, one-sided) and its first 10 local values", () => {
    const ref = readCase("nqp_moran").results;
    const { units, weights } = built.get("knn:5")!;
    const x = meanPerUnit(panel, units, "ER");
    const g = moranGlobal(x, weights.w, units.ids, "mean_ER");
    expectClose(g.I, ref.global.I, TOL, "I");
    expectClose(g.randomisation.variance, ref.global.variance, TOL, "variance");
    expectClose(g.randomisation.z, ref.global.z, TOL, "z");
    expect(Math.abs(g.randomisation.pGreater - ref.global.p_greater)).toBeLessThanOrEqual(TOL);
    const l = localMoran(x, weights.w, units.ids);
    for (const r of ref.local_first10) {
      const i = units.ids.indexOf(r.city_id);
      expectClose(l.x[i], r.mean_ER, TOL, `${r.city_id} x`);
      expectClose(l.Ii[i], r.Ii, TOL, `${r.city_id} Ii`);
      expectClose(l.E[i], r.conditional.E, TOL, `${r.city_id} E`);
      expectClose(l.Var[i], r.conditional.Var, TOL, `${r.city_id} Var`);
      expectClose(l.Z[i], r.conditional.Z, TOL, `${r.city_id} Z`);
      expectClose(l.total.Var[i], r.total.Var, TOL, `${r.city_id} total Var`);
      expectClose(l.total.Z[i], r.total.Z, TOL, `${r.city_id} total Z`);
      const w = weights.w;
      expect(Array.from(w.col.subarray(w.rowPtr[i], w.rowPtr[i + 1]), (j) => units.ids[j])).toEqual(r.neighbours);
    }
  });
  test("seeded permutation: same seed, same p; p in [1/(nsim+1), 1]", () => {
    const { units, weights } = built.get("knn:5")!;
    const x = meanPerUnit(panel, units, "ER");
    const a = moranGlobal(x, weights.w, units.ids, "mean_ER", { nsim: 199, seed: 7 });
    const b = moranGlobal(x, weights.w, units.ids, "mean_ER", { nsim: 199, seed: 7 });
    expect(a.permutation!.p).toBe(b.permutation!.p);
    expect(a.permutation!.p).toBeGreaterThanOrEqual(1 / 200);
    expect(a.permutation!.p).toBeLessThanOrEqual(1);
    // I = 0.168 with z = 4.9: no permutation of 199 reaches it
    expect(a.permutation!.p).toBe(1 / 200);
    expect(a.scatter.slope).toBeCloseTo(a.I, 12); // row-standardised W: S0 = n
  });
});

describe("local Moran (reference: spatial_moran_rows.csv, every unit, variable and W)", () => {
  const { header, rows } = spatialCsv("spatial_moran_rows.csv");
  const c = (s: string) => header.indexOf(s);
  const groups = new Map<string, string[][]>();
  for (const r of rows) {
    const k = `${r[0]}|${r[1]}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(r);
  }
  const years = new Map<string, ReturnType<typeof moranOnFrame>>();
  test.each([...groups.keys()])("%s", (key) => {
    const [spec, variable] = key.split("|");
    const { units, weights } = built.get(spec)!;
    let l;
    if (variable === "mean_ER") l = localMoran(meanPerUnit(panel, units, "ER"), weights.w, units.ids);
    else {
      if (!years.has(spec)) years.set(spec, moranOnFrame(panel, { id: "city_id", lat: "lat", lon: "lon", weights: spec, variable: "ER", time: "year" }));
      l = years.get(spec)!.results.find((p) => `ER_${p.period}` === variable)!.local;
    }
    expect(l.clusterCounts).toEqual(REF.local_cluster_counts[spec][variable]);
    for (const r of groups.get(key)!) {
      const i = units.ids.indexOf(r[c("id")]);
      const num: [string, Float64Array][] = [
        ["x", l.x], ["lag_x", l.lagX], ["z", l.z], ["lag_z", l.lagZ], ["Ii", l.Ii], ["E_Ii", l.E], ["Var_Ii", l.Var], ["Z_Ii", l.Z],
        ["E_Ii_total", l.total.E], ["Var_Ii_total", l.total.Var], ["Z_Ii_total", l.total.Z],
      ];
      for (const [name, arr] of num) expectClose(arr[i], Number(r[c(name)]), TOL, `${key} ${r[c("id")]} ${name}`);
      expect(Math.abs(l.p[i] - Number(r[c("p_two_sided")]))).toBeLessThanOrEqual(TOL);
      expect(Math.abs(l.total.p[i] - Number(r[c("p_two_sided_total")]))).toBeLessThanOrEqual(TOL);
      expect([l.quadrantMean[i], l.quadrantMedian[i], l.quadrantPysal[i], l.cluster[i]]).toEqual([r[c("quadrant_mean")], r[c("quadrant_median")], r[c("quadrant_pysal")], r[c("cluster_0.05")]]);
    }
  });
});

describe("weights summary (reference: spatial_weights_summary.json and _rows.csv)", () => {
  const ref = readSpatial("spatial_weights_summary").results;
  const { rows } = spatialCsv("spatial_weights_summary_rows.csv");
  const frame = citiesFrame();
  test.each(["knn:5", "idw:1,500", "idw:2", "idw:1,150"])("%s", (spec) => {
    const { weights } = buildWeights(frame, { id: "city_id", lat: "lat", lon: "lon", weights: spec });
    const s = summariseWeights(weights);
    const r = ref[spec];
    expect([s.n, s.links, s.neighbours.min, s.neighbours.max]).toEqual([r.n, r.links, r.neighbours.min, r.neighbours.max]);
    expectClose(s.neighbours.mean, r.neighbours.mean, TOL, "mean neighbours");
    expect(s.islands).toEqual(r.islands);
    expect(s.islands.length).toBe(r.n_islands);
    expect(s.asymmetricLinks).toBe(r.asymmetric_links);
    expect(s.structurallySymmetric).toBe(r.structurally_symmetric);
    for (const k of ["S0", "S1", "S2"] as const) expectClose(s.constants[k], r.row_standardised[k], TOL, `${spec} ${k}`);
    const mine = rows.filter((x) => x[0] === spec);
    expect(mine.length).toBe(284);
    for (const x of mine) expect(s.cardinalities[weights.ids.indexOf(x[1])]).toBe(Number(x[2]));
  });
});
