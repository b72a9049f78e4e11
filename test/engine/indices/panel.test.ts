/** Panel index, lags, resilience edge cases and properties (hand-made panels; numbers derived in comments). */
import fc from "fast-check";
import { lagByPanel } from "../../../src/engine/indices/lag";
import { DuplicatePanelKeyError, panelIndex } from "../../../src/engine/indices/panel-index";
import { martinResilience, validateResilienceMethod } from "../../../src/engine/indices/resilience";

describe("panel index", () => {
  test("duplicate (id, time): error naming the first duplicate in input order and both rows", () => {
    const id = ["B", "A", "A", "B", "A"];
    const t = [2012, 2013, 2014, 2012, 2013];
    expect(() => panelIndex(id, t)).toThrow(DuplicatePanelKeyError);
    expect(() => panelIndex(id, t)).toThrow(/id "B" at time 2012 appears in data rows 1 and 4/);
  });

  test("a time that is not a whole period is an error naming its row (Stata's tsset needs integer time; 2013.5 was read as a gap)", () => {
    expect(() => panelIndex(["A", "A", "B"], [2012, 2013.5, 2012])).toThrow(/whole periods.*data row 2 holds 2013.5/);
    expect(() => martinResilience({ value: Float64Array.of(1, 2), id: ["A", "A"], time: Float64Array.of(2012, 2012.5) })).toThrow(/data row 2 holds 2012.5/);
  });

  test("missing keys are counted and left out of the order", () => {
    const p = panelIndex(["A", null, "A"], [1, 2, NaN]);
    expect(p.nMissingKey).toBe(2);
    expect(Array.from(p.order)).toEqual([0]);
  });
});

describe("panel lag", () => {
  // A: 2012, 2013, 2015 (gap in 2014); B: 2013, 2014; given unsorted.
  const id = ["A", "B", "A", "B", "A"];
  const t = [2015, 2014, 2012, 2013, 2013];
  const x = Float64Array.from([15, 24, 12, 23, 13]);

  test("lag 1 respects gaps and returns in input order", () => {
    const r = lagByPanel(x, id, t, 1);
    expect(Array.from(r.values)).toEqual([NaN, 23, NaN, NaN, 12]);
    expect(r.missing).toEqual({ missingKey: 0, beforeFirst: 2, gap: 1, missingValue: 0 });
  });

  test("lag 2 and lead 1", () => {
    expect(Array.from(lagByPanel(x, id, t, 2).values)).toEqual([13, NaN, NaN, NaN, NaN]);
    expect(Array.from(lagByPanel(x, id, t, -1).values)).toEqual([NaN, NaN, 13, 24, NaN]);
  });

  test("property: lag then lead returns x where both exist; row order does not matter", () => {
    const panel = fc
      .array(fc.record({ id: fc.constantFrom("A", "B", "C"), t: fc.integer({ min: 2000, max: 2008 }), x: fc.double({ noNaN: true, min: -1e6, max: 1e6 }) }), {
        maxLength: 30,
      })
      .map((rs) => rs.filter((r, k) => rs.findIndex((q) => q.id === r.id && q.t === r.t) === k))
      .chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray([...rs.keys()], { minLength: rs.length }), fc.integer({ min: 1, max: 3 })));
    fc.assert(
      fc.property(panel, ([rows, perm, k]) => {
        const x = Float64Array.from(rows, (r) => r.x);
        const ids = rows.map((r) => r.id);
        const ts = rows.map((r) => r.t);
        const lagged = lagByPanel(x, ids, ts, k).values;
        const back = lagByPanel(lagged, ids, ts, -k).values;
        rows.forEach((r, i) => {
          const hasPrev = rows.some((q) => q.id === r.id && q.t === r.t - k);
          expect(Number.isNaN(lagged[i])).toBe(!hasPrev);
          const hasNext = rows.some((q) => q.id === r.id && q.t === r.t + k);
          if (hasNext) expect(back[i]).toBe(x[i]);
        });
        const shuffled = lagByPanel(Float64Array.from(perm, (i) => x[i]), perm.map((i) => ids[i]), perm.map((i) => ts[i]), k).values;
        perm.forEach((i, p) => expect(Object.is(shuffled[p], lagged[i])).toBe(true));
      }),
    );
  });

  test("a fractional lag is an error", () => {
    expect(() => lagByPanel(x, id, t, 1.5)).toThrow(/whole number/);
  });
});

