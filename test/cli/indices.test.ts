/**
 * `nqp entropy|resilience|describe --json` reproduce the reference cases on nqp_cities.csv.
 * Sources: test/reference/expected/nqp_entropy.json + nqp_entropy_scores.csv,
 * nqp_martin_er.json + nqp_martin_er.csv, nqp_descriptives.json (all_rows block).
 */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { REFERENCE, nqpCitiesWithIndices, readCase, relErr } from "../support/reference";
import { maxRelErr, referenceColumn } from "../engine/indices/fixtures";
import { runCli as run } from "../support/cli";

const TOL = 1e-10;
const DATA = join(REFERENCE, "data", "nqp_cities.csv");

const nulls = (a: (number | null)[]) => Float64Array.from(a, (x) => (x === null ? NaN : x));

describe("nqp entropy", () => {
  const ref = readCase("nqp_entropy");
  const cols: string[] = ref.spec.indicators;
  test.each([
    ["minmax", "minmax_zero", "NQP_minmax_zero"],
    ["shift", "minmax_shift", "NQP_minmax_shift"],
  ])("--method %s reproduces case nqp_entropy (%s)", async (method, variant, column) => {
    const argv = ["entropy", "--data", DATA, "--cols", cols.join(","), "--negative", ref.spec.negative_attribute.join(","), "--method", method, "--json"];
    const r = await run(argv);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.n_used).toBe(ref.results.n_rows_used);
    const e = ref.results[variant];
    for (const [ours, theirs] of [[j.weights, e.weights], [j.e, e.entropy_e], [j.d, e.divergence_d]]) {
      expect(maxRelErr(cols.map((c) => ours[c]), cols.map((c) => theirs[c]))).toBeLessThan(TOL);
    }
    expect(maxRelErr(nulls(j.scores), referenceColumn("nqp_entropy_scores.csv", column).values)).toBeLessThan(TOL);
  });

  test("errors: unknown column, --negative outside --cols, bad method; exit 2 with the message on stderr", async () => {
    const bad = await run(["entropy", "--data", DATA, "--cols", "gdp_pc,nope"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/no column named "nope"/);
    const neg = await run(["entropy", "--data", DATA, "--cols", "gdp_pc,avg_wage", "--negative", "energy_intensity"]);
    expect(neg.err).toMatch(/--negative names "energy_intensity", which is not among --cols/);
    const m = await run(["entropy", "--data", DATA, "--cols", "gdp_pc", "--method", "topsis"]);
    expect(m.err).toMatch(/minmax, shift/);
  });

  test("text cells, blanks and constant columns in a small file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nqp-entropy-"));
    const file = join(dir, "small.csv");
    writeFileSync(file, "a,b,k,t\n1,10,5,x\n2,,5,2\n3,30,5,3\n4,40,5,4\n");
    const text = await run(["entropy", "--data", file, "--cols", "a,t"]);
    expect(text.err).toMatch(/Column "t" must be numeric but data row 1 holds the text "x"/);
    const k = await run(["entropy", "--data", file, "--cols", "a,k"]);
    expect(k.err).toMatch(/Indicator "k" is constant/);
    const ok = JSON.parse((await run(["entropy", "--data", file, "--cols", "a,b,k", "--drop-constant", "--json"])).out);
    expect(ok).toMatchObject({ n_used: 3, n_missing_indicator: 1, dropped: ["k"] });
    expect(ok.scores[1]).toBeNull();
    const g = JSON.parse((await run(["entropy", "--data", file, "--cols", "a,b", "--by", "k", "--json"])).out);
    expect(Object.keys(g.weights)).toEqual(["5"]);
  });

  test("--by: rows with a missing group are counted in the text output (no silent drop)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nqp-entropy-"));
    const file = join(dir, "groups.csv");
    writeFileSync(file, "a,b,g\n1,10,1\n2,25,1\n3,30,\n4,40,2\n5,45,2\n");
    const r = await run(["entropy", "--data", file, "--cols", "a,b", "--by", "g"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Rows used: 4 of 5 (0 with a missing indicator, 1 with a missing g get no score).");
  });
});

describe("nqp resilience", () => {
  test("reproduces case nqp_martin_er (every row, national growth)", async () => {
    const ref = readCase("nqp_martin_er");
    const r = await run(["resilience", "--data", DATA, "--id", "city_id", "--time", "year", "--value", "gdp_pc", "--national", "national_gdp_pc", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(maxRelErr(nulls(j.values), referenceColumn("nqp_martin_er.csv", "ER").values)).toBeLessThan(TOL);
    expect(j.n_missing).toBe(j.values.length - ref.results.summary.n);
    for (const [year, G] of Object.entries(ref.results.national_growth_G)) expect(relErr(j.national_growth[year], G as number)).toBeLessThan(TOL);
  });

  test("duplicate (id, time) names the pair", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nqp-er-"));
    const file = join(dir, "dup.csv");
    writeFileSync(file, "id,year,v\nA,2012,1\nA,2013,2\nA,2013,3\n");
    const r = await run(["resilience", "--data", file, "--id", "id", "--time", "year", "--value", "v"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/id "A" at time 2013 appears in data rows 2 and 3/);
  });
});

describe("nqp describe", () => {
  test("reproduces case nqp_descriptives (all rows)", async () => {
    const ref = readCase("nqp_descriptives");
    const cols = ["GDP", "FTE", "BOOK", "OPEN", "FEF", "DI", "IA", "HUM"];
    const r = await run(["describe", "--data", DATA, "--cols", cols.join(","), "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const c of cols) for (const k of ["n", "mean", "sd", "min", "max"]) expect(relErr(j.stats[c][k], ref.results.all_rows[c][k])).toBeLessThan(TOL);
  });

  test("text output says how many rows the statistics use (listwise, corr: N of the data rows)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nqp-describe-"));
    const file = join(dir, "holes.csv");
    writeFileSync(file, "a,b\n1,2\n2,\n3,5\n,4\n5,1\n");
    expect((await run(["describe", "--data", file, "--cols", "a,b", "--sample", "listwise"])).out).toContain("Listwise: 3 of 5 rows complete on every column.");
    expect((await run(["describe", "--data", file, "--cols", "a,b", "--output", "corr"])).out).toContain("N = 3 of 5 rows (complete on every column)");
  });

  test("--output corr and vif reproduce the correlations and VIFs (estimation sample: rows with ER)", async () => {
    const ref = readCase("nqp_descriptives");
    const dir = mkdtempSync(join(tmpdir(), "nqp-describe-"));
    const file = join(dir, "with_er.csv");
    const rows = nqpCitiesWithIndices() as string[][];
    const er = rows[0].indexOf("ER");
    writeFileSync(file, [rows[0], ...rows.slice(1).filter((r) => r[er] !== "")].map((r) => r.join(",")).join("\n") + "\n");
    const corrVars = Object.keys(ref.results.pearson_corr_estimation_sample);
    const c = JSON.parse((await run(["describe", "--data", file, "--cols", corrVars.join(","), "--output", "corr", "--json"])).out);
    expect(c.n).toBe(ref.results.N_estimation_sample);
    for (const a of corrVars) for (const b of corrVars) expect(relErr(c.corr[a][b], ref.results.pearson_corr_estimation_sample[a][b])).toBeLessThan(TOL);
    const regs = Object.keys(ref.results.vif_pooled_ols);
    const v = JSON.parse((await run(["describe", "--data", file, "--cols", regs.join(","), "--output", "vif", "--json"])).out);
    for (const r of regs) expect(relErr(v.vif[r], ref.results.vif_pooled_ols[r])).toBeLessThan(TOL);
  });
});
