/**
 * In-house oracles by reformulation (STYLE.md item 9): the sliding-window kernel matcher equals the
 * n_t x n_c brute force for every kernel; nearest neighbour with replacement equals a brute-force
 * search ordered by (distance, score, row) as test/reference/psm/README.md convention 5 states, also
 * with many exact ties in the scores.
 */
import { kernelAt, kernelMatch, matchScores, resolveMatchOptions, KERNEL_TYPES } from "../../../src/engine/matching";

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

function data(n: number, seed: number, rounded: boolean) {
  const u = lcg(seed);
  const ps = Float64Array.from({ length: n }, () => (rounded ? Math.round(u() * 40) / 40 : u()));
  const t = Float64Array.from({ length: n }, () => (u() < 0.4 ? 1 : 0));
  const y = Float64Array.from({ length: n }, () => u());
  return { ps, t, y };
}

describe.each(KERNEL_TYPES)("kernel %s: sliding window = brute force", (kernel) => {
  it.each([[0.06], [0.2]])("bwidth %p", (h) => {
    const { ps, t, y } = data(300, 11, false);
    const r = matchScores(ps, t, y, resolveMatchOptions({ method: "kernel", kernel, bwidth: h }));
    const w = new Float64Array(300);
    for (let i = 0; i < 300; i++) {
      if (t[i] !== 1) continue;
      const ks: [number, number][] = [];
      for (let c = 0; c < 300; c++) if (t[c] === 0 && (kernel === "normal" || Math.abs(ps[c] - ps[i]) <= h)) ks.push([c, kernelAt(kernel, (ps[c] - ps[i]) / h)]);
      const s = ks.reduce((a, [, v]) => a + v, 0);
      if (ks.length === 0 || !(s > 0)) {
        expect(r.rows.support[i]).toBe(0);
        continue;
      }
      let ym = 0;
      for (const [c, v] of ks) {
        w[c] += v / s;
        ym += (v / s) * y[c];
      }
      expect(Math.abs(r.rows.ymatch[i] - ym)).toBeLessThan(1e-13);
    }
    for (let c = 0; c < 300; c++) if (t[c] === 0) {
      if (w[c] === 0) expect(r.rows.weight[c]).toBeNaN();
      else expect(Math.abs(r.rows.weight[c] - w[c])).toBeLessThan(1e-12);
    }
  });
});

describe("nearest neighbour = brute force with psmatch2's tie order", () => {
  it.each([[false], [true]])("scores with many ties: %p", (rounded) => {
    const { ps, t } = data(250, 5, rounded);
    const r = matchScores(ps, t, undefined, resolveMatchOptions({ method: "nn" }));
    for (let i = 0; i < 250; i++) {
      if (t[i] !== 1) continue;
      let best = -1;
      for (let c = 0; c < 250; c++) {
        if (t[c] !== 0) continue;
        if (best < 0) { best = c; continue; }
        const d = Math.abs(ps[i] - ps[c]), db = Math.abs(ps[i] - ps[best]);
        if (d < db || (d === db && (ps[c] < ps[best] || (ps[c] === ps[best] && c < best)))) best = c;
      }
      expect(r.rows.neighbors![i]).toBe(best);
    }
  });
});

describe.each(["epan", "uniform"] as const)("kernel %s: prefix-sum window sums = direct pairs", (kernel) => {
  it.each([[0.06, false], [0.2, false], [0.05, true]])("bwidth %p (tied scores %p)", (h, rounded) => {
    const { ps, t, y } = data(2000, 21, rounded);
    const run = (algorithm: "direct" | "prefix") => {
      const support = new Uint8Array(2000).fill(1);
      const weight = Float64Array.from(t);
      const ymatch = new Float64Array(2000).fill(NaN);
      kernelMatch({ ps, treat: t, support, kernel, bwidth: h, y, weight, ymatch, algorithm });
      return { support, weight, ymatch };
    };
    const a = run("direct"), b = run("prefix");
    expect(Array.from(b.support)).toEqual(Array.from(a.support));
    for (let i = 0; i < 2000; i++) {
      if (a.weight[i] === 0) expect(b.weight[i]).toBe(0);
      else expect(Math.abs(b.weight[i] - a.weight[i])).toBeLessThan(1e-10 * Math.max(1, a.weight[i]));
      if (t[i] === 1 && a.support[i] === 1) expect(Math.abs(b.ymatch[i] - a.ymatch[i])).toBeLessThan(1e-11);
    }
  });
});
