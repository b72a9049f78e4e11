/** Issue 11 (bad input round 2) through the formulas: each case failed before the fix. */
import { entropy } from "../../src/functions/formulas/entropy";
import { fe2way } from "../../src/functions/formulas/fe2way";
import { lag } from "../../src/functions/formulas/lag";
import { resilience } from "../../src/functions/formulas/resilience";
import { lagByPanel } from "../../src/engine/indices/lag";
import { martinResilience } from "../../src/engine/indices/resilience";
import { excelErrorOf } from "../support/formula";

describe("non-finite cells in formula ranges", () => {
  test('=NQP.ENTROPY names the argument, column and row of "1e309"', () => {
    const e = excelErrorOf(() => entropy([["a", "b"], [1, 2], [2, "1e309"], [3, 1]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/Argument indicators \(column "b"\) row 3 holds "1e309" a number above 1\.8e308/);
  });

  test("=NQP.FE2WAY refuses it instead of spilling #N/A", () => {
    const y = [["y"], [1], [2], [3], [4]];
    const x = [["x"], [1], ["-1e400"], [0], [2]];
    const e = excelErrorOf(() => fe2way(y, x, [["id"], [1], [1], [2], [2]], [["t"], [1], [2], [1], [2]]));
    expect(e.message).toMatch(/Column "x" data row 2 holds a number below -1\.8e308/);
  });
});

describe("=NQP.ENTROPY with a repeated column", () => {
  test("the same indicator twice (no header) is refused, naming both columns", () => {
    const m = [[1, 5, 1], [2, 3, 2], [4, 1, 4]];
    expect(excelErrorOf(() => entropy(m)).message).toMatch(/column "indicators3" repeats column "indicators1"/);
  });
});

describe("resilience with a negative base level", () => {
  test('-5 -> 114.8 is flagged "negative_base", not a sign-flipped growth', () => {
    const r = martinResilience({
      value: Float64Array.of(-5, 114.8, 10, 11),
      id: ["A", "A", "B", "B"],
      time: Float64Array.of(2012, 2013, 2012, 2013),
      national: Float64Array.of(100, 110, 100, 110),
    });
    expect(r.reasons[1]).toBe("negative_base");
    expect(Number.isNaN(r.g[1])).toBe(true);
    expect(Number.isNaN(r.values[1])).toBe(true);
    expect(r.missingBy.negative_base).toBe(1);
    expect(r.values[3]).toBeCloseTo(0, 12); // B grows 10%, as the nation
    const d = resilience([["v"], [-5], [114.8], [10], [11]], [["id"], ["A"], ["A"], ["B"], ["B"]], [["t"], [2012], [2013], [2012], [2013]], undefined, undefined, "details");
    expect(d[2][3]).toBe("negative_base");
  });

  test("a negative cross-sectional total leaves national growth undefined", () => {
    const r = martinResilience({ value: Float64Array.of(-5, 1, 2, 3), id: ["A", "A", "B", "B"], time: Float64Array.of(1, 2, 1, 2) });
    expect(r.nationalGrowth).toEqual([]);
  });
});

describe("Excel date serials as the time column", () => {
  const dates = [["t"], [40909], [41275], [40909], [41275]]; // 2012-01-01, 2013-01-01
  const v = [["v"], [1], [2], [3], [4]];
  const id = [["id"], ["A"], ["A"], ["B"], ["B"]];

  test("=NQP.RESILIENCE and =NQP.LAG say that time must be a year", () => {
    for (const f of [() => resilience(v, id, dates), () => lag(v, id, dates)]) {
      expect(excelErrorOf(f).message).toMatch(/time looks like Excel dates \(its row 2 holds 40909, the date 2012-01-01\), but time must be a year .*=YEAR/);
    }
  });

  test("years still work", () => {
    const years = [["t"], [2012], [2013], [2012], [2013]];
    expect(lag(v, id, years)).toEqual([["L1_v"], [""], [1], [""], [3]]);
    expect(Array.from(lagByPanel(Float64Array.of(1, 2), ["A", "A"], Float64Array.of(1, 2), 1).values)).toEqual([NaN, 1]);
  });
});
