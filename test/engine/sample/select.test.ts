/** Sample selection: listwise deletion counted by variable, row subsets, iterative singletons (reghdfe). */
import { selectSample, takeRows } from "../../../src/engine/sample";

describe("selectSample", () => {
  const y = Float64Array.from([1, NaN, 3, 4, 5, 6, 7, NaN]);
  const x = Float64Array.from([1, 2, NaN, 4, 5, 6, 7, NaN]);
  const id = Int32Array.from([0, 0, 1, 1, 2, 2, 3, -1]);

  it("drops rows missing any variable and counts by variable", () => {
    const s = selectSample({ n: 8, numeric: [{ name: "y", values: y }, { name: "x", values: x }], keys: [{ name: "id", codes: id, fixedEffect: false }] });
    expect(Array.from(s.rows)).toEqual([0, 3, 4, 5, 6]);
    expect(s.droppedMissing).toBe(3);
    expect(s.missingBy).toEqual({ y: 2, x: 2, id: 1 });
    expect(s.nInput).toBe(8);
  });

  it("drops singletons iteratively: removing one can create another", () => {
    // Rows 0-3: id a a b c, year 0 1 1 2. Round 1 drops rows 0 (year 0 alone), 2 (id b alone) and
    // 3 (id c alone); that leaves id a with row 1 only, so round 2 drops it too. Rows 4-7 are a 2x2 block.
    const ida = Int32Array.from([0, 0, 1, 2, 3, 3, 4, 4]);
    const yr = Int32Array.from([0, 1, 1, 2, 5, 6, 5, 6]);
    const ones = new Float64Array(8).fill(1);
    const s = selectSample({ n: 8, numeric: [{ name: "y", values: ones }], keys: [{ name: "id", codes: ida, fixedEffect: true }, { name: "year", codes: yr, fixedEffect: true }] });
    expect(Array.from(s.rows)).toEqual([4, 5, 6, 7]);
    expect(s.droppedSingletons).toBe(4);
    const kept = selectSample({ n: 8, numeric: [{ name: "y", values: ones }], keys: [{ name: "id", codes: ida, fixedEffect: true }], keepSingletons: true });
    expect(kept.nUsed).toBe(8);
  });

  it("restricts to a row subset and rejects a bad one", () => {
    const s = selectSample({ n: 8, numeric: [{ name: "y", values: y }], keys: [], rows: Int32Array.from([1, 2, 3]) });
    expect(Array.from(s.rows)).toEqual([2, 3]);
    expect(s.nInput).toBe(3);
    expect(s.droppedMissing).toBe(1);
    expect(() => selectSample({ n: 8, numeric: [], keys: [], rows: Int32Array.from([3, 2]) })).toThrow(/ascending/);
  });

  it("takeRows gathers and copies", () => {
    expect(Array.from(takeRows(Float64Array.from([5, 6, 7]), Int32Array.from([0, 2])))).toEqual([5, 7]);
    const v = Float64Array.from([1, 2]);
    const c = takeRows(v, Int32Array.from([0, 1]));
    c[0] = 9;
    expect(v[0]).toBe(1);
  });
});
