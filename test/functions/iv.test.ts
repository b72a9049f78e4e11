/**
 * =NQP.IV on the nqp_cities panel (reference NQP/ER joined, lags from the index engine) against the
 * reference case nqp_iv_lag1 (1e-8): spilled second stage, first-stage F and diagnostic rows; errors.
 */
import { iv } from "../../src/functions/formulas/iv";
import { readCase, relErr } from "../support/reference";
import { nqpRowsWithLags } from "../engine/iv/nqp-lags";

const rows = nqpRowsWithLags();
const header = rows[0] as string[];
const range = (...names: string[]) => rows.map((r) => names.map((nm) => r[header.indexOf(nm)]));

test("=NQP.IV reproduces nqp_iv_lag1", () => {
  const R = readCase("nqp_iv_lag1").results;
  const out = iv(range("ER"), range("NQP"), range("L1_NQP"), range("GDP", "FTE", "BOOK", "OPEN", "FEF"), range("city_id"), range("year"), range("city_id"));
  expect(out[0]).toEqual(["term", "coef", "se", "t", "p", "ci_low", "ci_high"]);
  const row = (label: string) => out.find((r) => r[0] === label)!;
  expect(relErr(row("NQP")[1] as number, R.second_stage.coef.NQP)).toBeLessThan(1e-8);
  expect(relErr(row("NQP")[2] as number, R.second_stage.se_cr1.NQP)).toBeLessThan(1e-8);
  expect(relErr(row("first-stage F (NQP)")[1] as number, R.first_stage.F_excluded_cr1)).toBeLessThan(1e-8);
  expect(relErr(row("Kleibergen-Paap rk LM")[1] as number, R.underid.kp_rk_LM)).toBeLessThan(1e-8);
  expect(relErr(row("Kleibergen-Paap rk Wald F")[1] as number, R.weak_id.kp_rk_wald_F)).toBeLessThan(1e-8);
  // Stock-Yogo (2005) Table 5.2, K1 = 1, L1 = 1: see src/engine/iv/stock-yogo.ts.
  expect(row("Kleibergen-Paap rk Wald F")[4]).toMatch(/Stock-Yogo 10% max. IV size: 16.38/);
  expect(row("Hansen J")[1]).toBe("n/a");
  expect(row("N")[1]).toBe(R.N);
  // every data row is either in the sample or counted as dropped (no silent drop)
  expect((row("dropped (missing)")[1] as number) + (row("dropped (singletons)")[1] as number)).toBe(rows.length - 1 - R.N);
  expect(out.every((r) => r.length === 7)).toBe(true);
});

test("=NQP.IV: too few instruments is an Excel error naming the problem", () => {
  expect(() => iv(range("ER"), range("NQP", "GDP"), range("L1_NQP"), undefined, range("city_id"), range("year"))).toThrow(/Too few instruments/);
});
