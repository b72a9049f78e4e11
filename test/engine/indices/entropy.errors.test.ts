/** Bad input to the entropy-weight method: each case has a defined behaviour and a message that names the culprit. */
import { InputError } from "../../../src/engine/frame";
import { entropyIndex, parseDirections, validateEntropyMethod } from "../../../src/engine/indices/entropy";

const a = Float64Array.from([1, 2, 3, 4]);
const b = Float64Array.from([10, 30, 20, 40]);
const k = Float64Array.from([5, 5, 5, 5]);

describe("entropy: bad input", () => {
  test("a constant indicator is an error naming the column", () => {
    expect(() => entropyIndex([a, k, b], ["a", "k", "b"])).toThrow(/Indicator "k" is constant/);
    expect(() => entropyIndex([a, k, b], ["a", "k", "b"])).toThrow(InputError);
  });

  test("a constant indicator is dropped on request: weight 0, reported, others as without it", () => {
    const r = entropyIndex([a, k, b], ["a", "k", "b"], { dropConstant: true });
    const ref = entropyIndex([a, b], ["a", "b"]);
    expect(r.dropped).toEqual(["k"]);
    expect(r.fits[0].weights[1]).toBe(0);
    expect(r.fits[0].e[1]).toBeNaN();
    expect([r.fits[0].weights[0], r.fits[0].weights[2]]).toEqual(Array.from(ref.fits[0].weights));
    expect(Array.from(r.scores)).toEqual(Array.from(ref.scores));
  });

  test("constant within one group names the group", () => {
    const codes = Int32Array.from([0, 0, 1, 1]);
    const c = Float64Array.from([1, 1, 2, 3]);
    expect(() => entropyIndex([c, b], ["c", "b"], { groups: { codes, levels: ["2012", "2013"] } })).toThrow(/"c" is constant in group "2012"/);
  });

  test("rows with a missing indicator get no score and are counted; weights use the other rows", () => {
    const withGap = Float64Array.from([1, NaN, 3, 4, 7]);
    const other = Float64Array.from([10, 30, 20, 40, 99]);
    const r = entropyIndex([withGap, other], ["a", "b"]);
    expect(r.nMissingIndicator).toBe(1);
    expect(r.nUsed).toBe(4);
    expect(r.scores[1]).toBeNaN();
    const ref = entropyIndex([Float64Array.from([1, 3, 4, 7]), Float64Array.from([10, 20, 40, 99])], ["a", "b"]);
    expect(Array.from(r.fits[0].weights)).toEqual(Array.from(ref.fits[0].weights));
  });

  test("fewer than two complete rows is an error", () => {
    expect(() => entropyIndex([Float64Array.from([1, NaN, 3]), Float64Array.from([1, 2, NaN])], ["a", "b"])).toThrow(
      /Only 1 row has every indicator present/,
    );
  });

  test("no complete row is an error", () => {
    expect(() => entropyIndex([Float64Array.from([NaN, 1]), Float64Array.from([1, NaN])], ["a", "b"])).toThrow(/No row has every indicator/);
  });

  test("directions: wrong length, bad token, accepted spellings", () => {
    expect(() => parseDirections(["+", "-"], ["a", "b", "c"])).toThrow(/2 entries but there are 3 indicators/);
    expect(() => parseDirections(["+", "up"], ["a", "b"])).toThrow(/Direction 2 \(indicator "b"\) is "up"/);
    expect(parseDirections(["+", "-", 1, -1, "neg", null], ["a", "b", "c", "d", "e", "f"])).toEqual([1, -1, 1, -1, -1, 1]);
    expect(() => entropyIndex([a, b], ["a", "b"], { directions: [1] })).toThrow(/1 entries but there are 2/);
  });

  test("shift: negative raw values are fine (normalisation comes first); the shift constant must be positive", () => {
    const neg = Float64Array.from([-5, -1, -3, -2]);
    const r = entropyIndex([neg, b], ["neg", "b"], { method: "shift" });
    const moved = entropyIndex([neg.map((v) => v + 100), b], ["neg", "b"], { method: "shift" });
    r.fits[0].weights.forEach((w, j) => expect(w).toBeCloseTo(moved.fits[0].weights[j], 12));
    expect(() => entropyIndex([a, b], ["a", "b"], { method: "shift", shift: -0.0001 })).toThrow(/shift constant must be a positive number/);
    expect(() => entropyIndex([a, b], ["a", "b"], { method: "shift", shift: 0 })).toThrow(/positive/);
  });

  test("unknown method lists the allowed values", () => {
    expect(() => validateEntropyMethod("topsis")).toThrow(/Allowed: minmax, shift/);
  });

  test("columns of different lengths", () => {
    expect(() => entropyIndex([a, Float64Array.from([1, 2])], ["a", "b"])).toThrow(/"b" has 2 rows but "a" has 4/);
  });
});
