/**
 * =NQP.GP and =NQP.GEOSHAPLEY through their wrappers on ranges cut from test/reference/gp/expected/
 * city2022_input.csv (the 264 training rows, with headers). Expected values: city2022_gp_fixed.json and
 * city2022_ggpr_jt_fixed.json (loglik 1e-8 relative, gradient 1e-8 of its largest component),
 * city2022_points.csv (posterior mean and sd_f, 1e-8 of the largest |value|), city2022_geoshapley_rows.csv
 * (phi, 1e-8 of the largest |phi| of the model; README tolerances). Fixed hyperparameters keep it fast;
 * GeoShapley explains the first 4 rows (rows=4) with the reference's 50 background rows.
 * Bad input: blank coordinate, text cell, header mismatch, unknown hyperparameter, more players than the
 * exact limit (Kernel-SHAP fallback, said in the spill).
 */
import { gp, geoshapley, geoShapleyTable, runGeoShapleyFormula } from "../../src/functions/formulas/gp";
import { relErr } from "../support/reference";
import { excelErrorOf } from "../support/formula";
import { city2022, FEATURES, ggprFixed, gpArdFixed, readGp, readGpCsv } from "../engine/gp/city2022";

const d = city2022();
const W = FEATURES.length + 2;
const col = (j: number, name: string): any[][] => [[name], ...Array.from({ length: d.train.n }, (_, i) => [d.train.X[i * W + j]])];
const Y: any[][] = [["y"], ...Array.from(d.train.y, (v) => [v])];
const Xr: any[][] = [FEATURES, ...Array.from({ length: d.train.n }, (_, i) => Array.from(d.train.X.subarray(i * W, i * W + FEATURES.length)))];
const LAT = col(FEATURES.length, "lat");
const LON = col(FEATURES.length + 1, "lon");
const pairs = (h: Record<string, number>, sep = " ") => Object.entries(h).map(([k, v]) => `${k}=${v}`).join(sep);
const ARD = `fixed=${pairs(gpArdFixed())}`;
const GGPR = `kernel=ggpr_jt; fixed=${pairs(ggprFixed())}`;
const maxAbs = (xs: number[]) => Math.max(...xs.map(Math.abs));

describe("NQP.GP", () => {
  test.each([
    ["gp_ard", ARD, "city2022_gp_fixed"],
    ["ggpr_jt", GGPR, "city2022_ggpr_jt_fixed"],
  ])("%s fixed: hyperparameters, gradient and loglik (summary)", (_name, options, file) => {
    const ref = readGp(file).results;
    const s = gp(Y, Xr, LAT, LON, [[options]]);
    expect(s[0]).toEqual(["hyperparameter", "value", "d loglik / d log"]);
    const ll = s.find((r) => r[0] === "log marginal likelihood")!;
    expect(relErr(ll[1], ref.lml)).toBeLessThan(1e-8);
    const grads = Object.values(ref.grad_lml) as number[];
    const g = s.slice(1, 1 + grads.length).map((r) => r[2] as number);
    const gmax = maxAbs(grads);
    grads.forEach((v, k) => expect(Math.abs(g[k] - v)).toBeLessThan(1e-8 * gmax));
    expect(s.find((r) => r[0] === "n")![1]).toBe(264);
  });

  test("posterior mean and sd at every training row (city2022_points.csv)", () => {
    const pts = readGpCsv("city2022_points.csv");
    const tr = pts.rows.filter((r) => r[1] === "train");
    for (const [model, options] of [["gp_ard", ARD], ["ggpr_jt", GGPR]]) {
      const t = gp(Y, Xr, LAT, LON, [[`${options}; output=posterior`]]);
      expect(t[0]).toEqual(["mean", "sd", "sd_y"]);
      expect(t.length).toBe(265);
      const mean = tr.map((r) => Number(r[pts.header.indexOf(`${model}_mean`)]));
      const sd = tr.map((r) => Number(r[pts.header.indexOf(`${model}_sd_f`)]));
      const em = maxAbs(t.slice(1).map((r, i) => r[0] - mean[i]));
      const es = maxAbs(t.slice(1).map((r, i) => r[1] - sd[i]));
      expect(em).toBeLessThan(1e-8 * maxAbs(mean));
      expect(es).toBeLessThan(1e-8 * maxAbs(sd));
    }
  });

  test("options as a two-column range: commas inside fixed, as in the CLI", () => {
    const s = gp(Y, Xr, LAT, LON, [["kernel", "ggpr_jt"], ["fixed", pairs(ggprFixed(), ",")]]);
    expect(relErr(s.find((r) => r[0] === "log marginal likelihood")![1], readGp("city2022_ggpr_jt_fixed").results.lml)).toBeLessThan(1e-8);
  });
});

