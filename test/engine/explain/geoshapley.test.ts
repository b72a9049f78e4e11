/**
 * GeoShapley against test/reference/gp: the toy games of geoshapley_toy_games.json (exact fractions,
 * 1e-12 as doubles) and both fixed city2022 models of city2022_geoshapley.json / _rows.csv (background =
 * the first 50 training rows, all 284 rows explained; 1e-8 x the largest |phi|), additivity (property),
 * rankings, shap identity, raw SVC; the Kernel-SHAP fallback beyond the exact limit.
 */
import { coalitionOrder, geoShapley, geoShapleyFromValues } from "../../../src/engine/explain/geoshapley";
import { contributionRanking, shapValues, summaryRanking, svcRaw } from "../../../src/engine/explain/geoshapley-summary";
import { fitGp } from "../../../src/engine/gp/model";
import { city2022, FEATURES, ggprFixed, gpArdFixed, readGp, readGpCsv } from "../gp/city2022";

const frac = (s: string) => {
  const [a, b] = s.split("/").map(Number);
  return b === undefined ? a : a / b;
};

describe("toy games (geoshapley_toy_games.json)", () => {
  const ref = readGp("geoshapley_toy_games").results;
  test.each(Object.keys(ref))("%s", (name) => {
    const g = ref[name];
    const r = geoShapleyFromValues(g.v.map(frac), 3);
    expect(Math.abs(r.phi0 - frac(g.phi_0))).toBeLessThan(1e-12);
    ["x1", "x2", "x3"].forEach((x, j) => {
      expect(Math.abs(r.primary[j] - frac(g.phi[x]))).toBeLessThan(1e-12);
      expect(Math.abs(r.interaction[j] - frac(g.phi_GEO_x[x]))).toBeLessThan(1e-12);
    });
    expect(Math.abs(r.geo - frac(g.phi_GEO))).toBeLessThan(1e-12);
  });
  test("coalition order is by size then lexicographic", () => {
    expect(coalitionOrder(3)).toEqual([0, 1, 2, 4, 3, 5, 6, 7]);
  });
});

