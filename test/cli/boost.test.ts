/**
 * `nqp boost` on the boosting reference cases (test/reference/boosting, spec.cli of each case): predictions
 * (scaled 2e-6), SHAP (scaled 1e-5), base_value, interactions, the sum property on the CLI's own output,
 * the model written with --model-out (xgboost's trees, walked from the root) and --model-in on xgboost's
 * model files; CV keys and seeding; errors with exit code 2.
 */
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readXgbModel } from "../../src/engine/trees";
import { runCli, writeCsv } from "../support/cli";
import { BOOST, boostCase, caseInteractions, caseRows, maxAbsLeaf, scaledError, treeDifference } from "../engine/trees/cases";

const tmp = mkdtempSync(join(tmpdir(), "nqp-boost-"));
const argvOf = (c: any, extra: string[] = []) =>
  c.spec.cli.split(" ").slice(1).map((a: string) => (a.endsWith(".csv") ? join(BOOST, "data", a) : a)).concat(extra);

function checkOutput(name: string, j: any, interactions: boolean) {
  const c = boostCase(name);
  const M = c.spec.x.length;
  const rows = caseRows(name, M);
  expect(scaledError(j.predictions, rows.prediction)).toBeLessThanOrEqual(2e-6);
  const got = j.shap.flat();
  const exp = rows.shap.flat();
  expect(scaledError(got, exp)).toBeLessThanOrEqual(1e-5);
  const maxPhi = Math.max(...exp.map(Math.abs));
  expect(Math.abs(j.base_value - rows.bias[0])).toBeLessThanOrEqual(1e-5 * Math.max(Math.abs(rows.bias[0]), maxPhi));
  const maxP = Math.max(...j.predictions.map(Math.abs));
  const sumErr = Math.max(...j.shap.map((s: number[], i: number) => Math.abs(s.reduce((a, b) => a + b, 0) + j.base_value - j.predictions[i])));
  expect(sumErr / maxP).toBeLessThanOrEqual(1e-5);
  if (interactions) {
    const ref = caseInteractions(name);
    const S = M + 1;
    const g: number[] = [];
    const e: number[] = [];
    j.interactions.forEach((mat: number[][], i: number) => mat.forEach((row, a) => row.forEach((v, b) => (g.push(v), e.push(ref[i][a * S + b])))));
    expect(scaledError(g, e)).toBeLessThanOrEqual(1e-5);
  }
}

describe.each(["small_exact", "small_depth3_reg", "small_missing", "small_hist"])("nqp boost, case %s", (name) => {
  const c = boostCase(name);
  const withInteractions = c.spec.cli.includes("--interactions");

  test("spec.cli with --model-out: output and written model match xgboost", async () => {
    const out = join(tmp, `${name}.json`);
    const r = await runCli(argvOf(c, ["--model-out", out]));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    checkOutput(name, JSON.parse(r.out), withInteractions);
    const model = readXgbModel(readFileSync(out, "utf8"), c.spec.x);
    const scale = maxAbsLeaf(c);
    expect(model.trees.map((t, i) => treeDifference(t, c.results.trees[i], scale)).filter((d) => d !== null)).toEqual([]);
  });

  test("--model-in xgboost's model file", async () => {
    const r = await runCli(["boost", "--data", join(BOOST, "data", String(c.dataset).replace("../data/", "")), "--y", c.spec.y, "--x", c.spec.x.join(","),
      "--model-in", join(BOOST, "expected", `${name}_model.json`), ...(withInteractions ? ["--interactions"] : []), "--json"]);
    expect(r.code).toBe(0);
    checkOutput(name, JSON.parse(r.out), withInteractions);
  });
});

test("nqp boost on er_nqp_exact (the paper's model without subsampling)", async () => {
  const c = boostCase("er_nqp_exact");
  const r = await runCli(argvOf(c).filter((a: string) => a !== "--interactions"));
  expect(r.code).toBe(0);
  checkOutput("er_nqp_exact", JSON.parse(r.out), false);
}, 60000);

test("--cv: keys, folds, and the seed changes the result; --group keeps units together", async () => {
  const base = ["boost", "--data", join(BOOST, "data", "boost_small.csv"), "--y", "y", "--x", "x1,x2,x3", "--trees", "10", "--depth", "2", "--subsample", "0.8", "--colsample", "0.8", "--cv", "5", "--json"];
  const a = JSON.parse((await runCli([...base, "--seed", "1"])).out);
  const b = JSON.parse((await runCli([...base, "--seed", "2"])).out);
  expect(a.cv.k).toBe(5);
  expect(a.cv.folds.map((f: any) => f.n)).toEqual([12, 12, 12, 12, 12]);
  expect(Number.isFinite(a.cv.rmse) && Number.isFinite(a.cv.r2)).toBe(true);
  expect(a.cv.rmse).not.toBe(b.cv.rmse);
  const g = await runCli(["boost", "--data", join(BOOST, "data", "boost_er_nqp.csv"), "--y", "ER", "--x", "NQP,GDP", "--trees", "5", "--cv", "5", "--group", "city_id", "--json"]);
  expect(g.code).toBe(0);
  expect(JSON.parse(g.out).cv.folds.length).toBe(5);
}, 60000);

test("text output lists the importance ranking", async () => {
  const r = await runCli(["boost", "--data", join(BOOST, "data", "boost_small.csv"), "--y", "y", "--x", "x1,x2,x3", "--trees", "3", "--depth", "2"]);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/feature\s+mean\|SHAP\|/);
  expect(r.out.indexOf("x1")).toBeLessThan(r.out.indexOf("x3"));
});

test("errors: missing y (rows named), fewer rows than folds, conflicting flags", async () => {
  const f = join(tmp, "bad.csv");
  writeCsv(f, [["y", "a", "b"], [1, 1, 5], ["", 2, 5], [3, 3, 5], [4, "", 5]]);
  const r1 = await runCli(["boost", "--data", f, "--y", "y", "--x", "a,b", "--trees", "2"]);
  expect(r1.code).toBe(2);
  expect(r1.err).toMatch(/y "y" is missing .*data row 2/);
  writeCsv(f, [["y", "a", "b"], [1, 1, 5], [2, 2, 5], [3, 3, 5], [4, "", 5]]);
  const r2 = await runCli(["boost", "--data", f, "--y", "y", "--x", "a,b", "--trees", "2", "--cv", "5"]);
  expect(r2.code).toBe(2);
  expect(r2.err).toMatch(/5-fold cross-validation needs at least 5 rows; the data has 4/);
  const r3 = await runCli(["boost", "--data", f, "--y", "y", "--x", "a,b", "--trees", "2", "--json"]);
  expect(r3.code).toBe(0);
  expect(JSON.parse(r3.out).constant_features).toEqual(["b"]);
  expect(JSON.parse(r3.out).n_missing).toEqual({ a: 1, b: 0 });
  const r4 = await runCli(["boost", "--data", f, "--y", "y", "--x", "a,b", "--model-in", "m.json", "--model-out", "n.json"]);
  expect(r4.code).toBe(2);
  expect(r4.err).toMatch(/use one of them/);
  const r5 = await runCli(["boost", "--data", f, "--y", "y", "--x", "a,b", "--method", "approx"]);
  expect(r5.code).toBe(2);
  expect(r5.err).toMatch(/exact, hist/);
});