describe("NQP.GEOSHAPLEY", () => {
  const csv = readGpCsv("city2022_geoshapley_rows.csv");
  const h = (k: string) => csv.header.indexOf(k);
  const N = 4;
  test.each([
    ["gp_ard", ARD],
    ["ggpr_jt", GGPR],
  ])("%s: values of the first rows equal the reference and add up to the prediction; ranking, base, method", (model, options) => {
    const ref = csv.rows.filter((r) => r[h("model")] === model);
    const S = maxAbs(ref.flatMap((r) => csv.header.filter((k) => /^phi_/.test(k) && k !== "phi_0").map((k) => Number(r[h(k)]))));
    // One fit + explanation, spilled both ways (the wrapper = geoShapleyTable(runGeoShapleyFormula(...))).
    const run = runGeoShapleyFormula(Y, Xr, LAT, LON, [[`${options}; background=50; rows=${N}; output=values`]]);
    const t = geoShapleyTable(run);
    expect(t[0]).toEqual(["base", "GEO", ...FEATURES, ...FEATURES.map((f) => `${f} x GEO`), "prediction"]);
    expect(t.length).toBe(N + 1);
    const cols = ["phi_0", "phi_GEO", ...FEATURES.map((f) => `phi_${f}`), ...FEATURES.map((f) => `phi_GEO_x_${f}`)];
    t.slice(1).forEach((row: any[], i) => {
      const r = ref.find((x) => x[0] === d.trainIds[i])!;
      cols.forEach((k, c) => expect(Math.abs(row[c] - Number(r[h(k)]))).toBeLessThan(1e-8 * S));
      const sum = row.slice(0, -1).reduce((a: number, b: number) => a + b, 0);
      expect(Math.abs(sum - row[row.length - 1])).toBeLessThan(1e-8 * maxAbs(ref.map((x) => Number(x[h("f_x")]))));
      expect(Math.abs(row[row.length - 1] - Number(r[h("f_x")]))).toBeLessThan(1e-8 * S);
    });

    const rk = geoShapleyTable({ ...run, output: "ranking" });
    expect(rk[0]).toEqual(["component", "mean |phi|", "mean phi"]);
    // The reference's own per-row values, summarised over the same rows (package summary_statistics).
    const mine = ref.filter((r) => d.trainIds.slice(0, N).includes(r[0]));
    const comps = [...FEATURES.map((f) => [f, `phi_${f}`]), ["GEO", "phi_GEO"], ...FEATURES.map((f) => [`${f} x GEO`, `phi_GEO_x_${f}`])];
    const want = comps.map(([name, k]) => ({ name, m: mine.reduce((a, r) => a + Math.abs(Number(r[h(k)])), 0) / N })).sort((a, b) => b.m - a.m);
    const got = rk.slice(1, 1 + comps.length);
    expect(got.map((r) => r[0])).toEqual(want.map((w) => w.name));
    got.forEach((r, i) => expect(Math.abs((r[1] as number) - want[i].m)).toBeLessThan(1e-8 * S));
    const tail = Object.fromEntries(rk.slice(1 + comps.length).map((r) => [r[0], r[1]]));
    expect(Math.abs((tail["base value"] as number) - readGp("city2022_geoshapley").results[model].phi_0)).toBeLessThan(1e-8 * S);
    expect(tail["explained rows"]).toBe(N);
    expect(tail["background rows"]).toBe(50);
    expect(tail.method).toMatch(/^exact: all 128 coalitions of 7 players/);
    const cb = geoShapleyTable({ ...run, output: "contribution" });
    expect(cb[0]).toEqual(["feature", "non-geo", "geo", "total"]);
    expect(cb.slice(1, 8).map((r) => r[0]).sort()).toEqual(["GEO", ...FEATURES].sort());
  });

  test("the formula entry point spills the same table", () => {
    const t = geoshapley(Y, Xr, LAT, LON, [[`${ARD}; background=3; rows=1; output=values`]]);
    expect(t.length).toBe(2);
  });
});

