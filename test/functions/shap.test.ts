/**
 * =NQP.SHAP through its wrapper on ranges cut from test/reference/boosting/data/boost_small.csv and
 * boost_small_missing.csv. Expected values: cases small_exact / small_missing (xgboost 1.7.4
 * pred_contribs in expected/<case>_rows.csv, importance in results.importance), README tolerances
 * (SHAP scaled 1e-5, predictions scaled 2e-6).
 */
import { FormulaError } from "../../src/functions/errors";
import { shap } from "../../src/functions/formulas/shap";
import { boostCase, boostCsv, caseRows, scaledError } from "../engine/trees/cases";

function ranges(file: string, names: string[]): any[][] {
  const { header, rows } = boostCsv(file);
  return [names, ...rows.map((r) => names.map((n) => (r[header.indexOf(n)] === "" ? null : Number(r[header.indexOf(n)]))))];
}

describe("NQP.SHAP", () => {
  it.each([["small_exact", "boost_small.csv", "trees=3; depth=2; eta=0.3"], ["small_missing", "boost_small_missing.csv", "trees=5; depth=3; eta=0.3"]])(
    "spills SHAP values, base value and prediction per row (%s)",
    (name, file, options) => {
      const c = boostCase(name);
      const t = shap(ranges(file, ["y"]), ranges(file, ["x1", "x2", "x3"]), [[options]]);
      expect(t[0]).toEqual(["x1", "x2", "x3", "base value", "prediction"]);
      expect(t.length).toBe(c.results.n + 1);
      const rows = caseRows(name, 3);
      expect(scaledError(t.slice(1).flatMap((r) => r.slice(0, 3)), rows.shap.flat())).toBeLessThanOrEqual(1e-5);
      expect(scaledError(t.slice(1).map((r) => r[4]), rows.prediction)).toBeLessThanOrEqual(2e-6);
      for (const r of t.slice(1)) expect(Math.abs(r[0] + r[1] + r[2] + r[3] - r[4])).toBeLessThan(1e-5 * 5);
    },
  );

  it("output=importance: mean |SHAP|, gain, cover, splits sorted by mean |SHAP| (small_exact)", () => {
    const imp = boostCase("small_exact").results.importance;
    const t = shap(ranges("boost_small.csv", ["y"]), ranges("boost_small.csv", ["x1", "x2", "x3"]), [["trees=3; depth=2; eta=0.3; output=importance"]]);
    expect(t[0]).toEqual(["feature", "mean |SHAP|", "gain", "cover", "splits"]);
    expect(t.slice(1).map((r) => r[0])).toEqual(["x1", "x2", "x3"]);
    for (const r of t.slice(1)) {
      expect(Math.abs(r[1] - imp.mean_abs_shap[r[0]])).toBeLessThan(1e-5 * 0.8);
      expect(Math.abs(r[2] / imp.gain[r[0]] - 1)).toBeLessThan(1e-6);
      expect(r[3]).toBe(imp.cover[r[0]]);
      expect(r[4]).toBe(imp.weight[r[0]]);
    }
  });

  it("errors name the argument and the rows", () => {
    const y = ranges("boost_small.csv", ["y"]);
    const x = ranges("boost_small.csv", ["x1", "x2"]);
    y[3][0] = null;
    expect(() => shap(y, x)).toThrow(FormulaError);
    expect(() => shap(y, x)).toThrow(/y "y" is missing .*data row 3/);
    expect(() => shap(ranges("boost_small.csv", ["y"]), x.slice(0, 10))).toThrow(/rows/);
    expect(() => shap(ranges("boost_small.csv", ["y"]), x, [["method=approx"]])).toThrow(/exact, hist/);
  });
});
