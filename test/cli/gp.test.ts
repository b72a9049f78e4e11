/**
 * `nqp gp` on the reference case city2022_gp_fixed / city2022_ggpr_jt_fixed (test/reference/gp README "CLI
 * mapping"): training rows to one CSV, holdout rows to another; loglik 1e-8 relative, gradient 1e-8 of its
 * largest component, posterior at the holdout rows; bad input messages.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runCli, writeCsv } from "../support/cli";
import { readCsvRows, relErr } from "../support/reference";
import { GP_DIR, readGp } from "../engine/gp/city2022";

const dir = mkdtempSync(join(tmpdir(), "nqp-gp-"));
const rows = readCsvRows(join(GP_DIR, "expected", "city2022_input.csv"));
const keep = ["id", "y", "NQP", "GDP", "FTE", "BOOK", "OPEN", "FEF", "lat", "lon"].map((c) => rows[0].indexOf(c));
const pick = (role: string) => [keep.map((k) => rows[0][k]), ...rows.slice(1).filter((r) => r[1] === role).map((r) => keep.map((k) => r[k]))];
const train = join(dir, "train.csv");
const holdout = join(dir, "holdout.csv");
writeCsv(train, pick("train"));
writeCsv(holdout, pick("holdout"));
const base = ["gp", "--data", train, "--y", "y", "--x", "NQP,GDP,FTE,BOOK,OPEN,FEF", "--lat", "lat", "--lon", "lon"];

test("gp_ard fixed: loglik, gradient, holdout posterior", async () => {
  const fixed = "sf2=1.5,l_NQP=8,l_GDP=4,l_FTE=15,l_BOOK=25,l_OPEN=25,l_FEF=25,sg2=0.05,lg=2.5,sn2=0.8";
  const r = await runCli([...base, "--kernel", "gp_ard", "--fixed", fixed, "--predict", holdout, "--json"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out);
  const ref = readGp("city2022_gp_fixed").results;
  expect(relErr(j.loglik, ref.lml)).toBeLessThan(1e-8);
  const gmax = Math.max(...Object.values(ref.grad_lml).map((v) => Math.abs(v as number)));
  for (const [k, v] of Object.entries(ref.grad_lml)) expect(Math.abs(j.gradient[k] - (v as number))).toBeLessThan(1e-8 * gmax);
  const ids = Object.keys(ref.holdout);
  ids.forEach((id, i) => {
    expect(Math.abs(j.predict.mean[i] - ref.holdout[id].mean)).toBeLessThan(1e-8);
    expect(Math.abs(j.predict.sd[i] - ref.holdout[id].sd_f)).toBeLessThan(1e-8);
  });
  expect(j.hyperparameters.sf2).toBe(1.5);
  expect(j.mean).toHaveLength(264);
});

test("ggpr_jt fixed with nu in --fixed", async () => {
  const r = await runCli([...base, "--kernel", "ggpr_jt", "--fixed", "P_NQP=2,P_GDP=4,P_FTE=2,P_BOOK=0.5,P_OPEN=0.5,P_FEF=0.5,length_scale=1,nu=1.5,w=0.2,alpha=0.1", "--json"]);
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out);
  expect(relErr(j.loglik, readGp("city2022_ggpr_jt_fixed").results.lml)).toBeLessThan(1e-8);
});

test("bad input: unknown hyperparameter, unknown kernel, missing coordinate", async () => {
  const a = await runCli([...base, "--fixed", "sigma=1"]);
  expect(a.code).toBe(2);
  expect(a.err).toMatch(/unknown hyperparameter "sigma".*sf2/);
  const b = await runCli([...base, "--kernel", "rbf9"]);
  expect(b.code).toBe(2);
  expect(b.err).toMatch(/gp_ard/);
  const bad = pick("train").slice(0, 30).map((r, i) => (i === 5 ? r.map((v, k) => (k === 8 ? "" : v)) : r));
  const f = join(dir, "bad.csv");
  writeCsv(f, bad);
  const c = await runCli(["gp", "--data", f, "--y", "y", "--x", "NQP,GDP", "--lat", "lat", "--lon", "lon", "--fixed", "sf2=1,l_NQP=1,l_GDP=1,sg2=1,lg=1,sn2=1"]);
  expect(c.code).toBe(2);
  expect(c.err).toMatch(/coordinate lat is missing .* row 5/);
});
