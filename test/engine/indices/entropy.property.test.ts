/** Property tests of the entropy-weight method (identities of the definition; no reference numbers). */
import fc from "fast-check";
import { Direction, entropyIndex } from "../../../src/engine/indices/entropy";

/** n x m blocks of non-constant indicators (each column has two distinct values forced in). */
const block = fc
  .record({ n: fc.integer({ min: 3, max: 30 }), m: fc.integer({ min: 1, max: 6 }) })
  .chain(({ n, m }) =>
    fc.array(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
  )
  .map((cols) => cols.map((c, j) => Float64Array.from(c, (v, i) => (i === 0 ? -2000 - j : i === 1 ? 2000 + j : v))));
const names = (m: number) => Array.from({ length: m }, (_, j) => `x${j + 1}`);
const methods = fc.constantFrom<"minmax" | "shift">("minmax", "shift");

describe("entropy weights: properties", () => {
  test("weights sum to 1, are non-negative, and scores lie in [0, 1]", () => {
    fc.assert(
      fc.property(block, methods, (cols, method) => {
        const r = entropyIndex(cols, names(cols.length), { method });
        const w = r.fits[0].weights;
        expect(Math.abs(w.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
        for (const x of w) expect(x).toBeGreaterThanOrEqual(0);
        for (const s of r.scores) {
          expect(s).toBeGreaterThanOrEqual(-1e-15);
          expect(s).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
    );
  });

  test("reversing an indicator's direction equals negating its values", () => {
    fc.assert(
      fc.property(block, methods, fc.nat(), (cols, method, pick) => {
        const j = pick % cols.length;
        const dirs: Direction[] = cols.map((_, k) => (k === j ? -1 : 1));
        const a = entropyIndex(cols, names(cols.length), { method, directions: dirs });
        const neg = cols.map((c, k) => (k === j ? c.map((v) => -v) : c));
        const b = entropyIndex(neg, names(cols.length), { method });
        for (let k = 0; k < cols.length; k++) expect(a.fits[0].weights[k]).toBeCloseTo(b.fits[0].weights[k], 12);
        a.scores.forEach((s, i) => expect(s).toBeCloseTo(b.scores[i], 12));
      }),
    );
  });

  test("permuting rows permutes scores and leaves weights unchanged", () => {
    fc.assert(
      fc.property(
        block.chain((cols) => fc.tuple(fc.constant(cols), fc.shuffledSubarray([...cols[0].keys()], { minLength: cols[0].length }))),
        methods,
        ([cols, perm], method) => {
          const a = entropyIndex(cols, names(cols.length), { method });
          const b = entropyIndex(cols.map((c) => Float64Array.from(perm, (i) => c[i])), names(cols.length), { method });
          for (let k = 0; k < cols.length; k++) expect(b.fits[0].weights[k]).toBeCloseTo(a.fits[0].weights[k], 12);
          perm.forEach((i, p) => expect(b.scores[p]).toBeCloseTo(a.scores[i], 12));
        },
      ),
    );
  });

  test("criterion layers add up to the total score and their weights to 1", () => {
    fc.assert(
      fc.property(block, (cols) => {
        const layers = cols.map((_, j) => (j % 2 === 0 ? "labor" : "means"));
        const r = entropyIndex(cols, names(cols.length), { layers });
        const total = r.layers.reduce((a, l) => a + l.weight[0], 0);
        expect(total).toBeCloseTo(1, 12);
        r.scores.forEach((s, i) => expect(r.layers.reduce((a, l) => a + l.scores[i], 0)).toBeCloseTo(s, 12));
      }),
    );
  });

  test("grouped fit equals separate pooled fits on each group", () => {
    fc.assert(
      fc.property(block, block, (a, b) => {
        const m = Math.min(a.length, b.length);
        const cols = Array.from({ length: m }, (_, j) => Float64Array.from([...a[j], ...b[j]]));
        const codes = Int32Array.from(cols[0], (_, i) => (i < a[0].length ? 0 : 1));
        const g = entropyIndex(cols, names(m), { groups: { codes, levels: ["2012", "2013"] } });
        const ra = entropyIndex(a.slice(0, m), names(m));
        const rb = entropyIndex(b.slice(0, m), names(m));
        expect(g.fits.map((f) => f.group)).toEqual(["2012", "2013"]);
        expect(Array.from(g.fits[0].weights)).toEqual(Array.from(ra.fits[0].weights));
        expect(Array.from(g.fits[1].weights)).toEqual(Array.from(rb.fits[0].weights));
        expect(Array.from(g.scores)).toEqual([...ra.scores, ...rb.scores]);
      }),
    );
  });

  test("rows with a missing indicator: same weights and scores as dropping those rows (extremes may sit on them)", () => {
    fc.assert(
      fc.property(block, fc.array(fc.nat(), { maxLength: 5 }), (cols, holes) => {
        const n = cols[0].length;
        // Put an extreme value on a row that then loses another indicator, so the first-pass min/max is wrong for it.
        const withHoles = cols.map((c) => Float64Array.from(c));
        for (const h of holes) {
          const i = 2 + (h % (n - 2));
          withHoles[h % cols.length][i] = NaN;
          withHoles[(h + 1) % cols.length][i] = 1e6;
        }
        const keep = [...Array(n).keys()].filter((i) => withHoles.every((c) => !Number.isNaN(c[i])));
        const a = entropyIndex(withHoles, names(cols.length));
        const b = entropyIndex(withHoles.map((c) => Float64Array.from(keep, (i) => c[i])), names(cols.length));
        expect(Array.from(a.fits[0].weights)).toEqual(Array.from(b.fits[0].weights));
        expect(Array.from(a.fits[0].min)).toEqual(Array.from(b.fits[0].min));
        expect(Array.from(a.fits[0].max)).toEqual(Array.from(b.fits[0].max));
        expect(keep.map((i) => a.scores[i])).toEqual(Array.from(b.scores));
        expect(a.nMissingIndicator).toBe(n - keep.length);
      }),
    );
  });
});
