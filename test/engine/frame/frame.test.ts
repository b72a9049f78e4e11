import { frameFromCells, numericColumn, keyColumn, encodeKeys, columnCodes, getColumn, FrameError, isMissingCell } from "../../../src/engine/frame";

describe("frameFromCells", () => {
  const cells = [
    ["id", "year", "y", "note"],
    ["A", 2012, 1.5, "ok"],
    ["A", "2013", "", "x"],
    ["B", 2012, "NA", "y"],
    ["B", 2013, "#N/A", "z"],
    ["C", 2012, ".", "w"],
    ["C", 2013, "2.5e1", "v"],
  ];

  it("turns missing tokens into NaN and numeric strings into numbers", () => {
    const f = frameFromCells(cells);
    expect(f.nrow).toBe(6);
    const y = numericColumn(f, "y");
    expect(y[0]).toBe(1.5);
    expect([1, 2, 3, 4].every((i) => Number.isNaN(y[i]))).toBe(true);
    expect(y[5]).toBe(25);
    expect(f.columns.get("y")!.nMissing).toBe(4);
    expect(numericColumn(f, "year")[1]).toBe(2013);
  });

  it("names the column and the first bad data row when text sits in a numeric column", () => {
    const f = frameFromCells(cells);
    expect(() => numericColumn(f, "note")).toThrow(FrameError);
    expect(() => numericColumn(f, "note")).toThrow(/Column "note".*data row 1.*"ok"/);
  });

  it("keeps text ids and encodes them in order of appearance", () => {
    const f = frameFromCells(cells);
    const { codes, levels } = encodeKeys(keyColumn(f, "id"));
    expect(Array.from(codes)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(levels).toEqual(["A", "B", "C"]);
    expect(keyColumn(f, "year")).toEqual(["2012", "2013", "2012", "2013", "2012", "2013"]);
  });

  it("rejects empty, unnamed and duplicate headers and unknown columns", () => {
    expect(() => frameFromCells([])).toThrow(/empty/);
    expect(() => frameFromCells([["a", ""], [1, 2]])).toThrow(/Column 2 has no name/);
    expect(() => frameFromCells([["a", "a"], [1, 2]])).toThrow(/appears twice/);
    expect(() => numericColumn(frameFromCells([["a"], [1]]), "b")).toThrow(/no column named "b"/);
  });

  it("treats Excel error values as missing", () => {
    for (const v of ["#DIV/0!", "#VALUE!", "#REF!", "#NUM!", "#NAME?", null, undefined, "", " NA "]) {
      expect(isMissingCell(v)).toBe(true);
    }
    expect(isMissingCell(0)).toBe(false);
    expect(isMissingCell("abc")).toBe(false);
  });

  it("columnCodes = encodeKeys(keyColumn) on numeric and text columns (0 and -0 one key)", () => {
    const f = frameFromCells([["n", "t"], [3, "b"], [3, 1], [-0, "NA"], [0, "b"], ["", 1.0], [1e21, "a"], [3, 2]]);
    for (const name of ["n", "t"]) expect(columnCodes(getColumn(f, name))).toEqual(encodeKeys(keyColumn(f, name)));
  });
});
