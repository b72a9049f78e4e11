/**
 * Source: test/reference/expected/nqp_winsor.json (cutoffs; numpy and R quantile type 2).
 * NQP and ER come from the reference per-row CSVs (joined by test/support/reference.ts).
 */
import { frameFromCells, numericColumn } from "../../../src/engine/frame";
import { winsorize } from "../../../src/engine/indices/winsor";
import { nqpCitiesWithIndices, readCase } from "../../support/reference";
import { maxRelErr } from "./fixtures";

const ref = readCase("nqp_winsor");

describe("winsorising at 1/99, case nqp_winsor cutoffs", () => {
  const frame = frameFromCells(nqpCitiesWithIndices());
  test.each(ref.spec.variables as string[])("%s", (name) => {
    const x = numericColumn(frame, name);
    const res = winsorize(x, { lower: 0.01, upper: 0.99 });
    const c = res.cutoffs[0];
    const e = ref.results.cutoffs[name];
    expect(maxRelErr([c.lower, c.upper], [e.p1, e.p99])).toBeLessThan(1e-10);
    expect([c.n, c.nBelow, c.nAbove]).toEqual([e.n, e.n_below_p1, e.n_above_p99]);
    for (let i = 0; i < x.length; i++) {
      if (Number.isNaN(x[i])) expect(res.values[i]).toBeNaN();
      else expect(res.values[i]).toBe(Math.min(Math.max(x[i], c.lower), c.upper));
    }
  });
});
