/**
 * `nqp spatial`, `nqp moran`, `nqp weights` through main() in-process, on a temporary CSV of the reference
 * panel (nqp_cities.csv + reference NQP and ER, 2013-2022), compared with test/reference/spatial/expected:
 * spatial_twfe_knn5_leeyu (--lee-yu) and _direct (--no-lee-yu), spatial_lm_knn5 (elhorst),
 * spatial_model_tests_knn5 (wald_oim, lr), spatial_moran (+ rows CSV), spatial_weights_summary.
 * Tolerances from the README: 1e-6 ML optima, 1e-8 closed forms.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { nqpCitiesWithIndices } from "../support/reference";
import { runCli, writeCsv } from "../support/cli";
import { expectClose, readSpatial, spatialCsv } from "../engine/spatial/support";
import { buildWeights } from "../../src/engine/spatial/build";
import { csrToDense } from "../../src/engine/spatial/sparse";
import { frameFromCells } from "../../src/engine/frame";

const X = "NQP,GDP,FTE,BOOK,OPEN,FEF";
let dir: string, panelCsv: string, meanCsv: string, wCsv: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nqp-spatial-"));
  const all = nqpCitiesWithIndices();
  const yi = all[0].indexOf("year");
  const rows = [all[0], ...all.slice(1).filter((r) => Number(r[yi]) >= 2013)];
  panelCsv = join(dir, "panel.csv");
  writeCsv(panelCsv, rows);
  // W as a file: raw knn:5 (binary), an id column + 284 columns, rows in REVERSE id order to test the realignment
  const { weights } = buildWeights(frameFromCells(rows), { id: "city_id", lat: "lat", lon: "lon", weights: "knn:5", style: "none" });
  const n = weights.n;
  const D = csrToDense(weights.w);
  const order = Array.from({ length: n }, (_, i) => n - 1 - i);
  wCsv = join(dir, "W.csv");
  writeCsv(wCsv, [["id", ...order.map((i) => weights.ids[i])], ...order.map((i) => [weights.ids[i], ...order.map((j) => D[i * n + j])])]);
  // one row per unit: mean ER
  const ci = rows[0].indexOf("city_id"), ei = rows[0].indexOf("ER"), lat = rows[0].indexOf("lat"), lon = rows[0].indexOf("lon");
  const acc = new Map<string, { s: number; c: number; lat: unknown; lon: unknown }>();
  for (const r of rows.slice(1)) {
    const a = acc.get(String(r[ci])) ?? { s: 0, c: 0, lat: r[lat], lon: r[lon] };
    a.s += Number(r[ei]);
    a.c++;
    acc.set(String(r[ci]), a);
  }
  meanCsv = join(dir, "mean.csv");
  writeCsv(meanCsv, [["city_id", "lat", "lon", "mean_ER"], ...[...acc.entries()].map(([id, a]) => [id, a.lat, a.lon, a.s / a.c])]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function json(args: string[]): Promise<any> {
  const r = await runCli(args);
  if (r.code !== 0) throw new Error(r.err);
  return JSON.parse(r.out);
}

const base = () => ["--data", panelCsv, "--y", "ER", "--x", X, "--id", "city_id", "--time", "year", "--lat", "lat", "--lon", "lon", "--json"];

describe("nqp spatial (reference: spatial_twfe_knn5_leeyu / _direct, spatial_lm_knn5, spatial_model_tests_knn5)", () => {
  const cases: [string, string, string][] = [];
  for (const m of ["sar", "sem", "sdm"]) for (const f of ["--lee-yu", "--no-lee-yu"]) cases.push([m, f, "knn:5"]);
  cases.push(["sdm", "--lee-yu", "file"]);
  test.each(cases)("--model %s %s --weights %s", async (model, flag, w) => {
    const variant = flag === "--lee-yu" ? "leeyu" : "direct";
    const out = await json(["spatial", "--model", model, flag, "--weights", w === "file" ? `file:${wCsv}` : w, ...base()]);
    const ref = readSpatial(`spatial_twfe_knn5_${variant}`).results[model];
    const TOL = 1e-6;
    const param = model === "sem" ? "lambda" : "rho";
    expectClose(out[param], ref[param], TOL, param);
    for (const x of X.split(",")) {
      expectClose(out.coef[x], ref.coef[x], TOL, `coef ${x}`);
      expectClose(out.se[x], ref.se_oim[x], TOL, `se ${x}`);
      if (model === "sdm") {
        expectClose(out.theta[`W*${x}`], ref.coef[`W*${x}`], TOL, `theta ${x}`);
        expectClose(out.se[`W*${x}`], ref.se_oim[`W*${x}`], TOL, `se W*${x}`);
      }
      if (model !== "sem")
        for (const k of ["direct", "indirect", "total"]) {
          expectClose(out.effects[k][x].coef, ref.effects[x][k].effect, TOL, `${k} ${x}`);
          expectClose(out.effects[k][x].se, ref.effects[x][k].se_oim, TOL, `${k} se ${x}`);
        }
    }
    expectClose(out.se[param], ref.se_oim[param], TOL, `se ${param}`);
    expectClose(out.loglik, ref.loglik, TOL, "loglik");
    expectClose(out.sigma2, ref.sigma2, TOL, "sigma2");
    expect([out.n, out.T]).toEqual([284, 10]);
    const lm = readSpatial("spatial_lm_knn5").results.elhorst;
    for (const k of ["LM_lag", "LM_error", "robust_LM_lag", "robust_LM_error"]) {
      expectClose(out.lm_tests[k].stat, lm[k].stat, 1e-8, k);
      expect(Math.abs(out.lm_tests[k].p - lm[k].p)).toBeLessThanOrEqual(1e-8);
    }
    if (model === "sdm") {
      const t = readSpatial("spatial_model_tests_knn5").results[variant];
      for (const h of ["sdm_vs_sar", "sdm_vs_sem"]) {
        expectClose(out.wald[h].stat, t.wald_oim[h].stat, TOL, `wald ${h}`);
        expectClose(out.lr[h].stat, t.lr[h].stat, TOL, `lr ${h}`);
        expect(Math.abs(out.wald[h].p - t.wald_oim[h].p)).toBeLessThanOrEqual(TOL);
      }
    } else expect(out.wald).toBeNull();
  });
  test("errors exit 2 with the message: unknown model, both switches", async () => {
    const r = await runCli(["spatial", "--model", "sac", "--weights", "knn:5", ...base()]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/sar, sem, sdm/);
    const r2 = await runCli(["spatial", "--model", "sar", "--lee-yu", "--no-lee-yu", "--weights", "knn:5", ...base()]);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/either --lee-yu or --no-lee-yu/);
  });
  test("text output names the estimator", async () => {
    const r = await runCli(["spatial", "--model", "sar", "--no-lee-yu", "--weights", "knn:5", ...base().slice(0, -1)]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/uncorrected QML/);
  });
});

describe("nqp moran (reference: spatial_moran.json, spatial_moran_rows.csv)", () => {
  const REF = readSpatial("spatial_moran").results;
  const rows = spatialCsv("spatial_moran_rows.csv");
  const c = (s: string) => rows.header.indexOf(s);
  const check = (o: any, ref: any, w: string, variable: string) => {
    expectClose(o.I, ref.I, 1e-8, "I");
    expectClose(o.expectation, ref.expectation, 1e-8, "E");
    for (const v of ["randomisation", "normality"]) {
      expectClose(o[v].variance, ref[v].variance, 1e-8, `${v} variance`);
      expectClose(o[v].z, ref[v].z, 1e-8, `${v} z`);
      expect(Math.abs(o[v].p - ref[v].p_greater)).toBeLessThanOrEqual(1e-8);
      expect(Math.abs(o[v].p_two_sided - ref[v].p_two_sided)).toBeLessThanOrEqual(1e-8);
    }
    for (const r of rows.rows.filter((r) => r[0] === w && r[1] === variable)) {
      const l = o.local[r[c("id")]];
      for (const k of ["Ii", "E_Ii", "Var_Ii", "Z_Ii"]) expectClose(l[k], Number(r[c(k)]), 1e-8, `${r[c("id")]} ${k}`);
      expect(Math.abs(l.p_two_sided - Number(r[c("p_two_sided")]))).toBeLessThanOrEqual(1e-8);
      expect(l.cluster).toBe(r[c("cluster_0.05")]);
    }
  };
  test.each(["knn:5", "idw:1,500"])("one row per unit (mean_ER), %s", async (w) => {
    const o = await json(["moran", "--data", meanCsv, "--var", "mean_ER", "--id", "city_id", "--lat", "lat", "--lon", "lon", "--weights", w, "--json"]);
    check(o, REF.global[w].mean_ER, w, "mean_ER");
    expect(o.scatter.z.length).toBe(284);
    expect(o.scatter.slope).toBeCloseTo(o.I, 12);
  });
  test("per year with --time (knn:5)", async () => {
    const o = await json(["moran", "--data", panelCsv, "--var", "ER", "--id", "city_id", "--lat", "lat", "--lon", "lon", "--weights", "knn:5", "--time", "year", "--json"]);
    expect(o.periods.length).toBe(10);
    for (const p of o.periods) check(o.by_period[p], REF.global["knn:5"][`ER_${p}`], "knn:5", `ER_${p}`);
  });
  test("seeded permutation is repeatable", async () => {
    const args = ["moran", "--data", meanCsv, "--var", "mean_ER", "--id", "city_id", "--lat", "lat", "--lon", "lon", "--weights", "knn:5", "--nsim", "99", "--seed", "5", "--json"];
    const [a, b] = [await json(args), await json(args)];
    expect(a.permutation.p).toBe(b.permutation.p);
    expect(a.permutation.p).toBe(0.01);
  });
});

describe("nqp weights (reference: spatial_weights_summary.json)", () => {
  const REF = readSpatial("spatial_weights_summary").results;
  test.each(["knn:5", "idw:1,500", "idw:2", "idw:1,150"])("%s", async (w) => {
    const o = await json(["weights", "--data", panelCsv, "--id", "city_id", "--lat", "lat", "--lon", "lon", "--weights", w, "--json"]);
    const r = REF[w];
    expect([o.n, o.links, o.neighbours.min, o.neighbours.max, o.asymmetric_links, o.structurally_symmetric]).toEqual([r.n, r.links, r.neighbours.min, r.neighbours.max, r.asymmetric_links, r.structurally_symmetric]);
    expect(o.islands).toEqual(r.islands);
    for (const k of ["S0", "S1", "S2"]) expectClose(o[k], r.row_standardised[k], 1e-8, k);
  });
  test("a W file whose ids do not match the data is refused, naming the ids", async () => {
    const bad = join(dir, "W3.csv");
    writeCsv(bad, [["id", "C001", "C002", "X9"], ["C001", 0, 1, 1], ["C002", 1, 0, 1], ["X9", 1, 1, 0]]);
    const r = await runCli(["weights", "--data", meanCsv, "--id", "city_id", "--weights", "file:" + bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/do not match the data's units: 282 unit\(s\) of the data are not in the matrix \(C003, .*1 id\(s\) of the matrix are not in the data \(X9\)/);
  });
});