describe("bad input", () => {
  const small = (m: any[][], n = 40) => m.slice(0, n + 1);
  const SMALL = "fixed=sf2=1 l_NQP=1 l_GDP=1 l_FTE=1 l_BOOK=1 l_OPEN=1 l_FEF=1 sg2=1 lg=1 sn2=1";

  test("a blank coordinate names lat and the data row", () => {
    const lat = small(LAT).map((r, i) => (i === 6 ? [null] : r));
    const e = excelErrorOf(() => gp(small(Y), small(Xr), lat, small(LON), [[SMALL]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/Argument lat \(column "lat"\) is blank in data row 6/);
  });

  test("a text cell names x, the column and the row", () => {
    const x = small(Xr).map((r, i) => (i === 3 ? r.map((v: unknown, j: number) => (j === 1 ? "n/a?" : v)) : r));
    const e = excelErrorOf(() => geoshapley(small(Y), x, small(LAT), small(LON), [[SMALL]]));
    expect(e.message).toMatch(/Argument x \(column "GDP"\) holds "n\/a\?" in data row 3: it must be a number/);
  });

  test("header on y but not on lat; different lengths; unknown hyperparameter; bad pairs", () => {
    expect(excelErrorOf(() => gp(small(Y), small(Xr), small(LAT).slice(1), small(LON), [[SMALL]])).message).toMatch(/y has a header row but lat does not/);
    expect(excelErrorOf(() => gp(small(Y), small(Xr), small(LAT, 30), small(LON), [[SMALL]])).message).toMatch(/lat has 30 rows but y has 40/);
    expect(excelErrorOf(() => gp(small(Y), small(Xr), small(LAT), small(LON), [["fixed=sigma=1"]])).message).toMatch(/unknown hyperparameter "sigma".*sf2/);
    expect(excelErrorOf(() => gp(small(Y), small(Xr), small(LAT), small(LON), [["fixed=sf2"]])).message).toMatch(/Option fixed: expected name=value pairs.*"sf2"/);
    expect(excelErrorOf(() => gp(small(Y), small(Xr), small(LAT), small(LON), [["kernel=rbf"]])).message).toMatch(/kernel must be one of gp_ard, ggpr_jt/);
  });

  test("more players than the exact limit: Kernel-SHAP fallback, said in the ranking and under the values", () => {
    const opts = `${SMALL}; background=5; rows=3; max_exact=5; samples=64`;
    const rk = geoshapley(small(Y), small(Xr), small(LAT), small(LON), [[opts]]);
    const method = rk.find((r) => r[0] === "method")!;
    expect(method[1]).toMatch(/7 players > 5 \(the exact limit\): Kernel-SHAP estimate/);
    const v = geoshapley(small(Y), small(Xr), small(LAT), small(LON), [[`${opts}; output=values`]]);
    expect(v.length).toBe(1 + 3 + 1);
    expect(String(v[4][0])).toMatch(/^method: 7 players > 5/);
    // Kernel-SHAP keeps additivity (the full coalition is imposed exactly).
    for (const row of v.slice(1, 4)) expect(Math.abs(row.slice(0, -1).reduce((a: number, b: number) => a + b, 0) - row[row.length - 1])).toBeLessThan(1e-10);
  });

  test("duplicate coordinates are noted", () => {
    const lat = small(LAT).map((r, i) => (i === 9 ? small(LAT)[2] : r));
    const lon = small(LON).map((r, i) => (i === 9 ? small(LON)[2] : r));
    const s = gp(small(Y), small(Xr), lat, lon, [[SMALL]]);
    expect(s.find((r) => r[0] === "note")![1]).toMatch(/1 row\(s\) share coordinates with an earlier row \(first: row 9 = row 2\)/);
  });
});
