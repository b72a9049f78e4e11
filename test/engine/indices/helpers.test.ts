/** Winsorising, location quotients and standardising: definitions checked on small hand-computed data. */
import { locationQuotient } from "../../../src/engine/indices/lq";
import { standardize, validateStandardizeMethod } from "../../../src/engine/indices/standardize";
import { pctile, winsorize } from "../../../src/engine/indices/winsor";

describe("Stata _pctile (R type 2)", () => {
  const x = Float64Array.from({ length: 200 }, (_, i) => 200 - i); // 1..200 reversed
  test("P = n q whole: average of order statistics P and P + 1", () => {
    expect(pctile(x, 0.01)).toBe(2.5); // P = 2 -> (2 + 3)/2
    expect(pctile(x, 0.99)).toBe(198.5); // P = 198 -> (198 + 199)/2
    expect(pctile(x, 0.5)).toBe(100.5);
  });
  test("P fractional: order statistic ceil(P)", () => {
    const y = Float64Array.from({ length: 150 }, (_, i) => i + 1);
    expect(pctile(y, 0.01)).toBe(2); // P = 1.5 -> 2nd
    expect(pctile(y, 0.99)).toBe(149); // P = 148.5 -> 149th
  });
  test("missing values are ignored", () => {
    expect(pctile(Float64Array.from([NaN, 3, 1, 2, NaN]), 0.5)).toBe(2); // n = 3, P = 1.5 -> 2nd
  });
});

describe("winsorize", () => {
  test("by group: cutoffs per group; missing group leaves the value unchanged", () => {
    const x = Float64Array.from([1, 2, 3, 100, 10, 20, 30, 1000, 5]);
    const codes = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, -1]);
    const r = winsorize(x, { lower: 0.25, upper: 0.75, by: { codes, levels: ["a", "b"] } });
    // group a: n = 4, P = 1 -> (1 + 2)/2 = 1.5; P = 3 -> (3 + 100)/2 = 51.5
    expect(r.cutoffs[0]).toMatchObject({ group: "a", lower: 1.5, upper: 51.5, n: 4, nBelow: 1, nAbove: 1 });
    expect(Array.from(r.values)).toEqual([1.5, 2, 3, 51.5, 15, 20, 30, 515, 5]);
    expect(r.nMissingGroup).toBe(1);
  });
  test("fractions are validated", () => {
    expect(() => winsorize(Float64Array.from([1, 2]), { lower: 0.6 })).toThrow(/0 < lower < 0.5 < upper < 1/);
  });
});

describe("location quotient", () => {
  test("(part/total)/(region_part/region_total) with scalar broadcasting; zero denominators blank", () => {
    const r = locationQuotient([10, 5, 1, NaN], [100, 100, 0, 1], [50], [1000]);
    expect(r.values[0]).toBeCloseTo(2, 14); // 0.1 / 0.05
    expect(r.values[1]).toBeCloseTo(1, 14);
    expect(r.values[2]).toBeNaN();
    expect(r.values[3]).toBeNaN();
    expect(r).toMatchObject({ nMissing: 2, nZeroDenominator: 1 });
  });
  test("length mismatch names the argument", () => {
    expect(() => locationQuotient([1, 2, 3], [1, 2], [1], [1])).toThrow(/total has 2 rows; it must have 3/);
  });
});

describe("standardize", () => {
  test("z-score with n - 1 sd; min-max; by group", () => {
    const z = standardize(Float64Array.from([1, 2, 3, NaN]));
    expect(Array.from(z.values)).toEqual([-1, 0, 1, NaN]); // mean 2, sd 1
    const mm = standardize(Float64Array.from([2, 4, 6]), "minmax");
    expect(Array.from(mm.values)).toEqual([0, 0.5, 1]);
    const g = standardize(Float64Array.from([1, 3, 10, 30]), "minmax", { codes: Int32Array.from([0, 0, 1, 1]), levels: ["x", "y"] });
    expect(Array.from(g.values)).toEqual([0, 1, 0, 1]);
  });
  test("a constant group is an error naming it; unknown method lists the allowed ones", () => {
    expect(() => standardize(Float64Array.from([1, 1, 2, 3]), "zscore", { codes: Int32Array.from([0, 0, 1, 1]), levels: ["x", "y"] })).toThrow(
      /constant in group "x"/,
    );
    expect(() => validateStandardizeMethod("rank")).toThrow(/Allowed: zscore, minmax/);
  });
});
