/**
 * The index formulas reproduce the reference cases through their wrappers (ranges in, spilled cells out).
 * Sources: test/reference/expected/nqp_entropy.json + nqp_entropy_scores.csv, nqp_martin_er.csv,
 * nqp_winsor.json (cutoffs), nqp_descriptives.json.
 */
import { join } from "path";
import { describe as describeFormula } from "../../src/functions/formulas/describe";
import { entropy } from "../../src/functions/formulas/entropy";
import { resilience } from "../../src/functions/formulas/resilience";
import { winsor } from "../../src/functions/formulas/winsor";
import { REFERENCE, nqpCitiesWithIndices, readCase, readCsvRows, relErr } from "../support/reference";
import { maxRelErr, referenceColumn } from "../engine/indices/fixtures";

const TOL = 1e-10;
const cities = readCsvRows(join(REFERENCE, "data", "nqp_cities.csv"));
const withIndices = nqpCitiesWithIndices() as string[][];

/** The named columns of a table of rows (header first), as a range (header row included). */
function range(table: string[][], names: string[]): any[][] {
  const idx = names.map((n) => table[0].indexOf(n));
  return table.map((r) => idx.map((j) => r[j]));
}
const asNumbers = (spill: any[][]) => Float64Array.from(spill.slice(1), (r) => (r[0] === "" ? NaN : r[0]));

describe("=NQP.ENTROPY on nqp_cities.csv (case nqp_entropy)", () => {
  const ref = readCase("nqp_entropy");
  const names: string[] = ref.spec.indicators;
  const dirs = [names.map((n) => (ref.spec.negative_attribute.includes(n) ? "-" : "+"))];
  const block = range(cities, names);

  test.each([
    ["minmax", "NQP_minmax_zero"],
    ["shift", "NQP_minmax_shift"],
  ])("scores, method %s, every row", (method, column) => {
    const spill = entropy(block, dirs, "scores", [[`method=${method}; shift=0.0001`]]);
    expect(spill[0]).toEqual(["score"]);
    expect(maxRelErr(asNumbers(spill), referenceColumn("nqp_entropy_scores.csv", column).values)).toBeLessThan(TOL);
  });

  test("weights table: e, d, w per indicator and the row counts", () => {
    const spill = entropy(block, dirs, "weights");
    const e = ref.results.minmax_zero;
    expect(spill[0]).toEqual(["indicator", "e", "d", "w"]);
    names.forEach((n, j) => {
      const [name, ej, dj, wj] = spill[j + 1];
      expect(name).toBe(n);
      expect(maxRelErr([ej, dj, wj], [e.entropy_e[n], e.divergence_d[n], e.weights[n]])).toBeLessThan(TOL);
    });
    expect(spill[names.length + 1].slice(0, 2)).toEqual(["rows used", ref.results.n_rows_used]);
    expect(spill[names.length + 2].slice(0, 2)).toEqual(["rows without score", 0]);
  });
});

describe("=NQP.RESILIENCE on nqp_cities.csv (case nqp_martin_er)", () => {
  test("ER per row, blank in the first year", () => {
    const col = (n: string) => range(cities, [n]);
    const spill = resilience(col("gdp_pc"), col("city_id"), col("year"), col("national_gdp_pc"));
    expect(spill[0]).toEqual(["ER"]);
    expect(spill[1]).toEqual([""]);
    expect(maxRelErr(asNumbers(spill), referenceColumn("nqp_martin_er.csv", "ER").values)).toBeLessThan(TOL);
  });
});

describe("=NQP.WINSOR (case nqp_winsor cutoffs)", () => {
  const ref = readCase("nqp_winsor");
  test.each(ref.spec.variables as string[])("%s: the winsorised column spans exactly [p1, p99]", (name) => {
    const spill = winsor(range(withIndices, [name]), 0.01);
    expect(spill[0]).toEqual([`${name}_w`]);
    const v = asNumbers(spill).filter((x) => !Number.isNaN(x));
    const c = ref.results.cutoffs[name];
    expect(v.length).toBe(c.n);
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    expect(maxRelErr([lo, hi], [c.p1, c.p99])).toBeLessThan(TOL);
    // The replaced values sit on the cutoffs, with at least one original value there or beyond.
    expect(v.filter((x) => x === lo).length).toBeGreaterThan(c.n_below_p1);
    expect(v.filter((x) => x === hi).length).toBeGreaterThan(c.n_above_p99);
  });
  test("p = 1 (percent) gives the same as 0.01", () => {
    const x = range(withIndices, ["NQP"]);
    expect(winsor(x, 1)).toEqual(winsor(x, 0.01));
  });
});

describe("=NQP.DESCRIBE (case nqp_descriptives)", () => {
  const ref = readCase("nqp_descriptives");
  const vars = Object.keys(ref.results.estimation_sample);
  test.each([
    ["all_rows", "pairwise"],
    ["estimation_sample", "listwise"],
  ])("%s (%s)", (block, sample) => {
    const spill = describeFormula(range(withIndices, vars), sample);
    expect(spill[0]).toEqual(["variable", "N", "mean", "SD", "min", "max"]);
    vars.forEach((v, j) => {
      const [name, n, mean, sd, min, max] = spill[j + 1];
      const e = ref.results[block][v];
      expect(name).toBe(v);
      expect(n).toBe(e.n);
      for (const [a, b] of [[mean, e.mean], [sd, e.sd], [min, e.min], [max, e.max]]) expect(relErr(a, b)).toBeLessThan(TOL);
    });
  });

  test("corr: Pearson correlations on the estimation sample", () => {
    const expected = ref.results.pearson_corr_estimation_sample;
    const order = Object.keys(expected);
    const spill = describeFormula(range(withIndices, order), undefined, "corr");
    expect(spill[0]).toEqual(["", ...order]);
    order.forEach((a, i) => order.forEach((b, j) => expect(relErr(spill[i + 1][j + 1], expected[a][b])).toBeLessThan(TOL)));
  });

  test("vif: pooled-OLS VIFs on the estimation sample (rows where ER is present)", () => {
    const expected = ref.results.vif_pooled_ols;
    const regs = Object.keys(expected);
    const er = withIndices[0].indexOf("ER");
    const sample = [withIndices[0], ...withIndices.slice(1).filter((r) => r[er] !== "")];
    const spill = describeFormula(range(sample, regs), undefined, "vif");
    expect(spill[0]).toEqual(["variable", "VIF"]);
    regs.forEach((v, j) => {
      expect(spill[j + 1][0]).toBe(v);
      expect(relErr(spill[j + 1][1], expected[v])).toBeLessThan(TOL);
    });
  });
});