describe("resilience edge cases", () => {
  test("gaps, first periods, missing values, zero base and G_t = 0 are blanks with counted reasons", () => {
    // national: 100 (2012), 110 (2013), 110 (2014: G = 0), 121 (2015: G = 0.1)
    const id = ["A", "A", "A", "A", "B", "B", "B", "C", "C"];
    const t = [2012, 2013, 2014, 2015, 2012, 2013, 2015, 2012, 2013];
    const v = Float64Array.from([10, 12, 12, 13.2, 5, NaN, 7, 0, 3]);
    const nat = Float64Array.from([100, 110, 110, 121, 100, 110, 121, 100, 110]);
    const r = martinResilience({ value: v, id, time: t, national: nat });
    // A 2013: g = 0.2, G = 0.1 -> (0.2 - 0.1)/0.1 = 1; A 2015: g = 0.1, G = 0.1 -> 0
    expect(r.values[1]).toBeCloseTo(1, 12);
    expect(r.values[3]).toBeCloseTo(0, 12);
    expect(r.reasons).toEqual([
      "first_period", null, "national_zero", null, "first_period", "missing_value", "gap", "first_period", "zero_base",
    ]);
    expect(r.nMissing).toBe(7);
    expect(r.missingBy).toMatchObject({ first_period: 3, national_zero: 1, missing_value: 1, gap: 1, zero_base: 1 });
    const d = martinResilience({ value: v, id, time: t, national: nat, method: "difference" });
    expect(d.values[2]).toBeCloseTo(0, 12); // A 2014: g = 0, G = 0
  });

  test("without a national column: growth of the total over ids present in both periods", () => {
    // 2013: A 10 -> 12, B 20 -> 21, C enters at 100 (not in 2012): G = (12 + 21)/(10 + 20) - 1 = 0.1
    const r = martinResilience({ value: Float64Array.from([10, 12, 20, 21, 100]), id: ["A", "A", "B", "B", "C"], time: [1, 2, 1, 2, 2] });
    expect(r.nationalSource).toBe("cross_section_total");
    expect(r.nationalGrowth).toHaveLength(1);
    expect(r.nationalGrowth[0].G).toBeCloseTo(0.1, 14);
    expect(r.values[1]).toBeCloseTo((0.2 - 0.1) / 0.1, 12);
    expect(r.reasons[4]).toBe("first_period");
  });

  test("a national column that differs within a period is an error naming rows", () => {
    expect(() =>
      martinResilience({ value: Float64Array.from([1, 2, 3]), id: ["A", "B", "A"], time: [1, 1, 2], national: Float64Array.from([5, 6, 7]) }),
    ).toThrow(/period 1 has 5 in data row 1 and 6 in data row 2/);
  });

  test("duplicate (id, time) and unknown method", () => {
    expect(() => martinResilience({ value: Float64Array.from([1, 2]), id: ["A", "A"], time: [3, 3] })).toThrow(/Duplicate \(id, time\)/);
    expect(() => validateResilienceMethod("ratio")).toThrow(/Allowed: sensitivity, difference/);
  });

  test("property: invariant to row order (values follow their rows exactly)", () => {
    const panel = fc
      .record({ ids: fc.integer({ min: 1, max: 5 }), periods: fc.integer({ min: 2, max: 6 }) })
      .chain(({ ids, periods }) =>
        fc.tuple(
          fc.array(fc.double({ min: 1, max: 1e4, noNaN: true }), { minLength: ids * periods, maxLength: ids * periods }),
          fc.array(fc.boolean(), { minLength: ids * periods, maxLength: ids * periods }),
          fc.constant({ ids, periods }),
        ),
      )
      .chain(([vals, keep, dims]) => {
        const rows = vals.map((v, k) => ({ v, id: `i${k % dims.ids}`, t: 2000 + Math.floor(k / dims.ids) })).filter((_, k) => keep[k] || k < 2);
        return fc.tuple(fc.constant(rows), fc.shuffledSubarray([...rows.keys()], { minLength: rows.length }), fc.boolean());
      });
    fc.assert(
      fc.property(panel, ([rows, perm, useNational]) => {
        const run = (order: number[]) => {
          const rs = order.map((k) => rows[k]);
          return martinResilience({
            value: Float64Array.from(rs, (r) => r.v),
            id: rs.map((r) => r.id),
            time: rs.map((r) => r.t),
            national: useNational ? Float64Array.from(rs, (r) => 1000 * 1.05 ** (r.t - 2000)) : undefined,
          });
        };
        const a = run([...rows.keys()]);
        const b = run(perm);
        perm.forEach((k, p) => {
          expect(Object.is(b.values[p], a.values[k])).toBe(true);
          expect(b.reasons[p]).toBe(a.reasons[k]);
        });
      }),
    );
  });
});
