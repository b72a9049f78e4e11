/** Index formulas: small spills computed by hand, and bad input mapped to Excel errors with messages. */
import { describe as describeFormula } from "../../src/functions/formulas/describe";
import { entropy } from "../../src/functions/formulas/entropy";
import { lag } from "../../src/functions/formulas/lag";
import { lq } from "../../src/functions/formulas/lq";
import { resilience } from "../../src/functions/formulas/resilience";
import { standardize } from "../../src/functions/formulas/standardize";
import { winsor } from "../../src/functions/formulas/winsor";
import { excelErrorOf as excelError } from "../support/formula";

const block = [
  ["a", "b", "c"],
  [1, 10, 5],
  [2, 30, 4],
  [3, "", 3],
  [4, 40, 1],
];

describe("=NQP.ENTROPY", () => {
  test("scores: header kept, blank for the row with a missing indicator", () => {
    const s = entropy(block);
    expect(s).toHaveLength(5);
    expect(s[0]).toEqual(["score"]);
    expect(s[3]).toEqual([""]);
    for (const r of [s[1], s[2], s[4]]) expect(typeof r[0]).toBe("number");
  });

  test("normalized matrix and layers", () => {
    const m = entropy(block, [["+", "+", "-"]], "normalized");
    expect(m[0]).toEqual(["a", "b", "c"]);
    expect(m[1]).toEqual([0, 0, 0]); // a: (1-1)/3, b: (10-10)/30, c: (5-5)/4 reversed
    expect(m[4]).toEqual([1, 1, 1]);
    const l = entropy(block, undefined, "scores", undefined, undefined, [["labor", "labor", "means"]]);
    expect(l[0]).toEqual(["score", "labor", "means"]);
    expect((l[1][1] as number) + (l[1][2] as number)).toBeCloseTo(l[1][0] as number, 14);
  });

  test("weights by group", () => {
    const data = [["a", "b"], [1, 10], [2, 30], [5, 7], [4, 40], [9, 1], [3, 2]];
    const years = [["year"], [2012], [2012], [2012], [2013], [2013], [2013]];
    const w = entropy(data, undefined, "weights", undefined, years);
    expect(w[0]).toEqual(["group", "indicator", "e", "d", "w"]);
    expect(w.slice(1, 5).map((r) => r.slice(0, 2))).toEqual([["2012", "a"], ["2012", "b"], ["2013", "a"], ["2013", "b"]]);
    expect((w[1][4] as number) + (w[2][4] as number)).toBeCloseTo(1, 14);
    expect(w[5].slice(0, 2)).toEqual(["rows used", 6]);
  });

  test("bad input: text cell, constant column, directions length, bad option, negative shift", () => {
    expect(excelError(() => entropy([["a", "b"], [1, 2], ["x", 3], [2, 4]])).message).toMatch(/column "a".*row 3 holds the text "x"/);
    const constant = [["a", "k"], [1, 5], [2, 5], [3, 5]];
    const e = excelError(() => entropy(constant));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/Indicator "k" is constant/);
    expect(entropy(constant, undefined, "weights", [["drop_constant"]])[2]).toEqual(["k", "", "", 0]);
    expect(excelError(() => entropy(block, [["+", "-"]])).message).toMatch(/2 entries but there are 3 indicators/);
    expect(excelError(() => entropy(block, undefined, "scores", [["method=topsis"]])).message).toMatch(/minmax, shift/);
    expect(excelError(() => entropy(block, undefined, "table")).message).toMatch(/scores, weights, normalized/);
    const negShift = excelError(() => entropy(block, undefined, "scores", [["method=shift; shift=-0.01"]]));
    expect(negShift.message).toMatch(/positive/);
    expect(negShift.code).toBe("#VALUE!"); // #NUM! would hide the message in Excel
  });
});

