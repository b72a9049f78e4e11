/**
 * `nqp mediate`, `nqp hetero`, `nqp robust` through main() in-process on a temporary CSV of
 * nqp_cities.csv joined with the reference NQP and ER columns. Expected numbers: test/reference
 * cases nqp_mediation_DI (common sample, Sobel), nqp_split_hu_east_0/1, nqp_winsor (baseline_winsorized),
 * nqp_alt_outcome_UR, nqp_table3_col6 (baseline); 1e-8 relative.
 * Timing: bench/cases/bootstrap.ts and permutation.ts (500 replications each) run as child processes
 * (outside jest's vm sandbox, which slows Math.* in hot loops) and must finish in under 10 s.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { nqpCitiesWithIndices, readCase, relErr } from "../support/reference";
import { runCli as run, writeCsv } from "../support/cli";

const TOL = 1e-8;
const ROOT = join(__dirname, "../..");
let dir: string;
let csv: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nqp-med-"));
  csv = join(dir, "nqp.csv");
  writeCsv(csv, nqpCitiesWithIndices());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));


const model = ["--y", "ER", "--fe", "city_id,year", "--cluster", "city_id"];
const X = "NQP,GDP,FTE,BOOK,OPEN,FEF";

function expectFeJson(j: any, ref: any) {
  expect(j.n).toBe(ref.N);
  for (const name of Object.keys(ref.coef)) {
    expect(relErr(j.coef[name], ref.coef[name])).toBeLessThan(TOL);
    expect(relErr(j.se[name], ref.se.cr1[name])).toBeLessThan(TOL);
  }
}

describe("nqp mediate", () => {
  it("--json: per-mediator keys reproduce nqp_mediation_DI; small bootstrap gives a CI and progress on stderr", async () => {
    const r = await run(["mediate", "--data", csv, ...model, "--treat", "NQP", "--mediator", "DI,IA", "--x", "GDP,FTE,BOOK,OPEN,FEF", "--bootstrap", "20", "--seed", "5", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const ref = readCase("nqp_mediation_DI").results.common_sample;
    const m = j.mediators.DI;
    for (const k of ["a", "b", "c", "c_prime", "indirect", "sobel_z", "sobel_p", "n", "boot_ci"]) expect(m).toHaveProperty(k);
    expect(relErr(m.a, ref.sobel.a)).toBeLessThan(TOL);
    expect(relErr(m.b, ref.sobel.b)).toBeLessThan(TOL);
    expect(relErr(m.c, ref.eq1_total.coef.NQP)).toBeLessThan(TOL);
    expect(relErr(m.c_prime, ref.eq3_direct.coef.NQP)).toBeLessThan(TOL);
    expect(relErr(m.indirect, ref.sobel.indirect_ab)).toBeLessThan(TOL);
    expect(relErr(m.sobel_z, ref.sobel.z)).toBeLessThan(TOL);
    expect(relErr(m.sobel_p, ref.sobel.p_two_sided)).toBeLessThan(TOL);
    expect(m.n).toBe(ref.eq3_direct.N);
    expect(m.boot_ci.length).toBe(2);
    expect(m.boot_ci[0]).toBeLessThan(m.boot_ci[1]);
    expect(m.bootstrap.seed).toBe(5);
    expectFeJson(m.equations.direct, ref.eq3_direct);
    expect(Object.keys(j.mediators)).toEqual(["DI", "IA"]);
    expect(r.err).toMatch(/bootstrap DI: 20\/20/);
  });

  it("errors exit 2 with the message", async () => {
    const r = await run(["mediate", "--data", csv, ...model, "--treat", "NQP", "--mediator", "NOPE"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no column named "NOPE" \(--mediator\)/);
  });
});

describe("nqp hetero", () => {
  it("--json: groups in the nqp fe shape reproduce nqp_split_hu_east_0/1; tests and marginal effects present", async () => {
    const r = await run(["hetero", "--data", csv, ...model, "--x", X, "--group", "hu_east", "--permutations", "20", "--seed", "2", "--json", "--quiet"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expectFeJson(j.groups["0"], readCase("nqp_split_hu_east_0").results);
    expectFeJson(j.groups["1"], readCase("nqp_split_hu_east_1").results);
    expect(j.tests.map((t: any) => t.name)).toEqual(["diff_1", "chow"]);
    expect(j.marginal.map((m: any) => m.group)).toEqual(["0", "1"]);
    expect(j.permutation.reps).toBe(20);
    expect(j.permutation.permuted).toBe("cluster:city_id");
    expect(j.interacted.terms).toContain("NQP#1");
  });
  it("needs exactly one of --group / --split", async () => {
    const r = await run(["hetero", "--data", csv, ...model, "--x", X]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/exactly one of --group/);
  });
});

describe("nqp robust", () => {
  it("--json: baseline = nqp_table3_col6, winsorised = nqp_winsor, UR = nqp_alt_outcome_UR, municipalities dropped and counted", async () => {
    const r = await run([
      "robust", "--data", csv, ...model, "--x", X, "--id", "city_id", "--time", "year",
      "--winsor", "ER,NQP,GDP,FTE,BOOK,OPEN,FEF", "--drop", "municipality=1", "--alt-y", "UR", "--json",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expectFeJson(j.baseline, readCase("nqp_table3_col6").results);
    const [w, d, u] = j.variants;
    expectFeJson(w.result, readCase("nqp_winsor").results.baseline_winsorized);
    expect(relErr(w.changes.winsor.ER.lower, readCase("nqp_winsor").results.cutoffs.ER.p1)).toBeLessThan(1e-10);
    expectFeJson(u.result, readCase("nqp_alt_outcome_UR").results);
    expect(d.changes.rows_dropped_by_group["1"]).toBe(44);
    expect(d.result.n).toBe(j.baseline.n - 40); // 4 municipalities x 10 years with ER
    expect(d.variant).toEqual({ steps: [{ kind: "dropGroups", column: "municipality", values: ["1"] }] });
  });
  it("refuses a run without variants", async () => {
    const r = await run(["robust", "--data", csv, ...model, "--x", X, "--id", "city_id", "--time", "year"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/at least one variant/);
  });
});

describe("500 replications finish in under 10 s (child processes)", () => {
  for (const name of ["bootstrap", "permutation"]) {
    it(name, () => {
      const out = execFileSync(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "bench/cases", `${name}.ts`)], { cwd: ROOT, encoding: "utf8" });
      const m = JSON.parse(out.trim().split("\n").pop()!);
      expect(m.reps).toBe(500);
      expect(m.seconds).toBeLessThan(10);
      expect(m.progress_reports).toBe(21);
    });
  }
});
