/**
 * Group helpers against their plain definitions: addByGroup (run-wise sums), addRunCounts and
 * groupCounts (run-wise counts), and the fast path of denseCodes for codes that are already dense in
 * order of first appearance (copied, or shared on request).
 */
import { addByGroup, addRunCounts, denseCodes, groupCounts } from "../../../src/engine/fe/groups";

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

/** Plain definition: s[codes[i]] += x[i] in row order. */
function plainSums(codes: Int32Array, x: Float64Array, levels: number): Float64Array {
  const s = new Float64Array(levels);
  for (let i = 0; i < codes.length; i++) s[codes[i]] += x[i];
  return s;
}

/** Plain definition of the dense re-coding (order of first appearance). */
function plainDense(codes: ArrayLike<number>): { codes: Int32Array; levels: number; original: Int32Array } {
  const map = new Map<number, number>();
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    if (!map.has(codes[i])) map.set(codes[i], map.size);
    out[i] = map.get(codes[i]) as number;
  }
  return { codes: out, levels: map.size, original: Int32Array.from(map.keys()) };
}

describe("addByGroup", () => {
  const rand = lcg(11);
  const n = 5000, levels = 300;
  const x = Float64Array.from({ length: n }, () => rand() * 1e3 - 500);

  test("sorted codes (each group one run): bitwise the plain loop", () => {
    const codes = Int32Array.from({ length: n }, (_, i) => Math.floor((i * levels) / n));
    const s = new Float64Array(levels);
    addByGroup(codes, x, s);
    expect(Array.from(s)).toEqual(Array.from(plainSums(codes, x, levels)));
  });

  test("shuffled and partly sorted codes: the plain sums to rounding", () => {
    const shuffled = Int32Array.from({ length: n }, () => Math.floor(rand() * levels));
    const blocks = Int32Array.from({ length: n }, (_, i) => (Math.floor(i / 7) * 13) % levels);
    for (const codes of [shuffled, blocks]) {
      const s = new Float64Array(levels);
      addByGroup(codes, x, s);
      const p = plainSums(codes, x, levels);
      for (let g = 0; g < levels; g++) expect(Math.abs(s[g] - p[g])).toBeLessThanOrEqual(1e-12 * 500 * n);
    }
  });

  test("adds to what is there; empty input is a no-op", () => {
    const s = Float64Array.from([1, 2]);
    addByGroup(Int32Array.from([1, 1, 0]), Float64Array.from([3, 4, 5]), s);
    expect(Array.from(s)).toEqual([6, 9]);
    addByGroup(new Int32Array(0), new Float64Array(0), s);
    expect(Array.from(s)).toEqual([6, 9]);
  });
});

describe("denseCodes", () => {
  test("already dense in first-appearance order: same as the general re-coding, and a copy", () => {
    const codes = Int32Array.from([0, 0, 1, 2, 1, 3, 0, 3]);
    const d = denseCodes(codes);
    const p = plainDense(codes);
    expect(Array.from(d.codes)).toEqual(Array.from(p.codes));
    expect(d.levels).toBe(p.levels);
    expect(Array.from(d.original)).toEqual(Array.from(p.original));
    expect(d.codes).not.toBe(codes);
  });

  test("not in first-appearance order, gaps, or plain arrays: the general re-coding", () => {
    for (const codes of [[1, 0, 1, 2], [0, 2, 2, 5], [3, 3, 0], [0, 1, 1, 2]]) {
      const d = denseCodes(codes);
      const p = plainDense(codes);
      expect(Array.from(d.codes)).toEqual(Array.from(p.codes));
      expect(d.levels).toBe(p.levels);
      expect(Array.from(d.original)).toEqual(Array.from(p.original));
    }
  });

  test("share: an already-dense Int32Array is returned itself; anything else is still re-coded or copied", () => {
    const codes = Int32Array.from([0, 0, 1, 2, 1, 3, 0, 3]);
    const d = denseCodes(codes, "group", true);
    expect(d.codes).toBe(codes);
    expect(d.levels).toBe(4);
    const gaps = Int32Array.from([0, 2, 2, 5]);
    const g = denseCodes(gaps, "group", true);
    expect(g.codes).not.toBe(gaps);
    expect(Array.from(g.codes)).toEqual(Array.from(plainDense(gaps).codes));
    const plain = [0, 1, 1, 2];
    expect(Array.from(denseCodes(plain, "group", true).codes)).toEqual(plain);
  });

  test("missing code: the message names the row", () => {
    expect(() => denseCodes(Int32Array.from([0, 1, -1]), "Fixed effect \"id\"")).toThrow(/row 3/);
  });
});

describe("addRunCounts and groupCounts", () => {
  test("equal the plain count on sorted, unsorted and single-run codes", () => {
    const rand = lcg(11);
    const levels = 37;
    const unsorted = Int32Array.from({ length: 5000 }, () => Math.floor(rand() * levels));
    const sorted = Int32Array.from(unsorted).sort();
    const oneRun = new Int32Array(100).fill(5);
    for (const codes of [unsorted, sorted, oneRun, new Int32Array(0)]) {
      const plain = new Float64Array(levels);
      for (let i = 0; i < codes.length; i++) plain[codes[i]]++;
      expect(Array.from(groupCounts(codes, levels))).toEqual(Array.from(plain));
      const c = new Int32Array(levels).fill(2);
      addRunCounts(codes, c);
      expect(Array.from(c)).toEqual(Array.from(plain, (v) => v + 2));
    }
  });
});
