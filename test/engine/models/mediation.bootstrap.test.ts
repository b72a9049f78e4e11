/**
 * Cluster bootstrap of the indirect effect on nqp_cities (3,124 rows; common sample 2,840).
 * Sources: test/reference case nqp_mediation_DI (results.common_sample.sobel: a, b, indirect_ab).
 */
import { frameFromCells } from "../../../src/engine/frame";
import { bootstrapIndirect, IndirectBootstrapSpec } from "../../../src/engine/models/mediation-bootstrap";
import { completeRows } from "../../../src/engine/models/spec-frame";
import { CancelFlag, CancelledError, Progress } from "../../../src/engine/resample/control";
import { nqpCitiesWithIndices, readCase, relErr } from "../../support/reference";

const frame = frameFromCells(nqpCitiesWithIndices());
const controls = ["GDP", "FTE", "BOOK", "OPEN", "FEF"];
const rows = completeRows(frame, undefined, ["ER", "NQP", "DI", ...controls], ["city_id", "year"]);
const sobel = readCase("nqp_mediation_DI").results.common_sample.sobel;
const spec = (over: Partial<IndirectBootstrapSpec> = {}): IndirectBootstrapSpec => ({
  y: "ER",
  treat: "NQP",
  mediator: "DI",
  controls,
  fe: ["city_id", "year"],
  cluster: "city_id",
  rows,
  reps: 500,
  seed: 20261122,
  ...over,
});

describe("bootstrapIndirect", () => {
  // Wall time (< 10 s for 500 replications) is asserted outside jest, in test/cli/mediate.test.ts and
  // bench/cases/bootstrap.ts: jest's vm sandbox slows global lookups (Math.*) in hot loops many-fold.
  it("500 cluster replications: progress reported, interval covers the reference a*b, replication pipeline reproduces a and b", async () => {
    const reports: Progress[] = [];
    const r = await bootstrapIndirect(frame, spec(), { onProgress: (p) => reports.push(p), progressEvery: 50 });
    expect(rows.length).toBe(readCase("nqp_mediation_DI").results.common_sample.eq3_direct.N);
    expect(relErr(r.pointA, sobel.a)).toBeLessThan(1e-8);
    expect(relErr(r.pointB, sobel.b)).toBeLessThan(1e-8);
    expect(r.failed).toBe(0);
    expect(r.nClusters).toBe(284);
    expect(r.ciLow).toBeLessThan(sobel.indirect_ab);
    expect(r.ciHigh).toBeGreaterThan(sobel.indirect_ab);
    expect(reports.map((p) => p.done)).toEqual([0, 50, 100, 150, 200, 250, 300, 350, 400, 450, 500]);
    // The bootstrap SE is of the order of the delta-method (Sobel) SE: a loose sanity check, not a reference value.
    expect(r.se / sobel.se_ab).toBeGreaterThan(0.5);
    expect(r.se / sobel.se_ab).toBeLessThan(2);
  });

  it("is reproducible for a seed; another seed gives other draws", async () => {
    const a = await bootstrapIndirect(frame, spec({ reps: 20, seed: 7 }));
    const b = await bootstrapIndirect(frame, spec({ reps: 20, seed: 7 }));
    const c = await bootstrapIndirect(frame, spec({ reps: 20, seed: 8 }));
    expect(Array.from(a.indirect)).toEqual(Array.from(b.indirect));
    expect([a.ciLow, a.ciHigh]).toEqual([b.ciLow, b.ciHigh]);
    expect(Array.from(a.indirect)).not.toEqual(Array.from(c.indirect));
  });

  it("can be cancelled", async () => {
    const flag = new CancelFlag();
    const run = bootstrapIndirect(frame, spec(), {
      signal: flag,
      progressEvery: 10,
      onProgress: (p) => p.done >= 20 && flag.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });

  it("validates reps, seed and level", async () => {
    await expect(bootstrapIndirect(frame, spec({ reps: 1 }))).rejects.toThrow(/from 2 to/);
    await expect(bootstrapIndirect(frame, spec({ seed: -3 }))).rejects.toThrow(/seed must be a whole number/);
    await expect(bootstrapIndirect(frame, spec({ level: 95 }))).rejects.toThrow(/between 0 and 1/);
  });
});