describe("=NQP.RESILIENCE and =NQP.LAG", () => {
  // Unsorted panel: A 2012/2013, B 2012/2013; national 100 -> 110 (G = 0.1).
  const id = [["id"], ["B"], ["A"], ["A"], ["B"]];
  const t = [["year"], [2013], [2013], [2012], [2012]];
  const v = [["gdp"], [22], [12], [10], [20]];
  const nat = [["nat"], [110], [110], [100], [100]];

  test("sensitivity and difference, input row order kept", () => {
    const s = resilience(v, id, t, nat);
    expect(s[0]).toEqual(["ER"]);
    expect(s[1][0]).toBeCloseTo(0, 12); // B: g = 0.1
    expect(s[2][0]).toBeCloseTo(1, 12); // A: g = 0.2 -> (0.2 - 0.1)/0.1
    expect(s.slice(3)).toEqual([[""], [""]]);
    expect(resilience(v, id, t, nat, "difference")[2][0]).toBeCloseTo(0.1, 12);
  });

  test("duplicate (id, time) and G_t = 0 and mismatched lengths", () => {
    expect(excelError(() => resilience(v, [["id"], ["A"], ["A"], ["A"], ["B"]], t)).message).toMatch(/id "A" at time 2013 appears in data rows 1 and 2/);
    const flat = [["nat"], [100], [100], [100], [100]];
    expect(resilience(v, id, t, flat).slice(1)).toEqual([[""], [""], [""], [""]]);
    expect(excelError(() => resilience(v, id.slice(0, 3), t)).message).toMatch(/id has 2 rows but value has 4/);
  });

  test("text in value or time names the argument and row; a blank id is a missing key", () => {
    expect(excelError(() => resilience([["gdp"], [1], ["n/a?"], [3], [4]], id, t)).message).toMatch(/value must be numeric but its row 3 holds the text "n\/a\?"/);
    expect(excelError(() => resilience(v, id, [["year"], [2013], ["y2013"], [2012], [2012]])).message).toMatch(/time must be numeric but its row 3/);
    const d = resilience(v, [["id"], ["B"], [""], ["A"], ["B"]], t, nat, undefined, "details");
    expect(d[2][3]).toBe("missing_key");
  });

  test("details: g, G, ER and the reason per row", () => {
    const d = resilience(v, id, t, nat, undefined, "details");
    expect(d[0]).toEqual(["g", "G", "ER", "reason"]);
    expect(d[3]).toEqual(["", "", "", "first_period"]);
    expect(d[2][3]).toBe("");
    expect(excelError(() => resilience(v, id, t, nat, undefined, "table")).message).toMatch(/values, details/);
  });

  test("lag 1 and lead 1 with headers", () => {
    expect(lag(v, id, t)).toEqual([["L1_gdp"], [20], [10], [""], [""]]);
    expect(lag(v, id, t, -1)).toEqual([["F1_gdp"], [""], [""], [12], [22]]);
    expect(excelError(() => lag(v, id, t, 0.5)).code).toBe("#NUM!");
  });
});

describe("=NQP.WINSOR, =NQP.LQ, =NQP.STANDARDIZE, =NQP.DESCRIBE", () => {
  test("winsor at 25% with hand-computed cutoffs (n = 4, P = 1 -> (1+2)/2; P = 3 -> (3+100)/2)", () => {
    expect(winsor([[1], [2], [3], [100]], 0.25)).toEqual([[1.5], [2], [3], [51.5]]);
    expect(excelError(() => winsor([[1], [2]], 60)).code).toBe("#NUM!");
  });

  test("LQ with single-cell region totals", () => {
    expect(lq([[10], [5]], [[100], [100]], [[50]], [[1000]])).toEqual([[2], [1]]);
    expect(lq([[10], [5]], [[0], [100]], [[50]], [[1000]])[0]).toEqual([""]);
  });

  test("standardize", () => {
    expect(standardize([["x"], [1], [2], [3]])).toEqual([["x_std"], [-1], [0], [1]]);
    expect(standardize([[2], [4], [6]], "minmax")).toEqual([[0], [0.5], [1]]);
    expect(excelError(() => standardize([[2], [4]], "rank")).message).toMatch(/zscore, minmax/);
  });

  test("describe: pairwise and listwise", () => {
    const data = [["x", "y"], [1, 10], [2, ""], [3, 30]];
    expect(describeFormula(data)).toEqual([
      ["variable", "N", "mean", "SD", "min", "max"],
      ["x", 3, 2, 1, 1, 3],
      ["y", 2, 20, Math.sqrt(200), 10, 30],
    ]);
    expect(describeFormula(data, "listwise")[1]).toEqual(["x", 2, 2, Math.SQRT2, 1, 3]);
  });
});
