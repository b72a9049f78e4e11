/**
 * `nqp iv` through main() on a temporary CSV of nqp_cities + reference NQP/ER + lags, against the
 * reference case nqp_iv_lag1_lag2 (1e-8): the fe JSON shape plus first_stage and diagnostics objects;
 * --nosmall gives the ivreg2-default SEs; bad input exits 2 with a message.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readCase, relErr } from "../support/reference";
import { nqpRowsWithLags } from "../engine/iv/nqp-lags";
import { runCli, writeCsv } from "../support/cli";

let dir: string;
let csv: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nqp-iv-"));
  csv = join(dir, "nqp_iv.csv");
  writeCsv(csv, nqpRowsWithLags());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));


const BASE = ["iv", "--y", "ER", "--endog", "NQP", "--instruments", "L1_NQP,L2_NQP", "--x", "GDP,FTE,BOOK,OPEN,FEF", "--fe", "city_id,year", "--cluster", "city_id"];

test("nqp iv --json reproduces nqp_iv_lag1_lag2", async () => {
  const R = readCase("nqp_iv_lag1_lag2").results;
  const { code, out, err } = await runCli([...BASE, "--data", csv, "--json"]);
  expect(err).toBe("");
  expect(code).toBe(0);
  const j = JSON.parse(out);
  expect(j.model).toBe("iv");
  expect(j.n).toBe(R.N);
  for (const t of Object.keys(R.second_stage.coef)) {
    expect(relErr(j.coef[t], R.second_stage.coef[t])).toBeLessThan(1e-8);
    expect(relErr(j.se[t], R.second_stage.se_cr1[t])).toBeLessThan(1e-8);
  }
  const fs = j.first_stage.NQP;
  expect(relErr(fs.F, R.first_stage.F_excluded_cr1)).toBeLessThan(1e-8);
  expect(relErr(fs.coef.L1_NQP, R.first_stage.coef.L1_NQP)).toBeLessThan(1e-8);
  const d = j.diagnostics;
  for (const key of ["kp_lm", "kp_lm_p", "kp_f", "cd_f", "hansen_j", "hansen_j_p", "stock_yogo_10"]) expect(d).toHaveProperty(key);
  expect(relErr(d.kp_lm, R.underid.kp_rk_LM)).toBeLessThan(1e-8);
  expect(relErr(d.kp_lm_p, R.underid.p)).toBeLessThan(1e-8);
  expect(relErr(d.kp_f, R.weak_id.kp_rk_wald_F)).toBeLessThan(1e-8);
  expect(relErr(d.cd_f, R.weak_id.cragg_donald_F)).toBeLessThan(1e-8);
  expect(relErr(d.hansen_j, R.hansen_j.J)).toBeLessThan(1e-8);
  expect(relErr(d.hansen_j_p, R.hansen_j.p)).toBeLessThan(1e-8);
  // Stock-Yogo (2005) Table 5.2, K1 = 1, L1 = 2, 10% maximal IV size (see src/engine/iv/stock-yogo.ts).
  expect(d.stock_yogo_10).toBe(19.93);
});

test("nqp iv --nosmall gives ivreg2-default (CR0, z) standard errors", async () => {
  const R = readCase("nqp_iv_lag1_lag2").results;
  const { code, out } = await runCli([...BASE, "--data", csv, "--json", "--nosmall"]);
  expect(code).toBe(0);
  const j = JSON.parse(out);
  expect(j.stat).toBe("z");
  expect(relErr(j.se.NQP, R.second_stage.se_cr0.NQP)).toBeLessThan(1e-8);
});

test("text output and errors", async () => {
  const ok = await runCli([...BASE, "--data", csv]);
  expect(ok.code).toBe(0);
  expect(ok.out).toMatch(/Kleibergen-Paap rk LM/);
  expect(ok.out).toMatch(/First stage: NQP/);
  const bad = await runCli(["iv", "--data", csv, "--y", "ER", "--endog", "NQP,GDP", "--instruments", "L1_NQP", "--fe", "city_id,year"]);
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/Too few instruments/);
});
