/**
 * Issue 11: large-but-finite data (values near 1e308, whose squares overflow) give the estimates of the
 * same data rescaled: the Grunfeld panel (test/reference/data/grunfeld.csv) times 1e304 against the
 * panel as it is (two-way FE, clustered; pooled OLS with HC1), and an entropy index times 1e308 and
 * -1e308 mixed (max - min overflows) against the index at unit scale. Before: every estimate NaN.
 */
import { join } from "path";
import { frameFromCells, numericColumn } from "../../../src/engine/frame";
import { fitLinear, LinearSpec } from "../../../src/engine/models/linear";
import { entropyIndex } from "../../../src/engine/indices/entropy";
import { readCsvRows, REFERENCE, relErr } from "../../support/reference";

const rows = readCsvRows(join(REFERENCE, "data", "grunfeld.csv"));
const header = rows[0];
const scaled = (s: number) =>
  frameFromCells([header, ...rows.slice(1).map((r) => r.map((v, j) => (j >= 2 ? Number(v) * s : v)))]);

const SPECS: [string, LinearSpec][] = [
  ["two-way FE, clustered by firm", { y: "inv", x: ["value", "capital"], fe: ["firm", "year"], cluster: ["firm"] }],
  ["pooled OLS, HC1", { y: "inv", x: ["value", "capital"], vcov: "hc1" }],
];

describe.each(SPECS)("Grunfeld x 1e304 equals Grunfeld (%s)", (_, spec) => {
  test("coef, se, vcov, R2; ssr and rmse scaled back", () => {
    const big = fitLinear(scaled(1e304), spec);
    const unit = fitLinear(scaled(1), spec);
    expect(big.omitted).toEqual([]);
    expect(big.terms).toEqual(unit.terms);
    let worst = 0;
    unit.terms.forEach((t, j) => {
      const f = t === "_cons" ? 1e304 : 1; // the constant is in units of y
      worst = Math.max(worst, relErr(big.coef[j], unit.coef[j] * f), relErr(big.se[j], unit.se[j] * f), relErr(big.p[j], unit.p[j]));
    });
    const q = unit.terms.length;
    for (let a = 0; a < q - (unit.terms.includes("_cons") ? 1 : 0); a++) {
      for (let b = 0; b < q - (unit.terms.includes("_cons") ? 1 : 0); b++) worst = Math.max(worst, relErr(big.vcov[a + b * q], unit.vcov[a + b * q]));
    }
    worst = Math.max(worst, relErr(big.r2, unit.r2), relErr(big.rmse, unit.rmse * 1e304));
    expect(worst).toBeLessThan(1e-12);
    expect(Number.isFinite(big.ssr)).toBe(false); // (1e304)^2 x ssr is beyond a double: reported as Infinity
  });
});

test("entropy weights of 1e308-scale indicators whose range overflows equal those at unit scale", () => {
  const f = scaled(1);
  const a = numericColumn(f, "value");
  const b = numericColumn(f, "capital");
  const big = [a.map((v) => (v / 6300 - 0.5) * 3.4 * 1e308), b.map((v) => v * 1e304)]; // max - min of the first is ~3.3e308
  const unit = [a.map((v) => v / 6300 - 0.5), b];
  const rb = entropyIndex(big, ["a", "b"]);
  const ru = entropyIndex(unit, ["a", "b"]);
  for (let j = 0; j < 2; j++) expect(relErr(rb.fits[0].weights[j], ru.fits[0].weights[j])).toBeLessThan(1e-12);
  let worst = 0;
  for (let i = 0; i < rb.scores.length; i++) worst = Math.max(worst, Math.abs(rb.scores[i] - ru.scores[i]));
  expect(worst).toBeLessThan(1e-12);
  expect(rb.fits[0].max[0]).toBeGreaterThan(8e307);
});
