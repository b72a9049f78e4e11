/** Argument parsing for custom functions (src/functions/args.ts): header rule, key ranges, lengths, options. */
import {
  detectHeader,
  isOmitted,
  keyRange,
  numericRange,
  OptionSchema,
  parseOptions,
  requireSameLength,
  toMatrix,
} from "../../src/functions/args";
import { InputError } from "../../src/engine/frame/errors";

describe("header rule", () => {
  test("first row of non-numeric text over at least one more row is a header", () => {
    expect(detectHeader([["y"], [1]])).toBe(true);
    expect(detectHeader([["a", "b"], [1, 2], [3, 4]])).toBe(true);
  });
  test("numbers, numeric text, missing tokens, a lone row or a partly-text first row are not", () => {
    expect(detectHeader([[1], [2]])).toBe(false);
    expect(detectHeader([["1.5"], [2]])).toBe(false);
    expect(detectHeader([["NA"], [2]])).toBe(false);
    expect(detectHeader([["#N/A"], [2]])).toBe(false);
    expect(detectHeader([["y"]])).toBe(false);
    expect(detectHeader([["a", 3], [1, 2]])).toBe(false);
  });
  test("numericRange names columns from the header, or argName / argName1..k", () => {
    expect(numericRange("x", [["gdp", "fdi"], [1, 2]]).names).toEqual(["gdp", "fdi"]);
    expect(numericRange("x", [[1, 2], [3, 4]]).names).toEqual(["x1", "x2"]);
    const y = numericRange("y", [[1], [2], [3]]);
    expect(y).toMatchObject({ names: ["y"], hasHeader: false, nrow: 3 });
    expect(y.columns).toEqual([[1, 2, 3]]);
  });
  test("duplicate header names are refused", () => {
    expect(() => numericRange("x", [["a", "a"], [1, 2]])).toThrow(/two columns named "a"/);
  });
  test("key ranges follow the numeric ranges' header decision", () => {
    expect(keyRange("id", [["Beijing"], ["Shanghai"]], false)).toMatchObject({ names: ["id"], nrow: 2 });
    expect(keyRange("id", [["city"], ["Shanghai"]], true)).toMatchObject({ names: ["city"], nrow: 1 });
    expect(() => keyRange("id", [[1, 2]], false)).toThrow(/id must be a single column but has 2/);
  });
});

describe("shapes and omitted arguments", () => {
  test("null, undefined, [] and [[null]] / [[\"\"]] are omitted", () => {
    for (const v of [null, undefined, [], [[null]], [[""]], ""]) expect(isOmitted(v)).toBe(true);
    expect(isOmitted([[0]])).toBe(false);
    expect(isOmitted([[null], [1]])).toBe(false);
  });
  test("a scalar becomes a 1x1 matrix; ragged rows are padded", () => {
    expect(toMatrix("a", 5)).toEqual([[5]]);
    expect(toMatrix("a", [[1, 2], [3]])).toEqual([[1, 2], [3, null]]);
    expect(() => toMatrix("y", null)).toThrow(/Argument y is empty/);
  });
});

test("requireSameLength names both arguments", () => {
  expect(() => requireSameLength([{ name: "y", nrow: 3123 }, { name: "x", nrow: 3124 }])).toThrow(/^x has 3124 rows but y has 3123/);
  expect(() => requireSameLength([{ name: "y", nrow: 3 }, { name: "x", nrow: 3 }])).not.toThrow();
  try {
    requireSameLength([{ name: "y", nrow: 1 }, { name: "x", nrow: 2 }]);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).kind).toBe("value");
  }
});

describe("parseOptions", () => {
  const schema: OptionSchema = {
    vcov: { kind: "choice", values: ["iid", "hc1", "cluster"] },
    keep_singletons: { kind: "flag" },
    level: { kind: "number", min: 0, max: 1 },
    label: { kind: "text" },
  };
  test("text form with ; or , separators, case-insensitive keys and choices, - for _", () => {
    expect(parseOptions([["VCOV=HC1; keep-singletons, level=0.9"]], schema)).toEqual({ vcov: "hc1", keep_singletons: true, level: 0.9 });
    expect(parseOptions("label = Model 1", schema)).toEqual({ label: "Model 1" });
  });
  test("two-column range form, booleans and numbers from cells", () => {
    expect(parseOptions([["vcov", "cluster"], ["keep_singletons", false], ["level", 0.99], [null, null]], schema)).toEqual({
      vcov: "cluster",
      keep_singletons: false,
      level: 0.99,
    });
  });
  test("omitted options give {}", () => {
    expect(parseOptions(undefined, schema)).toEqual({});
    expect(parseOptions([[null]], schema)).toEqual({});
  });
  test("errors list what is allowed", () => {
    expect(() => parseOptions("robust", schema)).toThrow('Unknown option "robust". Allowed options: vcov=iid|hc1|cluster; keep_singletons; level=<number>; label=<text>.');
    expect(() => parseOptions("vcov=hc3", schema)).toThrow(/vcov must be one of iid, hc1, cluster; got "hc3"/);
    expect(() => parseOptions("keep_singletons=maybe", schema)).toThrow(/is a switch/);
    expect(() => parseOptions("level=abc", schema)).toThrow(/level must be a number; got "abc"/);
    expect(() => parseOptions("level=2", schema)).toThrow(/between 0 and 1; got 2/);
  });
});