describe.each(["gp_ard", "ggpr_jt"])("city2022 GeoShapley of %s", (name) => {
  const d = city2022();
  const model = fitGp(d.train, name === "gp_ard" ? { kernel: { kernel: "gp_ard" }, fixed: gpArdFixed() } : { kernel: { kernel: "ggpr_jt" }, fixed: ggprFixed() });
  const width = 8;
  // Explained: the first 12 training rows and the first 4 holdout rows (every row of the reference takes
  // minutes on a shared machine); the rankings are checked on the reference's own per-row values.
  const nTr = 12;
  const nHo = 4;
  const all = new Float64Array([...d.train.X.subarray(0, nTr * width), ...d.holdout.X.subarray(0, nHo * width)]);
  const bg = new Float64Array(d.background.length * width);
  d.background.forEach((b, k) => bg.set(d.train.X.subarray(b * width, b * width + width), k * width));
  const r = geoShapley({ predict: (rows, m) => model.predictMean(rows, m), features: FEATURES, X: all, n: nTr + nHo, background: bg, nBackground: 50 });
  const ref = readGp("city2022_geoshapley").results[name];
  const ids = [...d.trainIds.slice(0, nTr), ...d.holdoutIds.slice(0, nHo)];
  const csv = readGpCsv("city2022_geoshapley_rows.csv");
  const col = (k: string) => csv.header.indexOf(k);
  const byId = new Map(csv.rows.filter((x) => x[col("model")] === name).map((x) => [x[0], x]));

  test("base, phi_GEO, phi_j, phi_GEO_x_j at every row within 1e-8 x max |phi|; additivity", () => {
    expect(r.method).toBe("exact");
    let S = 0;
    for (const row of byId.values()) for (const k of csv.header) if (/^phi_(GEO|GEO_x_|[A-Z])/.test(k) && k !== "phi_0") S = Math.max(S, Math.abs(Number(row[col(k)])));
    expect(Math.abs(r.base - ref.phi_0)).toBeLessThan(1e-8 * S);
    let maxErr = 0;
    let maxAdd = 0;
    let maxMean = 0;
    ids.forEach((id, i) => {
      const row = byId.get(id)!;
      maxErr = Math.max(maxErr, Math.abs(r.geo[i] - Number(row[col("phi_GEO")])));
      FEATURES.forEach((f, j) => {
        maxErr = Math.max(maxErr, Math.abs(r.primary[i * 6 + j] - Number(row[col(`phi_${f}`)])));
        maxErr = Math.max(maxErr, Math.abs(r.interaction[i * 6 + j] - Number(row[col(`phi_GEO_x_${f}`)])));
      });
      let s = r.base + r.geo[i];
      for (let j = 0; j < 6; j++) s += r.primary[i * 6 + j] + r.interaction[i * 6 + j];
      maxAdd = Math.max(maxAdd, Math.abs(s - r.prediction[i]));
      maxMean = Math.max(maxMean, Math.abs(r.prediction[i]));
    });
    expect(maxErr).toBeLessThan(1e-8 * S);
    expect(maxAdd).toBeLessThan(1e-8 * maxMean);
  });

  test("rankings over the training rows, shap identity, raw SVC", () => {
    const train = Array.from({ length: 264 }, (_, i) => i);
    const refRows = d.trainIds.map((id) => byId.get(id)!);
    const num = (k: string) => Float64Array.from(refRows.flatMap((row) => FEATURES.map((f) => Number(row[col(`${k}${f}`)]))));
    const fromRef = { ...r, geo: Float64Array.from(refRows, (row) => Number(row[col("phi_GEO")])), primary: num("phi_"), interaction: num("phi_GEO_x_") };
    expect(summaryRanking(fromRef, train).map((e) => e.component)).toEqual(ref.summary.summary_statistics_ranking.map((e: any) => e.component));
    expect(contributionRanking(fromRef, train).map((e) => e.feature)).toEqual(ref.summary.contribution_bar_ranking.map((e: any) => e.feature));
    const { shap, shapGeo } = shapValues(r);
    const row0 = byId.get(ids[0])!;
    FEATURES.forEach((f, j) => expect(Math.abs(shap[j] - Number(row0[col(`shap_${f}`)]))).toBeLessThan(1e-10));
    expect(Math.abs(shapGeo[0] - Number(row0[col("shap_GEO")]))).toBeLessThan(1e-10);
    if (name === "ggpr_jt") {
      const svc = svcRaw(fromRef, d.train.X, width, train);
      d.trainIds.slice(0, 20).forEach((id, i) => {
        FEATURES.forEach((f, j) => {
          const e = Number(byId.get(id)![col(`svc_raw_${f}`)]);
          expect(Math.abs(svc[i * 6 + j] - e)).toBeLessThan(1e-8 * Math.max(1, Math.abs(e)));
        });
      });
    }
  });
});

test("more players than the exact limit: Kernel-SHAP, says so, still adds up to the prediction", () => {
  const p = 4;
  const w = p + 2;
  const f = (rows: Float64Array, m: number) => Float64Array.from({ length: m }, (_, i) => 2 * rows[i * w] + rows[i * w + 1] * rows[i * w + 2] + rows[i * w + 4] * rows[i * w + 3] - rows[i * w + 5]);
  const X = Float64Array.from({ length: 3 * w }, (_, i) => Math.sin(i + 1));
  const bg = Float64Array.from({ length: 4 * w }, (_, i) => Math.cos(i));
  const exact = geoShapley({ predict: f, features: ["a", "b", "c", "d"], X, n: 3, background: bg, nBackground: 4 });
  const approx = geoShapley({ predict: f, features: ["a", "b", "c", "d"], X, n: 3, background: bg, nBackground: 4, maxExactPlayers: 3, samples: 4000, seed: 7 });
  expect(exact.method).toBe("exact");
  expect(approx.method).toBe("kernel-shap");
  expect(approx.methodNote).toMatch(/5 players > 3/);
  for (let i = 0; i < 3; i++) {
    let s = approx.base + approx.geo[i];
    for (let j = 0; j < p; j++) s += approx.primary[i * p + j] + approx.interaction[i * p + j];
    expect(Math.abs(s - approx.prediction[i])).toBeLessThan(1e-10);
    // A sampling estimate: close to the exact value, not equal (4000 paired draws).
    expect(Math.abs(approx.primary[i * p] - exact.primary[i * p])).toBeLessThan(0.01 * Math.max(1, Math.abs(exact.primary[i * p])));
  }
});
