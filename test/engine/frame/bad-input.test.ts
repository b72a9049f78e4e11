/** Issue 11 (bad input round 2): non-finite cells are refused by name and row; "1" and "1.0" are one key. */
import { encodeKeys, frameFromCells, frameFromColumns, keyColumn, numericColumn } from "../../../src/engine/frame";
import { FrameBuilder } from "../../../src/taskpane/worker/frame-builder";

describe("non-finite cells", () => {
  test('text "1e309" (Infinity when read) is refused naming the column and the data row', () => {
    const f = frameFromCells([["y", "x"], [1, "2"], [2, "1e309"], [3, "4"]]);
    expect(() => numericColumn(f, "x")).toThrow(/Column "x" data row 2 holds a number above 1\.8e308 \(read as Infinity\)/);
    expect(Array.from(numericColumn(f, "y"))).toEqual([1, 2, 3]);
  });

  test("an infinite number cell is refused too (it was silently missing), -Infinity as well", () => {
    const f = frameFromColumns({ a: [1, -Infinity, 3], b: [1, 2, Infinity] });
    expect(() => numericColumn(f, "a")).toThrow(/Column "a" data row 2 holds a number below -1\.8e308/);
    expect(() => numericColumn(f, "b")).toThrow(/Column "b" data row 3/);
  });

  test("NaN and the missing tokens stay missing", () => {
    const f = frameFromColumns({ a: [1, NaN, "#DIV/0!", "nan", "NULL", 2] });
    expect(Array.from(numericColumn(f, "a")).map((v) => Number.isNaN(v))).toEqual([false, true, true, true, true, false]);
  });
});

describe('ids "1" and "1.0" in a column that also holds text ids', () => {
  const rows = [["id"], ["1"], ["1.0"], ["A"], [1], [" 01 "], ["B"]];

  test("are one unit in the frame (as in an all-numeric column)", () => {
    const keys = keyColumn(frameFromCells(rows), "id");
    expect(keys).toEqual(["1", "1", "A", "1", "1", "B"]);
    expect(encodeKeys(keys).levels).toEqual(["1", "A", "B"]);
  });

  test("and in the task pane's chunked frame builder", () => {
    const b = new FrameBuilder(rows[0]);
    b.append(rows.slice(1, 3));
    b.append(rows.slice(3));
    expect(keyColumn(b.build(), "id")).toEqual(keyColumn(frameFromCells(rows), "id"));
  });
});
