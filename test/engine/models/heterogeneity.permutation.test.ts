/**
 * Fisher permutation test of the coefficient difference.
 * - On nqp_cities (hu_east split; reference cases nqp_split_hu_east_0/1 give the split coefficients):
 *   the observed difference is the split difference, the run is reproducible, reports progress and
 *   can be cancelled. (Wall time < 10 s for 500 replications is asserted in bench/cases/permutation.ts
 *   and test/cli/hetero.test.ts, outside jest's slow vm sandbox.)
 * - Under a true zero difference, p is uniform: a seeded simulation (200 synthetic panels of
 *   30 units x 4 periods, unit FE, group assigned at random to whole units, y = x + a_i + e, 49
 *   permutations each). Loose check: with R = 49 the p-value takes the values k/50 and
 *   P(p <= k/50) = k/50 exactly; we require each fifth of [0, 1] to hold 40 +- 20 of the 200 p-values
 *   (a chi-square(4) of at most ~40 would pass; the seeded outcome is fixed) and P(p <= 0.1) in [0.04, 0.18].
 */
import { Cell, frameFromCells, frameFromColumns } from "../../../src/engine/frame";
import { heterogeneity } from "../../../src/engine/models/heterogeneity";
import { LinearSpec } from "../../../src/engine/models/linear";
import { permutationTest } from "../../../src/engine/models/permutation";
import { CancelFlag, CancelledError, Progress } from "../../../src/engine/resample/control";
import { Rng } from "../../../src/engine/resample/rng";
import { nqpCitiesWithIndices, readCase, relErr } from "../../support/reference";

describe("permutation test on nqp_cities (hu_east)", () => {
  const frame = frameFromCells(nqpCitiesWithIndices());
  const spec: LinearSpec = { y: "ER", x: ["NQP", "GDP", "FTE", "BOOK", "OPEN", "FEF"], fe: ["city_id", "year"], cluster: ["city_id"] };
  const h = heterogeneity(frame, spec, { column: "hu_east" });
  const groups = [h.groups[0].result, h.groups[1].result] as const;

  it("observed difference = reference split difference; reproducible; progress; whole cities permuted", async () => {
    const d = readCase("nqp_split_hu_east_1").results.coef.NQP - readCase("nqp_split_hu_east_0").results.coef.NQP;
    const reports: Progress[] = [];
    const a = await permutationTest(frame, spec, groups, { reps: 40, seed: 99 }, { onProgress: (p) => reports.push(p), progressEvery: 10 });
    const b = await permutationTest(frame, spec, groups, { reps: 40, seed: 99 });
    expect(relErr(a.observed, d)).toBeLessThan(1e-8);
    expect(Array.from(a.differences)).toEqual(Array.from(b.differences));
    expect(a.pTwoSided).toBe(b.pTwoSided);
    expect(a.permuted).toBe("cluster:city_id");
    expect(a.nUnits).toBe(284);
    expect(reports.map((p) => p.done)).toEqual([0, 10, 20, 30, 40]);
    expect(a.pTwoSided).toBeGreaterThanOrEqual(1 / 41);
  });

  it("can be cancelled", async () => {
    const flag = new CancelFlag();
    const run = permutationTest(frame, spec, groups, { reps: 500, seed: 1 }, { signal: flag, progressEvery: 5, onProgress: (p) => p.done >= 10 && flag.abort() });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });
});

function normal(rng: Rng): number {
  // Box-Muller
  const u = 1 - rng.uniform();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.uniform());
}

function nullPanel(rng: Rng, units: number, periods: number) {
  const id: Cell[] = [];
  const t: Cell[] = [];
  const x: number[] = [];
  const y: number[] = [];
  const g: number[] = [];
  const labels = Array.from({ length: units }, (_, i) => (i < units / 2 ? 1 : 0));
  rng.shuffle(labels);
  for (let i = 0; i < units; i++) {
    const a = normal(rng);
    for (let s = 0; s < periods; s++) {
      id.push(`u${i}`);
      t.push(s);
      const xv = normal(rng);
      x.push(xv);
      y.push(xv + a + normal(rng));
      g.push(labels[i]);
    }
  }
  return frameFromColumns({ id, t, x: Float64Array.from(x), y: Float64Array.from(y), g: Float64Array.from(g) });
}

it("p-value is uniform under a true zero difference (seeded simulation)", async () => {
  const rng = new Rng(20261123);
  const S = 200;
  const ps: number[] = [];
  const spec: LinearSpec = { y: "y", x: ["x"], fe: ["id"], cluster: ["id"] };
  for (let s = 0; s < S; s++) {
    const f = nullPanel(rng, 30, 4);
    const h = heterogeneity(f, spec, { column: "g" });
    const r = await permutationTest(f, spec, [h.groups[0].result, h.groups[1].result], { reps: 49, seed: s }, { progressEvery: 49 });
    expect(r.permuted).toBe("cluster:id");
    ps.push(r.pTwoSided);
  }
  const bins = [0, 0, 0, 0, 0];
  for (const p of ps) bins[Math.min(4, Math.floor((p - 1e-12) / 0.2))]++;
  for (const b of bins) expect(Math.abs(b - 40)).toBeLessThanOrEqual(20);
  const small = ps.filter((p) => p <= 0.1).length / S;
  expect(small).toBeGreaterThanOrEqual(0.04);
  expect(small).toBeLessThanOrEqual(0.18);
}, 120000);
